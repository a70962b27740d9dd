// Rank uncertainty (OECD/JRC Handbook step 8): a Monte Carlo over the choices a specialist
// could reasonably have made differently. Each run multiplies every weight by a factor drawn
// uniformly from [1 − noise, 1 + noise] and draws one (normalisation, aggregation) pair;
// the data preparation (denominate, impute, treat) is fixed. The result is each unit's
// median rank and 5–95 % interval at every aggregate. Runs draw from a 64-bit Mersenne
// Twister seeded with `seed`, whose output the C++ standard fixes, so the same seed gives
// the same intervals on every platform.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/index/pipeline.hpp"

namespace zhiyou::monitoring::index {

struct UncertaintySpec {
  int runs = 1000;
  double weight_noise = 0.25;
  std::uint64_t seed = 1;
  // Empty = the pipeline's own choice plus zscore:10,2 and rank.
  std::vector<NormalisationSpec> normalisations;
  // Empty = arithmetic and geometric.
  std::vector<AggregationKind> aggregations;
};

struct RankInterval {
  double median = 0;
  double low = 0;   // 5th percentile
  double high = 0;  // 95th percentile
};

struct UncertaintyResult {
  int runs = 0;
  std::vector<std::vector<RankInterval>> intervals;  // [aggregate][unit]; NaN when unranked
  std::vector<std::string> alternatives;             // the pairs drawn from, described
  std::vector<std::string> excluded;                 // pairs that cannot run, and why
};

Result<UncertaintyResult> rank_uncertainty(const Framework& framework, const PipelineSpec& base,
                                           const UncertaintySpec& spec);

}  // namespace zhiyou::monitoring::index
