// `{"plans":[…]}`: the plan list as `zhiyou plan list --json` prints it and
// GET /api/v1/plans answers it, one shape for both.
#pragma once

#include <vector>

#include <boost/json/object.hpp>

#include "store/plan_store.hpp"

namespace zhiyou::store {

boost::json::object plan_list_json(const std::vector<PlanSummary>& plans);

}  // namespace zhiyou::store
