// Evaluation over HTTP: a figure a unit reporter enters changes what the office sees, with
// the same engine and JSON as `zhiyou eval --json`; scorecards, ranking and the report
// download come from the same evaluation.
#include <gtest/gtest.h>

#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

constexpr const char* kPlan = "p4ef8a67daf";  // 甬政办发〔2023〕1号 in data/demo/plans.json
// 规上工业新产品产值率 (%): 2025 target ≥ 35, led by 市经信局 (the test unit reporter's unit).
constexpr const char* kIndicator = "ief0304ef2357";

const json::object* result_for(const json::value& body, const std::string& indicator,
                               const std::string& region) {
  for (const json::value& r : body.at("results").as_array()) {
    if (r.at("indicator_id").as_string() == indicator && r.at("region").as_string() == region) {
      return &r.as_object();
    }
  }
  return nullptr;
}

using Evaluation = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(Evaluation);

TEST_P(Evaluation, AReportedFigureTurnsNoDataIntoMet) {
  const std::string office = login(Role::office);
  const std::string path = std::string("/api/v1/plans/") + kPlan + "/evaluation?period=2025";
  const HttpReply before = call({http::verb::get, path, "", office});
  ASSERT_EQ(before.status, 200u) << before.body;
  const json::value before_json = before.json();  // result_for points into it
  const json::object* row = result_for(before_json, kIndicator, "全市");
  ASSERT_NE(row, nullptr) << before.body;
  EXPECT_EQ(row->at("status").as_string(), "no_data");

  const std::string unit = login(Role::unit_reporter);
  const std::string figure = json::serialize(json::object{
      {"indicator_id", kIndicator}, {"region", "全市"}, {"period", "2025"}, {"value", 36.2}});
  ASSERT_EQ(call({http::verb::post, "/api/v1/observations", figure, unit}).status, 201u);

  const HttpReply after = call({http::verb::get, path, "", office});
  ASSERT_EQ(after.status, 200u) << after.body;
  const json::value after_json = after.json();
  row = result_for(after_json, kIndicator, "全市");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->at("status").as_string(), "met");  // 36.2 ≥ 35 in the target year
  EXPECT_DOUBLE_EQ(row->at("value").to_number<double>(), 36.2);
  EXPECT_EQ(row->at("target").at("text").as_string(), "35");

  // The unit's scorecard counts it as met.
  const HttpReply cards =
      call({http::verb::get, std::string("/api/v1/plans/") + kPlan + "/scorecards?period=2025", "",
            office});
  ASSERT_EQ(cards.status, 200u) << cards.body;
  bool found = false;
  const json::value cards_json = cards.json();
  for (const json::value& card : cards_json.at("units").as_array()) {
    if (card.at("unit").as_string() == "市经信局") {
      found = true;
      EXPECT_GE(card.at("counts").at("met").to_number<int>(), 1);
    }
  }
  EXPECT_TRUE(found) << cards.body;
}

TEST_P(Evaluation, TheTrajectoryHasEachReportedPeriodWithItsStatus) {
  const std::string office = login(Role::office);
  for (const auto& [period, value] : {std::pair{"2024", 30.0}, std::pair{"2025", 36.2}}) {
    const std::string figure = json::serialize(json::object{
        {"indicator_id", kIndicator}, {"region", "全市"}, {"period", period}, {"value", value}});
    ASSERT_EQ(call({http::verb::post, "/api/v1/observations", figure, office}).status, 201u);
  }
  const HttpReply reply = call(
      {http::verb::get,
       std::string("/api/v1/plans/") + kPlan + "/trajectory?indicator=" + kIndicator, "", office});
  ASSERT_EQ(reply.status, 200u) << reply.body;
  const json::value body = reply.json();
  EXPECT_EQ(body.at("targets").at(0).at("year").to_number<int>(), 2025);
  const json::array& points = body.at("points").as_array();
  ASSERT_EQ(points.size(), 2u) << reply.body;
  EXPECT_EQ(points[0].at("period").as_string(), "2024");
  EXPECT_DOUBLE_EQ(points[0].at("value").to_number<double>(), 30);
  EXPECT_EQ(points[1].at("period").as_string(), "2025");
  EXPECT_EQ(points[1].at("status").as_string(), "met");  // 36.2 ≥ 35 in the target year
  EXPECT_EQ(
      call({http::verb::get,
            std::string("/api/v1/plans/") + kPlan + "/trajectory?indicator=inothere", "", office})
          .status,
      404u);
}

TEST_P(Evaluation, BadParametersAndUnknownPlansAreNamed) {
  const std::string office = login(Role::office);
  const HttpReply no_period =
      call({http::verb::get, std::string("/api/v1/plans/") + kPlan + "/evaluation", "", office});
  EXPECT_EQ(no_period.status, 400u);
  EXPECT_NE(no_period.body.find("period"), std::string::npos) << no_period.body;
  const HttpReply bad_region = call(
      {http::verb::get,
       std::string("/api/v1/plans/") + kPlan + "/evaluation?period=2025&region=%E7%81%AB%E6%98%9F",
       "", office});
  EXPECT_EQ(bad_region.status, 400u);
  EXPECT_NE(bad_region.body.find("火星"), std::string::npos) << bad_region.body;
  const HttpReply unknown =
      call({http::verb::get, "/api/v1/plans/pnothere/evaluation?period=2025", "", office});
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_NE(unknown.body.find("找不到规划"), std::string::npos) << unknown.body;
}

TEST_P(Evaluation, TheReportDownloadsAsHtmlAndXlsx) {
  const std::string office = login(Role::office);
  const std::string base = std::string("/api/v1/plans/") + kPlan + "/report?period=2025";
  const HttpReply html = call({http::verb::get, base + "&format=html", "", office});
  ASSERT_EQ(html.status, 200u) << html.body;
  EXPECT_NE(html.body.find("规上工业新产品产值率"), std::string::npos);
  EXPECT_NE(html.body.find("<svg"), std::string::npos);
  const HttpReply xlsx = call({http::verb::get, base + "&format=xlsx", "", office});
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "an .xlsx is a zip archive";
  EXPECT_EQ(call({http::verb::get, base + "&format=pdf", "", office}).status, 400u);
}

}  // namespace
}  // namespace zhiyou::server::testing
