// The construction of a composite index from a framework, in the order of the OECD/JRC
// Handbook and COINr: denominate → impute → treat outliers → normalise → weight and
// aggregate → rank. Every step that changes data says so in the result (what was imputed,
// which indicators were Winsorised or log-transformed, where weights were rescaled).
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/index/aggregation.hpp"
#include "monitoring/index/framework.hpp"
#include "monitoring/index/imputation.hpp"
#include "monitoring/index/normalisation.hpp"
#include "monitoring/index/treatment.hpp"

namespace zhiyou::monitoring::index {

struct PipelineSpec {
  bool denominate = false;
  ImputationSpec imputation;
  TreatmentSpec treatment;
  NormalisationSpec normalisation;
  AggregationKind aggregation = AggregationKind::arithmetic;
  WeightScheme weights = WeightScheme::metadata;
};

struct IndicatorTreatment {
  std::size_t indicator = 0;
  ColumnTreatment details;
};

struct IndexResult {
  // [aggregate][unit] in framework.aggregates order; NaN when missing.
  std::vector<std::vector<double>> scores;
  std::vector<std::vector<double>> ranks;       // 1 = best, ties share the best rank
  std::vector<std::vector<double>> normalised;  // [indicator][unit]
  std::vector<ImputedCell> imputed;
  std::vector<MissingCell> still_missing;   // left for reweighting
  std::vector<IndicatorTreatment> treated;  // indicators the treatment changed or could not check
  std::vector<Reweighted> reweighted;
  std::vector<std::string> method;  // one Chinese sentence per step, for the output
};

// Denominated, imputed and treated values ([indicator][unit]): the part of the pipeline
// that does not depend on normalisation, weights or aggregation.
struct PreparedData {
  std::vector<std::vector<double>> values;
  std::vector<ImputedCell> imputed;
  std::vector<MissingCell> still_missing;
  std::vector<IndicatorTreatment> treated;
};
Result<PreparedData> prepare(const Framework& framework, const PipelineSpec& spec);

// Normalises every indicator; errors name the indicator.
Result<std::vector<std::vector<double>>> normalise_all(
    const Framework& framework, const std::vector<std::vector<double>>& values,
    const NormalisationSpec& spec);

Result<IndexResult> compute_index(const Framework& framework, const PipelineSpec& spec);

// Ranks of every aggregate's scores ([aggregate][unit]).
std::vector<std::vector<double>> rank_scores(const std::vector<std::vector<double>>& scores);

}  // namespace zhiyou::monitoring::index
