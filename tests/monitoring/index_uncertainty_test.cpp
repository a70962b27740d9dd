// Rank uncertainty (Monte Carlo) and the district ranking (赛马) built on the same engine.
#include <gtest/gtest.h>

#include "monitoring/index/region_ranking.hpp"
#include "monitoring/index/uncertainty.hpp"

namespace zhiyou::monitoring::index {
namespace {

const double NA = kMissing;

// Three districts, two domains. Worked by hand below.
RaceInput three_districts() {
  RaceInput in;
  in.regions = {{"d1", "一区"}, {"d2", "二区"}, {"d3", "三区"}};
  in.indicators = {{"A", "产值", "经济", 1, 10.0, "亿元"},
                   {"B", "能耗", "经济", -1, 2.0, "吨"},
                   {"C", "满意度", "民生", 1, 100.0, "%"}};
  in.values = {{10, 5, 0}, {4, 2, 6}, {80, NA, 100}};
  return in;
}

TEST(IndexRegionRanking, DistanceToTargetEqualPerDomainAndReweighting) {
  auto r = rank_regions(three_districts());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const Framework& f = r->framework;
  ASSERT_EQ(f.aggregates.size(), 3U);  // 经济, 民生, Index
  // A (target 10, worst 0): 100 50 0. B lower is better (target 2, worst 6): 4 is half way
  // → 50, 2 reached → 100, 6 → 0. 经济 = (A + B)/2 = 75 75 0.
  // C (target 100, worst 80): 0, missing, 100. 民生 = C.
  // Index = (经济 + 民生)/2, d2's 民生 missing → 经济 alone: 37.5, 75, 50.
  const auto index = *f.aggregate_index(kRaceIndexCode);
  EXPECT_NEAR(r->index.scores[index][0], 37.5, 1e-9);
  EXPECT_NEAR(r->index.scores[index][1], 75, 1e-9);
  EXPECT_NEAR(r->index.scores[index][2], 50, 1e-9);
  EXPECT_EQ(r->index.ranks[index], (std::vector<double>{3, 1, 2}));
  // The missing figure is stated, not hidden.
  ASSERT_EQ(r->index.still_missing.size(), 1U);
  bool stated = false;
  for (const Reweighted& w : r->index.reweighted) {
    stated |= w.unit == 1 && f.aggregates[w.aggregate].code == kRaceIndexCode &&
              w.missing_children == std::vector<std::string>{"民生"};
  }
  EXPECT_TRUE(stated);
}

TEST(IndexRegionRanking, PlanIndicatorsBecomeRaceIndicators) {
  plans::Indicator ind;
  ind.id = "i1";
  ind.name = "制造业产品质量合格率";
  ind.domain = "产品质量";
  ind.direction = plans::Direction::up;
  plans::Target t2023{
      2023, {plans::TargetKind::level, plans::Comparator::ge, 94.0, {}, {}, "94"}, {}};
  plans::Target t2025{
      2025, {plans::TargetKind::level, plans::Comparator::ge, 95.0, {}, {}, "95"}, {}};
  ind.targets = {t2023, t2025};
  EXPECT_EQ(race_indicator(ind, 2023)->target, 94.0);
  EXPECT_EQ(race_indicator(ind, 2024)->target, 95.0);  // the next one due
  EXPECT_EQ(race_indicator(ind, 2026)->target, 95.0);  // the latest
  EXPECT_EQ(race_indicator(ind, 2024)->domain, "产品质量");
  ind.direction = plans::Direction::down;
  EXPECT_EQ(race_indicator(ind, 2025)->direction, -1);
  ind.targets = {
      {2025, {plans::TargetKind::qualitative, {}, {}, {}, {}, "与经济增长基本同步"}, {}}};
  EXPECT_FALSE(race_indicator(ind, 2025).has_value());
}

TEST(IndexUncertainty, SameSeedSameIntervalsAndADominantUnitStaysFirst) {
  RaceInput in = three_districts();
  in.values = {{10, 5, 0, 7}, {2, 3, 6, 4}, {100, 90, 80, 85}};  // d1 best on everything
  in.regions.push_back({"d4", "四区"});
  const Framework f = race_framework(in);
  PipelineSpec spec;
  spec.normalisation = NormalisationSpec::target(100);
  spec.weights = WeightScheme::equal_per_group;
  UncertaintySpec u;
  u.runs = 300;
  u.seed = 42;
  auto first = rank_uncertainty(f, spec, u);
  auto second = rank_uncertainty(f, spec, u);
  ASSERT_TRUE(first.ok()) << first.error().describe();
  const auto index = *f.aggregate_index(kRaceIndexCode);
  for (std::size_t k = 0; k < f.units.size(); ++k) {
    const RankInterval& a = first->intervals[index][k];
    const RankInterval& b = second->intervals[index][k];
    EXPECT_EQ(a.median, b.median);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_LE(a.low, a.median);
    EXPECT_LE(a.median, a.high);
  }
  const RankInterval& best = first->intervals[index][0];
  EXPECT_EQ(best.median, 1);
  EXPECT_EQ(best.high, 1);
  // Geometric mean cannot take the zeros of target normalisation; that pair is excluded
  // and says why.
  EXPECT_FALSE(first->excluded.empty());
  EXPECT_NE(first->excluded.front().find("几何平均"), std::string::npos);
}

TEST(IndexUncertainty, WithoutNoiseOrAlternativesTheIntervalIsTheRank) {
  const Framework f = race_framework(three_districts());
  PipelineSpec spec;
  spec.normalisation = NormalisationSpec::target(100);
  spec.weights = WeightScheme::equal_per_group;
  UncertaintySpec u;
  u.runs = 50;
  u.weight_noise = 0;
  u.normalisations = {spec.normalisation};
  u.aggregations = {AggregationKind::arithmetic};
  auto r = rank_uncertainty(f, spec, u);
  ASSERT_TRUE(r.ok());
  const auto index = *f.aggregate_index(kRaceIndexCode);
  const std::vector<double> expected = {3, 1, 2};
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(r->intervals[index][k].median, expected[k]);
    EXPECT_EQ(r->intervals[index][k].low, expected[k]);
    EXPECT_EQ(r->intervals[index][k].high, expected[k]);
  }
}

TEST(IndexUncertainty, WeightNoiseMovesCloseUnitsAndDifferentSeedsDrawDifferently) {
  // d1 and d2 trade places depending on the weight of A against B.
  RaceInput in;
  in.regions = {{"d1", "一区"}, {"d2", "二区"}, {"d3", "三区"}};
  in.indicators = {{"A", "A", "经济", 1, 10.0, ""}, {"B", "B", "经济", 1, 10.0, ""}};
  in.values = {{10, 5, 0}, {5.2, 10, 0}};
  const Framework f = race_framework(in);
  PipelineSpec spec;
  spec.normalisation = NormalisationSpec::target(100);
  UncertaintySpec u;
  u.runs = 400;
  u.normalisations = {spec.normalisation};
  u.aggregations = {AggregationKind::arithmetic};
  auto r = rank_uncertainty(f, spec, u);
  ASSERT_TRUE(r.ok());
  const auto index = *f.aggregate_index(kRaceIndexCode);
  EXPECT_EQ(r->intervals[index][0].low, 1);
  EXPECT_EQ(r->intervals[index][0].high, 2);
  EXPECT_EQ(r->intervals[index][2].low, 3);
  EXPECT_EQ(r->intervals[index][2].high, 3);
  EXPECT_FALSE(rank_uncertainty(f, spec, {0}).ok());
}

}  // namespace
}  // namespace zhiyou::monitoring::index
