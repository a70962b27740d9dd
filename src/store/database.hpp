// One database handle over SOCI with two real engines behind it: SQLite (one file, WAL) for
// the embedded default and PostgreSQL 15 for a city or province deployment. Callers write
// the SQL subset both engines share; whatever differs between them lives in src/store.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <typeindex>

#include "core/result.hpp"

namespace soci {
class session;
}

namespace zhiyou::store {

enum class Engine { sqlite, postgresql };

// A libpq URL ("postgresql://…", "postgres://…"), or a libpq keyword/value string that starts
// with a connection keyword ("host=…"): what Database::open takes for PostgreSQL.
bool is_postgresql_url(std::string_view url);

class Database {
 public:
  // Opens `url` and brings its schema up to date (store/migrations.hpp).
  //   "data/zhiyou.db", "sqlite:data/zhiyou.db"      SQLite; the file and its directory are
  //                                                   created; WAL, foreign keys on, 5 s busy
  //                                                   timeout.
  //   "postgresql://user@host:port/db", "postgres://…",
  //   "host=… dbname=…", "dbname=…", "user=…"       PostgreSQL (libpq keyword string; it
  //                                                   must start with host=, hostaddr=,
  //                                                   port=, dbname=, user= or service=).
  // Fails with a Chinese message ("无法打开数据库 …: reason") when the database cannot be
  // opened or migrated; never throws for a bad url or an unreachable server.
  static Result<std::unique_ptr<Database>> open(std::string_view url);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // The SOCI session, for the *_store modules. soci::soci_error is thrown on SQL errors.
  soci::session& session() { return *session_; }
  [[nodiscard]] Engine engine() const { return engine_; }

  // Runs `fn` in a transaction: commits when it returns ok; rolls back when it returns an
  // error (which is returned) or throws (the exception is rethrown after the rollback).
  // Calls nest: an inner call becomes a savepoint, so an inner failure undoes only the inner
  // work and the outer `fn` decides what happens next.
  Status transaction(const std::function<Status()>& fn);

  // The highest migration version applied; 0 for an empty database.
  int schema_version();

  // PostgreSQL: the server ended this connection (restarted, failed over, or a proxy dropped
  // it), as libpq learnt when a statement failed; no round trip. Always false for SQLite.
  [[nodiscard]] bool connection_lost() const;

  // State a store module keeps with this connection, such as a statement prepared once for
  // a query run on every request. Made as T(*this) on first use; destroyed before the
  // connection closes.
  template <class T>
  T& attached() {
    auto it = attached_.find(typeid(T));
    if (it == attached_.end()) it = attached_.emplace(typeid(T), std::make_shared<T>(*this)).first;
    return *static_cast<T*>(it->second.get());
  }

 private:
  Database(Engine engine, std::unique_ptr<soci::session> session);

  Engine engine_;
  std::unique_ptr<soci::session> session_;
  int depth_ = 0;  // open transaction() calls; > 0 means inner calls use savepoints
  std::map<std::type_index, std::shared_ptr<void>> attached_;  // after session_: goes first
};

// Now, as stored in the *_at columns: "2024-05-01T08:30:00Z" (UTC, sortable as text).
std::string utc_timestamp();

}  // namespace zhiyou::store
