#include "monitoring/evaluation_input.hpp"

#include <chrono>

#include "monitoring/evaluation_settings_store.hpp"
#include "monitoring/observation_store.hpp"
#include "registry/region.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::monitoring {

double today_as_year() {
  const auto today = std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year()) + (static_cast<unsigned>(today.month()) - 1) / 12.0 +
         (static_cast<unsigned>(today.day()) - 1) / 31.0 / 12.0;
}

Result<EvaluationInput> load_evaluation_input(store::Database& db,
                                              const EvaluationRequest& request) {
  EvaluationInput input;
  input.period = request.period;
  input.options.as_of = request.as_of ? request.as_of : std::optional(today_as_year());
  if (!request.region.empty()) {
    if (request.region == registry::kWholeCity) {
      input.region = request.region;
    } else if (const auto region = registry::find_region(request.region)) {
      input.region = std::string(region->name);
    } else {
      return make_error("未知的区县「" + request.region + "」（可用名称如 鄞州、鄞州区、全市）",
                        "region");
    }
  }
  auto plan = store::load_plan(db, request.plan);
  if (!plan.ok()) return plan.error();
  if (!plan.value()) {
    return make_error("找不到规划「" + request.plan + "」（可用 zhiyou plan list 查看编号）",
                      "plan");
  }
  input.plan = std::move(*plan.value());
  auto settings = load_evaluation_settings(db, input.plan.id);
  if (!settings.ok()) return settings.error();
  if (*settings) {
    input.options.tolerance = settings->value().tolerance;
    input.options.reporting_lag_months = settings->value().reporting_lag_months;
  }
  if (request.tolerance) input.options.tolerance = *request.tolerance;
  auto observations = load_observations(db, input.plan.id);
  if (!observations.ok()) return observations.error();
  input.observations = std::move(*observations);
  auto judgements = load_judgements(db, input.plan.id);
  if (!judgements.ok()) return judgements.error();
  input.judgements = std::move(*judgements);
  input.regions = regions_reported(input.plan, input.observations);
  return input;
}

}  // namespace zhiyou::monitoring
