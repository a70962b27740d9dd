#include "store/data_version.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
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

// The scopes and their tables as migration 9 made them; migration 13 moved scan_places from
// "trace" to a scope of its own, "scans" (scopes() below).
const std::array<Scope, 3>& migration_9_scopes() {
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

const std::array<std::string_view, 4>& scopes() {
  static const std::array<std::string_view, 4> kNames{"monitoring", "people", "trace", "scans"};
  return kNames;
}

std::string bump(std::string_view scope) {
  return fmt::format("UPDATE data_versions SET version = version + 1 WHERE scope = '{}'", scope);
}

// The counter row of `scope` and, on PostgreSQL, the function its triggers call.
void add_scope(Database& db, std::string_view scope) {
  const std::string name(scope);
  db.session() << "INSERT INTO data_versions (scope, version) VALUES (:scope, 0)", soci::use(name);
  if (db.engine() == Engine::postgresql) {
    db.session() << fmt::format(
        "CREATE FUNCTION bump_{}_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {}; "
        "RETURN NULL; END $$",
        scope, bump(scope));
  }
}

// Changes to `table` raise the counter of `scope`: once per statement on PostgreSQL, once
// per row on SQLite (it has row triggers only).
void raise_on_change(Database& db, std::string_view table, std::string_view scope) {
  if (db.engine() == Engine::postgresql) {
    db.session() << fmt::format(
        "CREATE TRIGGER {0}_changed AFTER INSERT OR UPDATE OR DELETE ON {0}"
        " FOR EACH STATEMENT EXECUTE FUNCTION bump_{1}_version()",
        table, scope);
    return;
  }
  for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
    db.session() << fmt::format("CREATE TRIGGER {0}_{1}_changed AFTER {1} ON {0} BEGIN {2}; END",
                                table, event, bump(scope));
  }
}

void stop_raising_on_change(Database& db, std::string_view table) {
  if (db.engine() == Engine::postgresql) {
    db.session() << fmt::format("DROP TRIGGER IF EXISTS {0}_changed ON {0}", table);
    return;
  }
  for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
    db.session() << fmt::format("DROP TRIGGER IF EXISTS {}_{}_changed", table, event);
  }
}

constexpr const char* kVersionQuery =
    "SELECT (SELECT version FROM data_versions WHERE scope = 'monitoring'),"
    " (SELECT version FROM data_versions WHERE scope = 'people'),"
    " (SELECT version FROM data_versions WHERE scope = 'trace'),"
    " (SELECT version FROM data_versions WHERE scope = 'scans')";

// Read often (see server/version_watch.hpp): on SQLite the query stays prepared per
// connection.
struct SqliteVersionQuery {
  explicit SqliteVersionQuery(Database& db) : statement(db, kVersionQuery) {}
  SqliteStatement statement;
};

}  // namespace

void create_data_versions(Database& db) {
  db.session() << "CREATE TABLE data_versions (scope TEXT PRIMARY KEY, version BIGINT NOT NULL)";
  for (const Scope& scope : migration_9_scopes()) {
    add_scope(db, scope.name);
    for (const std::string_view table : scope.tables) raise_on_change(db, table, scope.name);
  }
}

void stop_raising_per_captured_event(Database& db) {
  if (db.engine() == Engine::sqlite) {
    db.session() << "DROP TRIGGER IF EXISTS epcis_events_INSERT_changed";
  }
}

void count_scans_apart(Database& db) {
  stop_raising_on_change(db, "scan_places");
  add_scope(db, "scans");
  raise_on_change(db, "scan_places", "scans");
}

void raise_data_version(Database& db, std::string_view scope) {
  if (std::find(scopes().begin(), scopes().end(), scope) == scopes().end()) {
    throw std::invalid_argument("raise_data_version: no scope " + std::string(scope));
  }
  db.session() << bump(scope);
}

DataVersions data_versions(Database& db) {
  if (db.engine() == Engine::sqlite) {
    DataVersions versions;
    db.attached<SqliteVersionQuery>().statement.run({}, [&](const SqliteStatement& row) {
      versions = {row.integer(0), row.integer(1), row.integer(2), row.integer(3)};
    });
    return versions;
  }
  long long monitoring = 0;
  long long people = 0;
  long long trace = 0;
  long long scans = 0;
  db.session() << kVersionQuery, soci::into(monitoring), soci::into(people), soci::into(trace),
      soci::into(scans);
  return {monitoring, people, trace, scans};
}

}  // namespace zhiyou::store
