// Reported figures and judgements saved with their audit entry in the same transaction, from
// the command line and the HTTP API alike.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "monitoring/observation.hpp"
#include "monitoring/observation_store.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::audit {

// Saves every figure of an imported file or none (monitoring::save_observations) and records
// "observation.import" for `subject` ("<plan id> <file name>") with the counts. A file that
// changes nothing records nothing.
Result<monitoring::SaveCounts> import_observations_audited(
    store::Database& db, const std::vector<monitoring::Observation>& observations,
    std::string_view actor, std::string_view subject);

// Saves a reviewer's judgement on an indicator of plan `plan_id` (monitoring::save_judgement)
// and records "judgement.save" with the judgement before (null when new) and after.
Status save_judgement_audited(store::Database& db, std::string_view plan_id,
                              const monitoring::Judgement& judgement, std::string_view actor);

}  // namespace zhiyou::audit
