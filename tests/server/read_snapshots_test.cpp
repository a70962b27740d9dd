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
  const store::DataVersions before = store::data_versions(writer());
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
  auto lease = (*snapshots)->acquire(store::data_versions(writer()));
  EXPECT_EQ(entities(lease.db()), 2);
  // Nothing is written through a reader.
  EXPECT_THROW(lease.db().session() << "DELETE FROM entities", soci::soci_error);
}

// Scans are recorded every second and counted apart from what a scan shows (migration 13):
// they leave the trace version alone, and a lease asked for their version sees them.
TEST_F(ReadSnapshotsTest, ARecordedScanMovesOnlyTheScansVersionAndIsSeenWhenAskedFor) {
  auto snapshots = ReadSnapshots::open(url(), 1, 1h);
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().describe();
  const store::DataVersions before = store::data_versions(writer());
  auto places = [](store::Database& db) {
    long long n = 0;
    db.session() << "SELECT COUNT(*) FROM scan_places", soci::into(n);
    return n;
  };
  { EXPECT_EQ(places((*snapshots)->acquire(before).db()), 0); }
  writer().session() << "INSERT INTO scan_places (gtin, serial, place, first_at, last_at, scans)"
                        " VALUES ('09506000134352', '1', '330212', 'a', 'a', 1)";
  const store::DataVersions after = store::data_versions(writer());
  EXPECT_EQ(after.trace, before.trace);
  EXPECT_GT(after.scans, before.scans);
  { EXPECT_EQ(places((*snapshots)->acquire(before).db()), 0); }  // kept: nothing newer asked
  EXPECT_EQ(places((*snapshots)->acquire(after).db()), 1);
}

// A reader that is not used again ends its snapshot within about twice max_age: a full
// checkpoint of the log then completes instead of waiting for it.
TEST_F(ReadSnapshotsTest, AnIdleServerHoldsNoSnapshot) {
  auto snapshots = ReadSnapshots::open(url(), 2, 20ms);
  ASSERT_TRUE(snapshots.ok()) << snapshots.error().describe();
  {
    auto a = (*snapshots)->acquire({});
    auto b = (*snapshots)->acquire({});
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
