// The OpenAPI document served at /api/v1/openapi.json against the real routes: every route
// is documented, and every documented operation is answered by the router.
#include <gtest/gtest.h>

#include <set>

#include "server/handlers.hpp"
#include "server/openapi.hpp"
#include "server/router.hpp"
#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

namespace json = boost::json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

using OpenApi = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(OpenApi);

TEST_P(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedPathIsRouted) {
  const HttpReply reply = get("/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200u);
  const json::value doc = reply.json();
  EXPECT_EQ(doc.at("openapi").as_string(), "3.0.3");
  const json::object& paths = doc.at("paths").as_object();

  const Router router(api_routes());
  for (const Route& route : router.routes()) {
    const json::value* path = paths.if_contains(route.pattern);
    ASSERT_NE(path, nullptr) << route.pattern << " is not documented";
    EXPECT_TRUE(path->as_object().contains(lower(http::to_string(route.method)))) << route.pattern;
  }
  std::size_t operations = 0;
  for (const auto& [pattern, methods] : paths) {
    // Substitute each {param} with a sample value and ask the router.
    std::string sample(pattern);
    for (auto open = sample.find('{'); open != std::string::npos; open = sample.find('{')) {
      sample.replace(open, sample.find('}', open) - open + 1, "sample");
    }
    for (const auto& [method, op] : methods.as_object()) {
      ++operations;
      const auto verb = http::string_to_verb([&] {
        std::string upper(method);
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return upper;
      }());
      const auto match = router.match(verb, sample);
      ASSERT_TRUE(match && match->route != nullptr) << method << " " << pattern << " is not routed";
      EXPECT_EQ(match->route->pattern, std::string(pattern));
      // Protected operations say so, and name the roles.
      const bool is_public = match->route->is_public();
      EXPECT_EQ(op.as_object().contains("security"), !is_public) << pattern;
      EXPECT_FALSE(op.at("x-roles").as_array().empty());
    }
  }
  EXPECT_EQ(operations, router.routes().size());
}

TEST_P(OpenApi, SeveralMethodsOnOnePathAreAllKept) {
  const json::value doc = openapi_document(api_routes());
  const auto& session = doc.at("paths").at("/api/v1/session").as_object();
  EXPECT_TRUE(session.contains("post"));
  EXPECT_TRUE(session.contains("delete"));
}

// The figures upload takes the file's own bytes, XLSX included: the document must not tell
// integrators to send text.
TEST_P(OpenApi, TheFiguresUploadTakesCsvOrXlsxBytes) {
  const json::value doc = openapi_document(api_routes());
  const auto& content = doc.at("paths")
                            .at("/api/v1/observations/import")
                            .at("post")
                            .at("requestBody")
                            .at("content")
                            .as_object();
  EXPECT_TRUE(content.contains("text/csv"));
  EXPECT_TRUE(
      content.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  EXPECT_FALSE(content.contains("text/plain; charset=utf-8"));
}

}  // namespace
}  // namespace zhiyou::server::testing
