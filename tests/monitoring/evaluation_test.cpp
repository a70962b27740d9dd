// Evaluation worked by hand on the seed plans as the real parser reads them: seed 004's
// 腾笼换鸟 plan (2021–2025, baseline 2020, intermediate targets 2023 and 2025) and 公共服务
// plan (cumulative [N], lower-is-better), and seed 000's 质优宁波 (no plan period, no
// baselines, increments, a qualitative target). The arithmetic is in each test's comment;
// time is in fractional years at period ends (2022 ends at 2023.0, 2024Q2 at 2024.5).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "monitoring/evaluation.hpp"
#include "monitoring/seed_plans.hpp"

namespace zhiyou::monitoring {
namespace {

using testing::indicator_named;
using testing::plan_titled;

std::vector<SeriesPoint> series(std::vector<std::pair<std::string, double>> points) {
  std::vector<SeriesPoint> out;
  for (const auto& [period, value] : points) {
    const auto p = Period::parse(period);
    EXPECT_TRUE(p) << period;
    out.push_back(SeriesPoint{*p, value});
  }
  std::sort(out.begin(), out.end(),
            [](const SeriesPoint& a, const SeriesPoint& b) { return a.period < b.period; });
  return out;
}

Period period(const std::string& text) { return *Period::parse(text); }

const plans::Plan& tenglong() { return plan_titled("腾笼换鸟"); }
const plans::Plan& public_services() { return plan_titled("公共服务发展"); }
const plans::Plan& zhiyou_ningbo() { return plan_titled("质优宁波"); }

Assessment evaluate(const plans::Plan& plan, const std::string& indicator,
                    const std::vector<SeriesPoint>& points, const std::string& when,
                    bool whole_city = true, const Judgement* judgement = nullptr,
                    EvaluationOptions options = {}) {
  const IndicatorRule rule = make_rule(plan, indicator_named(plan, indicator));
  return assess(rule, points, period(when), whole_city, judgement, options);
}

TEST(PlanWindow, TakesThePeriodFromTheTitleOrTheIssueYear) {
  EXPECT_EQ(plan_window(tenglong()).start_year, 2021);
  EXPECT_EQ(plan_window(tenglong()).end_year, 2025);
  // 质优宁波 states no period and no baselines: issued 2023-01-16, targets for 2025.
  EXPECT_EQ(plan_window(zhiyou_ningbo()).start_year, 2023);
  EXPECT_EQ(plan_window(zhiyou_ningbo()).end_year, 2025);
}

// 规上工业亩均税收: b = 44.4 (2020, at 2021.0), 2023 target ≥ 50 (at 2024.0), 2025 ≥ 60
// (at 2026.0). 2022 ends at 2023.0: e = 44.4 + (50 − 44.4)·2/3 = 48.1333; tolerance is 10 %
// of |50 − 44.4| = 0.56.
TEST(Evaluation, IntermediateTargetFirstSegment) {
  const auto on = evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 48.5}}), "2022");
  EXPECT_EQ(on.status, Status::on_track);
  EXPECT_EQ(on.warning, Warning::green);
  EXPECT_NEAR(*on.expected, 48.1333, 1e-4);
  EXPECT_DOUBLE_EQ(*on.baseline, 44.4);
  EXPECT_EQ(on.baseline_source, BaselineSource::plan);
  EXPECT_DOUBLE_EQ(*on.target, 50);  // the 2023 target is the one due
  EXPECT_NEAR(*on.tolerance, 0.56, 1e-9);

  // 47.8 is 0.3333 behind, within 0.56 → lagging; 47 is 1.1333 behind → off_track.
  const auto lag = evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 47.8}}), "2022");
  EXPECT_EQ(lag.status, Status::lagging);
  EXPECT_EQ(lag.warning, Warning::yellow);
  EXPECT_NEAR(*lag.gap, -0.3333, 1e-4);
  const auto off = evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 47}}), "2022");
  EXPECT_EQ(off.status, Status::off_track);
  EXPECT_EQ(off.warning, Warning::red);

  // 2022 already at 50.2 ≥ the 2023 target 50 → met.
  const auto met = evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 50.2}}), "2022");
  EXPECT_EQ(met.status, Status::met);
}

// 2024 ends at 2025.0, on the segment 2023 target (50 at 2024.0) → 2025 target (60 at 2026.0):
// e = 50 + 10·1/2 = 55; the 2025 target is due, tolerance 10 % of |60 − 44.4| = 1.56.
// 54 is 1 behind → lagging; 53 is 2 behind → off_track.
TEST(Evaluation, IntermediateTargetSecondSegment) {
  const auto lag = evaluate(tenglong(), "规上工业亩均税收", series({{"2024", 54}}), "2024");
  EXPECT_EQ(lag.status, Status::lagging);
  EXPECT_DOUBLE_EQ(*lag.expected, 55);
  EXPECT_DOUBLE_EQ(*lag.target, 60);
  EXPECT_NEAR(*lag.tolerance, 1.56, 1e-9);
  EXPECT_EQ(evaluate(tenglong(), "规上工业亩均税收", series({{"2024", 53}}), "2024").status,
            Status::off_track);
}

// Quarters and months are fractions of the year. 2024Q2 ends at 2024.5:
// e = 50 + 10·0.5/2 = 52.5 (52 → 0.5 behind, lagging; 53 → on_track). 2024-03 ends at
// 2024.25: e = 50 + 10·0.25/2 = 51.25, exactly on the line → on_track.
TEST(Evaluation, QuartersAndMonths) {
  const auto q = evaluate(tenglong(), "规上工业亩均税收", series({{"2024Q2", 52}}), "2024Q2");
  EXPECT_DOUBLE_EQ(*q.expected, 52.5);
  EXPECT_EQ(q.status, Status::lagging);
  EXPECT_EQ(evaluate(tenglong(), "规上工业亩均税收", series({{"2024Q2", 53}}), "2024Q2").status,
            Status::on_track);
  const auto m = evaluate(tenglong(), "规上工业亩均税收", series({{"2024-03", 51.25}}), "2024-03");
  EXPECT_DOUBLE_EQ(*m.expected, 51.25);
  EXPECT_EQ(m.status, Status::on_track);
}

// A district never borrows the city's baseline: 鄞州区 reported 40 for 2020, so
// e(2023.0) = 40 + (50 − 40)·2/3 = 46.6667, tolerance 10 % of 10 = 1; 44 is 2.6667 behind.
TEST(Evaluation, DistrictUsesItsOwnBaseline) {
  const auto a = evaluate(tenglong(), "规上工业亩均税收", series({{"2020", 40}, {"2022", 44}}),
                          "2022", /*whole_city=*/false);
  EXPECT_EQ(a.baseline_source, BaselineSource::observation);
  EXPECT_DOUBLE_EQ(*a.baseline, 40);
  EXPECT_NEAR(*a.expected, 46.6667, 1e-4);
  EXPECT_DOUBLE_EQ(*a.tolerance, 1);
  EXPECT_EQ(a.status, Status::off_track);
}

// 规上工业万元增加值能耗降低率: targets 比2020年下降10.4% (2023) and 下降15% (2025), lower is
// better; the printed baseline is itself a change (比2015年下降14.93%), so the 2020 figure
// comes from the observations: 0.5. T2023 = 0.5·(1 − 0.104) = 0.448, T2025 = 0.5·0.85 = 0.425.
// 2022: e = 0.5 + (0.448 − 0.5)·2/3 = 0.465333; 0.47 is 0.004667 above (behind), tolerance
// 10 % of 0.052 = 0.0052 → lagging. 2024: e = 0.448 + (0.425 − 0.448)·1/2 = 0.4365; 0.43 is
// below it (ahead) but above 0.425 → on_track; 0.42 ≤ 0.425 → met.
TEST(Evaluation, ChangeTargetFromReferenceYear) {
  const std::string name = "规上工业万元增加值能耗降低率";
  const auto lag = evaluate(tenglong(), name, series({{"2020", 0.5}, {"2022", 0.47}}), "2022");
  EXPECT_DOUBLE_EQ(*lag.target, 0.448);
  EXPECT_NEAR(*lag.expected, 0.465333, 1e-6);
  EXPECT_NEAR(*lag.tolerance, 0.0052, 1e-9);
  EXPECT_EQ(lag.status, Status::lagging);
  const auto on = evaluate(tenglong(), name, series({{"2020", 0.5}, {"2024", 0.43}}), "2024");
  EXPECT_DOUBLE_EQ(*on.target, 0.425);
  EXPECT_DOUBLE_EQ(*on.expected, 0.4365);
  EXPECT_EQ(on.status, Status::on_track);
  EXPECT_EQ(evaluate(tenglong(), name, series({{"2020", 0.5}, {"2024", 0.42}}), "2024").status,
            Status::met);
  // Without the 2020 figure the target cannot be turned into a level.
  const auto missing = evaluate(tenglong(), name, series({{"2022", 0.47}}), "2022");
  EXPECT_EQ(missing.status, Status::no_data);
  EXPECT_EQ(missing.missing_reference_year, 2020);
}

// 城镇登记失业率 (公共服务规划): b = 2.22, 2025 target < 3.5, lower is better.
// 2023 ends at 2024.0: e = 2.22 + 1.28·3/5 = 2.988. 3.4 < 3.5 → met; 3.6 is 0.612 above e,
// tolerance 10 % of 1.28 = 0.128 → off_track.
// 城乡居民收入倍差: b = 1.73, target < 1.7. 2022: e = 1.73 − 0.03·2/5 = 1.718; 1.72 is 0.002
// above, tolerance 0.003 → lagging; 1.71 is below e → on_track; 1.69 → met.
TEST(Evaluation, LowerIsBetter) {
  EXPECT_EQ(evaluate(public_services(), "城镇登记失业率", series({{"2023", 3.4}}), "2023").status,
            Status::met);
  const auto off = evaluate(public_services(), "城镇登记失业率", series({{"2023", 3.6}}), "2023");
  EXPECT_NEAR(*off.expected, 2.988, 1e-9);
  EXPECT_EQ(off.status, Status::off_track);

  const std::string ratio = "城乡居民收入倍差";
  const auto lag = evaluate(public_services(), ratio, series({{"2022", 1.72}}), "2022");
  EXPECT_NEAR(*lag.expected, 1.718, 1e-9);
  EXPECT_EQ(lag.status, Status::lagging);
  EXPECT_EQ(evaluate(public_services(), ratio, series({{"2022", 1.71}}), "2022").status,
            Status::on_track);
  EXPECT_EQ(evaluate(public_services(), ratio, series({{"2022", 1.69}}), "2022").status,
            Status::met);
}

// 城镇新增就业人员 [90] over 2021–2025, yearly flows. By 2023 (3 of 5 years) the line expects
// 90·3/5 = 54: 18 + 17 + 19 = 54 → on_track. By 2022: 35 against 36, 1 behind, tolerance
// 10 % of 90 = 9 → lagging. With 2022 missing: 18 + 19 = 37 against 54 → off_track, and the
// missing year is named. 2024Q2: 54 + 4 + 5 = 63 against 90·3.5/5 = 63 → on_track.
TEST(Evaluation, CumulativeSumsFlows) {
  const std::string name = "城镇新增就业人员";
  const auto flows = series({{"2021", 18}, {"2022", 17}, {"2023", 19}});
  const auto on = evaluate(public_services(), name, flows, "2023");
  EXPECT_DOUBLE_EQ(*on.value, 54);
  EXPECT_DOUBLE_EQ(*on.expected, 54);
  EXPECT_DOUBLE_EQ(*on.baseline, 0);
  EXPECT_EQ(on.status, Status::on_track);
  const auto lag = evaluate(public_services(), name, flows, "2022");
  EXPECT_DOUBLE_EQ(*lag.value, 35);
  EXPECT_DOUBLE_EQ(*lag.expected, 36);
  EXPECT_DOUBLE_EQ(*lag.tolerance, 9);
  EXPECT_EQ(lag.status, Status::lagging);
  const auto gap = evaluate(public_services(), name, series({{"2021", 18}, {"2023", 19}}), "2023");
  EXPECT_DOUBLE_EQ(*gap.value, 37);
  EXPECT_EQ(gap.status, Status::off_track);
  EXPECT_EQ(gap.missing_years, std::vector<int>{2022});
  const auto q = evaluate(
      public_services(), name,
      series({{"2021", 18}, {"2022", 17}, {"2023", 19}, {"2024Q1", 4}, {"2024Q2", 5}}), "2024Q2");
  EXPECT_DOUBLE_EQ(*q.value, 63);
  EXPECT_DOUBLE_EQ(*q.expected, 63);
  EXPECT_EQ(q.status, Status::on_track);
  EXPECT_EQ(evaluate(public_services(), name,
                     series({{"2021", 18}, {"2022", 17}, {"2023", 19}, {"2024", 20}, {"2025", 16}}),
                     "2025")
                .status,
            Status::met);  // 90 ≥ 90
}

// 市级以上农业龙头企业 (质优宁波): 新增50 by 2025, no printed baseline; the plan starts 2023, so
// the 2022 figure 400 is the baseline (at 2023.0) and T = 450 (at 2026.0).
// 2024: e = 400 + 50·2/3 = 433.333; 430 is 3.333 behind, tolerance 5 → lagging; 425 → off_track.
TEST(Evaluation, IncrementAddedToBaseline) {
  const std::string name = "市级以上农业龙头企业";
  const auto lag = evaluate(zhiyou_ningbo(), name, series({{"2022", 400}, {"2024", 430}}), "2024");
  EXPECT_EQ(lag.baseline_source, BaselineSource::observation);
  EXPECT_DOUBLE_EQ(*lag.target, 450);
  EXPECT_NEAR(*lag.expected, 433.3333, 1e-4);
  EXPECT_DOUBLE_EQ(*lag.tolerance, 5);
  EXPECT_EQ(lag.status, Status::lagging);
  EXPECT_EQ(evaluate(zhiyou_ningbo(), name, series({{"2022", 400}, {"2024", 425}}), "2024").status,
            Status::off_track);
  EXPECT_EQ(evaluate(zhiyou_ningbo(), name, series({{"2022", 400}, {"2025", 450}}), "2025").status,
            Status::met);
}

// No baseline at all: the first figure in the plan period serves. 2023 = 410 (at 2024.0),
// T = 410 + 50 = 460; 2024: e = 410 + 50·1/2 = 435, 431 is 4 behind, tolerance 5 → lagging.
// The first figure itself sits on its own line.
TEST(Evaluation, FirstObservationServesAsBaseline) {
  const std::string name = "市级以上农业龙头企业";
  const auto points = series({{"2023", 410}, {"2024", 431}});
  const auto a = evaluate(zhiyou_ningbo(), name, points, "2024");
  EXPECT_EQ(a.baseline_source, BaselineSource::first_observation);
  EXPECT_DOUBLE_EQ(a.baseline_at, 2024.0);
  EXPECT_DOUBLE_EQ(*a.target, 460);
  EXPECT_DOUBLE_EQ(*a.expected, 435);
  EXPECT_EQ(a.status, Status::lagging);
  const auto first = evaluate(zhiyou_ningbo(), name, points, "2023");
  EXPECT_EQ(first.status, Status::on_track);
  EXPECT_DOUBLE_EQ(*first.gap, 0);
}

// 单位GDP二氧化碳排放降低比例: 完成上级下达指标.
TEST(Evaluation, QualitativeNeedsAJudgement) {
  const std::string name = "单位GDP二氧化碳排放降低比例";
  const auto open = evaluate(zhiyou_ningbo(), name, {}, "2025");
  EXPECT_EQ(open.status, Status::qualitative);
  EXPECT_EQ(open.warning, Warning::none);

  Judgement yes{.status = JudgementStatus::met, .reason = "省考核结果为优秀", .judged_by = "张三"};
  const auto met = evaluate(zhiyou_ningbo(), name, {}, "2025", true, &yes);
  EXPECT_EQ(met.status, Status::met);
  EXPECT_EQ(met.warning, Warning::green);
  ASSERT_TRUE(met.judgement);
  EXPECT_EQ(met.judgement->judged_by, "张三");

  Judgement no{.status = JudgementStatus::not_met, .reason = "未完成", .judged_by = "李四"};
  const auto not_met = evaluate(zhiyou_ningbo(), name, {}, "2025", true, &no);
  EXPECT_EQ(not_met.status, Status::off_track);
  EXPECT_EQ(not_met.warning, Warning::red);
}

// No figure for 2024. The 2024 figure is due three months after 2024 ends (2025.25):
// evaluated on 2025.5 it is overdue (red); on 2025.1 it is not yet due (no colour).
TEST(Evaluation, NoDataAndOverdue) {
  EvaluationOptions late;
  late.as_of = 2025.5;
  const auto overdue =
      evaluate(tenglong(), "规上工业亩均税收", series({{"2023", 50}}), "2024", true, nullptr, late);
  EXPECT_EQ(overdue.status, Status::no_data);
  EXPECT_TRUE(overdue.overdue);
  EXPECT_EQ(overdue.warning, Warning::red);
  EvaluationOptions early;
  early.as_of = 2025.1;
  const auto pending = evaluate(tenglong(), "规上工业亩均税收", {}, "2024", true, nullptr, early);
  EXPECT_EQ(pending.status, Status::no_data);
  EXPECT_EQ(pending.warning, Warning::none);
}

// A per-plan tolerance of 20 % widens the lagging band to 0.2·5.6 = 1.12 around
// e(2023.0) = 48.1333: 47 (1.1333 behind) stays off_track, 47.1 (1.0333 behind) becomes
// lagging, where the default 0.56 makes it off_track.
TEST(Evaluation, ToleranceIsConfigurable) {
  EvaluationOptions wide;
  wide.tolerance = 0.2;
  EXPECT_EQ(
      evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 47}}), "2022", true, nullptr, wide)
          .status,
      Status::off_track);
  EXPECT_EQ(evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 47.1}}), "2022", true,
                     nullptr, wide)
                .status,
            Status::lagging);
  EXPECT_EQ(evaluate(tenglong(), "规上工业亩均税收", series({{"2022", 47.1}}), "2022").status,
            Status::off_track);
}

// 高新技术企业数量: b = 3103, 2023 target 5500. 2022 = 4500 (t − t0 = 2 years):
// observed CAGR = (4500/3103)^(1/2) − 1 = 0.204246; required = (5500/3103)^(1/3) − 1 =
// 0.210209; R = 0.97164 ≥ 0.95 → substantial progress.
TEST(Evaluation, GrowthView) {
  const auto a = evaluate(tenglong(), "高新技术企业数量", series({{"2022", 4500}}), "2022");
  ASSERT_TRUE(a.growth);
  EXPECT_NEAR(a.growth->observed, 0.204246, 1e-6);
  EXPECT_NEAR(a.growth->required, 0.210209, 1e-6);
  EXPECT_NEAR(a.growth->ratio, 0.97164, 1e-5);
  EXPECT_EQ(a.growth->category, GrowthCategory::substantial);
  EXPECT_FALSE(evaluate(public_services(), "城镇新增就业人员", series({{"2021", 18}}), "2021")
                   .growth);  // not for cumulative sums
}

// evaluate_plan: every indicator × region, observations matched by id and region, judgements
// by period.
TEST(Evaluation, WholePlan) {
  const plans::Plan& plan = tenglong();
  const std::string id = indicator_named(plan, "规上工业亩均税收").id;
  std::vector<Observation> observations{
      {.indicator_id = id, .region = "全市", .period = period("2022"), .value = 48.5},
      {.indicator_id = id, .region = "鄞州区", .period = period("2020"), .value = 40},
      {.indicator_id = id, .region = "鄞州区", .period = period("2022"), .value = 44},
      {.indicator_id = "other-plan", .region = "海曙区", .period = period("2022"), .value = 1},
  };
  const auto regions = regions_reported(plan, observations);
  ASSERT_EQ(regions, (std::vector<std::string>{"全市", "鄞州区"}));
  const auto all = evaluate_plan(plan, observations, {}, period("2022"), regions, {});
  EXPECT_EQ(all.size(), plan.indicators.size() * 2);
  int found = 0;
  for (const Evaluation& e : all) {
    if (e.indicator->id != id) {
      EXPECT_NE(e.assessment.status, Status::met);
      continue;
    }
    ++found;
    EXPECT_EQ(e.assessment.status, e.region == "全市" ? Status::on_track : Status::off_track);
  }
  EXPECT_EQ(found, 2);
  const Evaluation& city = all[0];
  EXPECT_EQ(city.indicator->name, plan.indicators[0].name);
  EXPECT_FALSE(explain(city).empty());
}

TEST(Evaluation, ExplainsInChinese) {
  const plans::Plan& plan = tenglong();
  const plans::Indicator& indicator = indicator_named(plan, "规上工业亩均税收");
  Evaluation e{&indicator, "全市", period("2024"),
               assess(make_rule(plan, indicator), series({{"2024", 54}}), period("2024"), true,
                      nullptr, {})};
  EXPECT_EQ(explain(e), "实际 54，序时进度 55，落后 1（容差 1.56）");
}

}  // namespace
}  // namespace zhiyou::monitoring
