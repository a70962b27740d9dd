// `zhiyou index`: a composite index (发展质量评价) from a framework in the JRC COINr layout,
// with every unit's score at every aggregate level, its rank and, on request, its rank
// interval under a Monte Carlo over weights, normalisation and aggregation.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <sstream>

#include "cli/app.hpp"
#include "cli/input_file.hpp"
#include "core/json.hpp"
#include "monitoring/index/framework_csv.hpp"
#include "monitoring/index/index_json.hpp"
#include "monitoring/index/pipeline.hpp"
#include "monitoring/index/uncertainty.hpp"

namespace zhiyou::cli {
namespace {

namespace ix = monitoring::index;

struct IndexOptions {
  std::string data;
  std::string meta;
  bool denominate = false;
  std::string impute = "none";
  std::string treat = "none";
  std::string normalise = "minmax:0,100";
  std::string aggregate = "arithmetic";
  std::string weights = "meta";
  int uncertainty = 0;
  double weight_noise = 0.25;
  std::uint64_t seed = 1;
  bool json = false;
};

ix::ImputationSpec imputation_from(const std::string& text) {
  if (text == "none") return {};
  if (text == "mean") return {ix::ImputationSpec::Kind::mean, {}};
  if (text.starts_with("group-mean:") && text.size() > 11) {
    return {ix::ImputationSpec::Kind::group_mean, text.substr(11)};
  }
  throw UserError{fmt::format("--impute: 无法识别 “{}”，可选 none、mean、group-mean:分组列", text)};
}

ix::TreatmentSpec treatment_from(const std::string& text) {
  ix::TreatmentSpec t;
  if (text == "none") return t;
  t.enabled = true;
  if (text == "winsorise") return t;
  if (text.starts_with("winsorise:")) {
    const std::string_view n = std::string_view{text}.substr(10);
    int value = 0;
    const auto [ptr, ec] = std::from_chars(n.data(), n.data() + n.size(), value);
    if (ec == std::errc{} && ptr == n.data() + n.size() && value >= 0) {
      t.winmax = value;
      return t;
    }
  }
  throw UserError{fmt::format("--treat: 无法识别 “{}”，可选 none、winsorise[:最多缩尾点数]", text)};
}

ix::PipelineSpec pipeline_from(const IndexOptions& o) {
  ix::PipelineSpec spec;
  spec.denominate = o.denominate;
  spec.imputation = imputation_from(o.impute);
  spec.treatment = treatment_from(o.treat);
  auto n = ix::parse_normalisation(o.normalise);
  if (!n) throw UserError{n.error().describe()};
  spec.normalisation = *n;
  if (o.aggregate == "arithmetic") {
    spec.aggregation = ix::AggregationKind::arithmetic;
  } else if (o.aggregate == "geometric") {
    spec.aggregation = ix::AggregationKind::geometric;
  } else {
    throw UserError{
        fmt::format("--aggregate: 可选 arithmetic 或 geometric，而不是 “{}”", o.aggregate)};
  }
  if (o.weights == "meta") {
    spec.weights = ix::WeightScheme::metadata;
  } else if (o.weights == "equal") {
    spec.weights = ix::WeightScheme::equal;
  } else if (o.weights == "per-group") {
    spec.weights = ix::WeightScheme::equal_per_group;
  } else {
    throw UserError{
        fmt::format("--weights: 可选 meta、equal 或 per-group，而不是 “{}”", o.weights)};
  }
  return spec;
}

std::string cell(double x, int decimals) {
  return ix::is_missing(x) ? std::string("—") : fmt::format("{:.{}f}", x, decimals);
}

void print_table(const ix::Framework& f, const ix::IndexResult& r, const ix::UncertaintyResult* u) {
  // The top aggregate, then the level below it (sub-indices or domains).
  const int top = f.top_level();
  std::vector<std::size_t> shown;
  for (int level : {top, top - 1}) {
    for (std::size_t a = 0; a < f.aggregates.size(); ++a) {
      if (f.aggregates[a].level == level) shown.push_back(a);
    }
  }
  if (shown.empty()) return;
  const std::size_t lead = shown.front();
  std::vector<std::size_t> order(f.units.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ra = r.ranks[lead][a];
    const double rb = r.ranks[lead][b];
    if (ix::is_missing(ra) != ix::is_missing(rb)) return ix::is_missing(rb);
    return ra < rb;
  });
  std::string head = "名次  代码      ";
  for (const std::size_t a : shown) head += fmt::format("{:>10} ", f.aggregates[a].code);
  if (u != nullptr) head += " 名次区间(5–95%) ";
  fmt::print("{} 名称\n", head);
  for (const std::size_t k : order) {
    std::string line = fmt::format("{:>4}  {:<10}", cell(r.ranks[lead][k], 0), f.units[k].code);
    for (const std::size_t a : shown) line += fmt::format("{:>10} ", cell(r.scores[a][k], 2));
    if (u != nullptr) {
      const ix::RankInterval& i = u->intervals[lead][k];
      line += fmt::format(" {:>5} [{}–{}]   ", cell(i.median, 1), cell(i.low, 0), cell(i.high, 0));
    }
    fmt::print("{} {}\n", line, f.units[k].name);
  }
  fmt::print("\n方法：\n");
  for (const std::string& m : r.method) fmt::print("  {}\n", m);
  fmt::print("插补 {} 个缺失值，{} 个缺失值未插补；", r.imputed.size(), r.still_missing.size());
  std::size_t winsorised = 0;
  std::size_t logged = 0;
  for (const auto& t : r.treated) {
    winsorised += t.details.outcome == ix::TreatmentOutcome::winsorised ? 1 : 0;
    logged += t.details.outcome == ix::TreatmentOutcome::log_transformed ? 1 : 0;
  }
  fmt::print("缩尾 {} 个指标，对数变换 {} 个指标；{} 处因缺失重新分配权重。\n", winsorised, logged,
             r.reweighted.size());
  if (u != nullptr) {
    fmt::print("名次不确定性：蒙特卡洛 {} 次，组合：", u->runs);
    for (std::size_t i = 0; i < u->alternatives.size(); ++i) {
      fmt::print("{}{}", i == 0 ? "" : "；", u->alternatives[i]);
    }
    fmt::print("\n");
    for (const std::string& e : u->excluded) fmt::print("  未采用：{}\n", e);
  }
  fmt::print("（--json 输出全部层级的得分、名次及插补、缩尾明细）\n");
}

void run_index(const IndexOptions& o) {
  const ix::PipelineSpec spec = pipeline_from(o);
  auto framework = ix::read_framework(read_input_file_or_fail(o.data), o.data,
                                      read_input_file_or_fail(o.meta), o.meta);
  if (!framework) throw UserError{framework.error().describe()};
  auto result = ix::compute_index(*framework, spec);
  if (!result) throw UserError{result.error().describe()};
  std::optional<ix::UncertaintyResult> uncertainty;
  ix::UncertaintySpec u;
  if (o.uncertainty > 0) {
    u.runs = o.uncertainty;
    u.weight_noise = o.weight_noise;
    u.seed = o.seed;
    auto r = ix::rank_uncertainty(*framework, spec, u);
    if (!r) throw UserError{r.error().describe()};
    uncertainty = std::move(*r);
  }
  const ix::UncertaintyResult* ur = uncertainty ? &*uncertainty : nullptr;
  if (o.json) {
    fmt::print("{}\n", json::serialize(ix::index_to_json(*framework, *result, {&u, ur}), 1));
  } else {
    print_table(*framework, *result, ur);
  }
}

}  // namespace

void add_index_commands(CLI::App& app) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* cmd = app.add_subcommand(
      "index",
      "综合指数（发展质量评价）与排名：读取 COINr 格式的数据表和元数据表 / composite index");
  cmd->add_option("--data", options->data, "数据表 CSV（uCode, uName, 分组列, 分母列, 指标列）")
      ->required();
  cmd->add_option("--meta", options->meta,
                  "元数据 CSV（Level, iCode, iName, Direction, Weight, Unit, "
                  "Target, Denominator, Parent, Type）")
      ->required();
  cmd->add_flag("--denominate", options->denominate, "有 Denominator 的指标除以分母列");
  cmd->add_option("--impute", options->impute,
                  "缺失值插补：none | mean | group-mean:分组列（默认 none）");
  cmd->add_option("--treat", options->treat,
                  "异常值处理：none | winsorise[:N]（默认 none，N 默认 5）");
  cmd->add_option("--normalise", options->normalise,
                  "归一化：minmax:L,U | zscore:M,S | target[:比例] | rank | goalposts[:比例]（默认 "
                  "minmax:0,100）");
  cmd->add_option("--aggregate", options->aggregate,
                  "聚合：arithmetic | geometric（默认 arithmetic）");
  cmd->add_option("--weights", options->weights,
                  "权重：meta（元数据）| equal | per-group（默认 meta）");
  cmd->add_option("--uncertainty", options->uncertainty, "名次不确定性：蒙特卡洛次数（默认不做）")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--weight-noise", options->weight_noise,
                  "蒙特卡洛中权重扰动幅度（默认 0.25，即 ±25%）");
  cmd->add_option("--seed", options->seed, "蒙特卡洛随机种子（默认 1，相同种子结果相同）");
  cmd->add_flag("--json", options->json, "以 JSON 输出");
  cmd->callback([options] { run_index(*options); });
}

}  // namespace zhiyou::cli
