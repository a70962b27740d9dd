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
  // NOLINTNEXTLINE(cert-err34-c): at most four and two digits, nothing to overflow
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
      d > 31) {
    return std::nullopt;
  }
  return y + (m - 1) / 12.0 + (d - 1) / 31.0 / 12.0;
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
  const auto period = Period::parse(arguments.period);
  if (!period) {
    throw UserError{fmt::format("--period: 无法识别的期间「{}」（例：2024、2024Q2、2024-06）",
                                arguments.period)};
  }
  monitoring::EvaluationRequest request{arguments.plan, *period, arguments.region,
                                        arguments.tolerance, std::nullopt};
  if (!arguments.as_of.empty()) {
    request.as_of = date_as_year(arguments.as_of);
    if (!request.as_of) {
      throw UserError{fmt::format("--as-of: 日期应为 YYYY-MM-DD，而不是「{}」", arguments.as_of)};
    }
  }
  auto db = open_database(arguments.db);
  auto input = monitoring::load_evaluation_input(*db, request);
  if (!input.ok()) {
    const Error& e = input.error();
    throw UserError{e.place == "region" ? "--region: " + e.message
                    : e.place == "plan" ? e.message
                                        : e.describe()};
  }
  return std::move(*input);
}

}  // namespace zhiyou::cli
