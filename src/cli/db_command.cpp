// `zhiyou db backup`: a consistent copy of the SQLite database while it is in use;
// `zhiyou db restore`: putting one back in place of the database, keeping the one replaced.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/output_file.hpp"
#include "core/date_time.hpp"
#include "store/backup.hpp"
#include "store/database.hpp"

namespace zhiyou::cli {
namespace {

struct DbOptions {
  std::string db;
  std::string out;
  std::string from;
};

void backup(const DbOptions& options) {
  auto db = open_database(options.db);
  OutputFile out(options.out);
  if (out.write_path() == out.path()) {
    throw UserError{"备份须写入普通文件，" + out.path() + " 是设备、管道或符号链接"};
  }
  const std::filesystem::path parent = std::filesystem::path(out.path()).parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::is_directory(parent, ec)) {
    throw UserError{"无法备份到 " + out.path() + "：目录 " + parent.string() + " 不存在"};
  }
  std::filesystem::remove(out.write_path(), ec);  // a temporary an interrupted backup left
  auto copy = store::backup_sqlite(*db, out.write_path());
  if (!copy) throw UserError{copy.error().describe()};
  if (Status renamed = out.commit(); !renamed) throw UserError{renamed.error().describe()};
  fmt::print("已备份到 {}（{:.1f} MB，数据库结构第 {} 版，完整性检查通过）\n", out.path(),
             static_cast<double>(copy->bytes) / 1e6, copy->schema_version);
}

// "20261124-153000" (Beijing time) for the name the replaced database keeps.
std::string file_stamp() {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  std::string stamp = beijing_time(now.count());  // "2026-11-24 15:30:00"
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  std::replace(stamp.begin(), stamp.end(), ' ', '-');
  return stamp;
}

void restore(const DbOptions& options) {
  if (store::is_postgresql_url(options.db)) {
    throw UserError{
        "PostgreSQL 数据库请用 PostgreSQL 自己的工具恢复，例如 pg_restore -d 连接串 zhiyou.dump"};
  }
  auto restored = store::restore_sqlite(options.from, options.db, file_stamp());
  if (!restored) throw UserError{restored.error().describe()};
  // Opening migrates a backup made by an older Zhiyou, and says so now rather than at the
  // server's start.
  open_database(options.db);
  fmt::print("已从 {} 恢复数据库 {}（备份的数据库结构第 {} 版，完整性检查通过）\n", options.from,
             options.db, restored->schema_version);
  if (!restored->kept.empty()) fmt::print("被替换的数据库保留为 {}\n", restored->kept);
}

}  // namespace

void add_db_commands(CLI::App& app) {
  auto options = std::make_shared<DbOptions>();
  CLI::App* db = app.add_subcommand("db", "数据库维护 / database maintenance");
  db->require_subcommand(1);
  CLI::App* backup_command = db->add_subcommand(
      "backup",
      "备份 SQLite 数据库（服务运行中也可以）：某一时刻的完整副本，含尚在 WAL 日志中的修改；"
      "恢复时停止服务，用备份替换数据库文件并删去旧的 -wal、-shm 文件");
  backup_command->add_option("--out", options->out, "备份文件")->required();
  add_database_option(*backup_command, options->db);
  backup_command->callback([options] { backup(*options); });

  CLI::App* restore_command = db->add_subcommand(
      "restore",
      "用备份替换 SQLite 数据库（须先停止服务）：先检查备份，被替换的数据库连同其 -wal、-shm "
      "改名保留为 数据库.before-restore-时间");
  restore_command->add_option("--from", options->from, "db backup 生成的备份文件")->required();
  add_database_option(*restore_command, options->db);
  restore_command->callback([options] { restore(*options); });
}

}  // namespace zhiyou::cli
