// `zhiyou db backup`: a consistent copy of the SQLite database while it is in use.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/output_file.hpp"
#include "store/backup.hpp"

namespace zhiyou::cli {
namespace {

struct DbOptions {
  std::string db;
  std::string out;
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
}

}  // namespace zhiyou::cli
