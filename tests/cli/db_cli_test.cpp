// The real `zhiyou` binary: `db backup` copies a SQLite database in use, whole and checked.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/database.hpp"
#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

class DbCli : public ::testing::Test {
 protected:
  TempDir dir;
  fs::path database() const { return dir.path() / "zhiyou.db"; }
  CommandResult run(const std::string& args, const fs::path& db) {
    return run_zhiyou(args + " --db " + quoted(db));
  }
  // One maker, one product and five codes of lot B1, each its own committed transaction.
  void fill() {
    ASSERT_EQ(run("entity add --uscc 91330212MA2G00001N --name 宁波甬优电器有限公司 --region 鄞州",
                  database())
                  .exit_code,
              0);
    ASSERT_EQ(run("product add --gtin 09506000134352 --name 电热水壶 --entity 91330212MA2G00001N",
                  database())
                  .exit_code,
              0);
    ASSERT_EQ(run("trace issue --gtin 09506000134352 --lot B1 --count 5", database()).exit_code, 0);
  }
  std::size_t entities(const fs::path& db) {
    const auto r = run("entity list --json", db);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out).at("entities").as_array().size();
  }
};

// Another process is in the middle of a write (the server storing a capture, say): the backup
// does not wait for it, and holds what was committed before it began and nothing of the
// write in progress. The copy opens as a Zhiyou database with its codes and an intact audit
// chain.
TEST_F(DbCli, ABackupWhileAnotherWriteIsInProgressHoldsWhatWasCommitted) {
  fill();
  auto writer = store::Database::open(database().string());
  ASSERT_TRUE(writer.ok()) << writer.error().describe();
  (*writer)->session() << "BEGIN IMMEDIATE";
  (*writer)->session() << "INSERT INTO entities (uscc, name, region_code, created_at)"
                          " VALUES ('91330203MA2AXX1X32', '未提交', 'haishu', '2026-11-24')";
  const fs::path copy = dir.path() / "备份" / "zhiyou-backup.db";
  fs::create_directories(copy.parent_path());
  const auto r = run("db backup --out " + quoted(copy), database());
  (*writer)->session() << "COMMIT";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已备份到"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("完整性检查通过"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(copy.string() + ".part"));

  EXPECT_EQ(entities(copy), 1U);        // the uncommitted maker is not in it
  EXPECT_EQ(entities(database()), 2U);  // and is in the database now
  const auto codes = run("trace codes --gtin 09506000134352 --lot B1", copy);
  ASSERT_EQ(codes.exit_code, 0) << codes.err;
  EXPECT_EQ(codes.out, run("trace codes --gtin 09506000134352 --lot B1", database()).out);
  EXPECT_EQ(run("audit verify", copy).exit_code, 0);
}

// A second backup replaces the first, whatever an interrupted one left; a missing directory
// or a device is refused with a message naming it, and nothing is written.
TEST_F(DbCli, ABackupReplacesTheOldOneAndRefusesWhatItCannotWrite) {
  fill();
  const fs::path copy = dir.path() / "backup.db";
  ASSERT_EQ(run("db backup --out " + quoted(copy), database()).exit_code, 0);
  ASSERT_EQ(run("trace issue --gtin 09506000134352 --lot B2 --count 3", database()).exit_code, 0);
  write_file(copy.string() + ".part", "left by a backup that was interrupted");
  const auto again = run("db backup --out " + quoted(copy), database());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(fs::exists(copy.string() + ".part"));
  const auto codes = run("trace codes --gtin 09506000134352 --lot B2", copy);
  EXPECT_EQ(codes.exit_code, 0) << codes.err;  // the second backup holds the later batch

  const fs::path nowhere = dir.path() / "no-such-dir" / "backup.db";
  const auto missing = run("db backup --out " + quoted(nowhere), database());
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("目录 " + nowhere.parent_path().string() + " 不存在"),
            std::string::npos)
      << missing.err;
  EXPECT_FALSE(fs::exists(nowhere.parent_path()));

  const auto device = run("db backup --out /dev/null", database());
  EXPECT_EQ(device.exit_code, 1);
  EXPECT_NE(device.err.find("须写入普通文件"), std::string::npos) << device.err;
}

TEST_F(DbCli, APostgresqlDatabaseIsPointedToPgDump) {
  const char* server = std::getenv("ZHIYOU_TEST_POSTGRES");
  if (server == nullptr || *server == '\0') {
    GTEST_SKIP() << "ZHIYOU_TEST_POSTGRES is not set; run under scripts/with-postgres.sh";
  }
  const auto r = run_zhiyou("db backup --out " + quoted(dir.path() / "pg.db") + " --db '" +
                            std::string(server) + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("pg_dump"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir.path() / "pg.db"));
}

}  // namespace
}  // namespace zhiyou::testing
