// Everything one evaluation needs, read from the database: the plan, its observations and
// judgements, its settings. Shared by `zhiyou eval`/`zhiyou report` and the HTTP API.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"
#include "core/result.hpp"
#include "monitoring/evaluation.hpp"
#include "monitoring/observation.hpp"
#include "plans/plan.hpp"
#include "store/database.hpp"

namespace zhiyou::monitoring {

struct EvaluationInput {
  plans::Plan plan;
  std::vector<Observation> observations;
  std::vector<Judgement> judgements;
  Period period;
  std::string region;                // canonical name ("鄞州区", "全市"); empty when not asked
  std::vector<std::string> regions;  // regions to evaluate
  EvaluationOptions options;
};

struct EvaluationRequest {
  std::string plan;  // id or 文号
  Period period;
  std::string region;  // as typed ("鄞州", "全市"); empty: 全市 and every district that reported
  std::optional<double> tolerance;  // overrides the plan's setting
  std::optional<double> as_of;      // fractional year; unset: today
};

// Errors name the field: "plan" (not found: message says so, place "plan"), "region".
Result<EvaluationInput> load_evaluation_input(store::Database& db,
                                              const EvaluationRequest& request);

// Today as a fractional year (2025-07-01 → 2025.5; months count as twelfths).
double today_as_year();

}  // namespace zhiyou::monitoring
