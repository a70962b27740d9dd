// Checking reported figures against the seed plans (000 质优宁波, 004's 2021–2025 plans):
// every kind of row error, with the row number as the file shows it.
#include "monitoring/observation_import.hpp"

#include <gtest/gtest.h>

#include <string>

#include "monitoring/seed_plans.hpp"
#include "tabular/csv.hpp"

namespace zhiyou::monitoring::testing {
namespace {

ImportCheck check(const std::string& csv, std::optional<std::string> plan_id = std::nullopt) {
  auto table = tabular::parse_csv(csv);
  EXPECT_TRUE(table.ok()) << table.error().describe();
  ImportOptions options{"上报.csv", "市经信局", "2025-01-01T00:00:00Z", std::move(plan_id)};
  auto result = check_observations(seed_plans(), *table, options);
  EXPECT_TRUE(result.ok()) << result.error().describe();
  return result.ok() ? *result : ImportCheck{};
}

std::string quality_id() { return plan_titled("质优宁波").id; }

// The reason given for `row`, or "" when the row has no error.
std::string reason_for(const ImportCheck& c, std::size_t row) {
  for (const RowError& e : c.errors) {
    if (e.row == row) return e.reason;
  }
  return "";
}

TEST(ObservationImport, GoodRowsBecomeObservations) {
  const auto c = check(
      "指标,区县,期间,数值,来源\n"
      "规上工业新产品产值率,全市,2024,34.5,2024年统计公报\n"
      "规上工业新产品产值率,鄞州,2024Q2,33.25,\n"
      "“品字标浙江制造”企业,北仑区,2024年,\"1,250\",\n"
      "新开工装配式建筑面积,宁波市,2024-06,2800万,\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].reason;
  ASSERT_EQ(c.observations.size(), 4U);
  const Observation& first = c.observations[0];
  EXPECT_EQ(first.indicator_id,
            indicator_named(plan_titled("质优宁波"), "规上工业新产品产值率").id);
  EXPECT_EQ(first.region, "全市");
  EXPECT_EQ(first.period.to_string(), "2024");
  EXPECT_EQ(first.value, 34.5);
  EXPECT_EQ(first.source, "2024年统计公报");
  EXPECT_EQ(first.reported_by, "市经信局");
  EXPECT_EQ(c.observations[1].region, "鄞州区");  // short name → registry name
  EXPECT_EQ(c.observations[1].period.to_string(), "2024Q2");
  EXPECT_EQ(c.observations[1].source, "上报.csv");  // no 来源: the file
  EXPECT_EQ(c.observations[2].value, 1250);
  EXPECT_EQ(c.observations[3].region, "全市");   // the city's own name
  EXPECT_EQ(c.observations[3].value, 28000000);  // 2800 万 平方米
  EXPECT_EQ(c.rows, (std::vector<std::size_t>{2, 3, 4, 5}));
}

TEST(ObservationImport, EnglishHeadersAnyOrderIdsAndATitleLineAbove) {
  const std::string id = indicator_named(plan_titled("质优宁波"), "森林覆盖率").id;
  const auto c = check(
      "2024年度监测数据填报表,,,\n"
      "Value,Region,Period,Indicator,Note\n"
      "48.1,海曙,2024," +
      id + ",extra columns are ignored\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].reason;
  ASSERT_EQ(c.observations.size(), 1U);
  EXPECT_EQ(c.observations[0].indicator_id, id);
  EXPECT_EQ(c.observations[0].region, "海曙区");
  EXPECT_EQ(c.observations[0].value, 48.1);
}

TEST(ObservationImport, EveryKindOfBadRowIsNamedWithItsRow) {
  const auto c = check(
      "指标,区县,期间,数值,单位\n"
      "规上工业新产品产值率,全市,2024,34.5,%\n"   // 2 good
      "不存在的指标,全市,2024,1,\n"               // 3
      "森林覆盖率,火星区,2024,48,\n"              // 4
      "森林覆盖率,全市,2030,48,\n"                // 5 after the last target year
      "森林覆盖率,全市,2021,48,\n"                // 6 before the year before issue
      "森林覆盖率,全市,去年,48,\n"                // 7
      "森林覆盖率,全市,2024,四十八,\n"            // 8
      "森林覆盖率,全市,2023,120,\n"               // 9 a percentage over 100
      "“品字标浙江制造”企业,全市,2024,35%,\n"     // 10 % for an indicator in 家
      "“品字标浙江制造”企业,全市,2023,35,个\n"    // 11 unit 个 for 家
      "规上工业新产品产值率,全市,2024,34.5,\n"    // 12 repeats row 2
      "国家级制造业单项冠军企业,全市,2024,80,\n"  // 13 in two plans
      "知识产权质押融资总额,全市,2024,2.5万,\n",  // 14 万 on 亿元
      std::nullopt);
  EXPECT_EQ(c.observations.size(), 1U);
  ASSERT_EQ(c.errors.size(), 12U);  // rows 3–14
  EXPECT_EQ(reason_for(c, 2), "");
  EXPECT_NE(reason_for(c, 3).find("未知指标“不存在的指标”"), std::string::npos);
  EXPECT_EQ(reason_for(c, 4), "未知区县“火星区”");
  EXPECT_EQ(reason_for(c, 5), "期间 2030 不在规划期内（2022—2025年）");
  EXPECT_EQ(reason_for(c, 6), "期间 2021 不在规划期内（2022—2025年）");
  EXPECT_NE(reason_for(c, 7).find("期间“去年”无法识别"), std::string::npos);
  EXPECT_EQ(reason_for(c, 8), "数值“四十八”无法识别");
  EXPECT_EQ(reason_for(c, 9), "百分比 120 超过 100");
  EXPECT_EQ(reason_for(c, 10), "单位不符: 数值带 %，但指标单位是“家”");
  EXPECT_EQ(reason_for(c, 11), "单位不符: 填的是“个”，指标单位是“家”");
  EXPECT_EQ(reason_for(c, 12), "与第2行重复（同一指标、区县、期间）");
  EXPECT_NE(reason_for(c, 13).find("在多个规划中都有"), std::string::npos);
  EXPECT_EQ(reason_for(c, 14), "单位不符: 数值带“万/亿”，但指标单位已是“亿元”");
}

TEST(ObservationImport, APlanNarrowsNamesAndUnitsOfAnotherMagnitudeAreConverted) {
  const auto c = check(
      "指标,区县,期间,数值,单位\n"
      "国家级制造业单项冠军企业,全市,2024,80,\n"
      "知识产权质押融资总额,全市,2024,2500000,万元\n"  // 250 亿元
      "规上工业亩均税收(万元),全市,2024,58.5,\n",      // name printed with its unit
      quality_id());
  ASSERT_TRUE(c.errors.empty()) << c.errors[0].row << " " << c.errors[0].reason;
  ASSERT_EQ(c.observations.size(), 3U);
  EXPECT_EQ(c.observations[1].value, 250);
  EXPECT_EQ(c.observations[2].indicator_id,
            indicator_named(plan_titled("质优宁波"), "规上工业亩均税收").id);
}

TEST(ObservationImport, PlanPeriodsAndBaselinesBoundTheYears) {
  const plans::Plan& services = plan_titled("公共服务发展");  // 2021–2025, baselines 2020
  const auto c = check(
      "指标,区县,期间,数值\n"
      "城镇登记失业率,全市,2020,2.22\n"  // the baseline year is allowed
      "城镇登记失业率,全市,2019,2.5\n"
      "城镇登记失业率,全市,2026,2.5\n",
      services.id);
  EXPECT_EQ(c.observations.size(), 1U);
  EXPECT_EQ(reason_for(c, 3), "期间 2019 不在规划期内（2020—2025年）");
  EXPECT_EQ(reason_for(c, 4), "期间 2026 不在规划期内（2020—2025年）");
}

TEST(ObservationImport, CumulativeTargetsAreReportedPerYear) {
  const plans::Plan& services = plan_titled("公共服务发展");
  const auto c = check(
      "指标,区县,期间,数值\n"
      "城镇新增就业人员,全市,2022,18.6\n"
      "城镇新增就业人员,全市,2023Q1,4.1\n",
      services.id);
  ASSERT_EQ(c.observations.size(), 1U);
  EXPECT_EQ(c.observations[0].value, 18.6);
  EXPECT_NE(reason_for(c, 3).find("按年度填报当年数"), std::string::npos);
}

TEST(ObservationImport, BlankValuesAreSkippedNotErrors) {
  const auto c = check(
      "指标,区县,期间,数值\n"
      "森林覆盖率,全市,2024,\n"
      "森林覆盖率,鄞州,2024,  \n"
      "森林覆盖率,海曙,2024,47\n");
  EXPECT_TRUE(c.errors.empty());
  EXPECT_EQ(c.empty_rows, 2U);
  EXPECT_EQ(c.observations.size(), 1U);
}

TEST(ObservationImport, MissingColumnsAreOneErrorNamingThem) {
  auto table = tabular::parse_csv("指标,数值,备注\n森林覆盖率,48,\n");
  ASSERT_TRUE(table.ok());
  auto result = check_observations(seed_plans(), *table, ImportOptions{});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("缺少必需的列 “区县”、“期间”"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(result.error().place, "第1行");

  auto twice = tabular::parse_csv("指标,区县,期间,数值,value\n");
  ASSERT_TRUE(twice.ok());
  auto dup = check_observations(seed_plans(), *twice, ImportOptions{});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().message, "表头有两列“数值”");

  auto empty = check_observations(seed_plans(), tabular::Table{}, ImportOptions{});
  ASSERT_FALSE(empty.ok());
}

TEST(ObservationImport, ReportingYears) {
  const plans::Plan& quality = plan_titled("质优宁波");  // issued 2023, no period, 2025 targets
  const YearRange q = reporting_years(quality, indicator_named(quality, "森林覆盖率"));
  EXPECT_EQ(q.first, 2022);
  EXPECT_EQ(q.last, 2025);
  const plans::Plan& tenglong = plan_titled("腾笼换鸟");
  const YearRange t = reporting_years(tenglong, indicator_named(tenglong, "规上工业增加值率"));
  EXPECT_EQ(t.first, 2020);
  EXPECT_EQ(t.last, 2025);
}

}  // namespace
}  // namespace zhiyou::monitoring::testing
