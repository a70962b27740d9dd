// Per-plan evaluation settings (migration 3): the lagging tolerance and the reporting lag a
// plan's office has chosen. Plans without a row use EvaluationOptions' defaults.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "monitoring/evaluation.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::monitoring {

struct EvaluationSettings {
  double tolerance = 0.10;
  int reporting_lag_months = 3;
};

// The plan's settings, or nullopt when none were saved.
Result<std::optional<EvaluationSettings>> load_evaluation_settings(store::Database& db,
                                                                   std::string_view plan_id);

// Saves (or replaces) the plan's settings. Tolerance must lie in [0, 10], the lag in [0, 36].
zhiyou::Status save_evaluation_settings(store::Database& db, std::string_view plan_id,
                                        const EvaluationSettings& settings);

}  // namespace zhiyou::monitoring
