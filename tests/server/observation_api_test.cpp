// POST /api/v1/observations as the issue's contract states it: 201 for a unit reporter's own
// indicator, 403 for another unit's, 401 without a token; checked by monitoring's rules,
// revised in place with history, and audited.
#include <gtest/gtest.h>

#include "monitoring/observation_store.hpp"
#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

// In 甬政办发〔2023〕1号: led by 市经信局, and by 市科技局.
constexpr const char* kOwnIndicator = "ief0304ef2357";
constexpr const char* kOtherUnitsIndicator = "i6376db59d200";

std::string report(const std::string& indicator, const json::value& value,
                   const std::string& region = "全市", const std::string& period = "2024") {
  return json::serialize(json::object{
      {"indicator_id", indicator}, {"region", region}, {"period", period}, {"value", value}});
}

using Observations = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(Observations);

TEST_P(Observations, AUnitReporterReportsItsOwnIndicatorOnly) {
  const std::string unit = login(Role::unit_reporter);
  const HttpReply own =
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 31.5), unit});
  ASSERT_EQ(own.status, 201u) << own.body;
  EXPECT_EQ(own.json().at("result").as_string(), "inserted");
  EXPECT_EQ(own.json().at("observation").at("reported_by").as_string(), "unit1");

  const HttpReply other =
      call({http::verb::post, "/api/v1/observations", report(kOtherUnitsIndicator, 3.1), unit});
  EXPECT_EQ(other.status, 403u) << other.body;
  EXPECT_EQ(other.error_code(), "forbidden");

  const HttpReply anonymous =
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 31.5)});
  EXPECT_EQ(anonymous.status, 401u);

  // The office may report any indicator.
  const std::string office = login(Role::office);
  EXPECT_EQ(
      call({http::verb::post, "/api/v1/observations", report(kOtherUnitsIndicator, 3.1), office})
          .status,
      201u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 2);
}

TEST_P(Observations, ARevisionKeepsHistoryAndIsAudited) {
  const std::string unit = login(Role::unit_reporter);
  ASSERT_EQ(
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 30), unit}).status,
      201u);
  const HttpReply revised =
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 32), unit});
  ASSERT_EQ(revised.status, 201u);
  EXPECT_EQ(revised.json().at("result").as_string(), "revised");
  auto history =
      monitoring::observation_history(db(), kOwnIndicator, "全市", *Period::parse("2024"));
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->back().old_value, 30);
  EXPECT_EQ(history->back().new_value, 32);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'observation.report'"
                  " AND actor = 'unit1'"),
            2);
  const HttpReply same =
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 32), unit});
  EXPECT_EQ(same.json().at("result").as_string(), "unchanged");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'observation.report'"), 2);
}

TEST_P(Observations, BadFiguresAre422OrUnknownIndicators404) {
  const std::string office = login(Role::office);
  const auto status_of = [&](const std::string& body) {
    return call({http::verb::post, "/api/v1/observations", body, office}).status;
  };
  EXPECT_EQ(status_of(report(kOwnIndicator, 31.5, "火星区")), 422u);
  EXPECT_EQ(status_of(report(kOwnIndicator, 31.5, "全市", "someday")), 422u);
  EXPECT_EQ(status_of(report(kOwnIndicator, 150)), 422u) << "a percentage over 100";
  EXPECT_EQ(status_of(report(kOwnIndicator, "many")), 422u);
  EXPECT_EQ(status_of(R"({"indicator_id":"ief0304ef2357","region":"全市","period":"2024"})"), 422u);
  EXPECT_EQ(status_of(report("i000000000000", 1)), 404u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 0);
}

TEST_P(Observations, AUnitReporterSeesOnlyItsOwnIndicatorsFigures) {
  const std::string office = login(Role::office);
  ASSERT_EQ(
      call({http::verb::post, "/api/v1/observations", report(kOwnIndicator, 31.5), office}).status,
      201u);
  ASSERT_EQ(
      call({http::verb::post, "/api/v1/observations", report(kOtherUnitsIndicator, 3.1), office})
          .status,
      201u);
  const std::string path = std::string("/api/v1/plans/") + kPlanId + "/observations";
  EXPECT_EQ(get(path, office).json().at("observations").as_array().size(), 2u);
  const json::value mine = get(path, login(Role::unit_reporter)).json();
  ASSERT_EQ(mine.at("observations").as_array().size(), 1u);
  EXPECT_EQ(mine.at("observations").at(0).at("indicator_id").as_string(), kOwnIndicator);
}

}  // namespace
}  // namespace zhiyou::server::testing
