#include "cli/evaluation_input.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "monitoring/evaluation_settings_store.hpp"
#include "monitoring/observation_store.hpp"
#include "registry/region.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::cli {
namespace {

// A date as a fractional year: 2025-07-01 → 2025.5 (months count as twelfths).
std::optional<double> date_as_year(const std::string& text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
      d > 31) {
    return std::nullopt;
  }
  return y + (m - 1) / 12.0 + (d - 1) / 31.0 / 12.0;
}

double today_as_year() {
  const auto today = std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year()) + (static_cast<unsigned>(today.month()) - 1) / 12.0 +
         (static_cast<unsigned>(today.day()) - 1) / 31.0 / 12.0;
}

std::string canonical_region(const std::string& text) {
  if (text == registry::kWholeCity) {
    return text;
  }
  const auto region = registry::find_region(text);
  if (!region) {
    throw UserError{
        fmt::format("--region: 未知的区县「{}」（可用名称如 鄞州、鄞州区、全市）", text)};
  }
  return std::string(region->name);
}

}  // namespace

void add_evaluation_options(CLI::App& command, EvaluationArguments& arguments) {
  command.add_option("--plan", arguments.plan, "规划编号或文号")->required();
  command.add_option("--period", arguments.period, "期间：2024、2024Q2 或 2024-06（必填）");
  command.add_option("--region", arguments.region,
                     "区县（如 鄞州）或 全市；默认全市及已报数的区县");
  command
      .add_option("--tolerance", arguments.tolerance, "滞后容差，占 |目标−基数| 的比例（默认 0.1）")
      ->check(CLI::Range(0.0, 10.0));
  command.add_option("--as-of", arguments.as_of,
                     "评估日期 YYYY-MM-DD（判断数据是否逾期；默认今天）");
  add_database_option(command, arguments.db);
}

EvaluationInput load_evaluation_input(const EvaluationArguments& arguments) {
  if (arguments.period.empty()) {
    throw CLI::RequiredError("--period");
  }
  EvaluationInput input;
  const auto period = Period::parse(arguments.period);
  if (!period) {
    throw UserError{fmt::format("--period: 无法识别的期间「{}」（例：2024、2024Q2、2024-06）",
                                arguments.period)};
  }
  input.period = *period;
  if (arguments.as_of.empty()) {
    input.options.as_of = today_as_year();
  } else {
    input.options.as_of = date_as_year(arguments.as_of);
    if (!input.options.as_of) {
      throw UserError{fmt::format("--as-of: 日期应为 YYYY-MM-DD，而不是「{}」", arguments.as_of)};
    }
  }
  if (!arguments.region.empty()) {
    input.region = canonical_region(arguments.region);
  }

  auto db = open_database(arguments.db);
  auto plan = store::load_plan(*db, arguments.plan);
  if (!plan.ok()) {
    throw UserError{plan.error().describe()};
  }
  if (!plan.value()) {
    throw UserError{
        fmt::format("找不到规划「{}」（可用 zhiyou plan list 查看编号）", arguments.plan)};
  }
  input.plan = std::move(*plan.value());
  auto settings = monitoring::load_evaluation_settings(*db, input.plan.id);
  if (!settings.ok()) {
    throw UserError{settings.error().describe()};
  }
  if (*settings) {
    input.options.tolerance = settings->value().tolerance;
    input.options.reporting_lag_months = settings->value().reporting_lag_months;
  }
  if (arguments.tolerance) {
    input.options.tolerance = *arguments.tolerance;
  }
  auto observations = monitoring::load_observations(*db, input.plan.id);
  if (!observations.ok()) {
    throw UserError{observations.error().describe()};
  }
  input.observations = std::move(*observations);
  auto judgements = monitoring::load_judgements(*db, input.plan.id);
  if (!judgements.ok()) {
    throw UserError{judgements.error().describe()};
  }
  input.judgements = std::move(*judgements);
  input.regions = monitoring::regions_reported(input.plan, input.observations);
  return input;
}

}  // namespace zhiyou::cli
