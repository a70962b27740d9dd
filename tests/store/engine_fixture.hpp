// Runs each store test on both engines. SQLite uses a file in a fresh TempDir; PostgreSQL uses
// the server named by ZHIYOU_TEST_POSTGRES (a libpq URL, e.g. from scripts/with-postgres.sh)
// with a fresh schema per test, dropped afterwards. Without that variable the PostgreSQL
// cases are skipped, or fail when ZHIYOU_REQUIRE_POSTGRES=1.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "store/database.hpp"
#include "support/test_support.hpp"

namespace zhiyou::store {
// Names the engine in GoogleTest messages instead of a byte dump.
inline void PrintTo(Engine engine, std::ostream* out) {
  *out << (engine == Engine::sqlite ? "sqlite" : "postgresql");
}
}  // namespace zhiyou::store

namespace zhiyou::store::testing {

class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The database opened (and migrated) for this test.
  Database& db() { return *db_; }
  // The url it was opened with; opening it again reaches the same data.
  [[nodiscard]] const std::string& url() const { return url_; }
  // Opens url() again as a second, independent handle; fails the test on error.
  std::unique_ptr<Database> reopen();
  // A url on this engine that cannot be opened: a directory, or a port nobody listens on.
  [[nodiscard]] std::string unusable_url() const;
  // Runs `sql` (a single COUNT(*) or similar) and returns the number.
  long long count(const std::string& sql);

 private:
  std::optional<zhiyou::testing::TempDir> dir_;
  std::string server_url_;  // PostgreSQL: ZHIYOU_TEST_POSTGRES
  std::string schema_;      // PostgreSQL: this test's schema
  std::string url_;
  std::unique_ptr<Database> db_;
};

std::string engine_name(const ::testing::TestParamInfo<Engine>& info);

}  // namespace zhiyou::store::testing

// Instantiates the EngineTest-derived `suite` once per engine: Suite/Engines.Name/sqlite and
// …/postgresql.
#define ZHIYOU_ON_BOTH_ENGINES(suite)                                                          \
  INSTANTIATE_TEST_SUITE_P(                                                                    \
      Engines, suite,                                                                          \
      ::testing::Values(::zhiyou::store::Engine::sqlite, ::zhiyou::store::Engine::postgresql), \
      ::zhiyou::store::testing::engine_name)
