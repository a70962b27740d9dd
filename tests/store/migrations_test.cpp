// Versioned migrations and the seeded reference data, on both engines.
#include "store/migrations.hpp"

#include <soci/soci.h>

#include <string>
#include <vector>

#include "engine_fixture.hpp"
#include "registry/region.hpp"
#include "store/database.hpp"

namespace zhiyou::store::testing {
namespace {

using MigrationsTest = EngineTest;
ZHIYOU_ON_BOTH_ENGINES(MigrationsTest);

std::vector<std::string> applied(Database& db) {
  std::vector<std::string> rows;
  int version = 0;
  std::string name;
  std::string at;
  soci::statement select =
      (db.session().prepare << "SELECT version, name, applied_at FROM schema_migrations"
                               " ORDER BY version",
       soci::into(version), soci::into(name), soci::into(at));
  select.execute();
  while (select.fetch()) {
    rows.push_back(std::to_string(version) + "|" + name + "|" + at);
  }
  return rows;
}

// Versions are reserved per branch (6 is people and audit), so until every branch is merged
// there may be gaps; they must still start at 1 and only increase.
TEST_P(MigrationsTest, VersionsStartAtOneAndIncrease) {
  int previous = 0;
  EXPECT_EQ(migrations().front().version, 1);
  for (const Migration& migration : migrations()) {
    EXPECT_GT(migration.version, previous);
    previous = migration.version;
    EXPECT_FALSE(migration.name.empty());
    EXPECT_NE(migration.apply, nullptr);
  }
}

TEST_P(MigrationsTest, OpenAppliesEveryMigrationOnce) {
  EXPECT_EQ(db().schema_version(), migrations().back().version);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"),
            static_cast<long long>(migrations().size()));
  EXPECT_EQ(applied(db()).front().rfind("1|", 0), 0u);
}

TEST_P(MigrationsTest, ReopeningAndMigratingAgainAreNoOps) {
  const std::vector<std::string> before = applied(db());
  db().session() << "INSERT INTO organisations (id, name, created_at)"
                    " VALUES ('org_x', 'x', '2024-01-01T00:00:00Z')";
  auto again = reopen();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(applied(*again), before);
  Status migrated = migrate(db());
  ASSERT_TRUE(migrated.ok()) << migrated.error().describe();
  EXPECT_EQ(applied(db()), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations"), 1) << "data survives a re-open";
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions"), 14) << "seed rows are not inserted twice";
}

TEST_P(MigrationsTest, CreatesThePlanTables) {
  for (const char* table : {"organisations", "plans", "indicators", "targets", "indicator_units",
                            "tasks", "task_units"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
}

TEST_P(MigrationsTest, SeedsTheBuiltInRegions) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions"), 14);
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE city = '宁波市'"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE city = '舟山市'"), 4);
  for (const registry::Region& region : registry::builtin_regions()) {
    std::string name;
    std::string short_name;
    std::string code(region.code);
    db().session() << "SELECT name, short_name FROM regions WHERE code = :code", soci::into(name),
        soci::into(short_name), soci::use(code);
    EXPECT_EQ(name, region.name) << region.code;
    EXPECT_EQ(short_name, region.short_name) << region.code;
  }
}

TEST_P(MigrationsTest, ForeignKeysAreEnforced) {
  EXPECT_THROW(db().session() << "INSERT INTO tasks (id, plan_id, position, title, source_file,"
                                 " source_line) VALUES ('t', 'no_such_plan', 0, 't', '', 0)",
               soci::soci_error);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks"), 0);
}

}  // namespace
}  // namespace zhiyou::store::testing
