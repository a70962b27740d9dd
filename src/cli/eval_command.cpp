// `zhiyou eval --plan ID --period P [--region R] [--json]`: every indicator's status against
// the plan's targets (method in monitoring/evaluation.hpp).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <memory>

#include "cli/app.hpp"
#include "cli/evaluation_input.hpp"
#include "core/json.hpp"
#include "monitoring/evaluation.hpp"
#include "monitoring/evaluation_json.hpp"
#include "monitoring/number_text.hpp"

namespace zhiyou::cli {
namespace {

struct EvalOptions {
  EvaluationArguments arguments;
  bool json = false;
};

std::string target_text(const monitoring::Evaluation& e) {
  if (!e.assessment.target_index) return "—";
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
  EvaluationInput input = load_evaluation_input(options.arguments);
  const std::vector<std::string> regions =
      input.region.empty() ? input.regions : std::vector<std::string>{input.region};
  // Rows by region, then the plan's indicator order: what a reader scans.
  std::vector<monitoring::Evaluation> all;
  for (const std::string& region : regions) {
    const std::vector<std::string> one{region};
    auto rows = monitoring::evaluate_plan(input.plan, input.observations, input.judgements,
                                          input.period, one, input.options);
    for (auto& row : rows) all.push_back(std::move(row));
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
  eval->callback([options] { run_eval(*options); });
}

}  // namespace zhiyou::cli
