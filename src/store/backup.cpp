#include "store/backup.hpp"

#include <fcntl.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "store/database.hpp"
#include "store/database_error.hpp"

namespace zhiyou::store {
namespace {

// VACUUM INTO leaves syncing to the caller: without it a power cut soon after could leave a
// backup that was reported written but is not on disk.
Status sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return make_error("无法把备份写入磁盘 " + path + "（" + reason + "）");
  }
  ::close(fd);
  return Ok{};
}

// The copy opened read-only on its own: `PRAGMA quick_check` says "ok", and its schema
// version is read.
Status check_copy(const std::string& path, BackupCopy& copy) {
  sqlite_api::sqlite3* connection = nullptr;
  const auto close = [&] { sqlite_api::sqlite3_close(connection); };
  const auto one_row = [&](const char* sql) -> std::string {
    sqlite_api::sqlite3_stmt* statement = nullptr;
    std::string text;
    if (sqlite_api::sqlite3_prepare_v2(connection, sql, -1, &statement, nullptr) == SQLITE_OK &&
        sqlite_api::sqlite3_step(statement) == SQLITE_ROW) {
      const auto* value = sqlite_api::sqlite3_column_text(statement, 0);
      text = value == nullptr ? "" : reinterpret_cast<const char*>(value);
    } else {
      text = std::string("错误: ") + sqlite_api::sqlite3_errmsg(connection);
    }
    sqlite_api::sqlite3_finalize(statement);
    return text;
  };
  if (sqlite_api::sqlite3_open_v2(path.c_str(), &connection, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    const std::string reason = sqlite_api::sqlite3_errmsg(connection);
    close();
    return make_error("备份 " + path + " 无法打开检查: " + reason);
  }
  const std::string verdict = one_row("PRAGMA quick_check");
  const std::string version = one_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  close();
  if (verdict != "ok") return make_error("备份 " + path + " 未通过完整性检查: " + verdict);
  const auto [end, ec] =
      std::from_chars(version.data(), version.data() + version.size(), copy.schema_version);
  if (ec != std::errc{} || end != version.data() + version.size() || copy.schema_version <= 0) {
    return make_error("备份 " + path + " 中没有 Zhiyou 的数据库结构: " + version);
  }
  return Ok{};
}

}  // namespace

Result<BackupCopy> backup_sqlite(Database& db, const std::string& path) {
  if (db.engine() != Engine::sqlite) {
    return make_error(
        "PostgreSQL 数据库请用 PostgreSQL 自己的工具备份，例如 pg_dump -Fc -f zhiyou.dump 连接串");
  }
  try {
    db.session() << "VACUUM INTO :path", soci::use(path);
  } catch (const std::exception& e) {
    return make_error("无法备份到 " + path + ": " + describe_failure(e));
  }
  if (Status synced = sync_file(path); !synced) return synced.error();
  BackupCopy copy;
  if (Status checked = check_copy(path, copy); !checked) return checked.error();
  std::error_code ec;
  copy.bytes = std::filesystem::file_size(path, ec);
  return copy;
}

}  // namespace zhiyou::store
