// Plan changes that leave an audit entry in the same transaction: importing or loading plans
// and overriding an indicator's direction, from the command line or the HTTP API alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::audit {

// Saves every plan or none (store::save_plans). Each plan whose JSON differs from what was
// stored before gets one entry `action` ("plan.import", "plan.load") with the plan's JSON
// before (null when new) and after; re-saving an unchanged plan records nothing.
Status save_plans_audited(store::Database& db, const std::vector<plans::Plan>& plans,
                          std::string_view actor, std::string_view action);

// Sets the direction of indicator `indicator_id` (plans::override_direction) and records
// "indicator.direction" with the indicator's JSON before and after. Fails naming the id
// when no plan has that indicator.
Status override_direction_audited(store::Database& db, std::string_view indicator_id,
                                  plans::Direction direction, std::string_view actor);

// "cli:<login name>": the actor for changes made on this machine's command line.
std::string command_line_actor();

}  // namespace zhiyou::audit
