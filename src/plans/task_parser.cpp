#include "plans/task_parser.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "plans/indicator_name.hpp"

namespace zhiyou::plans {
namespace {

constexpr std::array<std::string_view, 3> kLeadLabels{"责任单位", "责任部门", "牵头单位"};
constexpr std::string_view kSupportLabel = "配合单位";

void add_unique(std::vector<std::string>& to, const std::vector<std::string>& units) {
  for (const std::string& u : units) {
    if (std::find(to.begin(), to.end(), u) == to.end()) to.push_back(u);
  }
}

// The bracketed clause starting at `open` ("(" or "（"), up to its matching bracket.
std::string_view bracketed(std::string_view text, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return text.substr(open + 1, i - open - 1);
  }
  return text.substr(open + 1);  // unclosed: the clause runs to the end of the paragraph
}

std::string_view after_label(std::string_view part, std::string_view label) {
  part.remove_prefix(label.size());
  for (const std::string_view colon : {"：", ":"}) {
    if (part.starts_with(colon)) return part.substr(colon.size());
  }
  return part;
}

bool is_unit_clause_only(const std::string& text) {
  if (!text.starts_with("(")) return false;
  const std::string_view after = std::string_view{text}.substr(1);
  return std::ranges::any_of(kLeadLabels,
                             [&](std::string_view label) { return after.starts_with(label); });
}

bool is_task_section(const std::string& heading) {
  static constexpr std::array<std::string_view, 6> kWords{"任务", "措施", "举措",
                                                          "行动", "工程", "重点工作"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return text::contains(heading, w); });
}

}  // namespace

UnitClauses read_unit_clauses(std::string_view text) {
  UnitClauses clauses;
  for (std::size_t open = text.find('('); open != std::string_view::npos;
       open = text.find('(', open + 1)) {
    const std::string_view inside = bracketed(text, open);
    const auto* const label =
        std::find_if(kLeadLabels.begin(), kLeadLabels.end(),
                     [&](std::string_view l) { return inside.starts_with(l); });
    if (label == kLeadLabels.end()) continue;
    clauses.found = true;
    for (const std::string& part : text::split_any(inside, {"；", ";"})) {
      const std::string_view p = part;
      if (p.starts_with(kSupportLabel)) {
        add_unique(clauses.supporting, split_units(after_label(p, kSupportLabel)));
      } else {
        for (const auto l : kLeadLabels) {
          if (p.starts_with(l)) add_unique(clauses.lead, split_units(after_label(p, l)));
        }
      }
    }
    open += inside.size();
  }
  return clauses;
}

std::vector<Task> find_tasks(const std::vector<Paragraph>& paragraphs, std::string_view file_name) {
  std::vector<Task> tasks;
  bool in_task_section = false;
  bool last_was_task = false;
  for (const Paragraph& paragraph : paragraphs) {
    const std::string& text = paragraph.text;
    if (starts_with_section_marker(text)) {
      in_task_section = is_task_section(text.substr(0, std::min<std::size_t>(text.size(), 60)));
      last_was_task = false;
      continue;
    }
    if (is_unit_clause_only(text) && last_was_task) {
      const UnitClauses units = read_unit_clauses(text);
      add_unique(tasks.back().lead_units, units.lead);
      add_unique(tasks.back().supporting_units, units.supporting);
      continue;
    }
    const std::size_t marker = item_marker_length(text);
    const std::size_t stop = text.find("。", marker);
    const bool titled = marker > 0 && stop != std::string::npos &&
                        text::length(text.substr(marker, stop - marker)) <= 40;
    const UnitClauses units = read_unit_clauses(text);
    if (!titled || !(in_task_section || units.found)) {
      last_was_task = false;
      continue;
    }
    Task task;
    task.title = text::join_wrapped(text.substr(marker, stop - marker));
    task.lead_units = units.lead;
    task.supporting_units = units.supporting;
    task.source = {std::string(file_name), paragraph.line};
    tasks.push_back(std::move(task));
    last_was_task = true;
  }
  return tasks;
}

}  // namespace zhiyou::plans
