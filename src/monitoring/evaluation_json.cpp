#include "monitoring/evaluation_json.hpp"

#include "core/json.hpp"
#include "plans/plan_json.hpp"

namespace zhiyou::monitoring {
namespace {

namespace bj = boost::json;
using zhiyou::json::optional_number;

bj::value target_json(const Evaluation& e) {
  if (!e.assessment.target_index) {
    return nullptr;
  }
  const plans::Target& t = e.indicator->targets[*e.assessment.target_index];
  bj::object o{{"year", t.year}};
  const bj::value expression = plans::to_json(t.expression);
  for (const auto& [k, v] : expression.as_object()) {
    o[k] = v;
  }
  if (!t.sentence.empty()) {
    o["sentence"] = t.sentence;
  }
  return o;
}

bj::array strings(const std::vector<std::string>& values) {
  bj::array out;
  for (const std::string& v : values) {
    out.emplace_back(v);
  }
  return out;
}

}  // namespace

bj::object to_json(const Evaluation& e) {
  const Assessment& a = e.assessment;
  bj::object o{{"indicator_id", e.indicator->id},
               {"indicator", e.indicator->name},
               {"region", e.region},
               {"period", e.period.to_string()},
               {"status", to_string(a.status)},
               {"value", optional_number(a.value)},
               {"expected", optional_number(a.expected)},
               {"target", target_json(e)},
               {"domain", e.indicator->domain},
               {"unit", zhiyou::json::optional_string(e.indicator->unit)},
               {"lead_units", strings(e.indicator->lead_units)},
               {"warning", to_string(a.warning)},
               {"target_level", optional_number(a.target)},
               {"baseline", optional_number(a.baseline)},
               {"baseline_source",
                a.baseline ? bj::value(to_string(a.baseline_source)) : bj::value(nullptr)},
               {"gap", optional_number(a.gap)},
               {"tolerance", optional_number(a.tolerance)},
               {"normalised_gap", optional_number(a.normalised_gap)},
               {"explanation", explain(e)}};
  if (a.baseline) {
    o["baseline_at"] = zhiyou::json::number(a.baseline_at);
    o["target_at"] = zhiyou::json::number(a.target_at);
  }
  if (a.growth) {
    o["growth"] = bj::object{{"observed", zhiyou::json::number(a.growth->observed)},
                             {"required", zhiyou::json::number(a.growth->required)},
                             {"ratio", zhiyou::json::number(a.growth->ratio)},
                             {"category", to_string(a.growth->category)}};
  }
  if (a.judgement) {
    o["judgement"] = bj::object{{"status", to_string(a.judgement->status)},
                                {"reason", a.judgement->reason},
                                {"judged_by", a.judgement->judged_by},
                                {"judged_at", a.judgement->judged_at}};
  }
  if (a.missing_reference_year) {
    o["missing_reference_year"] = *a.missing_reference_year;
  }
  if (!a.missing_years.empty()) {
    bj::array years;
    for (const int y : a.missing_years) {
      years.push_back(y);
    }
    o["missing_years"] = std::move(years);
  }
  if (a.overdue) {
    o["overdue"] = true;
  }
  return o;
}

bj::object evaluations_to_json(std::span<const Evaluation> evaluations) {
  bj::array results;
  results.reserve(evaluations.size());
  for (const Evaluation& e : evaluations) {
    results.push_back(to_json(e));
  }
  return bj::object{{"results", std::move(results)}};
}

bj::object to_json(const Scorecard& card) {
  bj::object counts;
  for (const Status s : {Status::met, Status::on_track, Status::lagging, Status::off_track,
                         Status::qualitative, Status::no_data}) {
    counts[to_string(s)] = card.count(s);
  }
  bj::array items;
  for (const ScorecardItem& item : card.items) {
    bj::object o = to_json(*item.evaluation);
    o["role"] = item.role == UnitRole::lead ? "lead" : "shared";
    items.push_back(std::move(o));
  }
  bj::array lagging;
  for (const ScorecardItem& item : card.lagging) {
    lagging.emplace_back(item.evaluation->indicator->id);
  }
  return bj::object{{"unit", card.unit},
                    {"score", optional_number(card.score)},
                    {"counts", std::move(counts)},
                    {"items", std::move(items)},
                    {"lagging", std::move(lagging)}};
}

bj::object to_json(const RegionRank& rank) {
  return bj::object{{"region", rank.region},
                    {"rank", rank.rank},
                    {"evaluated", rank.evaluated},
                    {"good", rank.good},
                    {"share", zhiyou::json::number(rank.share)},
                    {"mean_gap", optional_number(rank.mean_gap)}};
}

}  // namespace zhiyou::monitoring
