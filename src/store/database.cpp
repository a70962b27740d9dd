#include "store/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <filesystem>
#include <string>
#include <system_error>

#include "store/database_error.hpp"
#include "store/migrations.hpp"
#include "store/postgres_url.hpp"
#include "store/wal_checkpointer.hpp"

namespace zhiyou::store {
namespace {
namespace fs = std::filesystem;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The url as it may appear in a message: passwords replaced by "***".
std::string redacted(std::string_view url) {
  std::string out(url);
  if (const auto scheme = out.find("://"); scheme != std::string::npos) {
    const auto at = out.find('@', scheme);
    const auto colon = out.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  if (const auto pw = out.find("password="); pw != std::string::npos) {
    const auto end = out.find_first_of(" &", pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

Error open_error(std::string_view url, std::string_view reason) {
  return make_error("无法打开数据库 " + redacted(url) + ": " + std::string(reason));
}

// SOCI 4.0 reads a connect string without '=' as a bare file name; anything else is parsed
// as key=value pairs, where a quoted value may hold spaces.
Result<std::string> sqlite_connect_string(const std::string& path) {
  if (path.find('=') == std::string::npos) {
    return path;
  }
  if (path.find('"') != std::string::npos) {
    return make_error("路径中不能同时含有 '=' 和 '\"'");
  }
  return "db=\"" + path + "\"";
}

Result<std::unique_ptr<soci::session>> open_sqlite(std::string_view url) {
  const std::string path(starts_with(url, "sqlite:") ? url.substr(7) : url);
  if (path.empty()) {
    return open_error(url, "未指定数据库文件");
  }
  const bool in_memory = path == ":memory:";
  if (!in_memory) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      return open_error(url, "该路径是一个目录，不是数据库文件");
    }
    if (const fs::path parent = fs::path(path).parent_path(); !parent.empty()) {
      fs::create_directories(parent, ec);
      if (ec) {
        return open_error(url, "无法创建目录 " + parent.string() + "（" + ec.message() + "）");
      }
    }
  }
  auto connect = sqlite_connect_string(path);
  if (!connect) {
    return open_error(url, connect.error().message);
  }
  // Before the first connection: SQLite's memory statistics take one process-wide mutex on
  // every allocation, shared by all server threads; nothing here reads them.
  static const bool configured = [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  auto session = std::make_unique<soci::session>(soci::sqlite3, *connect);
  // A new database gets pages of 16 KB instead of 4 (an existing one keeps its own). At
  // scale a bulk capture changes pages of its random-key identifier index all over, and each
  // changed page costs a log write and a checkpoint copy however few rows changed in it; with
  // a quarter as many pages, 1,000,000 events into a store of 1,000,000 took 4.7-5.0 s
  // instead of 5.9-6.1 (README: capture throughput, session 17). 32 and 64 KB measured the
  // same as 16.
  *session << "PRAGMA page_size = 16384";
  // Foreign keys are off by default in SQLite and cannot change inside a transaction.
  *session << "PRAGMA foreign_keys = ON";
  // 32 MB of page cache (default 2 MB): bulk capture touches many index pages per commit.
  *session << "PRAGMA cache_size = -32768";
  // A transaction's changed pages stay in memory up to 256 MB instead of being spilled to the
  // log once the cache is full: a capture of 10,000 events with random serials changes a page
  // of the identifier index for nearly every event, and each spilled page was written again
  // when changed again. Only writers hold changed pages; readers are unaffected.
  long long page_size = 0;
  *session << "PRAGMA page_size", soci::into(page_size);
  *session << "PRAGMA cache_spill = " + std::to_string((256LL << 20) / std::max(page_size, 512LL));
  // Reads through a memory map (up to 1 GiB of the file) instead of a read() per page: a
  // resolver scan touches a few pages of a table of millions of codes.
  *session << "PRAGMA mmap_size = 1073741824";
  int busy_ms = 0;
  *session << "PRAGMA busy_timeout = 5000", soci::into(busy_ms);
  if (!in_memory) {
    std::string mode;
    *session << "PRAGMA journal_mode = WAL", soci::into(mode);
    if (mode != "wal") {
      return open_error(url, "无法启用 WAL 日志模式（" + mode + "）");
    }
  }
  return session;
}

Result<std::unique_ptr<soci::session>> open_postgresql(std::string_view url) {
  auto connect = soci_postgresql_url(url);
  if (!connect) {
    return open_error(url, connect.error().message);
  }
  auto session = std::make_unique<soci::session>(soci::postgresql, *connect);
  // "already exists, skipping" notices from idempotent DDL would otherwise go to stderr.
  *session << "SET client_min_messages TO WARNING";
  return session;
}

const char* begin_sql(Engine engine) {
  // IMMEDIATE takes SQLite's write lock up front, so two writers wait (busy_timeout) instead
  // of failing when a read lock cannot be upgraded.
  return engine == Engine::sqlite ? "BEGIN IMMEDIATE" : "BEGIN";
}

}  // namespace

bool is_postgresql_url(std::string_view url) {
  if (starts_with(url, "postgresql://") || starts_with(url, "postgres://")) {
    return true;
  }
  constexpr std::array<std::string_view, 6> kKeywords = {
      "host=", "hostaddr=", "port=", "dbname=", "user=", "service="};
  return std::ranges::any_of(kKeywords,
                             [&](std::string_view keyword) { return starts_with(url, keyword); });
}

Database::Database(Engine engine, std::unique_ptr<soci::session> session)
    : engine_(engine), session_(std::move(session)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(std::string_view url) {
  if (url.empty()) {
    return make_error("无法打开数据库: 未指定数据库地址");
  }
  std::unique_ptr<Database> db;
  try {
    const Engine engine = is_postgresql_url(url) ? Engine::postgresql : Engine::sqlite;
    auto session = engine == Engine::postgresql ? open_postgresql(url) : open_sqlite(url);
    if (!session) {
      return session.error();
    }
    db.reset(new Database(engine, std::move(session).value()));
    if (engine == Engine::sqlite) (void)db->attached<WalCheckpointer>();
  } catch (const std::exception& e) {
    // A fault database_error knows (a file that is not a database, a full disk) is said in its
    // words; other reasons (a wrong path, an unreachable server) in the driver's own.
    if (database_fault(e) != DatabaseFault::other) return open_error(url, describe_failure(e));
    return open_error(url, e.what());
  }
  if (Status migrated = migrate(*db); !migrated) {
    return open_error(url, migrated.error().message);
  }
  return db;
}

Status Database::transaction(const std::function<Status()>& fn) {
  const bool outer = depth_ == 0;
  const std::string savepoint = "zhiyou_sp" + std::to_string(depth_);
  if (outer) {
    *session_ << begin_sql(engine_);
  } else {
    *session_ << "SAVEPOINT " + savepoint;
  }
  ++depth_;
  const auto undo = [&]() noexcept {
    try {
      if (outer) {
        *session_ << "ROLLBACK";
      } else {
        *session_ << "ROLLBACK TO SAVEPOINT " + savepoint;
        *session_ << "RELEASE SAVEPOINT " + savepoint;
      }
    } catch (...) {  // NOLINT(bugprone-empty-catch): the first failure is the one to report
    }
  };
  try {
    Status status = fn();
    --depth_;
    if (!status.ok()) {
      undo();
      return status;
    }
  } catch (...) {
    --depth_;
    undo();
    throw;
  }
  try {
    *session_ << (outer ? std::string("COMMIT") : "RELEASE SAVEPOINT " + savepoint);
  } catch (...) {
    undo();
    throw;
  }
  return Ok{};
}

bool Database::connection_lost() const {
  if (engine_ != Engine::postgresql) return false;
  const auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
  return backend == nullptr || PQstatus(backend->conn_) == CONNECTION_BAD;
}

int Database::schema_version() {
  int version = 0;
  soci::indicator ind = soci::i_null;
  *session_ << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {text, length};
}

}  // namespace zhiyou::store
