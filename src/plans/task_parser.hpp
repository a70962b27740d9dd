// Tasks (任务): the numbered paragraphs of a plan's task and measures sections, with their
// responsible units — "（责任单位：…）", "（责任部门：…）", "（牵头单位：…；配合单位：…）".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plans/paragraphs.hpp"
#include "plans/plan.hpp"

namespace zhiyou::plans {

struct UnitClauses {
  std::vector<std::string> lead;
  std::vector<std::string> supporting;
  bool found = false;
};

// Every unit clause in `text`, in order; units are listed once each.
UnitClauses read_unit_clauses(std::string_view text);

// Tasks with ids not yet assigned.
std::vector<Task> find_tasks(const std::vector<Paragraph>& paragraphs, std::string_view file_name);

}  // namespace zhiyou::plans
