// The resolver's kept SQLite read snapshots (server/read_snapshots.hpp): what they show, and
// that an idle server lets go of them so the log can be checkpointed to its end.
#include "server/read_snapshots.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <thread>

#include "store/data_version.hpp"
#include "support/test_support.hpp"

namespace zhiyou::server::testing {
namespace {

using namespace std::chrono_literals;

class ReadSnapshotsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Database::open(url());
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    writer_ = std::move(*opened);
  }
  [[nodiscard]] std::string url() const { return (dir_.path() / "zhiyou.db").string(); }
  store::Database& writer() { return *writer_; }

  // A change to a table behind the trace version (what a scan shows).
  void add_entity(const std::string& uscc) {
    writer_->session() << "INSERT INTO entities (uscc, name, region_code, created_at)"
                          " VALUES (:u, 'x', 'yinzhou', '2026-11-23T08:00:00Z')",
        soci::use(uscc);
  }
  static long long entities(store::Database& db) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM entities", soci::into(n);
    return n;
  }

 private:
  zhiyou::testing::TempDir dir_;
  std::unique_ptr<store::Database> writer_;
};

TEST_F(ReadSnapshotsTest, ALeaseSeesTheVersionItAsksForAndRenewsOnRequest) {
  auto snapshots = ReadSnapshots::open(url(), 1, 1h);
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().describe();
  const std::int64_t before = store::data_versions(writer()).trace;
  {
    auto lease = (*snapshots)->acquire(before);
    EXPECT_EQ(entities(lease.db()), 0);
  }
  add_entity("91330212MA2G00001N");
  {
    // Kept: the snapshot is young and has seen the version asked for.
    auto lease = (*snapshots)->acquire(before);
    EXPECT_EQ(entities(lease.db()), 0);
    EXPECT_TRUE(lease.renew());
    EXPECT_EQ(entities(lease.db()), 1);
    EXPECT_FALSE(lease.renew());  // already renewed for this lease
  }
  add_entity("91330212MA2G00002N");
  auto lease = (*snapshots)->acquire(store::data_versions(writer()).trace);
  EXPECT_EQ(entities(lease.db()), 2);
  // Nothing is written through a reader.
  EXPECT_THROW(lease.db().session() << "DELETE FROM entities", soci::soci_error);
}

// A reader that is not used again ends its snapshot within about twice max_age: a full
// checkpoint of the log then completes instead of waiting for it.
TEST_F(ReadSnapshotsTest, AnIdleServerHoldsNoSnapshot) {
  auto snapshots = ReadSnapshots::open(url(), 2, 20ms);
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().describe();
  {
    auto a = (*snapshots)->acquire(0);
    auto b = (*snapshots)->acquire(0);
    EXPECT_EQ(entities(a.db()) + entities(b.db()), 0);
  }
  for (int i = 0; i < 50; ++i) add_entity("9133021200000" + std::to_string(10000 + i));
  std::this_thread::sleep_for(200ms);
  writer().session() << "PRAGMA busy_timeout = 0";
  int busy = -1, log = -1, copied = -1;
  writer().session() << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(log),
      soci::into(copied);
  EXPECT_EQ(busy, 0);
  EXPECT_EQ(log, 0);  // TRUNCATE: the log is empty again
}

}  // namespace
}  // namespace zhiyou::server::testing
