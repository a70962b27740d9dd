// Observations and judgements as stored (migration 2). Every call reports SQL and data errors
// as Result values with a Chinese message; none throws for bad data.
//
// Observations are keyed by indicator id × region × period and carry no foreign key to
// `indicators`: re-importing a plan replaces its indicator rows (same ids), and the figures
// a district reported must survive that.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "core/result.hpp"
#include "monitoring/observation.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::monitoring {

// One change to one observation. The first report is a revision too, with no old value.
struct Revision {
  int number = 0;  // 1 for the first report, then 2, 3, …
  std::optional<double> old_value;
  double new_value = 0;
  std::string old_source;  // empty for the first report
  std::string new_source;
  std::string changed_by;
  std::string changed_at;  // UTC, ISO 8601
};

struct SaveCounts {
  int inserted = 0;   // new indicator × region × period
  int revised = 0;    // an existing figure changed value (a revision is recorded)
  int unchanged = 0;  // the same value again: nothing written, no revision
};

// Saves every observation in one transaction, or none (an error names the observation).
// A changed value replaces the current one and records a revision with who and when
// (reported_by / reported_at of the new observation; reported_at is filled with now when
// empty). Nests inside an outer Database::transaction().
Result<SaveCounts> save_observations(store::Database& db,
                                     const std::vector<Observation>& observations);

// The current figures for the indicators of plan `plan_id`, ordered by the indicator's place
// in the plan, then region (全市 first, then the registry's order), then period.
Result<std::vector<Observation>> load_observations(store::Database& db, std::string_view plan_id);

// Every revision of one observation, oldest first; empty when it was never reported.
Result<std::vector<Revision>> observation_history(store::Database& db,
                                                  std::string_view indicator_id,
                                                  std::string_view region, const Period& period);

// Records (or replaces) the judgement for its indicator × region × period. judged_at is
// filled with now when empty.
Status save_judgement(store::Database& db, const Judgement& judgement);

// The judgements on the indicators of plan `plan_id`, in load_observations() order.
Result<std::vector<Judgement>> load_judgements(store::Database& db, std::string_view plan_id);

// Sort rank of a region name: 全市 0, then the registry's order; unknown names last.
int region_rank(std::string_view region);

}  // namespace zhiyou::monitoring
