#include "monitoring/index/index_json.hpp"

#include "core/json.hpp"

namespace zhiyou::monitoring::index {
namespace {

namespace bj = boost::json;

bj::value number_or_null(double x) { return is_missing(x) ? bj::value(nullptr) : json::number(x); }

std::string_view outcome_name(TreatmentOutcome o) {
  switch (o) {
    case TreatmentOutcome::not_needed:
      return "none";
    case TreatmentOutcome::winsorised:
      return "winsorised";
    case TreatmentOutcome::log_transformed:
      return "log_transformed";
    case TreatmentOutcome::not_treatable:
      return "not_treatable";
  }
  return "none";
}

}  // namespace

bj::object index_to_json(const Framework& f, const IndexResult& r, UncertaintyStatement u) {
  bj::object doc;
  bj::array units;
  for (std::size_t k = 0; k < f.units.size(); ++k) {
    bj::object unit;
    unit["code"] = f.units[k].code;
    unit["name"] = f.units[k].name;
    bj::object scores;
    bj::object ranks;
    for (std::size_t a = 0; a < f.aggregates.size(); ++a) {
      scores[f.aggregates[a].code] = number_or_null(r.scores[a][k]);
      ranks[f.aggregates[a].code] = number_or_null(r.ranks[a][k]);
    }
    unit["scores"] = std::move(scores);
    unit["ranks"] = std::move(ranks);
    if (u.result != nullptr) {
      bj::object intervals;
      for (std::size_t a = 0; a < f.aggregates.size(); ++a) {
        const RankInterval& i = u.result->intervals[a][k];
        intervals[f.aggregates[a].code] = {{"median", number_or_null(i.median)},
                                           {"p05", number_or_null(i.low)},
                                           {"p95", number_or_null(i.high)}};
      }
      unit["rank_uncertainty"] = std::move(intervals);
    }
    units.push_back(std::move(unit));
  }
  doc["units"] = std::move(units);

  bj::array aggregates;
  for (const Node& n : f.aggregates) {
    aggregates.push_back({{"code", n.code},
                          {"name", n.name},
                          {"level", n.level},
                          {"parent", json::string_or_null(n.parent)}});
  }
  doc["aggregates"] = std::move(aggregates);
  bj::array method;
  for (const std::string& m : r.method) method.emplace_back(m);
  doc["method"] = std::move(method);

  bj::array imputed;
  for (const ImputedCell& c : r.imputed) {
    imputed.push_back({{"unit", f.units[c.unit].code},
                       {"indicator", f.indicators[c.indicator].code},
                       {"value", json::number(c.value)},
                       {"basis", c.basis}});
  }
  doc["imputed"] = std::move(imputed);
  bj::array missing;
  for (const MissingCell& c : r.still_missing) {
    missing.push_back(
        {{"unit", f.units[c.unit].code}, {"indicator", f.indicators[c.indicator].code}});
  }
  doc["not_imputed"] = std::move(missing);

  bj::array treated;
  for (const IndicatorTreatment& t : r.treated) {
    bj::array changed;
    for (const std::size_t row : t.details.changed_rows) changed.emplace_back(f.units[row].code);
    treated.push_back({{"indicator", f.indicators[t.indicator].code},
                       {"treatment", outcome_name(t.details.outcome)},
                       {"winsorised_points", t.details.winsorised_points},
                       {"units_changed", std::move(changed)},
                       {"skewness_before", number_or_null(t.details.skewness_before)},
                       {"kurtosis_before", number_or_null(t.details.kurtosis_before)},
                       {"skewness_after", number_or_null(t.details.skewness_after)},
                       {"kurtosis_after", number_or_null(t.details.kurtosis_after)},
                       {"passes_after", t.details.passes_after}});
  }
  doc["treated"] = std::move(treated);

  bj::array reweighted;
  for (const Reweighted& w : r.reweighted) {
    bj::array children;
    for (const std::string& c : w.missing_children) children.emplace_back(c);
    reweighted.push_back({{"unit", f.units[w.unit].code},
                          {"aggregate", f.aggregates[w.aggregate].code},
                          {"missing", std::move(children)},
                          {"score_missing", w.all_missing}});
  }
  doc["reweighted"] = std::move(reweighted);

  if (u.result != nullptr && u.spec != nullptr) {
    bj::array alternatives;
    for (const std::string& a : u.result->alternatives) alternatives.emplace_back(a);
    bj::array excluded;
    for (const std::string& e : u.result->excluded) excluded.emplace_back(e);
    doc["uncertainty"] = {{"runs", u.result->runs},
                          {"weight_noise", json::number(u.spec->weight_noise)},
                          {"seed", u.spec->seed},
                          {"alternatives", std::move(alternatives)},
                          {"excluded", std::move(excluded)}};
  }
  return doc;
}

}  // namespace zhiyou::monitoring::index
