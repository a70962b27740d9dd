// store::database_fault and describe_failure on real failures of both engines: a full disk
// (SQLite, whose page limit gives the same SQLITE_FULL a full disk does), a writer held up by
// another one, and a PostgreSQL connection the server ended. Each failed write leaves nothing.
#include "store/database_error.hpp"

#include <soci/soci.h>

#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/bulk_load.hpp"
#include "store/engine_fixture.hpp"

namespace zhiyou::store::testing {
namespace {

class DatabaseErrorTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    db().session() << "CREATE TABLE notes (k TEXT PRIMARY KEY, body TEXT NOT NULL)";
  }

  // Runs `write` in a transaction and returns the exception it ended with (none: a failure).
  std::exception_ptr failure_of(const std::function<void()>& write) {
    try {
      (void)db().transaction([&]() -> Status {
        write();
        return Ok{};
      });
    } catch (...) {
      return std::current_exception();
    }
    ADD_FAILURE() << "the write did not fail";
    return nullptr;
  }

  static DatabaseFault fault_of(const std::exception_ptr& failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      return database_fault(e);
    }
  }

  static std::string text_of(const std::exception_ptr& failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      return describe_failure(e);
    }
  }

  // Rows of 10 KB each, far more than the page limit the SQLite tests set.
  void insert_many() {
    const std::string body(10'000, 'x');
    for (int i = 0; i < 200; ++i) {
      const std::string key = std::to_string(i);  // SOCI binds by reference: no temporaries
      db().session() << "INSERT INTO notes (k, body) VALUES (:k, :b)", soci::use(key),
          soci::use(body);
    }
  }

  // SQLite: the file may grow by a few pages only, as if the disk were nearly full.
  void limit_file_growth() {
    long long pages = 0;
    db().session() << "PRAGMA page_count", soci::into(pages);
    db().session() << "PRAGMA max_page_count = " + std::to_string(pages + 4);
  }
};
ZHIYOU_ON_BOTH_ENGINES(DatabaseErrorTest);

TEST_P(DatabaseErrorTest, AFullDiskIsSaidSoAndNothingIsKept) {
  if (GetParam() != Engine::sqlite) GTEST_SKIP() << "a full disk is simulated on SQLite only";
  limit_file_growth();
  const std::exception_ptr failure = failure_of([&] { insert_many(); });
  ASSERT_TRUE(failure);
  EXPECT_EQ(fault_of(failure), DatabaseFault::disk_full);
  const std::string text = text_of(failure);
  EXPECT_TRUE(text.starts_with("磁盘空间不足")) << text;
  EXPECT_NE(text.find("未保存任何修改"), std::string::npos) << text;
  EXPECT_NE(text.find("full"), std::string::npos) << text;  // SQLite's own words kept
  EXPECT_EQ(count("SELECT COUNT(*) FROM notes"), 0);
}

TEST_P(DatabaseErrorTest, ABulkLoadOntoAFullDiskIsSaidSoToo) {
  if (GetParam() != Engine::sqlite) GTEST_SKIP() << "a full disk is simulated on SQLite only";
  limit_file_growth();
  BulkInsert bulk(db(), "notes", {"k", "body"});
  std::vector<std::string> values;
  for (int i = 0; i < 200; ++i) {
    values.push_back(std::to_string(i));
    values.emplace_back(10'000, 'y');
  }
  const std::vector<std::string_view> views(values.begin(), values.end());
  const std::exception_ptr failure = failure_of([&] { (void)bulk.insert(views); });
  ASSERT_TRUE(failure);
  EXPECT_EQ(fault_of(failure), DatabaseFault::disk_full) << text_of(failure);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notes"), 0);
}

TEST_P(DatabaseErrorTest, AWriterHeldUpByAnotherIsToldToTryAgain) {
  std::unique_ptr<Database> other = reopen();
  ASSERT_TRUE(other);
  if (GetParam() == Engine::sqlite) {
    other->session() << "BEGIN IMMEDIATE";  // SQLite's one write lock
    db().session() << "PRAGMA busy_timeout = 20";
  } else {
    other->session() << "BEGIN";
    other->session() << "LOCK TABLE notes IN ACCESS EXCLUSIVE MODE";
    db().session() << "SET lock_timeout = '20ms'";
  }
  const std::exception_ptr failure =
      failure_of([&] { db().session() << "INSERT INTO notes (k, body) VALUES ('a', 'b')"; });
  other->session() << "ROLLBACK";
  ASSERT_TRUE(failure);
  EXPECT_EQ(fault_of(failure), DatabaseFault::busy) << text_of(failure);
  const std::string text = text_of(failure);
  EXPECT_TRUE(text.starts_with("数据库正被其他程序占用")) << text;
  EXPECT_NE(text.find("请稍后重试"), std::string::npos) << text;
  EXPECT_EQ(count("SELECT COUNT(*) FROM notes"), 0);
}

TEST_P(DatabaseErrorTest, AConnectionTheServerEndedIsSaidSo) {
  if (GetParam() != Engine::postgresql) GTEST_SKIP() << "SQLite has no server";
  long long pid = 0;
  db().session() << "SELECT pg_backend_pid()", soci::into(pid);
  std::unique_ptr<Database> other = reopen();
  ASSERT_TRUE(other);
  other->session() << "SELECT pg_terminate_backend(" + std::to_string(pid) + ")";
  const std::exception_ptr failure =
      failure_of([&] { db().session() << "INSERT INTO notes (k, body) VALUES ('a', 'b')"; });
  ASSERT_TRUE(failure);
  EXPECT_EQ(fault_of(failure), DatabaseFault::connection_lost) << text_of(failure);
  EXPECT_TRUE(text_of(failure).starts_with("与数据库服务器的连接中断")) << text_of(failure);
  long long rows = -1;
  other->session() << "SELECT COUNT(*) FROM notes", soci::into(rows);
  EXPECT_EQ(rows, 0);
}

TEST(DatabaseError, OtherExceptionsKeepTheirOwnWords) {
  const std::runtime_error other("something else");
  EXPECT_EQ(database_fault(other), DatabaseFault::other);
  EXPECT_EQ(describe_failure(other), "未能完成（something else）");
  EXPECT_TRUE(database_fault_text(DatabaseFault::other).empty());
}

}  // namespace
}  // namespace zhiyou::store::testing
