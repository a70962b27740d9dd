#include "monitoring/index/aggregation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace zhiyou::monitoring::index {
namespace {

struct Child {
  bool is_indicator = true;
  std::size_t index = 0;
};

std::vector<Child> children_of(const Framework& f, const std::string& code) {
  std::vector<Child> out;
  for (std::size_t i = 0; i < f.indicators.size(); ++i) {
    if (f.indicators[i].parent == code) out.push_back({true, i});
  }
  for (std::size_t a = 0; a < f.aggregates.size(); ++a) {
    if (f.aggregates[a].parent == code) out.push_back({false, a});
  }
  return out;
}

// Aggregates in the order they can be computed: lower levels first.
std::vector<std::size_t> bottom_up(const Framework& f) {
  std::vector<std::size_t> order(f.aggregates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return f.aggregates[a].level < f.aggregates[b].level;
  });
  return order;
}

}  // namespace

NodeWeights weights_for(const Framework& f, WeightScheme scheme) {
  NodeWeights w;
  for (const Node& n : f.indicators)
    w.indicators.push_back(scheme == WeightScheme::metadata ? n.weight : 1.0);
  w.aggregates.assign(f.aggregates.size(), 1.0);
  if (scheme == WeightScheme::metadata) {
    for (std::size_t a = 0; a < f.aggregates.size(); ++a) w.aggregates[a] = f.aggregates[a].weight;
  } else if (scheme == WeightScheme::equal) {
    for (const std::size_t a : bottom_up(f)) {
      double count = 0;
      for (const Child& c : children_of(f, f.aggregates[a].code)) {
        count += c.is_indicator ? 1.0 : w.aggregates[c.index];
      }
      w.aggregates[a] = count;
    }
  }
  return w;
}

double weighted_arithmetic_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double sum = 0;
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (is_missing(x[i])) continue;
    sum += w[i] * x[i];
    total += w[i];
  }
  return total > 0 ? sum / total : kMissing;
}

double weighted_geometric_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double sum = 0;
  double total = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (is_missing(x[i])) continue;
    sum += w[i] * std::log(x[i]);
    total += w[i];
  }
  return total > 0 ? std::exp(sum / total) : kMissing;
}

Result<Aggregated> aggregate(const Framework& f, const std::vector<std::vector<double>>& normalised,
                             const NodeWeights& weights, AggregationKind kind) {
  Aggregated out;
  const std::size_t n_units = f.units.size();
  out.scores.assign(f.aggregates.size(), std::vector<double>(n_units, kMissing));
  for (const std::size_t a : bottom_up(f)) {
    const Node& node = f.aggregates[a];
    const std::vector<Child> children = children_of(f, node.code);
    std::vector<double> x(children.size());
    std::vector<double> w(children.size());
    for (std::size_t c = 0; c < children.size(); ++c) {
      w[c] = children[c].is_indicator ? weights.indicators[children[c].index]
                                      : weights.aggregates[children[c].index];
    }
    for (std::size_t u = 0; u < n_units; ++u) {
      Reweighted note{a, u, {}, false};
      for (std::size_t c = 0; c < children.size(); ++c) {
        const Child& child = children[c];
        x[c] = child.is_indicator ? normalised[child.index][u] : out.scores[child.index][u];
        const std::string& code =
            child.is_indicator ? f.indicators[child.index].code : f.aggregates[child.index].code;
        if (is_missing(x[c])) {
          note.missing_children.push_back(code);
        } else if (kind == AggregationKind::geometric && x[c] <= 0) {
          return make_error(fmt::format("几何平均要求正值，但单位 {} 的 {} 为 {:g}（可改用 "
                                        "minmax:1,100 归一化，或算术平均）",
                                        f.units[u].code, code, x[c]),
                            "聚合 " + node.code);
        }
      }
      out.scores[a][u] = kind == AggregationKind::arithmetic ? weighted_arithmetic_mean(x, w)
                                                             : weighted_geometric_mean(x, w);
      if (!note.missing_children.empty()) {
        note.all_missing = is_missing(out.scores[a][u]);
        out.reweighted.push_back(std::move(note));
      }
    }
  }
  return out;
}

}  // namespace zhiyou::monitoring::index
