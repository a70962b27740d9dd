// Every route × every role over real HTTP: the roles the route table grants get through
// (whatever the handler then answers), the others get 401 (not logged in) or 403 (logged in,
// wrong role). The expected matrix is written out here by hand, so a change of policy in
// the route table has to be made twice, and a new route fails until someone decides who
// may use it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "server/handlers.hpp"
#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;

const std::set<Role> kEveryone{Role::admin,     Role::office,     Role::unit_reporter,
                               Role::inspector, Role::enterprise, Role::public_};
const std::set<Role> kLoggedIn{Role::admin, Role::office, Role::unit_reporter, Role::inspector,
                               Role::enterprise};
const std::set<Role> kOffice{Role::admin, Role::office};
const std::set<Role> kAdmin{Role::admin};
const std::set<Role> kInspectors{Role::admin, Role::office, Role::inspector};

// "METHOD /pattern" → who may call it.
const std::map<std::string, std::set<Role>>& expected_matrix() {
  static const std::map<std::string, std::set<Role>> matrix{
      {"GET /healthz", kEveryone},
      {"GET /metrics", kEveryone},
      {"GET /api/v1/openapi.json", kEveryone},
      {"POST /api/v1/session", kEveryone},
      {"DELETE /api/v1/session", kLoggedIn},
      {"GET /api/v1/me", kLoggedIn},
      {"GET /api/v1/plans", kEveryone},
      {"GET /api/v1/plans/{id}", kEveryone},
      {"GET /api/v1/plans/{id}/indicators", kEveryone},
      {"GET /api/v1/plans/{id}/tasks", kEveryone},
      {"POST /api/v1/plans/import", kOffice},
      {"PUT /api/v1/indicators/{id}/direction", kOffice},
      {"POST /api/v1/observations", {Role::admin, Role::office, Role::unit_reporter}},
      {"GET /api/v1/plans/{id}/observations",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/observations",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/observations/history",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"POST /api/v1/observations/import", {Role::admin, Role::office, Role::unit_reporter}},
      {"GET /api/v1/plans/{id}/template", {Role::admin, Role::office, Role::unit_reporter}},
      {"GET /api/v1/plans/{id}/evaluation",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/plans/{id}/scorecards",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/plans/{id}/ranking",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/plans/{id}/trajectory",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector}},
      {"GET /api/v1/plans/{id}/report", kOffice},
      {"POST /epcis/capture", {Role::admin, Role::office, Role::inspector, Role::enterprise}},
      {"GET /epcis/capture/{id}", {Role::admin, Role::office, Role::inspector, Role::enterprise}},
      {"GET /epcis/events",
       {Role::admin, Role::office, Role::unit_reporter, Role::inspector, Role::enterprise}},
      {"GET /api/v1/users", kAdmin},
      {"POST /api/v1/users", kAdmin},
      {"PATCH /api/v1/users/{username}", kAdmin},
      {"GET /api/v1/audit", kAdmin},
      {"GET /api/v1/audit/verify", kAdmin},
      // Scanning a code, and reading recall notices, is for anyone.
      {"GET /01/{gtin}", kEveryone},
      {"GET /01/{gtin}/{qualifiers+}", kEveryone},
      {"GET /api/v1/recalls", kEveryone},
      {"POST /api/v1/recalls", kInspectors},
      {"GET /api/v1/recalls/scope", kInspectors},
      {"POST /api/v1/spot-checks", kInspectors},
      {"GET /api/v1/counterfeit-signals", kInspectors},
      // An enterprise registers its own products and issues their codes; inspectors read.
      {"GET /api/v1/products", {Role::admin, Role::office, Role::inspector, Role::enterprise}},
      {"POST /api/v1/products", {Role::admin, Role::office, Role::enterprise}},
      {"GET /api/v1/products/{gtin}/batches",
       {Role::admin, Role::office, Role::inspector, Role::enterprise}},
      {"GET /api/v1/products/{gtin}/events",
       {Role::admin, Role::office, Role::inspector, Role::enterprise}},
      {"POST /api/v1/products/{gtin}/codes", {Role::admin, Role::office, Role::enterprise}},
      {"GET /api/v1/products/{gtin}/codes", {Role::admin, Role::office, Role::enterprise}},
  };
  return matrix;
}

std::string key(const Route& route) {
  return std::string(http::to_string(route.method)) + " " + route.pattern;
}

// The pattern with real values: a demo plan, one of its indicators, an existing user.
std::string concrete(const std::string& pattern) {
  std::string path = pattern;
  const std::map<std::string, std::string> values{{"{id}", kPlanId}, {"{username}", "inspector1"}};
  for (const auto& [param, value] : values) {
    for (auto at = path.find(param); at != std::string::npos; at = path.find(param)) {
      path.replace(at, param.size(),
                   pattern.find("indicators/{id}") != std::string::npos
                       ? std::string("ief0304ef2357")
                       : value);
    }
  }
  return path;
}

using RoleMatrix = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(RoleMatrix);

TEST_P(RoleMatrix, EveryRouteHasAnExpectedRow) {
  std::set<std::string> routed;
  for (const Route& route : api_routes()) {
    routed.insert(key(route));
    EXPECT_TRUE(expected_matrix().contains(key(route)))
        << key(route) << " has no row in the expected matrix: decide who may call it";
  }
  for (const auto& [name, roles] : expected_matrix()) {
    EXPECT_TRUE(routed.contains(name)) << name << " is expected but not routed";
  }
}

TEST_P(RoleMatrix, EachRoleIsAllowedOrDeniedAsExpected) {
  for (const Route& route : api_routes()) {
    const auto expected = expected_matrix().find(key(route));
    ASSERT_NE(expected, expected_matrix().end()) << key(route);
    for (Role role : people::kAllRoles) {
      // A fresh token each time: DELETE /session ends the one it is called with.
      const std::string token = login(role);
      // Empty bodies: an allowed caller gets 4xx from the handler at worst, never 401/403,
      // and nothing is changed.
      const HttpReply reply = call(HttpCall{route.method, concrete(route.pattern), "", token});
      const std::string what = key(route) + " as " + std::string(people::role_name(role));
      if (expected->second.contains(role)) {
        EXPECT_NE(reply.status, 401u) << what << ": " << reply.body;
        EXPECT_NE(reply.status, 403u) << what << ": " << reply.body;
        EXPECT_LT(reply.status, 500u) << what << ": " << reply.body;
      } else if (role == Role::public_) {
        EXPECT_EQ(reply.status, 401u) << what;
        EXPECT_EQ(reply.error_code(), "unauthorized") << what;
        EXPECT_EQ(reply.headers[http::field::www_authenticate], "Bearer") << what;
      } else {
        EXPECT_EQ(reply.status, 403u) << what;
        EXPECT_EQ(reply.error_code(), "forbidden") << what;
      }
    }
  }
}

TEST_P(RoleMatrix, AnInvalidTokenIsRefusedOnProtectedRoutesAndIgnoredOnPublicOnes) {
  const std::string bogus(64, 'a');
  EXPECT_EQ(get("/api/v1/me", bogus).status, 401u);
  EXPECT_EQ(get("/api/v1/users", bogus).status, 401u);
  EXPECT_EQ(get("/api/v1/plans", bogus).status, 200u);
}

}  // namespace
}  // namespace zhiyou::server::testing
