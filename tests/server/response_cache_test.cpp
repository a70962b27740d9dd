// Plans and evaluations are answered from memory while the data behind them is unchanged;
// any write — through the API, or straight to the database as a CLI run on the same file
// does — shows up in the next answer, and one caller's view is never served to another.
#include <gtest/gtest.h>

#include <thread>

#include "monitoring/observation_store.hpp"
#include "server/response_cache.hpp"
#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

// 规上工业新产品产值率, led by 市经信局 (the unit reporter's unit).
constexpr const char* kOwnIndicator = "ief0304ef2357";

// The value reported for `indicator` in 全市 for 2025 in an observations list, or -1.
double city_value(const json::value& body, const std::string& indicator) {
  for (const json::value& o : body.at("observations").as_array()) {
    if (o.at("indicator_id").as_string() == indicator && o.at("region").as_string() == "全市" &&
        o.at("period").as_string() == "2025") {
      return o.at("value").to_number<double>();
    }
  }
  return -1;
}

Response answer(const std::string& body) {
  Response res{http::status::ok, 11};
  res.body() = body;
  return res;
}

// Scans of serials: most are asked for once. Those must not push out an answer asked for
// again and again, nor cost a copy each.
TEST(ResponseCacheTest, OneOffAnswersDoNotPushOutARepeatedOne) {
  ResponseCache cache(2);
  cache.put_if_offered_before("/01/hot", 1, answer("hot"));
  EXPECT_FALSE(cache.find("/01/hot", 1));  // offered once: not kept yet
  cache.put_if_offered_before("/01/hot", 1, answer("hot"));
  for (int i = 0; i < 100; ++i) {
    const std::string key = "/01/once/" + std::to_string(i);
    cache.put_if_offered_before(key, 1, answer("once"));
    EXPECT_FALSE(cache.find(key, 1)) << key;
  }
  const auto hot = cache.find("/01/hot", 1);
  ASSERT_TRUE(hot);
  EXPECT_EQ(hot->body(), "hot");
}

using ResponseCaching = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(ResponseCaching);

TEST_P(ResponseCaching, ARepeatedRequestIsServedFromMemoryWithTheSameBytes) {
  const std::string path = std::string("/api/v1/plans/") + kPlanId;
  const HttpReply first = get(path);
  ASSERT_EQ(first.status, 200u) << first.body;
  const long long hits_before = metric("zhiyou_response_cache_hits_total");
  const HttpReply second = get(path);
  ASSERT_EQ(second.status, 200u);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(metric("zhiyou_response_cache_hits_total"), hits_before + 1);
}

TEST_P(ResponseCaching, AFigureWrittenStraightToTheDatabaseIsSeenAtOnce) {
  const std::string office = login(Role::office);
  const std::string path = std::string("/api/v1/observations?plan=") + kPlanId + "&period=2025";
  const HttpReply before = call({http::verb::get, path, "", office});
  ASSERT_EQ(before.status, 200u) << before.body;
  EXPECT_EQ(city_value(before.json(), kOwnIndicator), -1);
  ASSERT_EQ(call({http::verb::get, path, "", office}).body, before.body);  // now cached

  // As `zhiyou data import` does on the same database while the server runs.
  monitoring::Observation figure{kOwnIndicator, "全市", *Period::parse("2025"), 41.5, "统计公报",
                                 "cli",         ""};
  ASSERT_TRUE(monitoring::save_observations(db(), {figure}).ok());

  const HttpReply after = call({http::verb::get, path, "", office});
  ASSERT_EQ(after.status, 200u) << after.body;
  EXPECT_DOUBLE_EQ(city_value(after.json(), kOwnIndicator), 41.5);
}

TEST_P(ResponseCaching, AUnitReporterNeverGetsTheOfficesCachedView) {
  const std::string office = login(Role::office);
  const std::string unit = login(Role::unit_reporter);
  const std::string path = std::string("/api/v1/plans/") + kPlanId + "/observations";
  // A figure for an indicator of another unit: the office sees it, the 市经信局 reporter not.
  const HttpReply plan = get(std::string("/api/v1/plans/") + kPlanId + "/indicators");
  ASSERT_EQ(plan.status, 200u);
  std::string other;
  const json::value indicators = plan.json();
  for (const json::value& i : indicators.at("indicators").as_array()) {
    bool own = false;
    for (const json::value& u : i.at("lead_units").as_array()) own |= u.as_string() == "市经信局";
    if (!own && i.at("lead_units").as_array().size() > 0) {
      other = std::string(i.at("id").as_string());
      break;
    }
  }
  ASSERT_FALSE(other.empty());
  const std::string figure = json::serialize(json::object{
      {"indicator_id", other}, {"region", "全市"}, {"period", "2025"}, {"value", 12.0}});
  ASSERT_EQ(call({http::verb::post, "/api/v1/observations", figure, office}).status, 201u);

  const HttpReply seen_by_office = call({http::verb::get, path, "", office});
  ASSERT_EQ(seen_by_office.status, 200u);
  EXPECT_NE(seen_by_office.body.find(other), std::string::npos);
  const HttpReply seen_by_unit = call({http::verb::get, path, "", unit});
  ASSERT_EQ(seen_by_unit.status, 200u);
  EXPECT_EQ(seen_by_unit.body.find(other), std::string::npos) << seen_by_unit.body;
}

// As `zhiyou serve` runs: the versions are read at most once per max_age.
class ResponseCachingWithMaxAge : public ServerTest {
 protected:
  ApiOptions api_options() override {
    ApiOptions options = ServerTest::api_options();
    options.versions_max_age = std::chrono::milliseconds(200);
    return options;
  }
};
ZHIYOU_ON_BOTH_ENGINES(ResponseCachingWithMaxAge);

TEST_P(ResponseCachingWithMaxAge, AFigurePostedThroughTheApiIsSeenAtOnce) {
  const std::string office = login(Role::office);
  const std::string path = std::string("/api/v1/observations?plan=") + kPlanId + "&period=2025";
  ASSERT_EQ(call({http::verb::get, path, "", office}).status, 200u);  // cached
  const std::string figure = json::serialize(json::object{
      {"indicator_id", kOwnIndicator}, {"region", "全市"}, {"period", "2025"}, {"value", 41.5}});
  ASSERT_EQ(call({http::verb::post, "/api/v1/observations", figure, office}).status, 201u);
  const HttpReply after = call({http::verb::get, path, "", office});
  ASSERT_EQ(after.status, 200u) << after.body;
  EXPECT_DOUBLE_EQ(city_value(after.json(), kOwnIndicator), 41.5);
}

TEST_P(ResponseCachingWithMaxAge, AFigureWrittenByAnotherProcessShowsOnceMaxAgeIsUp) {
  const std::string office = login(Role::office);
  const std::string path = std::string("/api/v1/observations?plan=") + kPlanId + "&period=2025";
  ASSERT_EQ(call({http::verb::get, path, "", office}).status, 200u);  // cached
  monitoring::Observation figure{kOwnIndicator, "全市", *Period::parse("2025"), 41.5, "统计公报",
                                 "cli",         ""};
  ASSERT_TRUE(monitoring::save_observations(db(), {figure}).ok());
  // Not a timing assertion: the answer must change, at the latest a little after max_age.
  double seen = -1;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (seen == -1 && std::chrono::steady_clock::now() < give_up) {
    const HttpReply reply = call({http::verb::get, path, "", office});
    ASSERT_EQ(reply.status, 200u) << reply.body;
    seen = city_value(reply.json(), kOwnIndicator);
    if (seen == -1) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_DOUBLE_EQ(seen, 41.5);
}

}  // namespace
}  // namespace zhiyou::server::testing
