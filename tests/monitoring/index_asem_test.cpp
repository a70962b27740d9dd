// Acceptance: COINr's ASEM example (51 countries, 49 indicators, 4 levels) through Zhiyou's
// pipeline reproduces the values COINr 1.1.14 computes, to 1e-6, at every aggregate, for
// seven pipelines. How the reference was produced: tests/monitoring/index/asem_reference.md.
#include <gtest/gtest.h>

#include <charconv>
#include <map>
#include <string>
#include <tuple>

#include "monitoring/index/framework_csv.hpp"
#include "monitoring/index/pipeline.hpp"
#include "support/test_support.hpp"
#include "tabular/csv.hpp"

namespace zhiyou::monitoring::index {
namespace {

using zhiyou::testing::peer_tests_dir;
using zhiyou::testing::read_file;

std::filesystem::path reference_dir() {
  return std::filesystem::path(ZHIYOU_SOURCE_DIR) / "tests" / "monitoring" / "index";
}

Framework asem() {
  const auto dir = peer_tests_dir() / "coinr";
  auto f = read_framework(read_file(dir / "ASEM_iData.csv"), "ASEM_iData.csv",
                          read_file(dir / "ASEM_iMeta.csv"), "ASEM_iMeta.csv");
  EXPECT_TRUE(f.ok()) << f.error().describe();
  return std::move(f).value();
}

// (config, uCode, aggregate code) → value
using Reference = std::map<std::tuple<std::string, std::string, std::string>, double>;

Reference load_reference() {
  auto table = tabular::parse_csv(read_file(reference_dir() / "asem_reference.csv"));
  EXPECT_TRUE(table.ok());
  Reference ref;
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    const auto& c = table->rows[r].cells;
    double v = 0;
    std::from_chars(c[3].data(), c[3].data() + c[3].size(), v);
    ref[{c[0], c[1], c[2]}] = v;
  }
  return ref;
}

PipelineSpec main_pipeline() {
  PipelineSpec spec;
  spec.denominate = true;
  spec.imputation = {ImputationSpec::Kind::group_mean, "EurAsia_group"};
  spec.treatment = {true, 6, 2, 3.5};
  spec.normalisation = NormalisationSpec::minmax(0, 100);
  spec.aggregation = AggregationKind::arithmetic;
  return spec;
}

class AsemReference : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    framework_ = new Framework(asem());
    reference_ = new Reference(load_reference());
  }
  static void TearDownTestSuite() {
    delete framework_;
    delete reference_;
  }

  static void expect_matches(const std::string& config, const PipelineSpec& spec) {
    const Framework& f = *framework_;
    auto r = compute_index(f, spec);
    ASSERT_TRUE(r.ok()) << r.error().describe();
    std::size_t compared = 0;
    for (std::size_t a = 0; a < f.aggregates.size(); ++a) {
      for (std::size_t u = 0; u < f.units.size(); ++u) {
        const auto it = reference_->find({config, f.units[u].code, f.aggregates[a].code});
        ASSERT_NE(it, reference_->end()) << config << " " << f.units[u].code;
        EXPECT_NEAR(r->scores[a][u], it->second, 1e-6)
            << config << " " << f.units[u].code << " " << f.aggregates[a].code;
        ++compared;
      }
    }
    EXPECT_EQ(compared, 51U * 11U);
  }

  static Framework* framework_;
  static Reference* reference_;
};

Framework* AsemReference::framework_ = nullptr;
Reference* AsemReference::reference_ = nullptr;

TEST_F(AsemReference, ReadsTheFrameworkAsCOINrLaysItOut) {
  const Framework& f = *framework_;
  EXPECT_EQ(f.units.size(), 51U);
  EXPECT_EQ(f.indicators.size(), 49U);
  EXPECT_EQ(f.aggregates.size(), 11U);
  EXPECT_EQ(f.top_level(), 4);
  EXPECT_EQ(f.group_columns.size(), 4U);
  EXPECT_EQ(f.denominator_columns,
            (std::vector<std::string>{"Area", "Energy", "GDP", "Population"}));
  EXPECT_EQ(f.units[0].name, "Austria");
  EXPECT_EQ(f.units[0].groups.at("EurAsia_group"), "Europe");
}

TEST_F(AsemReference, DenominateGroupMeanWinsoriseMinMaxArithmetic) {
  expect_matches("main_winsorise6", main_pipeline());
}

TEST_F(AsemReference, ZScoreNormalisation) {
  PipelineSpec spec = main_pipeline();
  spec.normalisation = NormalisationSpec::zscore(10, 2);
  expect_matches("zscore_10_2", spec);
}

TEST_F(AsemReference, GeometricMeanOfMinMaxOneToHundred) {
  PipelineSpec spec = main_pipeline();
  spec.normalisation = NormalisationSpec::minmax(1, 100);
  spec.aggregation = AggregationKind::geometric;
  expect_matches("minmax1_geometric", spec);
}

TEST_F(AsemReference, CappedDistanceToTarget) {
  PipelineSpec spec = main_pipeline();
  spec.normalisation = NormalisationSpec::target(1);
  expect_matches("target_capped", spec);
}

TEST_F(AsemReference, RankNormalisation) {
  PipelineSpec spec = main_pipeline();
  spec.normalisation = NormalisationSpec::rank();
  expect_matches("rank", spec);
}

TEST_F(AsemReference, LogTransformWhenOnePointIsNotEnough) {
  PipelineSpec spec = main_pipeline();
  spec.treatment.winmax = 1;
  expect_matches("winsorise1_log", spec);
}

TEST_F(AsemReference, PlainMeanImputationWithoutDenominationOrTreatment) {
  PipelineSpec spec;
  spec.imputation = {ImputationSpec::Kind::mean, {}};
  expect_matches("mean_impute_untreated_raw", spec);
}

TEST_F(AsemReference, TreatsTheSameIndicatorsAsCOINr) {
  auto table = tabular::parse_csv(read_file(reference_dir() / "asem_treatment_reference.csv"));
  ASSERT_TRUE(table.ok());
  const Framework& f = *framework_;
  auto main = prepare(f, main_pipeline());
  PipelineSpec one = main_pipeline();
  one.treatment.winmax = 1;
  auto single = prepare(f, one);
  ASSERT_TRUE(main.ok() && single.ok());
  const auto find = [&](const PreparedData& p, std::size_t i) -> const ColumnTreatment* {
    for (const auto& t : p.treated) {
      if (t.indicator == i) return &t.details;
    }
    return nullptr;
  };
  ASSERT_EQ(table->rows.size(), 50U);
  for (std::size_t r = 1; r < table->rows.size(); ++r) {
    const auto& c = table->rows[r].cells;
    const auto i = f.indicator_index(c[0]);
    ASSERT_TRUE(i.has_value()) << c[0];
    const ColumnTreatment* t6 = find(*main, *i);
    EXPECT_EQ(t6 == nullptr ? 0 : t6->winsorised_points, std::stoi(c[1])) << c[0];
    const ColumnTreatment* t1 = find(*single, *i);
    const std::string outcome = t1 == nullptr                                 ? "none"
                                : t1->outcome == TreatmentOutcome::winsorised ? "winsorised"
                                : t1->outcome == TreatmentOutcome::log_transformed
                                    ? "log_transformed"
                                    : "other";
    EXPECT_EQ(outcome, c[2]) << c[0];
  }
  // What was imputed is stated: each filled cell names its group.
  ASSERT_FALSE(main->imputed.empty());
  EXPECT_NE(main->imputed.front().basis.find("EurAsia_group = "), std::string::npos);
  EXPECT_TRUE(main->still_missing.empty());
}

}  // namespace
}  // namespace zhiyou::monitoring::index
