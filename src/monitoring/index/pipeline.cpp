#include "monitoring/index/pipeline.hpp"

#include <fmt/core.h>

#include "monitoring/index/denomination.hpp"
#include "monitoring/index/statistics.hpp"

namespace zhiyou::monitoring::index {
namespace {

std::string describe_treatment(const TreatmentSpec& t) {
  if (!t.enabled) return "异常值处理：未处理";
  return fmt::format(
      "异常值处理：|偏度| ≥ {:g} 且峰度 ≥ {:g} 的指标逐点缩尾（Winsorise，至多 {} 个点），"
      "仍不达标则改用对数变换 log(x − min + 0.01·(max − min))",
      t.skew_threshold, t.kurtosis_threshold, t.winmax);
}

std::string describe_imputation(const ImputationSpec& s) {
  switch (s.kind) {
    case ImputationSpec::Kind::none:
      return "缺失值：不插补，聚合时按现有指标重新分配权重";
    case ImputationSpec::Kind::mean:
      return "缺失值：以该指标全部单位的均值插补";
    case ImputationSpec::Kind::group_mean:
      return "缺失值：以同组（" + s.group_column +
             "）单位的均值插补；无法插补的按现有指标重新分配权重";
  }
  return {};
}

std::string describe_weights(WeightScheme w) {
  switch (w) {
    case WeightScheme::metadata:
      return "权重：元数据中给定的权重（同一上级下按比例）";
    case WeightScheme::equal:
      return "权重：每个指标在总指数中权重相等";
    case WeightScheme::equal_per_group:
      return "权重：各组等权，组内指标等权";
  }
  return {};
}

}  // namespace

Result<PreparedData> prepare(const Framework& f, const PipelineSpec& spec) {
  if (auto s = validate(f); !s) return s.error();
  PreparedData out;
  std::vector<std::vector<double>> values = f.values;
  if (spec.denominate) {
    auto d = denominate(f);
    if (!d) return d.error();
    values = std::move(*d);
  }
  auto imputed = impute(f, std::move(values), spec.imputation);
  if (!imputed) return imputed.error();
  out.imputed = std::move(imputed->imputed);
  out.still_missing = std::move(imputed->still_missing);
  values = std::move(imputed->values);
  if (spec.treatment.enabled) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      TreatedColumn t = treat_column(values[i], spec.treatment);
      if (t.details.outcome != TreatmentOutcome::not_needed) {
        out.treated.push_back({i, t.details});
      }
      values[i] = std::move(t.values);
    }
  }
  out.values = std::move(values);
  return out;
}

Result<std::vector<std::vector<double>>> normalise_all(
    const Framework& f, const std::vector<std::vector<double>>& values,
    const NormalisationSpec& spec) {
  std::vector<std::vector<double>> out;
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Node& n = f.indicators[i];
    auto column =
        normalise(values[i], {n.direction, n.target, n.goalpost_lower, n.goalpost_upper}, spec);
    if (!column) return make_error(column.error().message, "指标 " + n.code);
    out.push_back(std::move(*column));
  }
  return out;
}

std::vector<std::vector<double>> rank_scores(const std::vector<std::vector<double>>& scores) {
  std::vector<std::vector<double>> out;
  out.reserve(scores.size());
  for (const auto& column : scores) out.push_back(ranks(column, true));
  return out;
}

Result<IndexResult> compute_index(const Framework& f, const PipelineSpec& spec) {
  auto prepared = prepare(f, spec);
  if (!prepared) return prepared.error();
  auto normalised = normalise_all(f, prepared->values, spec.normalisation);
  if (!normalised) return normalised.error();
  auto aggregated = aggregate(f, *normalised, weights_for(f, spec.weights), spec.aggregation);
  if (!aggregated) return aggregated.error();

  IndexResult r;
  r.scores = std::move(aggregated->scores);
  r.ranks = rank_scores(r.scores);
  r.normalised = std::move(*normalised);
  r.imputed = std::move(prepared->imputed);
  r.still_missing = std::move(prepared->still_missing);
  r.treated = std::move(prepared->treated);
  r.reweighted = std::move(aggregated->reweighted);
  r.method.emplace_back(spec.denominate ? "分母：有 Denominator 的指标除以相应分母列"
                                        : "分母：不除");
  r.method.emplace_back(describe_imputation(spec.imputation));
  r.method.emplace_back(describe_treatment(spec.treatment));
  r.method.emplace_back("归一化：" + describe(spec.normalisation) + "，逆向指标先取负");
  r.method.emplace_back(describe_weights(spec.weights));
  r.method.emplace_back(spec.aggregation == AggregationKind::arithmetic
                            ? "聚合：加权算术平均，逐层向上"
                            : "聚合：加权几何平均，逐层向上");
  r.method.emplace_back("排名：得分从高到低，并列取最好名次");
  return r;
}

}  // namespace zhiyou::monitoring::index
