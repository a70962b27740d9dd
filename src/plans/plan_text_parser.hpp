// Reading official plan texts (UTF-8 extracted from PDF) into plans: metadata, indicator
// tables, targets written in sentences, and tasks. Pure: text in, plans out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"

namespace zhiyou::plans {

struct ParsedPlans {
  std::vector<Plan> plans;
  std::vector<std::string> repairs;  // PDF artefacts repaired, for the user to review
};

// `file_label` names the file in messages (the path as given); `file_name` is stored as the
// source (no directory). An error — not UTF-8, no plan in the file, a row that cannot be
// read — names file:line and the reason; then no plan of the file is returned.
Result<ParsedPlans> parse_plan_text(std::string_view content, std::string_view file_label,
                                    std::string_view file_name);

// Stable ids: re-importing the same document yields the same ids.
std::string plan_id_for(const Plan& plan);
std::string indicator_id_for(const std::string& plan_id, const std::string& name);
std::string task_id_for(const std::string& plan_id, const std::string& title, int occurrence);

}  // namespace zhiyou::plans
