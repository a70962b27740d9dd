#include "audit/observation_audit.hpp"

#include <boost/json.hpp>

#include <string>

#include "audit/audit_store.hpp"
#include "store/database.hpp"

namespace zhiyou::audit {
namespace {

std::string judgement_json(const monitoring::Judgement& j) {
  return boost::json::serialize(boost::json::object{{"status", monitoring::to_string(j.status)},
                                                    {"reason", j.reason},
                                                    {"judged_by", j.judged_by}});
}

std::string subject_of(const monitoring::Judgement& j) {
  return j.indicator_id + " " + j.region + " " + j.period.to_string();
}

}  // namespace

Result<monitoring::SaveCounts> import_observations_audited(
    store::Database& db, const std::vector<monitoring::Observation>& observations,
    std::string_view actor, std::string_view subject) {
  monitoring::SaveCounts counts;
  Status saved = db.transaction([&]() -> Status {
    auto result = monitoring::save_observations(db, observations);
    if (!result.ok()) return result.error();
    counts = *result;
    if (counts.inserted == 0 && counts.revised == 0) return Ok{};
    return append(db, {std::string(actor), "observation.import", std::string(subject), "null",
                       boost::json::serialize(boost::json::object{{"rows", observations.size()},
                                                                  {"inserted", counts.inserted},
                                                                  {"revised", counts.revised}})});
  });
  if (!saved.ok()) return saved.error();
  return counts;
}

Status save_judgement_audited(store::Database& db, std::string_view plan_id,
                              const monitoring::Judgement& judgement, std::string_view actor) {
  return db.transaction([&]() -> Status {
    auto earlier = monitoring::load_judgements(db, plan_id);
    if (!earlier.ok()) return earlier.error();
    std::string before = "null";
    for (const monitoring::Judgement& j : *earlier) {
      if (j.indicator_id == judgement.indicator_id && j.region == judgement.region &&
          j.period == judgement.period) {
        before = judgement_json(j);
      }
    }
    if (Status saved = monitoring::save_judgement(db, judgement); !saved.ok()) return saved;
    return append(db, {std::string(actor), "judgement.save", subject_of(judgement), before,
                       judgement_json(judgement)});
  });
}

}  // namespace zhiyou::audit
