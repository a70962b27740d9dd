#include "cli/database_option.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli/app.hpp"

namespace zhiyou::cli {

void add_database_option(CLI::App& command, std::string& target) {
  const char* env = std::getenv("ZHIYOU_DB");
  target = (env != nullptr && *env != '\0') ? env : "zhiyou.db";
  command
      .add_option("--db", target,
                  "数据库：SQLite 文件路径或 postgresql:// 连接串 (默认 $ZHIYOU_DB 或 ./zhiyou.db)")
      ->capture_default_str();
}

std::unique_ptr<store::Database> open_database(const std::string& url) {
  auto db = store::Database::open(url);
  if (!db.ok()) throw UserError{db.error().describe()};
  return std::move(db.value());
}

}  // namespace zhiyou::cli
