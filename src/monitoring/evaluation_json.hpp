// Evaluations, scorecards and rankings as JSON: the shape `zhiyou eval --json` prints
// (README, "评估与报告 / Evaluation and reports").
#pragma once

#include <boost/json.hpp>

#include <span>

#include "monitoring/evaluation.hpp"
#include "monitoring/region_ranking.hpp"
#include "monitoring/scorecard.hpp"

namespace zhiyou::monitoring {

// One result: indicator_id, indicator, region, period, status, value, expected, target (as in
// `plan show`, or null), and the numbers behind the status.
boost::json::object to_json(const Evaluation& evaluation);
// {"results":[…]}
boost::json::object evaluations_to_json(std::span<const Evaluation> evaluations);
boost::json::object to_json(const Scorecard& card);
boost::json::object to_json(const RegionRank& rank);

}  // namespace zhiyou::monitoring
