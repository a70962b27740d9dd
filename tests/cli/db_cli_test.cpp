// The real `zhiyou` binary: `db backup` copies a SQLite database in use, whole and checked;
// `db restore` puts a backup back, only when nothing else has the database open, keeping the
// database it replaces.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

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
  static CommandResult run(const std::string& args, const fs::path& db) {
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
  static std::size_t entities(const fs::path& db) {
    const auto r = run("entity list --json", db);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out).at("entities").as_array().size();
  }
  // fill(), a backup to `copy`, then a second maker registered after it.
  void back_up_then_register_another(const fs::path& copy) {
    fill();
    ASSERT_EQ(run("db backup --out " + quoted(copy), database()).exit_code, 0);
    ASSERT_EQ(
        run("entity add --uscc 91330203MA2AXX1X32 --name 备份后登记 --region 海曙", database())
            .exit_code,
        0);
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

// The files a restore kept: zhiyou.db.before-restore-{time} (and its -wal, when it had one).
std::vector<fs::path> kept_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("zhiyou.db.before-restore-")) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(DbCli, ARestorePutsTheBackupBackAndKeepsTheDatabaseItReplaced) {
  const fs::path copy = dir.path() / "backup.db";
  ASSERT_NO_FATAL_FAILURE(back_up_then_register_another(copy));
  ASSERT_EQ(entities(database()), 2U);

  const auto r = run("db restore --from " + quoted(copy), database());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已从"), std::string::npos) << r.out;
  EXPECT_EQ(entities(database()), 1U);  // as at the backup
  EXPECT_EQ(run("audit verify", database()).exit_code, 0);
  EXPECT_EQ(run("trace codes --gtin 09506000134352 --lot B1", database()).out,
            run("trace codes --gtin 09506000134352 --lot B1", copy).out);
  // The database it replaced is kept whole, the maker registered after the backup in it.
  const auto kept = kept_files(dir.path());
  ASSERT_EQ(kept.size(), 1U);
  EXPECT_NE(r.out.find("保留为 " + kept[0].string()), std::string::npos) << r.out;
  EXPECT_EQ(entities(kept[0]), 2U);
  EXPECT_FALSE(fs::exists(database().string() + ".restore-part"));
  // Restored again at once: the first database kept is not overwritten.
  ASSERT_EQ(run("db restore --from " + quoted(copy), database()).exit_code, 0);
  ASSERT_EQ(kept_files(dir.path()).size(), 2U);
  EXPECT_EQ(entities(kept_files(dir.path())[0]), 2U);
  // Writing goes on in the restored database.
  ASSERT_EQ(run("trace issue --gtin 09506000134352 --lot B2 --count 3", database()).exit_code, 0);
  EXPECT_EQ(run("audit verify", database()).exit_code, 0);
}

// A server or another command has the database open: nothing is changed or left behind.
TEST_F(DbCli, ARestoreWhileTheDatabaseIsInUseChangesNothing) {
  const fs::path copy = dir.path() / "backup.db";
  ASSERT_NO_FATAL_FAILURE(back_up_then_register_another(copy));
  {
    auto other = store::Database::open(database().string());
    ASSERT_TRUE(other.ok()) << other.error().describe();
    const auto r = run("db restore --from " + quoted(copy), database());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("正被其他程序使用"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("数据库未改动"), std::string::npos) << r.err;
  }
  EXPECT_EQ(entities(database()), 2U);
  EXPECT_TRUE(kept_files(dir.path()).empty());
  EXPECT_FALSE(fs::exists(database().string() + ".restore-part"));
}

// What is not a whole backup is refused before anything is touched: a file that is not a
// database, a database with commits still in its -wal (a live one, not a backup), and the
// database itself.
TEST_F(DbCli, ARestoreRefusesWhatIsNotAWholeBackup) {
  fill();
  const std::string before = read_file(database());
  const fs::path text = dir.path() / "notes.db";
  write_file(text, std::string(8192, 'x'));
  auto r = run("db restore --from " + quoted(text), database());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(text.string()), std::string::npos) << r.err;

  const fs::path live = dir.path() / "live.db";
  auto writer = store::Database::open(live.string());
  ASSERT_TRUE(writer.ok()) << writer.error().describe();
  (*writer)->session() << "PRAGMA wal_autocheckpoint = 0";
  (*writer)->session() << "INSERT INTO entities (uscc, name, region_code, created_at)"
                          " VALUES ('91330203MA2AXX1X32', '只在日志中', 'haishu', '2026-11-24')";
  r = run("db restore --from " + quoted(live), database());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("尚未并入"), std::string::npos) << r.err;

  r = run("db restore --from " + quoted(dir.path() / "nowhere.db"), database());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("不存在"), std::string::npos) << r.err;

  r = run("db restore --from " + quoted(database()), database());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("就是要恢复的数据库本身"), std::string::npos) << r.err;

  EXPECT_EQ(read_file(database()), before);
  EXPECT_TRUE(kept_files(dir.path()).empty());
}

// What a restore is for: a damaged database, here with a -wal of its own that must not be
// read into the restored one. Both are kept; a restore to where no database is yet works too.
TEST_F(DbCli, ADamagedDatabaseIsReplacedAndANewPlaceFilled) {
  fill();
  const fs::path copy = dir.path() / "backup.db";
  ASSERT_EQ(run("db backup --out " + quoted(copy), database()).exit_code, 0);
  fs::remove(database().string() + "-shm");
  write_file(database(), "damaged " + std::string(8192, '\x07'));
  write_file(database().string() + "-wal", "a log of the damaged file");

  auto r = run("db restore --from " + quoted(copy), database());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(entities(database()), 1U);
  EXPECT_EQ(run("audit verify", database()).exit_code, 0);
  const auto kept = kept_files(dir.path());
  ASSERT_EQ(kept.size(), 2U);  // the file and its -wal
  EXPECT_EQ(read_file(kept[0]).substr(0, 8), "damaged ");
  EXPECT_EQ(read_file(kept[1]), "a log of the damaged file");

  const fs::path fresh = dir.path() / "新机器" / "zhiyou.db";
  fs::create_directories(fresh.parent_path());
  r = run("db restore --from " + quoted(copy), fresh);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("保留为"), std::string::npos) << r.out;
  EXPECT_EQ(entities(fresh), 1U);
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

  fill();
  const fs::path copy = dir.path() / "backup.db";
  ASSERT_EQ(run("db backup --out " + quoted(copy), database()).exit_code, 0);
  const auto restore =
      run_zhiyou("db restore --from " + quoted(copy) + " --db '" + std::string(server) + "'");
  EXPECT_EQ(restore.exit_code, 1);
  EXPECT_NE(restore.err.find("pg_restore"), std::string::npos) << restore.err;
}

}  // namespace
}  // namespace zhiyou::testing
