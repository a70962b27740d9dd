#include "plans/plan_text_parser.hpp"

#include <fmt/core.h>

#include <map>

#include "core/hash.hpp"
#include "plans/direction.hpp"
#include "plans/document.hpp"
#include "plans/indicator_table.hpp"
#include "plans/paragraphs.hpp"
#include "plans/source_text.hpp"
#include "plans/target_sentence.hpp"
#include "plans/task_parser.hpp"

namespace zhiyou::plans {
namespace {

// Indicators read from sentences, unless a table already holds the same indicator.
void add_sentence_indicators(Plan& plan, const std::vector<SentenceTarget>& found) {
  const std::size_t from_tables = plan.indicators.size();
  for (const SentenceTarget& t : found) {
    bool in_table = false;
    for (std::size_t i = 0; i < from_tables; ++i) {
      in_table = in_table || similar_names(plan.indicators[i].name, t.name);
    }
    if (in_table) continue;
    Indicator ind;
    ind.name = t.name;
    ind.unit = t.unit;
    ind.targets.push_back(t.target);
    ind.notes = t.notes;
    ind.source = {plan.source.file, t.line};
    plan.indicators.push_back(std::move(ind));
  }
}

void finish_indicators(Plan& plan) {
  std::map<std::string, int> seen;
  for (Indicator& ind : plan.indicators) {
    if (!ind.direction_overridden) ind.direction = infer_direction(ind);
    resolve_comparators(ind);
    // Two rows with one name (rare) still get distinct, stable ids.
    const int n = seen[ind.name]++;
    ind.id = indicator_id_for(plan.id, n == 0 ? ind.name : fmt::format("{}#{}", ind.name, n + 1));
  }
  std::map<std::string, int> titles;
  for (Task& task : plan.tasks) task.id = task_id_for(plan.id, task.title, titles[task.title]++);
}

}  // namespace

std::string plan_id_for(const Plan& plan) {
  const std::string key = plan.doc_number.empty() ? plan.title : plan.doc_number;
  return "p" + sha256_hex(key).substr(0, 10);
}

std::string indicator_id_for(const std::string& plan_id, const std::string& name) {
  return "i" + sha256_hex(plan_id + "\n" + name).substr(0, 12);
}

std::string task_id_for(const std::string& plan_id, const std::string& title, int occurrence) {
  return "t" + sha256_hex(fmt::format("{}\n{}\n{}", plan_id, title, occurrence)).substr(0, 12);
}

Result<ParsedPlans> parse_plan_text(std::string_view content, std::string_view file_label,
                                    std::string_view file_name) {
  auto lines = read_source_lines(content, file_label);
  if (!lines.ok()) return lines.error();
  ParsedPlans parsed;
  for (const Document& doc : find_documents(*lines)) {
    if (!doc.is_plan) continue;
    Plan plan;
    plan.title = doc.title;
    plan.doc_number = doc.doc_number;
    plan.issuer = doc.issuer;
    plan.issued_on = doc.issued_on;
    plan.kind = doc.is_report ? "report" : "official";
    plan.start_year = doc.start_year;
    plan.end_year = doc.end_year;
    plan.source = {std::string(file_name), doc.title_line};
    plan.id = plan_id_for(plan);

    auto tables = parse_indicator_tables(*lines, doc.begin, doc.end, file_label, file_name);
    if (!tables.ok()) return tables.error();
    plan.indicators = std::move(tables->indicators);
    parsed.repairs.insert(parsed.repairs.end(), tables->repairs.begin(), tables->repairs.end());

    const std::vector<Paragraph> paragraphs = build_paragraphs(*lines, doc.begin, doc.end);
    std::optional<int> default_year = doc.end_year;
    if (!default_year) {
      for (const Indicator& ind : plan.indicators) {
        for (const Target& t : ind.targets)
          default_year = std::max(default_year.value_or(0), t.year);
      }
    }
    add_sentence_indicators(plan, find_sentence_targets(paragraphs, default_year));
    plan.tasks = find_tasks(paragraphs, file_name);
    finish_indicators(plan);
    parsed.plans.push_back(std::move(plan));
  }
  if (parsed.plans.empty()) {
    return make_error(
        "文件中没有找到规划、方案或实施意见（既没有带文号的正式文件，也没有提及所报道的规划）",
        fmt::format("{}:1", file_label));
  }
  return parsed;
}

}  // namespace zhiyou::plans
