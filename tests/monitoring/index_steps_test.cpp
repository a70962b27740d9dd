// Each construction step of the composite index on small examples worked by hand (the
// arithmetic is in the comments); the few marked "COINr" were checked against COINr 1.1.14.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "monitoring/index/aggregation.hpp"
#include "monitoring/index/denomination.hpp"
#include "monitoring/index/imputation.hpp"
#include "monitoring/index/normalisation.hpp"
#include "monitoring/index/pipeline.hpp"
#include "monitoring/index/statistics.hpp"
#include "monitoring/index/treatment.hpp"

namespace zhiyou::monitoring::index {
namespace {

const double NA = kMissing;

std::vector<double> seq(int from, int to) {
  std::vector<double> v;
  for (int i = from; i <= to; ++i) v.push_back(i);
  return v;
}

void expect_values(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (std::isnan(expected[i])) {
      EXPECT_TRUE(std::isnan(actual[i])) << "at " << i;
    } else {
      EXPECT_NEAR(actual[i], expected[i], 1e-9) << "at " << i;
    }
  }
}

// Two pillars under one index: P1 = {a, b}, P2 = {c}; four units in groups A, A, B, B.
Framework small_framework() {
  Framework f;
  f.units = {{"U1", "一", {{"G", "A"}}},
             {"U2", "二", {{"G", "A"}}},
             {"U3", "三", {{"G", "B"}}},
             {"U4", "四", {{"G", "B"}}}};
  f.group_columns = {"G"};
  f.indicators = {{1, "a", "a", 1, 1, "", {}, "", "P1"},
                  {1, "b", "b", 1, 1, "", {}, "", "P1"},
                  {1, "c", "c", 1, 1, "", {}, "", "P2"}};
  f.aggregates = {{2, "P1", "P1", 1, 1, "", {}, "", "Index"},
                  {2, "P2", "P2", 1, 1, "", {}, "", "Index"},
                  {3, "Index", "Index", 1, 1, "", {}, "", ""}};
  f.values = {{0, 10, 20, 30}, {10, 20, 30, 40}, {40, 30, 20, 10}};
  return f;
}

TEST(IndexStatistics, SkewnessAndKurtosisAreTheSampleG1AndG2) {
  // x = 1, 2, 3, 10: mean 4, deviations −3 −2 −1 6; Σd² = 50, Σd³ = 180, Σd⁴ = 1394.
  // Excel SKEW = n/((n−1)(n−2))·Σ(d/s)³ with s² = 50/3: 4/6 · 180/(50/3)^1.5 = 1.7636326.
  // Excel KURT = n(n+1)/((n−1)(n−2)(n−3))·Σ(d/s)⁴ − 3(n−1)²/((n−2)(n−3))
  //            = 20/6 · 1394/(50/3)² − 27/2 = 3.228.  (COINr: 1.76363261480389, 3.228)
  const std::vector<double> x = {1, 2, 3, 10};
  EXPECT_NEAR(skewness(x), 4.0 / 6.0 * 180 / std::pow(50.0 / 3, 1.5), 1e-12);
  EXPECT_NEAR(kurtosis(x), 3.228, 1e-12);
  // Missing values are left out; too few values or no spread is undefined.
  EXPECT_NEAR(skewness({{1, NA, 2, 3, 10}}), skewness(x), 1e-12);
  EXPECT_TRUE(std::isnan(kurtosis({{1, 2, 3}})));
  EXPECT_TRUE(std::isnan(skewness({{5, 5, 5, 5}})));
  EXPECT_NEAR(standard_deviation(x), std::sqrt(50.0 / 3), 1e-12);
}

TEST(IndexStatistics, QuantileInterpolatesLikeRType7AndRanksShareTheBestPlace) {
  const std::vector<double> ten = seq(1, 10);
  EXPECT_DOUBLE_EQ(quantile(ten, 0.5), 5.5);
  EXPECT_DOUBLE_EQ(quantile(ten, 0.05), 1.45);  // h = 9·0.05 = 0.45
  EXPECT_DOUBLE_EQ(quantile(ten, 0.95), 9.55);
  expect_values(ranks(std::vector<double>{3, 1, 3, NA, 5}, true), {2, 4, 2, NA, 1});
  expect_values(ranks(std::vector<double>{3, 1, 3, NA, 5}, false), {2, 1, 2, NA, 4});
}

TEST(IndexTreatment, WinsorisesTheHighEndWhenSkewIsPositiveAndTheLowEndWhenNegative) {
  TreatmentSpec spec{true, 5, 2, 3.5};
  // 1..10, 30, 100: skew 3.06, kurtosis 9.74 fail; 100 takes the next value, 30, and then
  // skew 1.71 passes. (COINr winsorise: 1..10 30 30, nwin 1)
  std::vector<double> high = seq(1, 10);
  high.push_back(30);
  high.push_back(100);
  const Winsorised w = winsorise(high, spec);
  std::vector<double> expected = seq(1, 10);
  expected.push_back(30);
  expected.push_back(30);
  expect_values(w.values, expected);
  EXPECT_EQ(w.points, 1);

  std::vector<double> low = {-100, -30};
  for (double v : seq(1, 10)) low.push_back(v);
  const Winsorised l = winsorise(low, spec);
  EXPECT_EQ(l.values[0], -30);
  EXPECT_EQ(l.values[1], -30);
  EXPECT_EQ(l.points, 1);
}

TEST(IndexTreatment, FallsBackToTheLogTransformOfTheOriginalColumn) {
  // 1..20, 500, 1000, 2000 with at most one point: Winsorising 2000 → 1000 still fails
  // (skew 2.68, kurtosis 6.10), so the original column becomes log(x − 1 + 0.01·1999).
  std::vector<double> x = seq(1, 20);
  x.insert(x.end(), {500, 1000, 2000});
  const TreatedColumn t = treat_column(x, {true, 1, 2, 3.5});
  EXPECT_EQ(t.details.outcome, TreatmentOutcome::log_transformed);
  EXPECT_NEAR(t.values.front(), std::log(19.99), 1e-12);  // COINr: 2.99523214851231
  EXPECT_NEAR(t.values.back(), std::log(1999 + 19.99), 1e-12);
  EXPECT_FALSE(t.details.passes_after);  // COINr: skew 2.363, kurtosis 4.451 still fail
  EXPECT_EQ(t.details.changed_rows.size(), x.size());
  EXPECT_NEAR(t.details.skewness_before, 3.466606, 1e-6);
}

TEST(IndexTreatment, LeavesPassingAndUndecidableColumnsAlone) {
  const TreatmentSpec spec{true, 5, 2, 3.5};
  // 1..12, 100: one point is enough (COINr: 1..12 12).
  std::vector<double> x = seq(1, 12);
  x.push_back(100);
  const TreatedColumn once = treat_column(x, spec);
  EXPECT_EQ(once.details.outcome, TreatmentOutcome::winsorised);
  EXPECT_EQ(once.values.back(), 12);
  ASSERT_EQ(once.details.changed_rows.size(), 1U);
  EXPECT_EQ(once.details.changed_rows[0], 12U);
  // No spread: skewness and kurtosis undefined, as R's NA → untreated.
  EXPECT_EQ(treat_column(std::vector<double>{5, 5, 5, 5, 5}, spec).details.outcome,
            TreatmentOutcome::not_treatable);
  // Three values: kurtosis undefined but |skew| ≤ √3 < 2 passes (NA | TRUE is TRUE).
  EXPECT_EQ(treat_column(std::vector<double>{1, 2, 100}, spec).details.outcome,
            TreatmentOutcome::not_needed);
}

TEST(IndexNormalisation, EachMethodIsDirectionAware) {
  const std::vector<double> x = {2, 4, 6, 10};
  const IndicatorScale up{1, 8.0, 3.0, 9.0};
  const IndicatorScale down{-1, 4.0, 3.0, 9.0};
  expect_values(*normalise(x, up, NormalisationSpec::minmax(0, 100)), {0, 25, 50, 100});
  expect_values(*normalise(x, down, NormalisationSpec::minmax(0, 100)), {100, 75, 50, 0});
  // mean 5.5, sd √(35/3)
  const double sd = std::sqrt(35.0 / 3);
  expect_values(*normalise(x, up, NormalisationSpec::zscore(10, 2)),
                {10 + 2 * -3.5 / sd, 10 + 2 * -1.5 / sd, 10 + 2 * 0.5 / sd, 10 + 2 * 4.5 / sd});
  // Target 8 from the worst (2): (x − 2)/6, 10 is past the target → capped at 1.
  expect_values(*normalise(x, up, NormalisationSpec::target(100)), {0, 100.0 / 3, 200.0 / 3, 100});
  // Lower is better, target 4: the worst is 10; 2 and 4 have reached it, 6 is 4/6 of the way.
  expect_values(*normalise(x, down, NormalisationSpec::target(100)), {100, 100, 200.0 / 3, 0});
  expect_values(*normalise(x, up, NormalisationSpec::rank()), {1, 2, 3, 4});
  expect_values(*normalise(std::vector<double>{5, 1, 5, NA}, up, NormalisationSpec::rank()),
                {2, 1, 2, NA});
  // Goalposts 3 and 9, truncated: (x − 3)/6 and (9 − x)/6.
  expect_values(*normalise(x, up, NormalisationSpec::goalposts(100)), {0, 100.0 / 6, 50, 100});
  expect_values(*normalise(x, down, NormalisationSpec::goalposts(100)), {100, 500.0 / 6, 50, 0});
}

TEST(IndexNormalisation, SaysWhatIsMissingAndParsesTheCommandLineForms) {
  const std::vector<double> x = {1, 2, 3};
  EXPECT_FALSE(normalise(x, {1, {}, {}, {}}, NormalisationSpec::target()).ok());
  EXPECT_FALSE(normalise(x, {1, {}, {}, {}}, NormalisationSpec::goalposts()).ok());
  // No spread: nothing to scale, every value missing.
  expect_values(*normalise(std::vector<double>{3, 3, 3}, {}, NormalisationSpec::minmax()),
                {NA, NA, NA});
  const auto mm = parse_normalisation("minmax:1,100");
  ASSERT_TRUE(mm.ok());
  EXPECT_EQ(mm->a, 1);
  EXPECT_EQ(mm->b, 100);
  EXPECT_EQ(parse_normalisation("zscore:10,2")->kind, NormalisationSpec::Kind::zscore);
  EXPECT_EQ(parse_normalisation("target")->a, 100);
  EXPECT_EQ(parse_normalisation("target:1")->a, 1);
  EXPECT_EQ(parse_normalisation("rank")->kind, NormalisationSpec::Kind::rank);
  EXPECT_FALSE(parse_normalisation("minmax:100,0").ok());
  EXPECT_FALSE(parse_normalisation("zscore:10").ok());
  EXPECT_FALSE(parse_normalisation("median").ok());
}

TEST(IndexImputation, GroupMeanPlainMeanAndWhatCannotBeFilled) {
  Framework f = small_framework();
  const std::vector<std::vector<double>> values = {{1, NA, 5, NA}, {NA, NA, 5, 7}, {1, 2, 3, 4}};
  auto by_group = impute(f, values, {ImputationSpec::Kind::group_mean, "G"});
  ASSERT_TRUE(by_group.ok());
  expect_values(by_group->values[0], {1, 1, 5, 5});
  expect_values(by_group->values[1], {NA, NA, 5, 7});  // group A has no value for b
  ASSERT_EQ(by_group->imputed.size(), 2U);
  EXPECT_EQ(by_group->imputed[0].basis, "G = A 组均值");
  EXPECT_EQ(by_group->still_missing.size(), 2U);
  auto plain = impute(f, values, {ImputationSpec::Kind::mean, {}});
  expect_values(plain->values[0], {1, 3, 5, 3});
  expect_values(plain->values[1], {6, 6, 5, 7});
  EXPECT_FALSE(impute(f, values, {ImputationSpec::Kind::group_mean, "Region"}).ok());
}

TEST(IndexDenomination, DividesByTheDeclaredColumnAndRejectsZero) {
  Framework f = small_framework();
  f.denominator_columns = {"Pop"};
  f.denominators = {{2, 4, NA, 5}};
  f.indicators[0].denominator = "Pop";
  auto d = denominate(f);
  ASSERT_TRUE(d.ok());
  expect_values((*d)[0], {0, 2.5, NA, 6});
  expect_values((*d)[1], f.values[1]);
  f.denominators = {{2, 0, 1, 1}};
  const auto zero = denominate(f);
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.error().describe().find("U2"), std::string::npos);
}

TEST(IndexAggregation, WeightedMeansAndReweightingOfMissingChildren) {
  EXPECT_DOUBLE_EQ(weighted_arithmetic_mean({10, 20, 40}, {1, 1, 2}), 27.5);  // 110/4
  EXPECT_DOUBLE_EQ(weighted_arithmetic_mean({10, NA, 40}, {1, 1, 2}), 30);    // 90/3
  // 1^(1/4)·4^(1/4)·16^(2/4) = 4^(5/4)
  EXPECT_NEAR(weighted_geometric_mean({1, 4, 16}, {1, 1, 2}), std::pow(4, 1.25), 1e-12);
  EXPECT_TRUE(std::isnan(weighted_arithmetic_mean({NA, NA}, {1, 1})));

  Framework f = small_framework();
  std::vector<std::vector<double>> n = {{10, 20, NA, NA}, {30, NA, NA, 10}, {50, 60, 70, NA}};
  auto r = aggregate(f, n, weights_for(f, WeightScheme::metadata), AggregationKind::arithmetic);
  ASSERT_TRUE(r.ok());
  expect_values(r->scores[0], {20, 20, NA, 10});  // P1
  expect_values(r->scores[2], {35, 40, 70, 10});  // Index = mean(P1, P2) over those present
  // U2 (b missing), U3 (a, b missing → P1 missing, then Index reweighted), U4 (a and c).
  EXPECT_EQ(r->reweighted.size(), 6U);
  const auto& first = r->reweighted.front();
  EXPECT_EQ(first.unit, 1U);
  EXPECT_EQ(first.missing_children, std::vector<std::string>{"b"});
  EXPECT_FALSE(first.all_missing);

  n[0][0] = 0;
  const auto geo =
      aggregate(f, n, weights_for(f, WeightScheme::metadata), AggregationKind::geometric);
  ASSERT_FALSE(geo.ok());
  EXPECT_NE(geo.error().message.find("U1"), std::string::npos);
}

TEST(IndexAggregation, EqualWeightsPerIndicatorOrPerGroup) {
  Framework f = small_framework();
  const std::vector<std::vector<double>> n = {{0, 0, 0, 0}, {30, 30, 30, 30}, {90, 90, 90, 90}};
  // equal: every indicator a third of the index: (0 + 30 + 90)/3 = 40
  auto equal = aggregate(f, n, weights_for(f, WeightScheme::equal), AggregationKind::arithmetic);
  EXPECT_DOUBLE_EQ(equal->scores[2][0], 40);
  // per group: ((0 + 30)/2 + 90)/2 = 52.5
  auto per =
      aggregate(f, n, weights_for(f, WeightScheme::equal_per_group), AggregationKind::arithmetic);
  EXPECT_DOUBLE_EQ(per->scores[2][0], 52.5);
  // user weights from the metadata: P2 twice P1 → (15 + 2·90)/3 = 65
  f.aggregates[1].weight = 2;
  auto meta = aggregate(f, n, weights_for(f, WeightScheme::metadata), AggregationKind::arithmetic);
  EXPECT_DOUBLE_EQ(meta->scores[2][0], 65);
}

TEST(IndexPipeline, StatesEveryStepAndRanksHighestFirst) {
  Framework f = small_framework();
  f.values[0][1] = NA;
  f.values[2] = {40, 30, 25, 10};
  PipelineSpec spec;
  spec.imputation = {ImputationSpec::Kind::group_mean, "G"};
  auto r = compute_index(f, spec);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->imputed.size(), 1U);
  EXPECT_DOUBLE_EQ(r->imputed[0].value, 0);  // U1's a in group A
  // a: 0 0 20 30 → 0 0 66.67 100; b: 0 33.3 66.7 100; c: 100 66.7 50 0
  // Index = (P1 + P2)/2: U1 = (0 + 100)/2 = 50, U4 = (100 + 0)/2 = 50, U2 = (16.67+66.67)/2
  EXPECT_NEAR(r->scores[2][0], 50, 1e-9);
  EXPECT_NEAR(r->scores[2][1], (50.0 / 3 + 200.0 / 3) / 2, 1e-9);
  EXPECT_NEAR(r->scores[2][2], ((200.0 / 3 + 200.0 / 3) / 2 + 50) / 2, 1e-9);
  expect_values(r->ranks[2], {2, 4, 1, 2});
  EXPECT_GE(r->method.size(), 6U);
}

}  // namespace
}  // namespace zhiyou::monitoring::index
