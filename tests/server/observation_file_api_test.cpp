// The upload a unit sends and what it reads back: all rows valid or nothing saved (each bad
// row named), its own unit's indicators only, the figures filtered, a figure's history, and
// the template as an .xlsx download.
#include <gtest/gtest.h>

#include "server/server_fixture.hpp"

namespace zhiyou::server::testing {
namespace {

using people::Role;
namespace json = boost::json;

constexpr const char* kPlan = "p4ef8a67daf";            // 甬政办发〔2023〕1号
constexpr const char* kOwnIndicator = "ief0304ef2357";  // 规上工业新产品产值率, 市经信局
constexpr const char* kOtherUnitsIndicator = "i6376db59d200";

std::string import_path() { return std::string("/api/v1/observations/import?plan=") + kPlan; }

using ObservationFiles = ServerTest;
ZHIYOU_ON_BOTH_ENGINES(ObservationFiles);

TEST_P(ObservationFiles, AFileWithABadRowSavesNothingAndNamesTheRow) {
  const std::string office = login(Role::office);
  const std::string csv = std::string("指标,区县,期间,数值\n") + kOwnIndicator +
                          ",鄞州,2024,31.5\n" + kOwnIndicator + ",火星,2024,30\n";
  const HttpReply bad = call({http::verb::post, import_path(), csv, office});
  ASSERT_EQ(bad.status, 422u) << bad.body;
  const json::value body = bad.json();
  ASSERT_EQ(body.at("rows").as_array().size(), 1u) << bad.body;
  EXPECT_EQ(body.at("rows").at(0).at("row").to_number<int>(), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 0);

  const std::string good = std::string("指标,区县,期间,数值\n") + kOwnIndicator +
                           ",鄞州,2024,31.5\n" + kOwnIndicator + ",全市,2024,30\n";
  const HttpReply ok = call({http::verb::post, import_path(), good, office});
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(ok.json().at("imported").to_number<int>(), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 2);

  const HttpReply listed = call(
      {http::verb::get,
       std::string("/api/v1/observations?plan=") + kPlan + "&period=2024&region=%E9%84%9E%E5%B7%9E",
       "", office});
  ASSERT_EQ(listed.status, 200u) << listed.body;
  const json::value list = listed.json();
  ASSERT_EQ(list.at("observations").as_array().size(), 1u) << listed.body;
  EXPECT_EQ(list.at("observations").at(0).at("region").as_string(), "鄞州区");
}

TEST_P(ObservationFiles, AUnitReporterCannotUploadAnotherUnitsIndicator) {
  const std::string unit = login(Role::unit_reporter);
  const std::string csv = std::string("指标,区县,期间,数值\n") + kOwnIndicator +
                          ",全市,2024,31.5\n" + kOtherUnitsIndicator + ",全市,2024,3\n";
  const HttpReply reply = call({http::verb::post, import_path(), csv, unit});
  ASSERT_EQ(reply.status, 422u) << reply.body;
  EXPECT_NE(reply.body.find("不是"), std::string::npos) << reply.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM observations"), 0);
}

TEST_P(ObservationFiles, HistoryShowsEachRevision) {
  const std::string office = login(Role::office);
  for (const char* value : {"30", "32"}) {
    const std::string csv =
        std::string("指标,区县,期间,数值\n") + kOwnIndicator + ",全市,2024," + value + "\n";
    ASSERT_EQ(call({http::verb::post, import_path(), csv, office}).status, 200u);
  }
  const HttpReply history = call({http::verb::get,
                                  std::string("/api/v1/observations/history?indicator=") +
                                      kOwnIndicator + "&region=%E5%85%A8%E5%B8%82&period=2024",
                                  "", office});
  ASSERT_EQ(history.status, 200u) << history.body;
  const json::value body = history.json();
  const json::array& revisions = body.at("revisions").as_array();
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_TRUE(revisions[0].at("from").is_null());
  EXPECT_DOUBLE_EQ(revisions[1].at("from").to_number<double>(), 30);
  EXPECT_DOUBLE_EQ(revisions[1].at("to").to_number<double>(), 32);
}

TEST_P(ObservationFiles, TheTemplateIsAnXlsxThatImportsBack) {
  const std::string unit = login(Role::unit_reporter);
  const HttpReply xlsx = call(
      {http::verb::get, std::string("/api/v1/plans/") + kPlan + "/template?period=2025", "", unit});
  ASSERT_EQ(xlsx.status, 200u) << xlsx.body;
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  // Unfilled, it imports as nothing to save rather than as an error.
  const HttpReply back = call({http::verb::post, import_path(), xlsx.body, unit});
  ASSERT_EQ(back.status, 200u) << back.body;
  EXPECT_EQ(back.json().at("imported").to_number<int>(), 0);
  EXPECT_GT(back.json().at("empty_rows").to_number<int>(), 0);
}

}  // namespace
}  // namespace zhiyou::server::testing
