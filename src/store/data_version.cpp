#include "store/data_version.hpp"

#include <soci/soci.h>

#include <array>
#include <string>

#include "store/database.hpp"

namespace zhiyou::store {
namespace {

constexpr std::array<std::string_view, 11> kMonitoringTables{
    "regions",
    "organisations",
    "plans",
    "indicators",
    "targets",
    "indicator_units",
    "tasks",
    "task_units",
    "observations",
    "judgements",
    "evaluation_settings",
};

}  // namespace

void create_data_versions(Database& db) {
  db.session() << "CREATE TABLE data_versions (scope TEXT PRIMARY KEY, version BIGINT NOT NULL)";
  const std::string scope(kMonitoringData);
  db.session() << "INSERT INTO data_versions (scope, version) VALUES (:scope, 0)", soci::use(scope);
  const std::string bump =
      "UPDATE data_versions SET version = version + 1 WHERE scope = '" + scope + "'";
  if (db.engine() == Engine::postgresql) {
    // Once per statement: a plan import rewriting hundreds of rows raises it once.
    db.session() << "CREATE FUNCTION bump_monitoring_version() RETURNS trigger LANGUAGE plpgsql"
                    " AS $$ BEGIN " +
                        bump + "; RETURN NULL; END $$";
    for (const std::string_view table : kMonitoringTables) {
      const std::string name(table);
      db.session() << "CREATE TRIGGER " + name + "_changed AFTER INSERT OR UPDATE OR DELETE ON " +
                          name + " FOR EACH STATEMENT EXECUTE FUNCTION bump_monitoring_version()";
    }
    return;
  }
  // SQLite has row triggers only.
  for (const std::string_view table : kMonitoringTables) {
    for (const std::string_view event : {"insert", "update", "delete"}) {
      const std::string name(table);
      std::string upper(event);
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      db.session() << "CREATE TRIGGER " + name + "_" + std::string(event) + "_changed AFTER " +
                          upper + " ON " + name + " BEGIN " + bump + "; END";
    }
  }
}

std::int64_t data_version(Database& db, std::string_view scope) {
  long long version = 0;
  const std::string key(scope);
  db.session() << "SELECT version FROM data_versions WHERE scope = :scope", soci::use(key),
      soci::into(version);
  return version;
}

}  // namespace zhiyou::store
