#include "store/data_version.hpp"

#include <soci/soci.h>

#include <array>
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

const std::array<Scope, 2>& scopes() {
  static const std::array<Scope, 2> kScopes{{
      {"monitoring",
       {"regions", "organisations", "plans", "indicators", "targets", "indicator_units", "tasks",
        "task_units", "observations", "judgements", "evaluation_settings"}},
      {"people", {"users", "sessions"}},
  }};
  return kScopes;
}

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
  long long monitoring = 0;
  long long people = 0;
  db.session() << "SELECT (SELECT version FROM data_versions WHERE scope = 'monitoring'),"
                  " (SELECT version FROM data_versions WHERE scope = 'people')",
      soci::into(monitoring), soci::into(people);
  return {monitoring, people};
}

}  // namespace zhiyou::store
