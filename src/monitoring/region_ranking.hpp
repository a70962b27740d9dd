// District ranking for the report (赛马), by a simple rule the composite index (发展质量评价)
// will later refine:
//   1. share of a district's evaluated items that are met or on_track (unjudged qualitative
//      items left out; no_data counts as not good — an unreported figure never helps);
//   2. ties broken by the mean normalised gap (how far ahead of or behind 序时进度, as a
//      fraction of |T − b|, each clamped to [−1, 1]); higher first; districts with no gap last;
//   3. still equal → the same rank (1, 1, 3), listed in registry order.
// 全市 is not a competitor and is left out.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "monitoring/evaluation.hpp"

namespace zhiyou::monitoring {

struct RegionRank {
  std::string region;
  int rank = 0;
  int evaluated = 0;  // items with a status other than unjudged qualitative
  int good = 0;       // met or on_track
  double share = 0;   // good / evaluated, 0 when nothing was evaluated
  std::optional<double> mean_gap;
};

std::vector<RegionRank> rank_regions(std::span<const Evaluation> evaluations);

}  // namespace zhiyou::monitoring
