// Unit scorecards (考核) and the district ranking (赛马), on hand-made figures for the seed
// plans; the scores and ranks are worked out in the comments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "monitoring/evaluation.hpp"
#include "monitoring/region_ranking.hpp"
#include "monitoring/scorecard.hpp"
#include "monitoring/seed_plans.hpp"

namespace zhiyou::monitoring {
namespace {

using testing::indicator_named;
using testing::plan_titled;

struct Figure {
  std::string indicator;
  std::string region;
  std::string period;
  double value;
};

std::vector<Observation> observations(const plans::Plan& plan, const std::vector<Figure>& figures) {
  std::vector<Observation> out;
  for (const Figure& f : figures) {
    out.push_back(Observation{.indicator_id = indicator_named(plan, f.indicator).id,
                              .region = f.region,
                              .period = *Period::parse(f.period),
                              .value = f.value});
  }
  return out;
}

const Scorecard& card_of(const std::vector<Scorecard>& cards, const std::string& unit) {
  for (const Scorecard& c : cards) {
    if (c.unit == unit) return c;
  }
  ADD_FAILURE() << "no card for " << unit;
  return cards.front();
}

// 质优宁波, 全市, 2025 (the target year, so e = T): 市农业农村局 leads six indicators and
// shares 生活垃圾分类覆盖率 (listed after 市综合执法局).
//   农产品质量安全抽检合格率 98.5 ≥ 98            met        100
//   “三品”农产品认证面积比率 2022: 50, 2025: 57 < 60, 3 behind, tolerance 1   off_track 30
//   市级以上农业龙头企业 2022: 400, 2025: 447 < 450, 3 behind, tolerance 5     lagging 60
//   农业保险深度率 — no figure                    no_data    0
//   农作物良种覆盖率 98 ≥ 98                      met        100
//   农村生活垃圾无害化处理率 100                  met        100
//   生活垃圾分类覆盖率 (shared) 2022: 90, 2025: 99.5, 0.5 behind, tolerance 1  lagging 60 ×0.5
// score = (100 + 30 + 60 + 0 + 100 + 100 + 0.5·60) / (6 + 0.5) = 420 / 6.5 = 64.615…
// 市综合执法局 leads 城市公园绿地服务半径覆盖率 (no figure, 0), 生活垃圾分类覆盖率 (60) and
// 县级以上城市生活垃圾无害化处理率 (no figure, 0): 60 / 3 = 20.
TEST(Scorecard, ScoresAUnitByTheDocumentedRule) {
  const plans::Plan& plan = plan_titled("质优宁波");
  const auto obs = observations(plan, {{"农产品质量安全抽检合格率", "全市", "2025", 98.5},
                                       {"“三品”农产品认证面积比率", "全市", "2022", 50},
                                       {"“三品”农产品认证面积比率", "全市", "2025", 57},
                                       {"市级以上农业龙头企业", "全市", "2022", 400},
                                       {"市级以上农业龙头企业", "全市", "2025", 447},
                                       {"农作物良种覆盖率", "全市", "2025", 98},
                                       {"农村生活垃圾无害化处理率", "全市", "2025", 100},
                                       {"生活垃圾分类覆盖率", "全市", "2022", 90},
                                       {"生活垃圾分类覆盖率", "全市", "2025", 99.5}});
  const std::vector<std::string> regions{"全市"};
  const auto evaluations = evaluate_plan(plan, obs, {}, *Period::parse("2025"), regions, {});
  const auto cards = build_scorecards(evaluations, "全市");

  const Scorecard& agri = card_of(cards, "市农业农村局");
  EXPECT_EQ(agri.items.size(), 7U);
  EXPECT_EQ(agri.count(Status::met), 3);
  EXPECT_EQ(agri.count(Status::lagging), 2);
  EXPECT_EQ(agri.count(Status::off_track), 1);
  EXPECT_EQ(agri.count(Status::no_data), 1);
  ASSERT_TRUE(agri.score);
  EXPECT_NEAR(*agri.score, 420.0 / 6.5, 1e-9);
  ASSERT_EQ(agri.lagging.size(), 3U);
  EXPECT_EQ(agri.lagging[0].evaluation->indicator->name, "“三品”农产品认证面积比率");
  EXPECT_DOUBLE_EQ(*agri.lagging[0].evaluation->assessment.gap, -3);
  EXPECT_EQ(agri.lagging[2].role, UnitRole::shared);

  const Scorecard& enforcement = card_of(cards, "市综合执法局");
  EXPECT_NEAR(*enforcement.score, 20, 1e-9);
  // Highest score first.
  for (std::size_t i = 1; i < cards.size(); ++i) {
    EXPECT_GE(cards[i - 1].score.value_or(-1), cards[i].score.value_or(-1));
  }
}

// 质优宁波's qualitative 单位GDP二氧化碳排放降低比例 is listed but not scored until judged.
// 市生态环境局 leads it and two figures (AQI优良天数比例, 一般工业固废利用处置率), unreported:
// unjudged 0·2/2 = 0; judged met (100 + 0 + 0) / 3 = 33.33.
TEST(Scorecard, UnjudgedQualitativeIsNotScored) {
  const plans::Plan& plan = plan_titled("质优宁波");
  const std::vector<std::string> regions{"全市"};
  const auto none = evaluate_plan(plan, {}, {}, *Period::parse("2025"), regions, {});
  const auto cards = build_scorecards(none, "全市");
  const Scorecard& eco = card_of(cards, "市生态环境局");
  EXPECT_EQ(eco.count(Status::qualitative), 1);
  EXPECT_EQ(eco.count(Status::no_data), 2);
  EXPECT_DOUBLE_EQ(*eco.score, 0);  // two unreported figures, the judgement not counted

  const std::string id = indicator_named(plan, "单位GDP二氧化碳排放降低比例").id;
  const std::vector<Judgement> judged{{.indicator_id = id,
                                       .region = "全市",
                                       .period = *Period::parse("2025"),
                                       .status = JudgementStatus::met,
                                       .reason = "完成省下达任务",
                                       .judged_by = "王五"}};
  const auto with = evaluate_plan(plan, {}, judged, *Period::parse("2025"), regions, {});
  const auto cards2 = build_scorecards(with, "全市");
  EXPECT_NEAR(*card_of(cards2, "市生态环境局").score, 100.0 / 3, 1e-9);
}

// 腾笼换鸟 at 2022 (2 of 3 years to the 2023 targets), each district with its own 2020 figure.
//   A = 规上工业亩均税收 (T = 50): e = b + (50 − b)·2/3;  B = 规上工业亩均增加值 (T = 190).
//   北仑区 A 40 → 49: e 46.667, on_track, gap/|T−b| = 2.333/10 = 0.2333
//          B 150 → 180: e 176.667, on_track, 3.333/40 = 0.0833      share 1
//   鄞州区 A only 2022 = 48: first figure, on its own line, gap 0;  B no figure (no_data)
//                                                                   share 1/2, mean gap 0
//   海曙区 A 40 → 50: met (gap 3.333/10 = 0.3333);  B 150 → 160: 16.667 behind, tolerance 4,
//          off_track, −0.41667                                      share 1/2, mean −0.0417
//   江北区 A 40 → 47: on_track, 0.0333;  B 150 → 170: off_track, −0.16667
//                                                                   share 1/2, mean −0.0667
//   镇海区 the same figures as 江北区 → the same rank.
// Ranks: 北仑 1, 鄞州 2, 海曙 3, 江北 4, 镇海 4 (江北 first in registry order). 全市 is left out.
TEST(RegionRanking, ShareThenMeanGap) {
  const plans::Plan& plan = plan_titled("腾笼换鸟");
  const std::string a = "规上工业亩均税收";
  const std::string b = "规上工业亩均增加值";
  const auto obs = observations(plan, {{a, "北仑区", "2020", 40},
                                       {a, "北仑区", "2022", 49},
                                       {b, "北仑区", "2020", 150},
                                       {b, "北仑区", "2022", 180},
                                       {a, "鄞州区", "2022", 48},
                                       {a, "海曙区", "2020", 40},
                                       {a, "海曙区", "2022", 50},
                                       {b, "海曙区", "2020", 150},
                                       {b, "海曙区", "2022", 160},
                                       {a, "江北区", "2020", 40},
                                       {a, "江北区", "2022", 47},
                                       {b, "江北区", "2020", 150},
                                       {b, "江北区", "2022", 170},
                                       {a, "镇海区", "2020", 40},
                                       {a, "镇海区", "2022", 47},
                                       {b, "镇海区", "2020", 150},
                                       {b, "镇海区", "2022", 170},
                                       {a, "全市", "2022", 60}});
  // Only the two indicators, so the other 42 (no_data everywhere) do not dilute the shares.
  plans::Plan two = plan;
  std::erase_if(two.indicators,
                [&](const plans::Indicator& i) { return i.name != a && i.name != b; });
  ASSERT_EQ(two.indicators.size(), 2U);
  const auto regions = regions_reported(two, obs);
  const auto evaluations = evaluate_plan(two, obs, {}, *Period::parse("2022"), regions, {});
  const auto ranks = rank_regions(evaluations);
  ASSERT_EQ(ranks.size(), 5U);
  const std::vector<std::string> order{"北仑区", "鄞州区", "海曙区", "江北区", "镇海区"};
  const std::vector<int> expected_rank{1, 2, 3, 4, 4};
  for (std::size_t i = 0; i < ranks.size(); ++i) {
    EXPECT_EQ(ranks[i].region, order[i]);
    EXPECT_EQ(ranks[i].rank, expected_rank[i]) << ranks[i].region;
  }
  EXPECT_DOUBLE_EQ(ranks[0].share, 1);
  EXPECT_NEAR(*ranks[0].mean_gap, (0.23333333 + 0.08333333) / 2, 1e-6);
  EXPECT_NEAR(*ranks[2].mean_gap, (1.0 / 3 - 16.6666667 / 40) / 2, 1e-6);
  EXPECT_EQ(ranks[1].evaluated, 2);
  EXPECT_EQ(ranks[1].good, 1);
}

}  // namespace
}  // namespace zhiyou::monitoring
