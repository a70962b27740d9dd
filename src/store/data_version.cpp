#include "store/data_version.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/sqlite_statement.hpp"

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

// Read often (see server/version_watch.hpp): on SQLite the query stays prepared per
// connection.
struct SqliteVersionQuery {
  explicit SqliteVersionQuery(Database& db) : statement(db, kVersionQuery) {}
  SqliteStatement statement;
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
      db.session() << fmt::format(
          "CREATE FUNCTION {}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {}; RETURN NULL; END "
          "$$",
          function, bump);
      for (const std::string_view table : scope.tables) {
        db.session() << fmt::format(
            "CREATE TRIGGER {0}_changed AFTER INSERT OR UPDATE OR DELETE ON {0}"
            " FOR EACH STATEMENT EXECUTE FUNCTION {1}()",
            table, function);
      }
      continue;
    }
    // SQLite has row triggers only.
    for (const std::string_view table : scope.tables) {
      for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
        db.session() << fmt::format(
            "CREATE TRIGGER {0}_{1}_changed AFTER {1} ON {0} BEGIN {2}; END", table, event, bump);
      }
    }
  }
}

void stop_raising_per_captured_event(Database& db) {
  if (db.engine() == Engine::sqlite) {
    db.session() << "DROP TRIGGER IF EXISTS epcis_events_INSERT_changed";
  }
}

void raise_data_version(Database& db, std::string_view scope) {
  for (const Scope& s : scopes()) {
    if (s.name != scope) continue;
    db.session() << "UPDATE data_versions SET version = version + 1 WHERE scope = '" +
                        std::string(scope) + "'";
    return;
  }
  throw std::invalid_argument("raise_data_version: no scope " + std::string(scope));
}

DataVersions data_versions(Database& db) {
  if (db.engine() == Engine::sqlite) {
    DataVersions versions;
    db.attached<SqliteVersionQuery>().statement.run({}, [&](const SqliteStatement& row) {
      versions = {row.integer(0), row.integer(1), row.integer(2)};
    });
    return versions;
  }
  long long monitoring = 0;
  long long people = 0;
  long long trace = 0;
  db.session() << kVersionQuery, soci::into(monitoring), soci::into(people), soci::into(trace);
  return {monitoring, people, trace};
}

}  // namespace zhiyou::store
