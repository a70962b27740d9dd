// Weighting and aggregation up the framework's levels (OECD/JRC Handbook steps 6–7): each
// aggregate is the weighted arithmetic or geometric mean of its children, level by level.
// Missing children are handled explicitly by reweighting (the weights of the children
// present are rescaled to sum to one, as COINr's a_amean / a_gmean do), and each such case
// is recorded; an aggregate with no child present is missing.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/index/framework.hpp"

namespace zhiyou::monitoring::index {

enum class AggregationKind { arithmetic, geometric };

enum class WeightScheme {
  metadata,         // the Weight column as given (user-given weights)
  equal,            // every indicator counts the same in the index: an aggregate weighs
                    // as many indicators as it holds
  equal_per_group,  // each group equal at its level, then indicators equal within a group
};

// Weights per node, aligned with framework.indicators and framework.aggregates.
struct NodeWeights {
  std::vector<double> indicators;
  std::vector<double> aggregates;
};
NodeWeights weights_for(const Framework& framework, WeightScheme scheme);

struct Reweighted {
  std::size_t aggregate = 0;
  std::size_t unit = 0;
  std::vector<std::string> missing_children;
  bool all_missing = false;  // no child present: the aggregate is missing
};

struct Aggregated {
  std::vector<std::vector<double>> scores;  // [aggregate][unit], framework.aggregates order
  std::vector<Reweighted> reweighted;
};

// `normalised` is [indicator][unit]. Geometric aggregation needs positive values: a zero or
// negative child is an error naming the unit and code (normalise to e.g. minmax:1,100).
Result<Aggregated> aggregate(const Framework& framework,
                             const std::vector<std::vector<double>>& normalised,
                             const NodeWeights& weights, AggregationKind kind);

// Weighted means of the values present; NaN when none is present.
double weighted_arithmetic_mean(const std::vector<double>& x, const std::vector<double>& w);
double weighted_geometric_mean(const std::vector<double>& x, const std::vector<double>& w);

}  // namespace zhiyou::monitoring::index
