#include "monitoring/index/region_ranking.hpp"

#include <algorithm>

namespace zhiyou::monitoring::index {

Framework race_framework(const RaceInput& input) {
  Framework f;
  for (const RaceRegion& r : input.regions) f.units.push_back({r.code, r.name, {}});
  std::vector<std::string> domains;
  for (const RaceIndicator& ind : input.indicators) {
    const std::string domain = ind.domain.empty() ? "其他" : ind.domain;
    if (std::find(domains.begin(), domains.end(), domain) == domains.end())
      domains.push_back(domain);
    Node n;
    n.level = 1;
    n.code = ind.code;
    n.name = ind.name;
    n.direction = ind.direction;
    n.target = ind.target;
    n.unit = ind.unit;
    n.parent = domain;
    f.indicators.push_back(std::move(n));
  }
  for (const std::string& d : domains) {
    Node n;
    n.level = 2;
    n.code = d;
    n.name = d;
    n.parent = kRaceIndexCode;
    f.aggregates.push_back(std::move(n));
  }
  Node top;
  top.level = 3;
  top.code = kRaceIndexCode;
  top.name = "综合指数";
  f.aggregates.push_back(std::move(top));
  f.values = input.values;
  return f;
}

Result<RaceResult> rank_regions(const RaceInput& input, const RaceOptions& options) {
  RaceResult out;
  out.framework = race_framework(input);
  PipelineSpec spec;
  spec.normalisation = options.normalisation;
  spec.aggregation = options.aggregation;
  spec.weights = options.weights;
  auto index = compute_index(out.framework, spec);
  if (!index) return index.error();
  out.index = std::move(*index);
  if (options.uncertainty_runs > 0) {
    UncertaintySpec u;
    u.runs = options.uncertainty_runs;
    u.seed = options.seed;
    auto r = rank_uncertainty(out.framework, spec, u);
    if (!r) return r.error();
    out.uncertainty = std::move(*r);
  }
  return out;
}

std::optional<RaceIndicator> race_indicator(const plans::Indicator& indicator, int year) {
  if (indicator.direction == plans::Direction::none) return std::nullopt;
  const plans::Target* chosen = nullptr;
  for (const plans::Target& t : indicator.targets) {
    if (t.expression.kind != plans::TargetKind::level || !t.expression.value) continue;
    const auto better = [&](const plans::Target& a, const plans::Target& b) {
      // Prefer the year itself, then the nearest later year, then the latest earlier one.
      const auto key = [&](const plans::Target& x) {
        return x.year >= year ? std::pair{0, x.year - year} : std::pair{1, year - x.year};
      };
      return key(a) < key(b);
    };
    if (chosen == nullptr || better(t, *chosen)) chosen = &t;
  }
  if (chosen == nullptr) return std::nullopt;
  RaceIndicator r;
  r.code = indicator.id;
  r.name = indicator.name;
  r.domain = indicator.domain;
  r.direction = indicator.direction == plans::Direction::down ? -1 : 1;
  r.target = chosen->expression.value;
  r.unit = indicator.unit.value_or("");
  return r;
}

}  // namespace zhiyou::monitoring::index
