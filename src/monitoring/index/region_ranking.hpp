// District ranking (赛马): a plan's indicators × regions as a composite index. Each domain
// (质量领域) of the plan is a pillar, the index sits above them; by default indicators are
// normalised by distance to target (capped at the target, 0–100), weighted equally per
// domain then equally within it, and averaged arithmetically. Missing figures are not
// imputed: the domain's weights are rescaled over the indicators reported, and the output
// says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/index/pipeline.hpp"
#include "monitoring/index/uncertainty.hpp"
#include "plans/plan.hpp"

namespace zhiyou::monitoring::index {

struct RaceIndicator {
  std::string code;  // the plan's indicator id
  std::string name;
  std::string domain;  // empty → "其他"
  int direction = 1;   // 1 higher is better, -1 lower is better
  std::optional<double> target;
  std::string unit;
};

struct RaceRegion {
  std::string code;
  std::string name;
};

struct RaceInput {
  std::vector<RaceRegion> regions;
  std::vector<RaceIndicator> indicators;
  std::vector<std::vector<double>> values;  // [indicator][region]; kMissing when not reported
};

struct RaceOptions {
  NormalisationSpec normalisation = NormalisationSpec::target(100);
  AggregationKind aggregation = AggregationKind::arithmetic;
  WeightScheme weights = WeightScheme::equal_per_group;
  int uncertainty_runs = 0;  // 0 = no Monte Carlo
  std::uint64_t seed = 1;
};

struct RaceResult {
  Framework framework;  // domains are aggregates at level 2, "Index" (综合指数) at level 3
  IndexResult index;
  std::optional<UncertaintyResult> uncertainty;
};

// The code of the top aggregate.
inline constexpr const char* kRaceIndexCode = "Index";

Framework race_framework(const RaceInput& input);
Result<RaceResult> rank_regions(const RaceInput& input, const RaceOptions& options = {});

// A plan indicator as a race indicator for `year`: its level target for that year (else the
// nearest later one, else the latest), direction from the plan. nullopt when it has no
// numeric level target or no direction (qualitative indicators are not ranked).
std::optional<RaceIndicator> race_indicator(const plans::Indicator& indicator, int year);

}  // namespace zhiyou::monitoring::index
