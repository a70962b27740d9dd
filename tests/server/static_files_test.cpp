// The built web UI served from a directory: content types, the index.html fallback for the
// UI's own routes, long caching for hashed assets, ETags, and no escape from the directory.
#include <gtest/gtest.h>

#include <filesystem>

#include "server/server_fixture.hpp"
#include "support/test_support.hpp"

namespace zhiyou::server::testing {
namespace {

class StaticFilesTest : public ServerTest {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(web.path() / "dist" / "assets");
    zhiyou::testing::write_file(web.path() / "dist" / "index.html",
                                "<!doctype html><title>质优</title><div id=app></div>");
    zhiyou::testing::write_file(web.path() / "dist" / "assets" / "index-3f2a9c1b.js",
                                "console.log('质优')");
    zhiyou::testing::write_file(web.path() / "secret.txt", "outside the web root");
    ServerTest::SetUp();
  }
  ApiOptions api_options() override {
    ApiOptions options = ServerTest::api_options();
    options.web_root = web.path() / "dist";
    return options;
  }
  zhiyou::testing::TempDir web;
};
ZHIYOU_ON_BOTH_ENGINES(StaticFilesTest);

TEST_P(StaticFilesTest, IndexAndHashedAssets) {
  const HttpReply index = get("/");
  ASSERT_EQ(index.status, 200u);
  EXPECT_EQ(index.headers[http::field::content_type], "text/html; charset=utf-8");
  EXPECT_EQ(index.headers[http::field::cache_control], "no-cache");
  EXPECT_NE(index.body.find("质优"), std::string::npos);

  const HttpReply asset = get("/assets/index-3f2a9c1b.js");
  ASSERT_EQ(asset.status, 200u);
  EXPECT_EQ(asset.headers[http::field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.headers[http::field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(asset.body, "console.log('质优')");

  const std::string etag(asset.headers[http::field::etag]);
  ASSERT_FALSE(etag.empty());
  HttpCall conditional{http::verb::get, "/assets/index-3f2a9c1b.js"};
  conditional.extra.set(http::field::if_none_match, etag);
  const HttpReply not_modified = call(conditional);
  EXPECT_EQ(not_modified.status, 304u);
  EXPECT_TRUE(not_modified.body.empty());
}

TEST_P(StaticFilesTest, TheUisOwnRoutesGetIndexHtmlButMissingFilesAre404) {
  const HttpReply route = get("/plans/p4ef8a67daf");
  EXPECT_EQ(route.status, 200u);
  EXPECT_NE(route.body.find("<div id=app>"), std::string::npos);
  EXPECT_EQ(get("/assets/missing-12345678.js").status, 404u);
  EXPECT_EQ(get("/api/v1/not-a-route").status, 404u) << "API paths never fall back to the UI";
}

TEST_P(StaticFilesTest, PathsCannotLeaveTheWebRoot) {
  for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                           "/.hidden", "/assets/..%2f..%2fsecret.txt"}) {
    const HttpReply reply = get(path);
    EXPECT_EQ(reply.body.find("outside the web root"), std::string::npos) << path;
  }
}

TEST_P(StaticFilesTest, HeadGivesTheLengthWithoutTheBody) {
  const HttpReply head = call({http::verb::head, "/assets/index-3f2a9c1b.js"});
  EXPECT_EQ(head.status, 200u);
  EXPECT_EQ(head.headers[http::field::content_length],
            std::to_string(std::string("console.log('质优')").size()));
  EXPECT_TRUE(head.body.empty());
}

}  // namespace
}  // namespace zhiyou::server::testing
