// `zhiyou eval` and `zhiyou report` through the real binary: seed 004 imported with
// `plan import`, hand-made figures saved with the observation store into the same SQLite
// file, then the commands' output read back (JSON parsed, HTML searched, XLSX unzipped).
#include <gtest/gtest.h>
#include <minizip/unzip.h>

#include <boost/json.hpp>

#include <map>
#include <string>

#include "monitoring/observation_store.hpp"
#include "store/database.hpp"
#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {

namespace bj = boost::json;

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// The text of one member of a zip archive (an .xlsx is one).
std::string unzip_member(const std::filesystem::path& archive, const std::string& member) {
  unzFile zip = unzOpen(archive.string().c_str());
  if (zip == nullptr) return {};
  std::string out;
  if (unzLocateFile(zip, member.c_str(), 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
    char buffer[8192];
    int n = 0;
    while ((n = unzReadCurrentFile(zip, buffer, sizeof buffer)) > 0) out.append(buffer, n);
    unzCloseCurrentFile(zip);
  }
  unzClose(zip);
  return out;
}

class EvalCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string plan_id;
  std::map<std::string, std::string> ids;  // indicator name → id

  std::filesystem::path db_path() const { return dir.path() / "zhiyou.db"; }
  CommandResult run(const std::string& args) {
    return run_zhiyou(args + " --db " + quoted(db_path()));
  }

  void SetUp() override {
    const auto imported = run("plan import " + quoted(seed("004")) + " --json");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const bj::value doc = bj::parse(imported.out);
    for (const auto& plan : doc.at("plans").as_array()) {
      if (plan.at("title").as_string().find("腾笼换鸟") == bj::string::npos) continue;
      plan_id = std::string(plan.at("id").as_string());
      for (const auto& i : plan.at("indicators").as_array()) {
        ids[std::string(i.at("name").as_string())] = std::string(i.at("id").as_string());
      }
    }
    ASSERT_FALSE(plan_id.empty());
    // 规上工业亩均税收 (b 44.4 → 2023: 50 → 2025: 60): 全市 2024 = 54 (e 55, 1 behind,
    // tolerance 1.56 → lagging); 鄞州区 2020 = 40, 2024 = 58 (e 50 + (60 − 50)/2 = 55, ahead →
    // on_track); 海曙区 2024 = 61 (≥ 60 → met).
    // 高新技术企业数量 (b 3103 → 2025: 8000): 全市 2024 = 6000: e = 5500 + 2500/2 = 6750,
    // 750 behind, tolerance 10 % of 4897 = 489.7 → off_track.
    const std::string a = ids.at("规上工业亩均税收");
    const std::string h = ids.at("高新技术企业数量");
    std::vector<monitoring::Observation> figures{
        {.indicator_id = a, .region = "全市", .period = *Period::parse("2024"), .value = 54},
        {.indicator_id = a, .region = "鄞州区", .period = *Period::parse("2020"), .value = 40},
        {.indicator_id = a, .region = "鄞州区", .period = *Period::parse("2024"), .value = 58},
        {.indicator_id = a, .region = "海曙区", .period = *Period::parse("2024"), .value = 61},
        {.indicator_id = h, .region = "全市", .period = *Period::parse("2024"), .value = 6000},
    };
    for (auto& f : figures) {
      f.source = "test";
      f.reported_by = "tester";
    }
    auto db = store::Database::open(db_path().string());
    ASSERT_TRUE(db.ok()) << db.error().describe();
    auto saved = monitoring::save_observations(**db, figures);
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
  }

  static const bj::object* result(const bj::value& doc, const std::string& indicator,
                                  const std::string& region) {
    for (const auto& r : doc.at("results").as_array()) {
      if (r.at("indicator").as_string() == indicator && r.at("region").as_string() == region) {
        return &r.as_object();
      }
    }
    return nullptr;
  }
};

TEST_F(EvalCli, JsonHasTheDocumentedShapeAndStatuses) {
  const auto r = run("eval --plan " + plan_id + " --period 2024 --as-of 2025-06-30 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const bj::value doc = bj::parse(r.out);
  // 44 indicators × (全市, 海曙区, 鄞州区).
  EXPECT_EQ(doc.at("results").as_array().size(), 44U * 3);
  for (const auto& v : doc.at("results").as_array()) {
    for (const char* key : {"indicator_id", "indicator", "region", "period", "status", "value",
                            "expected", "target"}) {
      EXPECT_TRUE(v.as_object().contains(key)) << key;
    }
    EXPECT_EQ(v.at("period").as_string(), "2024");
  }

  const auto* city = result(doc, "规上工业亩均税收", "全市");
  ASSERT_NE(city, nullptr);
  EXPECT_EQ(city->at("indicator_id").as_string(), ids.at("规上工业亩均税收"));
  EXPECT_EQ(city->at("status").as_string(), "lagging");
  EXPECT_EQ(city->at("value").to_number<double>(), 54);
  EXPECT_EQ(city->at("expected").to_number<double>(), 55);
  EXPECT_EQ(city->at("target").at("year").as_int64(), 2025);
  EXPECT_EQ(city->at("target").at("kind").as_string(), "level");
  EXPECT_EQ(city->at("target").at("op").as_string(), ">=");
  EXPECT_EQ(city->at("target").at("value").to_number<double>(), 60);
  EXPECT_EQ(city->at("warning").as_string(), "yellow");

  EXPECT_EQ(result(doc, "规上工业亩均税收", "鄞州区")->at("status").as_string(), "on_track");
  EXPECT_EQ(result(doc, "规上工业亩均税收", "海曙区")->at("status").as_string(), "met");
  const auto* hightech = result(doc, "高新技术企业数量", "全市");
  EXPECT_EQ(hightech->at("status").as_string(), "off_track");
  EXPECT_EQ(hightech->at("expected").to_number<double>(), 6750);
  // A figure nobody reported: no_data, overdue by mid-2025 → red, value and expected null.
  const auto* missing = result(doc, "规上工业增加值率", "全市");
  EXPECT_EQ(missing->at("status").as_string(), "no_data");
  EXPECT_TRUE(missing->at("value").is_null());
  EXPECT_TRUE(missing->at("expected").is_null());
  EXPECT_EQ(missing->at("warning").as_string(), "red");
}

TEST_F(EvalCli, RegionFilterAcceptsTheShortName) {
  const auto r = run("eval --plan " + plan_id + " --period 2024 --region 鄞州 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const bj::value doc = bj::parse(r.out);
  EXPECT_EQ(doc.at("results").as_array().size(), 44U);
  for (const auto& v : doc.at("results").as_array())
    EXPECT_EQ(v.at("region").as_string(), "鄞州区");
}

TEST_F(EvalCli, TableIsChinese) {
  const auto r = run("eval --plan " + plan_id + " --period 2024 --region 全市");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("规上工业亩均税收(万元/亩)"), std::string::npos);
  EXPECT_NE(r.out.find("实际 54，序时进度 55，落后 1（容差 1.56）"), std::string::npos);
  EXPECT_NE(r.out.find("合计 44 项"), std::string::npos);
}

TEST_F(EvalCli, BadInputIsNamed) {
  auto r = run("eval --plan " + plan_id + " --period 2024年13月");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--period"), std::string::npos);
  r = run("eval --plan " + plan_id + " --period 2024 --region 火星");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("火星"), std::string::npos);
  r = run("eval --plan nosuchplan --period 2024");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("找不到规划"), std::string::npos);
  r = run("eval --period 2024");
  EXPECT_EQ(r.exit_code, 2);  // --plan is required: a usage error
  r = run("eval --plan " + plan_id);
  EXPECT_EQ(r.exit_code, 2);  // so is --period when not saving settings
  EXPECT_NE(r.err.find("--period"), std::string::npos);
}

// 高新技术企业数量 2024 = 6000 is 750 behind e = 6750: off_track with the default tolerance
// (489.7), lagging once the plan's tolerance is 20 % (0.2·4897 = 979.4); --tolerance on the
// command line overrides the saved setting for one run.
TEST_F(EvalCli, PlanToleranceIsSavedAndUsed) {
  auto saved = run("eval --plan " + plan_id + " --set-tolerance 0.2");
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_NE(saved.out.find("容差 20%"), std::string::npos);
  auto r = run("eval --plan " + plan_id + " --period 2024 --region 全市 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const bj::value wide = bj::parse(r.out);
  const auto* h = result(wide, "高新技术企业数量", "全市");
  EXPECT_EQ(h->at("status").as_string(), "lagging");
  EXPECT_NEAR(h->at("tolerance").to_number<double>(), 979.4, 1e-9);
  r = run("eval --plan " + plan_id + " --period 2024 --region 全市 --tolerance 0.1 --json");
  EXPECT_EQ(result(bj::parse(r.out), "高新技术企业数量", "全市")->at("status").as_string(),
            "off_track");
  EXPECT_EQ(run("eval --plan " + plan_id + " --set-tolerance -1").exit_code, 2);
}

TEST_F(EvalCli, HtmlReportIsSelfContained) {
  const auto out = dir.path() / "报告.html";
  const auto r = run("report --plan " + plan_id + " --period 2024 --format html --out " +
                     quoted(out) + " --as-of 2025-06-30");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_file(out);
  EXPECT_NE(html.find("<table class=\"indicators\">"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("综合效益"), std::string::npos);  // a domain heading
  EXPECT_NE(html.find("<td>规上工业亩均税收</td>"), std::string::npos);
  EXPECT_NE(html.find("44.4（2020年）"), std::string::npos);
  EXPECT_NE(html.find("滞后"), std::string::npos);
  EXPECT_NE(html.find("市经信局"), std::string::npos);  // a unit scorecard
  EXPECT_NE(html.find("区县排名"), std::string::npos);
  // Both districts that reported are ranked.
  EXPECT_NE(html.find("海曙区"), std::string::npos);
  EXPECT_NE(html.find("鄞州区"), std::string::npos);
  // No external assets: nothing fetched by src= or href=.
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".part"));
}

TEST_F(EvalCli, XlsxReportKeepsNumbersAsNumbers) {
  const auto out = dir.path() / "report.xlsx";
  const auto r =
      run("report --plan " + plan_id + " --period 2024 --region 鄞州 --out " + quoted(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string workbook = unzip_member(out, "xl/workbook.xml");
  EXPECT_NE(workbook.find("指标完成情况"), std::string::npos);
  EXPECT_NE(workbook.find("区县排名"), std::string::npos);
  const std::string sheet = unzip_member(out, "xl/worksheets/sheet2.xml");
  // 全市's 54 and expected 55, 鄞州区's 58, the baseline 44.4: numeric cells (no t="s").
  for (const char* number : {"<v>54</v>", "<v>55</v>", "<v>58</v>", "<v>44.4</v>"}) {
    const auto at = sheet.find(number);
    ASSERT_NE(at, std::string::npos) << number;
    const auto cell = sheet.rfind("<c ", at);
    EXPECT_EQ(sheet.substr(cell, at - cell).find("t=\"s\""), std::string::npos) << number;
  }
}

TEST_F(EvalCli, ReportNeedsAKnownFormat) {
  const auto r =
      run("report --plan " + plan_id + " --period 2024 --out " + quoted(dir.path() / "report.pdf"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--format"), std::string::npos);
}

}  // namespace
}  // namespace zhiyou::testing
