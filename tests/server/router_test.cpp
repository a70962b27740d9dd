// Which handler answers a path: literal routes and parameter routes side by side, the first
// in the table winning, and the methods a path has for a 405.
#include "server/router.hpp"

#include <gtest/gtest.h>

namespace zhiyou::server {
namespace {

Route route(http::verb method, std::string pattern, std::string summary) {
  Route r;
  r.method = method;
  r.pattern = std::move(pattern);
  r.summary = std::move(summary);
  return r;
}

const Router& router() {
  static const Router r({
      route(http::verb::get, "/{gtin}", "a GTIN alone"),
      route(http::verb::get, "/api/v1/plans", "plans"),
      route(http::verb::post, "/api/v1/plans", "import"),
      route(http::verb::get, "/api/v1/plans/{id}", "one plan"),
      route(http::verb::get, "/01/{code+}", "scan"),
      route(http::verb::get, "/{first}/{second}", "two segments"),
  });
  return r;
}

std::string answer(http::verb method, std::string_view path) {
  const auto match = router().match(method, path);
  if (!match) return "400";
  return match->route == nullptr ? "none" : match->route->summary;
}

TEST(RouterTest, LiteralAndParameterRoutesAreFoundWhateverTheirFirstSegment) {
  EXPECT_EQ(answer(http::verb::get, "/api/v1/plans"), "plans");
  EXPECT_EQ(answer(http::verb::post, "/api/v1/plans"), "import");
  EXPECT_EQ(answer(http::verb::get, "/api/v1/plans/p%E5%B8%82"), "one plan");
  EXPECT_EQ(router().match(http::verb::get, "/api/v1/plans/p%E5%B8%82")->params.at("id"), "p市");
  EXPECT_EQ(answer(http::verb::get, "/01/09506000134352/21/7"), "scan");
  EXPECT_EQ(router().match(http::verb::get, "/01/09506000134352/21/A%2FB")->params.at("code"),
            "09506000134352/21/A%2FB");
  EXPECT_EQ(answer(http::verb::get, "/09506000134352"), "a GTIN alone");
  // A parameter route listed after a literal one still matches paths under that literal.
  EXPECT_EQ(answer(http::verb::get, "/api/v1"), "two segments");
  EXPECT_EQ(answer(http::verb::get, "/01/x"), "scan");  // the earlier route wins
  EXPECT_EQ(answer(http::verb::get, "/a/b/c/d/e/f"), "none");
  EXPECT_EQ(answer(http::verb::get, "/a%ZZ/b"), "400");
}

TEST(RouterTest, APathKnownForOtherMethodsListsThemFor405) {
  const auto match = router().match(http::verb::delete_, "/api/v1/plans");
  ASSERT_TRUE(match);
  EXPECT_EQ(match->route, nullptr);
  EXPECT_EQ(match->allowed, (std::vector<http::verb>{http::verb::get, http::verb::post}));
}

}  // namespace
}  // namespace zhiyou::server
