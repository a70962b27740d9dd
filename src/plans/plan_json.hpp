// Plans as JSON: the shape `zhiyou plan show --json` prints and `zhiyou plan load` reads
// back ({"plans":[…]}), documented in the README.
#pragma once

#include <boost/json.hpp>

#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"

namespace zhiyou::plans {

boost::json::value to_json(const Expression& expression);
boost::json::value to_json(const Indicator& indicator);
boost::json::value to_json(const Task& task);
boost::json::value to_json(const Plan& plan);
// {"plans":[…]}
boost::json::value plans_to_json(const std::vector<Plan>& plans);

// Reads {"plans":[…]} back. Errors name the JSON path ("plans[0].indicators[3].targets[0].kind").
Result<std::vector<Plan>> plans_from_json(std::string_view json_text, std::string_view file_label);

}  // namespace zhiyou::plans
