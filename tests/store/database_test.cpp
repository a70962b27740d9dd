// store::Database: opening, engines, transactions and savepoints, on both engines.
#include "store/database.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <thread>

#include "engine_fixture.hpp"
#include "store/wal_checkpointer.hpp"

namespace zhiyou::store::testing {
namespace {

class DatabaseTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!IsSkipped() && !HasFatalFailure()) {
      db().session() << "CREATE TABLE scratch (id TEXT PRIMARY KEY)";
    }
  }
  void insert(const std::string& id) {
    db().session() << "INSERT INTO scratch (id) VALUES (:id)", soci::use(id);
  }
  long long rows() { return count("SELECT COUNT(*) FROM scratch"); }
};
ZHIYOU_ON_BOTH_ENGINES(DatabaseTest);

TEST_P(DatabaseTest, OpensTheRequestedEngineAndMigrates) {
  EXPECT_EQ(db().engine(), GetParam());
  EXPECT_GE(db().schema_version(), 1);
}

TEST_P(DatabaseTest, TransactionCommitsWhenFnSucceeds) {
  Status status = db().transaction([&]() -> Status {
    insert("a");
    insert("b");
    return Ok{};
  });
  ASSERT_TRUE(status.ok()) << status.error().describe();
  EXPECT_EQ(rows(), 2);
  auto other = reopen();
  ASSERT_NE(other, nullptr);
  long long seen = 0;
  other->session() << "SELECT COUNT(*) FROM scratch", soci::into(seen);
  EXPECT_EQ(seen, 2) << "committed rows are visible to another connection";
}

TEST_P(DatabaseTest, TransactionRollsBackAndReturnsAnErrorResult) {
  Status status = db().transaction([&]() -> Status {
    insert("a");
    return make_error("出错了", "plans.txt:3");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "出错了");
  EXPECT_EQ(status.error().place, "plans.txt:3");
  EXPECT_EQ(rows(), 0);
}

TEST_P(DatabaseTest, TransactionRollsBackAndRethrowsExceptions) {
  EXPECT_THROW((void)db().transaction([&]() -> Status {
    insert("a");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(rows(), 0);
  EXPECT_THROW((void)db().transaction([&]() -> Status {
    insert("a");
    insert("a");  // primary key violation
    return Ok{};
  }),
               soci::soci_error);
  EXPECT_EQ(rows(), 0);
  // The handle is usable again after both rollbacks.
  Status status = db().transaction([&]() -> Status {
    insert("c");
    return Ok{};
  });
  ASSERT_TRUE(status.ok()) << status.error().describe();
  EXPECT_EQ(rows(), 1);
}

TEST_P(DatabaseTest, NestedTransactionUndoesOnlyTheInnerWork) {
  Status status = db().transaction([&]() -> Status {
    insert("outer");
    Status inner = db().transaction([&]() -> Status {
      insert("inner");
      return make_error("内层失败");
    });
    EXPECT_FALSE(inner.ok());
    // An SQL error inside a savepoint must not poison the outer transaction (PostgreSQL
    // aborts the whole transaction unless the savepoint is rolled back).
    EXPECT_THROW((void)db().transaction([&]() -> Status {
      insert("outer");
      return Ok{};
    }),
                 soci::soci_error);
    insert("after");
    return Ok{};
  });
  ASSERT_TRUE(status.ok()) << status.error().describe();
  EXPECT_EQ(rows(), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM scratch WHERE id = 'inner'"), 0);
}

TEST_P(DatabaseTest, NestedSuccessIsUndoneByAnOuterFailure) {
  Status status = db().transaction([&]() -> Status {
    Status inner = db().transaction([&]() -> Status {
      insert("inner");
      return Ok{};
    });
    EXPECT_TRUE(inner.ok());
    return make_error("外层失败");
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(rows(), 0);
}

TEST_P(DatabaseTest, UnusableUrlIsAnErrorWithAMessage) {
  auto opened = Database::open(unusable_url());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message.rfind("无法打开数据库 ", 0), 0u) << opened.error().message;
  EXPECT_GT(opened.error().message.size(), std::string("无法打开数据库 ").size() + 10);
}

TEST_P(DatabaseTest, EmptyUrlIsAnError) {
  auto opened = Database::open("");
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().message.find("无法打开数据库"), std::string::npos);
}

TEST_P(DatabaseTest, PasswordsAreNotShownInMessages) {
  if (GetParam() == Engine::sqlite) {
    GTEST_SKIP() << "PostgreSQL urls only";
  }
  auto opened = Database::open("postgresql://zhiyou:s3cret@127.0.0.1:1/x?connect_timeout=2");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message.find("s3cret"), std::string::npos) << opened.error().message;
}

TEST_P(DatabaseTest, SqliteCreatesTheDirectoryAndUsesWal) {
  if (GetParam() != Engine::sqlite) {
    GTEST_SKIP() << "SQLite files only";
  }
  zhiyou::testing::TempDir dir;
  const auto path = dir.path() / "nested" / "deeper" / "zhiyou.db";
  auto opened = Database::open(path.string());  // a plain path, no "sqlite:" prefix
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  EXPECT_TRUE(std::filesystem::exists(path));
  std::string mode;
  int foreign_keys = 0;
  (*opened)->session() << "PRAGMA journal_mode", soci::into(mode);
  (*opened)->session() << "PRAGMA foreign_keys", soci::into(foreign_keys);
  EXPECT_EQ(mode, "wal");
  EXPECT_EQ(foreign_keys, 1);
}

// New databases have 16 KB pages (capture speed); one made with SQLite's 4 KB pages, as
// every database before session 17 was, opens as it is and keeps its rows and its pages.
TEST_P(DatabaseTest, ADatabaseWithSmallerPagesOpensAsItIs) {
  if (GetParam() != Engine::sqlite) {
    GTEST_SKIP() << "SQLite files only";
  }
  zhiyou::testing::TempDir dir;
  const auto path = dir.path() / "zhiyou.db";
  long long page_size = 0;
  {
    auto opened = Database::open(path.string());
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    (*opened)->session() << "PRAGMA page_size", soci::into(page_size);
    EXPECT_EQ(page_size, 16384);
  }
  const auto old_path = dir.path() / "old.db";
  {
    soci::session old(soci::sqlite3, "db=" + old_path.string());
    old << "PRAGMA page_size = 4096";
    old << "PRAGMA journal_mode = WAL";
    old << "CREATE TABLE scratch (id TEXT PRIMARY KEY)";
    old << "INSERT INTO scratch (id) VALUES ('kept')";
  }
  auto opened = Database::open(old_path.string());
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  Database& db = **opened;
  db.session() << "PRAGMA page_size", soci::into(page_size);
  EXPECT_EQ(page_size, 4096);
  EXPECT_GE(db.schema_version(), 1);
  std::string id;
  db.session() << "SELECT id FROM scratch", soci::into(id);
  EXPECT_EQ(id, "kept");
}

// A file that is not a SQLite database (a spreadsheet saved under the wrong name, say) is
// refused with a message that says so, and left exactly as it was.
TEST_P(DatabaseTest, AFileThatIsNotADatabaseIsSaidSoAndLeftAlone) {
  if (GetParam() != Engine::sqlite) {
    GTEST_SKIP() << "SQLite files only";
  }
  zhiyou::testing::TempDir dir;
  const auto path = dir.path() / "zhiyou.db";
  std::string junk(8192, '\0');
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 7919) % 251);
  zhiyou::testing::write_file(path, junk);
  auto opened = Database::open(path.string());
  ASSERT_FALSE(opened.ok());
  const std::string message = opened.error().describe();
  EXPECT_NE(message.find("数据库文件已损坏或不是 Zhiyou 的数据库"), std::string::npos) << message;
  EXPECT_NE(message.find("zhiyou.db"), std::string::npos) << message;
  EXPECT_EQ(zhiyou::testing::read_file(path), junk);
}

TEST_P(DatabaseTest, SqlitePathWithSpacesAndEquals) {
  if (GetParam() != Engine::sqlite) {
    GTEST_SKIP() << "SQLite files only";
  }
  zhiyou::testing::TempDir dir;
  for (const char* name : {"with space.db", "a=b.db"}) {
    const auto path = dir.path() / name;
    auto opened = Database::open("sqlite:" + path.string());
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    EXPECT_TRUE(std::filesystem::exists(path)) << path;
  }
}

// SQLite's write-ahead log (store/wal_checkpointer.hpp), on a file of its own.
class SqliteLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(path().string());
    ASSERT_TRUE(opened.ok()) << opened.error().describe();
    db_ = std::move(*opened);
    // A scale model: the real thresholds (64 and 256 MB of log) a sixteenth as large (4 and
    // 16 MB), the same behaviour in megabytes a test can write.
    db_->attached<WalCheckpointer>().set_thresholds(WalCheckpointer::kLogBytes / 16,
                                                    WalCheckpointer::kRestartBytes / 16);
    db_->session() << "CREATE TABLE big (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)";
  }

  [[nodiscard]] std::filesystem::path path() const { return dir_.path() / "zhiyou.db"; }
  Database& db() { return *db_; }

  // Rows first … first + count - 1 of 2 KB each, in one transaction: about half a page of
  // log a row.
  void insert_rows(int first, int count) {
    const Status written = db_->transaction([&]() -> Status {
      for (int id = first; id < first + count; ++id) {
        db_->session() << "INSERT INTO big (id, payload) VALUES (:i, printf('%.2000c', 'x'))",
            soci::use(id);
      }
      return Ok{};
    });
    ASSERT_TRUE(written.ok());
  }

  long long rows() {
    long long n = 0;
    db_->session() << "SELECT COUNT(*) FROM big", soci::into(n);
    return n;
  }

 private:
  zhiyou::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

// The log is copied back into the database file by a thread of the handle's own: a copy of
// the .db file taken while Zhiyou runs holds what was committed.
TEST_F(SqliteLogTest, CommitsReachTheDatabaseFileWhileItIsOpen) {
  const auto before = std::filesystem::file_size(path());
  // 3 000 rows: about 6 MB of log, past the 4 MB that start a checkpoint in the model.
  insert_rows(0, 3000);
  constexpr std::uintmax_t kRowsBytes = 3000ULL * 2000;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::filesystem::file_size(path()) < before + kRowsBytes &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_GE(std::filesystem::file_size(path()), before + kRowsBytes);
  EXPECT_EQ(rows(), 3000);
}

// Commits that follow each other closely (a long `zhiyou trace capture`) still let the log
// start over: its file stays near the restart threshold (16 MB in the model) instead of
// growing with everything written.
TEST_F(SqliteLogTest, StaysBoundedUnderBackToBackCommits) {
  // 20 commits of 1 600 rows of 2 KB: 64 MB of log in all, four times the bound.
  std::uintmax_t largest = 0;
  for (int commit = 0; commit < 20; ++commit) {
    insert_rows(commit * 1600, 1600);
    largest = std::max(largest, std::filesystem::file_size(path().string() + "-wal"));
  }
  // The bound, and what the commit that crosses it and the one after it add (pages a tenth
  // larger than their rows, for the frames' headers and the pages' own).
  constexpr std::uintmax_t kCommitBytes = 1600ULL * 2000;
  EXPECT_LT(largest, WalCheckpointer::kRestartBytes / 16 + 2 * kCommitBytes * 11 / 10);
  EXPECT_EQ(rows(), 32000);
}

}  // namespace
}  // namespace zhiyou::store::testing
