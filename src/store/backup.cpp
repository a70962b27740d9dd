#include "store/backup.hpp"

#include <fcntl.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

#include "store/database.hpp"
#include "store/database_error.hpp"
#include "store/migrations.hpp"

namespace zhiyou::store {
namespace {

// VACUUM INTO and copying leave syncing to the caller: without it a power cut soon after
// could leave a backup or a restored database that was reported written but is not on disk.
// A directory is synced the same way, so that a rename in it lasts.
Status sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return make_error("无法把 " + path + " 写入磁盘（" + reason + "）");
  }
  ::close(fd);
  return Ok{};
}

// SQLite's 16-byte header string, "SQLite format 3" and a NUL.
bool has_database_header(const std::string& path) {
  std::array<char, 16> header{};
  std::ifstream in(path, std::ios::binary);
  in.read(header.data(), header.size());
  return in.gcount() == 16 &&
         std::string_view(header.data(), 16) == std::string_view("SQLite format 3\0", 16);
}

// The database being replaced, opened on its own and held while it is moved aside. SQLite
// leaves WAL mode only when no other connection has the database open, so a "wal" answer to
// the switch means a server or a command is using it; the exclusive transaction then keeps
// any other program out until the connection is closed.
class HeldDatabase {
 public:
  HeldDatabase() = default;
  HeldDatabase(const HeldDatabase&) = delete;
  HeldDatabase& operator=(const HeldDatabase&) = delete;
  ~HeldDatabase() { release(); }

  Status hold(const std::string& path) {
    // Not a database at all: SQLite is not let near it, since opening such a file deletes a
    // -wal beside it, which the restore keeps.
    if (!has_database_header(path)) return Ok{};
    const std::string in_use =
        "数据库 " + path + " 正被其他程序使用（如 zhiyou serve）；请先停止服务再恢复。数据库未改动";
    if (sqlite_api::sqlite3_open_v2(path.c_str(), &connection_, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
      return failed(path);
    }
    std::string mode;
    const int rc = sqlite_api::sqlite3_exec(
        connection_, "PRAGMA journal_mode = DELETE",
        [](void* out, int, char** values, char**) {
          *static_cast<std::string*>(out) = values[0] == nullptr ? "" : values[0];
          return 0;
        },
        &mode, nullptr);
    const int code = rc & 0xff;
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) {
      release();  // damaged: what a restore is for; nothing to hold
      return Ok{};
    }
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED || (rc == SQLITE_OK && mode == "wal")) {
      return make_error(in_use);
    }
    if (rc != SQLITE_OK) return failed(path);
    if (sqlite_api::sqlite3_exec(connection_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
      return make_error(in_use);
    }
    return Ok{};
  }

  void release() {
    if (connection_ == nullptr) return;
    sqlite_api::sqlite3_exec(connection_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite_api::sqlite3_close(connection_);
    connection_ = nullptr;
  }

 private:
  Status failed(const std::string& path) {
    const std::string reason = sqlite_api::sqlite3_errmsg(connection_);
    release();
    return make_error("无法打开要替换的数据库 " + path + ": " + reason + "。数据库未改动");
  }

  sqlite_api::sqlite3* connection_ = nullptr;
};

// Renames, or an error naming both paths.
Status move(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  std::filesystem::rename(from, to, ec);
  if (ec) {
    return make_error("无法把 " + from.string() + " 改名为 " + to.string() + ": " + ec.message());
  }
  return Ok{};
}

}  // namespace

Result<BackupCopy> check_backup(const std::string& path) {
  BackupCopy copy;
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
  std::error_code size_error;
  copy.bytes = std::filesystem::file_size(path, size_error);
  return copy;
}

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
  return check_backup(path);
}

Result<Restored> restore_sqlite(const std::string& from, const std::string& target,
                                const std::string& stamp) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) {
    return make_error("备份文件 " + from + " 不存在或不是普通文件");
  }
  if (fs::exists(target, ec) && fs::equivalent(from, target, ec)) {
    return make_error("备份 " + from + " 就是要恢复的数据库本身");
  }
  // Commits still in a -wal beside it would not be copied: a live database, not a backup.
  if (fs::file_size(from + "-wal", ec) > 0 && !ec) {
    return make_error("备份 " + from + " 旁有尚未并入的 " + from +
                      "-wal：它像是正在使用的数据库而不是备份；请用 zhiyou db backup 生成的文件");
  }
  auto backup = check_backup(from);
  if (!backup) return backup.error();
  const int newest = migrations().back().version;
  if (backup->schema_version > newest) {
    return make_error("备份 " + from + " 的数据库结构是第 " +
                      std::to_string(backup->schema_version) + " 版，比本程序认识的第 " +
                      std::to_string(newest) + " 版新；请用更新的 Zhiyou 恢复");
  }

  const fs::path target_path(target);
  if (fs::path parent = target_path.parent_path();
      !parent.empty() && !fs::is_directory(parent, ec)) {
    return make_error("无法恢复到 " + target + "：目录 " + parent.string() + " 不存在");
  }
  HeldDatabase held;
  const bool replacing = fs::exists(target_path, ec);
  if (replacing) {
    if (Status locked = held.hold(target); !locked) return locked.error();
  }
  const std::string part = target + ".restore-part";
  fs::copy_file(from, part, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    fs::remove(part, ec);
    return make_error("无法把备份复制到 " + part + ": " + ec.message() + "。数据库未改动");
  }
  if (Status synced = sync_file(part); !synced) {
    fs::remove(part, ec);
    return synced.error();
  }

  Restored restored;
  restored.schema_version = backup->schema_version;
  if (replacing) {
    const std::string kept = target + ".before-restore-" + stamp;
    restored.kept = kept;
    for (int n = 2; fs::exists(restored.kept, ec); ++n) {  // two restores in one second
      restored.kept = kept + "-" + std::to_string(n);
    }
    if (Status moved = move(target_path, restored.kept); !moved) {
      fs::remove(part, ec);
      return moved.error();
    }
    // A -wal left beside the restored file would be read into it as if it were its own.
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
      if (!fs::exists(target + suffix, ec)) continue;
      if (Status moved = move(target + suffix, restored.kept + suffix); !moved) {
        fs::rename(restored.kept, target_path, ec);  // back as it was
        fs::remove(part, ec);
        return moved.error();
      }
    }
  }
  held.release();
  if (Status moved = move(part, target_path); !moved) {
    if (replacing) fs::rename(restored.kept, target_path, ec);  // back as it was
    return moved.error();
  }
  const fs::path directory =
      target_path.parent_path().empty() ? fs::path(".") : target_path.parent_path();
  if (Status synced = sync_file(directory.string()); !synced) return synced.error();
  return restored;
}

}  // namespace zhiyou::store
