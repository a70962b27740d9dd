#include "server/server_fixture.hpp"

#include "people/account_store.hpp"
#include "plans/plan_json.hpp"
#include "registry/uscc.hpp"
#include "store/plan_store.hpp"
#include "support/test_support.hpp"

namespace zhiyou::server::testing {

const char* const kPlanId = "p4ef8a67daf";

namespace {

std::string make_uscc() {
  const std::string first17 = "91330200MA2H4KQ7X";
  return first17 + *registry::uscc_check_character(first17);
}

}  // namespace

const char* const kEnterpriseUscc = [] {
  static const std::string code = make_uscc();
  return code.c_str();
}();

ApiOptions ServerTest::api_options() {
  ApiOptions options;
  options.login_attempts = 10000;  // the matrix logs in many times from 127.0.0.1
  return options;
}

ServerOptions ServerTest::server_options() {
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.body_limit = std::size_t{1024} * 1024;
  return options;
}

std::string ServerTest::username(people::Role role) {
  switch (role) {
    case people::Role::unit_reporter:
      return "unit1";
    case people::Role::public_:
      return "";
    default:
      return std::string(people::role_name(role)) + "1";
  }
}

void ServerTest::SetUp() {
  EngineTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  auto plans = plans::plans_from_json(
      zhiyou::testing::read_file(std::string(ZHIYOU_SOURCE_DIR) + "/data/demo/plans.json"),
      "plans.json");
  ASSERT_TRUE(plans.ok()) << plans.error().describe();
  ASSERT_TRUE(store::save_plans(db(), *plans).ok());
  for (people::Role role : people::kAllRoles) {
    if (role == people::Role::public_) continue;
    people::NewAccount account{username(role), role, "", ""};
    if (role == people::Role::unit_reporter) account.unit = "市经信局";
    if (role == people::Role::enterprise) account.entity = kEnterpriseUscc;
    auto added = people::add_account(db(), account, kPassword, "test");
    ASSERT_TRUE(added.ok()) << added.error().describe();
  }
  // As `zhiyou serve` opens it: a connection for each io and each writer thread.
  auto pool = DatabasePool::open(url(), 2 * static_cast<std::size_t>(server_options().threads));
  ASSERT_TRUE(pool.ok()) << pool.error().describe();
  pool_ = std::move(pool).value();
  restart();
}

void ServerTest::restart() {
  server_.reset();
  api_.reset();
  api_ = std::make_unique<Api>(api_options(), *pool_);
  server_ = std::make_unique<HttpServer>(server_options(), *api_);
  auto port = server_->start();
  ASSERT_TRUE(port.ok()) << port.error().describe();
  port_ = *port;
}

void ServerTest::TearDown() {
  server_.reset();  // stops and waits
  api_.reset();
  pool_.reset();
  EngineTest::TearDown();
}

long long ServerTest::metric(const std::string& name) {
  const HttpReply reply = get("/metrics");
  const auto at = reply.body.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stoll(reply.body.substr(at + name.size() + 2));
}

std::string ServerTest::login(people::Role role) {
  if (role == people::Role::public_) return "";
  boost::json::object body{{"username", username(role)}, {"password", kPassword}};
  const HttpReply reply =
      call(HttpCall{http::verb::post, "/api/v1/session", boost::json::serialize(body)});
  EXPECT_EQ(reply.status, 200u) << reply.body;
  const auto doc = reply.json();
  if (!doc.is_object() || !doc.as_object().contains("token")) return "invalid";
  return std::string(doc.at("token").as_string());
}

}  // namespace zhiyou::server::testing
