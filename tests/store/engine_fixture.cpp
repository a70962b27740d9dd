#include "engine_fixture.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <random>

#include "store/postgres_url.hpp"

namespace zhiyou::store::testing {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::string unique_schema_name() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> pick;
  return "zt_" + std::to_string(::getpid()) + "_" + std::to_string(pick(rd) % 1000000000000ULL);
}

// The libpq url with this test's schema first on the search path.
std::string with_search_path(const std::string& url, const std::string& schema) {
  if (url.rfind("postgres", 0) == 0 && url.find("://") != std::string::npos) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema;
  }
  return url + " options='-csearch_path=" + schema + "'";
}

void run_admin(const std::string& server_url, const std::string& sql) {
  auto url = soci_postgresql_url(server_url);
  ASSERT_TRUE(url.ok()) << url.error().message;
  soci::session admin(soci::postgresql, *url);
  admin << "SET client_min_messages TO WARNING";
  admin << sql;
}

}  // namespace

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgresql";
}

void EngineTest::SetUp() {
  if (GetParam() == Engine::sqlite) {
    dir_.emplace();
    url_ = "sqlite:" + (dir_->path() / "zhiyou.db").string();
  } else {
    server_url_ = env("ZHIYOU_TEST_POSTGRES");
    if (server_url_.empty()) {
      if (env("ZHIYOU_REQUIRE_POSTGRES") == "1") {
        FAIL() << "ZHIYOU_REQUIRE_POSTGRES=1 but ZHIYOU_TEST_POSTGRES is not set; run under "
                  "scripts/with-postgres.sh";
      }
      GTEST_SKIP() << "ZHIYOU_TEST_POSTGRES is not set; run under scripts/with-postgres.sh to "
                      "test PostgreSQL";
    }
    schema_ = unique_schema_name();
    ASSERT_NO_THROW(run_admin(server_url_, "CREATE SCHEMA " + schema_)) << server_url_;
    url_ = with_search_path(server_url_, schema_);
  }
  auto opened = Database::open(url_);
  ASSERT_TRUE(opened.ok()) << opened.error().describe();
  db_ = std::move(opened).value();
  ASSERT_EQ(db_->engine(), GetParam());
}

void EngineTest::TearDown() {
  db_.reset();
  if (!schema_.empty()) {
    EXPECT_NO_THROW(run_admin(server_url_, "DROP SCHEMA " + schema_ + " CASCADE"));
  }
}

std::unique_ptr<Database> EngineTest::reopen() {
  auto opened = Database::open(url_);
  EXPECT_TRUE(opened.ok()) << opened.error().describe();
  return opened.ok() ? std::move(opened).value() : nullptr;
}

std::string EngineTest::unusable_url() const {
  if (GetParam() == Engine::sqlite) {
    return "sqlite:" + dir_->path().string();  // a directory
  }
  return "postgresql://postgres@127.0.0.1:1/zhiyou_test?connect_timeout=2";
}

long long EngineTest::count(const std::string& sql) {
  long long n = -1;
  db_->session() << sql, soci::into(n);
  return n;
}

}  // namespace zhiyou::store::testing
