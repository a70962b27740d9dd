#include "monitoring/index/uncertainty.hpp"

#include <fmt/core.h>

#include <random>

#include "monitoring/index/statistics.hpp"

namespace zhiyou::monitoring::index {
namespace {

// Uniform on [0, 1) from the top 53 bits: the same on every standard library (unlike
// std::uniform_real_distribution, whose algorithm is unspecified).
double uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

bool same(const NormalisationSpec& a, const NormalisationSpec& b) {
  return a.kind == b.kind && a.a == b.a && a.b == b.b && a.cap == b.cap;
}

struct Alternative {
  std::size_t normalisation = 0;
  AggregationKind aggregation = AggregationKind::arithmetic;
};

std::string describe(const NormalisationSpec& n, AggregationKind a) {
  return describe(n) + (a == AggregationKind::arithmetic ? " + 算术平均" : " + 几何平均");
}

}  // namespace

Result<UncertaintyResult> rank_uncertainty(const Framework& f, const PipelineSpec& base,
                                           const UncertaintySpec& spec) {
  if (spec.runs < 1) return make_error("蒙特卡洛次数应至少为 1", "--uncertainty");
  if (!(spec.weight_noise >= 0 && spec.weight_noise < 1)) {
    return make_error("权重扰动幅度应在 [0, 1) 之间", "--weight-noise");
  }
  auto prepared = prepare(f, base);
  if (!prepared) return prepared.error();

  std::vector<NormalisationSpec> norms = spec.normalisations;
  if (norms.empty()) {
    norms.push_back(base.normalisation);
    for (const auto& extra : {NormalisationSpec::zscore(10, 2), NormalisationSpec::rank()}) {
      if (!same(extra, base.normalisation)) norms.push_back(extra);
    }
  }
  std::vector<AggregationKind> aggs = spec.aggregations;
  if (aggs.empty()) aggs = {AggregationKind::arithmetic, AggregationKind::geometric};

  const NodeWeights weights = weights_for(f, base.weights);
  UncertaintyResult out;
  out.runs = spec.runs;
  std::vector<std::vector<std::vector<double>>> normalised;
  std::vector<Alternative> alternatives;
  for (std::size_t k = 0; k < norms.size(); ++k) {
    auto n = normalise_all(f, prepared->values, norms[k]);
    if (!n) {
      for (const AggregationKind a : aggs) {
        out.excluded.push_back(describe(norms[k], a) + "：" + n.error().describe());
      }
      normalised.emplace_back();
      continue;
    }
    normalised.push_back(std::move(*n));
    for (const AggregationKind a : aggs) {
      // A pair that fails once fails always: weights do not change the sign of a value.
      if (auto check = aggregate(f, normalised[k], weights, a); !check) {
        out.excluded.push_back(describe(norms[k], a) + "：" + check.error().describe());
        continue;
      }
      alternatives.push_back({k, a});
      out.alternatives.push_back(describe(norms[k], a));
    }
  }
  if (alternatives.empty()) return make_error("没有可运行的归一化与聚合组合", "--uncertainty");

  std::mt19937_64 rng(spec.seed);
  const std::size_t n_aggregates = f.aggregates.size();
  const std::size_t n_units = f.units.size();
  // rank_samples[a][u]: the ranks of unit u at aggregate a over the runs.
  std::vector<std::vector<std::vector<double>>> rank_samples(
      n_aggregates, std::vector<std::vector<double>>(n_units));
  for (int run = 0; run < spec.runs; ++run) {
    NodeWeights w = weights;
    for (double& x : w.indicators) x *= 1 + spec.weight_noise * (2 * uniform(rng) - 1);
    for (double& x : w.aggregates) x *= 1 + spec.weight_noise * (2 * uniform(rng) - 1);
    const auto pick =
        static_cast<std::size_t>(uniform(rng) * static_cast<double>(alternatives.size()));
    const Alternative& alt = alternatives[pick];
    auto scores = aggregate(f, normalised[alt.normalisation], w, alt.aggregation);
    if (!scores) return scores.error();
    const auto r = rank_scores(scores->scores);
    for (std::size_t a = 0; a < n_aggregates; ++a) {
      for (std::size_t u = 0; u < n_units; ++u) {
        if (!is_missing(r[a][u])) rank_samples[a][u].push_back(r[a][u]);
      }
    }
  }
  out.intervals.assign(n_aggregates, std::vector<RankInterval>(n_units));
  for (std::size_t a = 0; a < n_aggregates; ++a) {
    for (std::size_t u = 0; u < n_units; ++u) {
      const auto& s = rank_samples[a][u];
      out.intervals[a][u] = {quantile(s, 0.5), quantile(s, 0.05), quantile(s, 0.95)};
    }
  }
  return out;
}

}  // namespace zhiyou::monitoring::index
