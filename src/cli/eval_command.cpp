// `zhiyou eval --plan ID --period P [--region R] [--json]`: every indicator's status against
// the plan's targets (method in monitoring/evaluation.hpp).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/evaluation_input.hpp"
#include "core/json.hpp"
#include "monitoring/evaluation.hpp"
#include "monitoring/evaluation_json.hpp"
#include "monitoring/evaluation_settings_store.hpp"
#include "monitoring/number_text.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::cli {
namespace {

struct EvalOptions {
  EvaluationArguments arguments;
  bool json = false;
  std::optional<double> set_tolerance;
  std::optional<int> set_lag;
};

// `--set-tolerance` / `--set-lag`: saves the plan's own settings instead of evaluating.
void save_settings(const EvalOptions& options) {
  auto db = open_database(options.arguments.db);
  auto plan = store::load_plan(*db, options.arguments.plan);
  if (!plan.ok()) {
    throw UserError{plan.error().describe()};
  }
  if (!plan.value()) {
    throw UserError{
        fmt::format("找不到规划「{}」（可用 zhiyou plan list 查看编号）", options.arguments.plan)};
  }
  const std::string& id = plan.value()->id;
  auto current = monitoring::load_evaluation_settings(*db, id);
  if (!current.ok()) {
    throw UserError{current.error().describe()};
  }
  monitoring::EvaluationSettings settings = current->value_or(monitoring::EvaluationSettings{});
  if (options.set_tolerance) {
    settings.tolerance = *options.set_tolerance;
  }
  if (options.set_lag) {
    settings.reporting_lag_months = *options.set_lag;
  }
  if (auto saved = monitoring::save_evaluation_settings(*db, id, settings); !saved.ok()) {
    throw UserError{saved.error().describe()};
  }
  fmt::print("已保存「{}」的评估设置：容差 {}%，报送期限 {} 个月\n", plan.value()->title,
             monitoring::number_text(settings.tolerance * 100), settings.reporting_lag_months);
}

std::string target_text(const monitoring::Evaluation& e) {
  if (!e.assessment.target_index) {
    return "—";
  }
  const plans::Target& t = e.indicator->targets[*e.assessment.target_index];
  return fmt::format("{}年 {}", t.year, t.expression.text);
}

void print_table(const EvaluationInput& input, const std::vector<monitoring::Evaluation>& all) {
  fmt::print("{}\n期间 {}  （容差 {}%）\n", input.plan.title, input.period.to_string(),
             monitoring::number_text(input.options.tolerance * 100));
  std::array<int, 6> counts{};
  std::string region = "\x01";
  for (const monitoring::Evaluation& e : all) {
    if (e.region != region) {
      region = e.region;
      fmt::print("\n【{}】\n", region);
    }
    const monitoring::Assessment& a = e.assessment;
    ++counts[static_cast<int>(a.status)];
    fmt::print("  [{}] {}  {}{}  目标 {}  实际 {}  序时进度 {}  — {}\n",
               monitoring::chinese_name(a.warning), monitoring::chinese_name(a.status),
               e.indicator->name, e.indicator->unit ? "(" + *e.indicator->unit + ")" : "",
               target_text(e), monitoring::number_text(a.value),
               monitoring::number_text(a.expected), monitoring::explain(e));
  }
  fmt::print("\n合计 {} 项：达标 {}，符合序时进度 {}，滞后 {}，严重滞后 {}，待评审 {}，缺数据 {}\n",
             all.size(), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
}

void run_eval(const EvalOptions& options) {
  if (options.set_tolerance || options.set_lag) {
    save_settings(options);
    return;
  }
  EvaluationInput input = load_evaluation_input(options.arguments);
  const std::vector<std::string> regions =
      input.region.empty() ? input.regions : std::vector<std::string>{input.region};
  // Rows by region, then the plan's indicator order: what a reader scans.
  std::vector<monitoring::Evaluation> all;
  for (const std::string& region : regions) {
    const std::vector<std::string> one{region};
    auto rows = monitoring::evaluate_plan(input.plan, input.observations, input.judgements,
                                          input.period, one, input.options);
    for (auto& row : rows) {
      all.push_back(std::move(row));
    }
  }
  if (options.json) {
    fmt::print("{}\n", json::serialize(monitoring::evaluations_to_json(all), 2));
  } else {
    print_table(input, all);
  }
}

}  // namespace

void add_eval_commands(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* eval = app.add_subcommand(
      "eval", "按规划目标评估指标：达标、序时进度、预警 / evaluate indicators against targets");
  add_evaluation_options(*eval, options->arguments);
  eval->add_flag("--json", options->json, "以 JSON 输出");
  eval->add_option("--set-tolerance", options->set_tolerance,
                   "保存本规划的滞后容差（如 0.15），不评估")
      ->check(CLI::Range(0.0, 10.0));
  eval->add_option("--set-lag", options->set_lag, "保存本规划的报送期限（月），不评估")
      ->check(CLI::Range(0, 36));
  eval->callback([options] { run_eval(*options); });
}

}  // namespace zhiyou::cli
