#include "store/data_version.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace zhiyou::store {
namespace {

struct Scope {
  const char* name;
  std::vector<std::string_view> tables;
};

const std::array<Scope, 3>& scopes() {
  static const std::array<Scope, 3> kScopes{{
      {"monitoring",
       {"regions", "organisations", "plans", "indicators", "targets", "indicator_units", "tasks",
        "task_units", "observations", "judgements", "evaluation_settings"}},
      {"people", {"users", "sessions"}},
      {"trace",
       {"entities", "products", "batches", "recalls", "spot_checks", "epcis_events",
        "scan_places"}},
  }};
  return kScopes;
}

constexpr const char* kVersionQuery =
    "SELECT (SELECT version FROM data_versions WHERE scope = 'monitoring'),"
    " (SELECT version FROM data_versions WHERE scope = 'people'),"
    " (SELECT version FROM data_versions WHERE scope = 'trace')";

// Every request reads the versions; on SQLite, preparing the query each time costs more than
// running it, so each connection keeps it prepared (reset after each run, so that it holds
// no read transaction open between requests).
class SqliteVersionQuery {
 public:
  explicit SqliteVersionQuery(Database& db) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(db.session().get_backend());
    connection_ = backend->conn_;
    if (sqlite_api::sqlite3_prepare_v3(connection_, kVersionQuery, -1, SQLITE_PREPARE_PERSISTENT,
                                       &statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite_api::sqlite3_errmsg(connection_));
    }
  }
  SqliteVersionQuery(const SqliteVersionQuery&) = delete;
  SqliteVersionQuery& operator=(const SqliteVersionQuery&) = delete;
  ~SqliteVersionQuery() { sqlite_api::sqlite3_finalize(statement_); }

  DataVersions run() {
    const int rc = sqlite_api::sqlite3_step(statement_);
    DataVersions versions{sqlite_api::sqlite3_column_int64(statement_, 0),
                          sqlite_api::sqlite3_column_int64(statement_, 1),
                          sqlite_api::sqlite3_column_int64(statement_, 2)};
    sqlite_api::sqlite3_reset(statement_);
    if (rc != SQLITE_ROW) throw std::runtime_error(sqlite_api::sqlite3_errmsg(connection_));
    return versions;
  }

 private:
  sqlite_api::sqlite3* connection_ = nullptr;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

void create_data_versions(Database& db) {
  db.session() << "CREATE TABLE data_versions (scope TEXT PRIMARY KEY, version BIGINT NOT NULL)";
  for (const Scope& scope : scopes()) {
    const std::string name(scope.name);
    db.session() << "INSERT INTO data_versions (scope, version) VALUES (:scope, 0)",
        soci::use(name);
    const std::string bump =
        "UPDATE data_versions SET version = version + 1 WHERE scope = '" + name + "'";
    if (db.engine() == Engine::postgresql) {
      // Once per statement: a plan import rewriting hundreds of rows raises it once.
      const std::string function = "bump_" + name + "_version";
      db.session() << "CREATE FUNCTION " + function +
                          "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " + bump +
                          "; RETURN NULL; END $$";
      for (const std::string_view table : scope.tables) {
        const std::string t(table);
        db.session() << "CREATE TRIGGER " + t + "_changed AFTER INSERT OR UPDATE OR DELETE ON " +
                            t + " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()";
      }
      continue;
    }
    // SQLite has row triggers only.
    for (const std::string_view table : scope.tables) {
      const std::string t(table);
      for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
        db.session() << "CREATE TRIGGER " + t + "_" + event + "_changed AFTER " + event + " ON " +
                            t + " BEGIN " + bump + "; END";
      }
    }
  }
}

DataVersions data_versions(Database& db) {
  if (db.engine() == Engine::sqlite) return db.attached<SqliteVersionQuery>().run();
  long long monitoring = 0;
  long long people = 0;
  long long trace = 0;
  db.session() << kVersionQuery, soci::into(monitoring), soci::into(people), soci::into(trace);
  return {monitoring, people, trace};
}

}  // namespace zhiyou::store
