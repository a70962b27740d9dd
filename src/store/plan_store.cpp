// Writing plans, and the plan list. Reading whole plans back is in plan_reader.cpp.
#include "store/plan_store.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "plans/direction.hpp"
#include "store/database.hpp"
#include "store/plan_columns.hpp"

namespace zhiyou::store {
namespace {

soci::indicator null_if(bool missing) { return missing ? soci::i_null : soci::i_ok; }

Error save_error(const plans::Plan& plan, std::string_view reason) {
  std::string place;
  if (!plan.source.file.empty()) {
    place = plan.source.file;
    if (plan.source.line > 0) {
      place += ":" + std::to_string(plan.source.line);
    }
  }
  return make_error("无法保存规划 " + plan.id + "（" + plan.title + "）: " + std::string(reason),
                    std::move(place));
}

// Bad input the schema would also reject, caught early for a clearer message.
Status check(const plans::Plan& plan) {
  if (plan.id.empty()) {
    return save_error(plan, "规划编号为空");
  }
  for (const plans::Indicator& indicator : plan.indicators) {
    if (indicator.id.empty()) {
      return save_error(plan, "指标「" + indicator.name + "」的编号为空");
    }
  }
  for (const plans::Task& task : plan.tasks) {
    if (task.id.empty()) {
      return save_error(plan, "任务「" + task.title + "」的编号为空");
    }
  }
  return Ok{};
}

std::vector<std::string> unit_names(const plans::Plan& plan) {
  std::set<std::string> names;
  for (const plans::Indicator& indicator : plan.indicators) {
    names.insert(indicator.lead_units.begin(), indicator.lead_units.end());
  }
  for (const plans::Task& task : plan.tasks) {
    names.insert(task.lead_units.begin(), task.lead_units.end());
    names.insert(task.supporting_units.begin(), task.supporting_units.end());
  }
  return {names.begin(), names.end()};
}

void upsert_plan_row(soci::session& sql, const plans::Plan& plan) {
  std::string issued_on = plan.issued_on.value_or("");
  soci::indicator issued_on_ind = null_if(!plan.issued_on);
  std::string imported_at = utc_timestamp();
  int start_year = plan.start_year.value_or(0);
  soci::indicator start_year_ind = null_if(!plan.start_year);
  int end_year = plan.end_year.value_or(0);
  soci::indicator end_year_ind = null_if(!plan.end_year);
  // INSERT … ON CONFLICT (id) DO UPDATE is spelled the same in SQLite and PostgreSQL.
  sql << "INSERT INTO plans (id, title, doc_number, issuer, issued_on, kind, start_year, end_year,"
         " source_file, source_line, imported_at)"
         " VALUES (:id, :title, :doc_number, :issuer, :issued_on, :kind, :start_year, :end_year,"
         " :source_file, :source_line, :imported_at)"
         " ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
         " doc_number = excluded.doc_number, issuer = excluded.issuer,"
         " issued_on = excluded.issued_on, kind = excluded.kind,"
         " start_year = excluded.start_year, end_year = excluded.end_year,"
         " source_file = excluded.source_file, source_line = excluded.source_line,"
         " imported_at = excluded.imported_at",
      soci::use(plan.id), soci::use(plan.title), soci::use(plan.doc_number), soci::use(plan.issuer),
      soci::use(issued_on, issued_on_ind), soci::use(plan.kind),
      soci::use(start_year, start_year_ind), soci::use(end_year, end_year_ind),
      soci::use(plan.source.file), soci::use(plan.source.line), soci::use(imported_at);
}

// Prepared once per save, executed once per unit.
class UnitWriter {
 public:
  UnitWriter(soci::session& sql, const char* table, const char* owner_column)
      : insert_((sql.prepare << std::string("INSERT INTO ") + table + " (" + owner_column +
                                    ", organisation_id, role, position)"
                                    " VALUES (:owner, :organisation_id, :role, :position)",
                 soci::use(owner_), soci::use(organisation_), soci::use(role_),
                 soci::use(position_))) {}

  void write(const std::string& owner, const std::vector<std::string>& names, const char* role) {
    owner_ = owner;
    role_ = role;
    position_ = 0;
    for (const std::string& name : names) {
      organisation_ = organisation_id(name);
      insert_.execute(true);
      ++position_;
    }
  }

 private:
  std::string owner_;
  std::string organisation_;
  std::string role_;
  int position_ = 0;
  soci::statement insert_;
};

void write_targets(soci::session& sql, const plans::Indicator& indicator) {
  if (indicator.targets.empty()) {
    return;
  }
  int position = 0;
  int year = 0;
  std::string kind;
  std::string op;
  double value = 0;
  int reference_year = 0;
  std::string parts;
  std::string text;
  std::string sentence;
  soci::indicator op_ind = soci::i_ok;
  soci::indicator value_ind = soci::i_ok;
  soci::indicator reference_year_ind = soci::i_ok;
  soci::statement insert =
      (sql.prepare << "INSERT INTO targets (indicator_id, position, year, kind, op, value,"
                      " reference_year, parts_json, text, sentence)"
                      " VALUES (:indicator_id, :position, :year, :kind, :op, :value,"
                      " :reference_year, :parts_json, :text, :sentence)",
       soci::use(indicator.id), soci::use(position), soci::use(year), soci::use(kind),
       soci::use(op, op_ind), soci::use(value, value_ind),
       soci::use(reference_year, reference_year_ind), soci::use(parts), soci::use(text),
       soci::use(sentence));
  for (const plans::Target& target : indicator.targets) {
    const plans::Expression& e = target.expression;
    year = target.year;
    kind = plans::to_string(e.kind);
    op = e.op ? std::string(plans::to_string(*e.op)) : std::string();
    op_ind = null_if(!e.op);
    value = e.value.value_or(0);
    value_ind = null_if(!e.value);
    reference_year = e.reference_year.value_or(0);
    reference_year_ind = null_if(!e.reference_year);
    parts = numbers_to_json(e.parts);
    text = e.text;
    sentence = target.sentence;
    insert.execute(true);
    ++position;
  }
}

void write_indicators(soci::session& sql, const plans::Plan& plan) {
  std::string id;
  int position = 0;
  std::string domain;
  std::string name;
  std::string unit;
  std::string baseline;
  std::string direction;
  int direction_overridden = 0;
  std::string attribute;
  std::string notes;
  std::string source_file;
  int source_line = 0;
  soci::indicator unit_ind = soci::i_ok;
  soci::indicator baseline_ind = soci::i_ok;
  soci::indicator attribute_ind = soci::i_ok;
  soci::statement insert =
      (sql.prepare << "INSERT INTO indicators (id, plan_id, position, domain, name, unit,"
                      " baseline_json, direction, direction_overridden, attribute, notes_json,"
                      " source_file, source_line)"
                      " VALUES (:id, :plan_id, :position, :domain, :name, :unit, :baseline_json,"
                      " :direction, :direction_overridden, :attribute, :notes_json,"
                      " :source_file, :source_line)",
       soci::use(id), soci::use(plan.id), soci::use(position), soci::use(domain), soci::use(name),
       soci::use(unit, unit_ind), soci::use(baseline, baseline_ind), soci::use(direction),
       soci::use(direction_overridden), soci::use(attribute, attribute_ind), soci::use(notes),
       soci::use(source_file), soci::use(source_line));
  UnitWriter units(sql, "indicator_units", "indicator_id");
  for (const plans::Indicator& indicator : plan.indicators) {
    id = indicator.id;
    domain = indicator.domain;
    name = indicator.name;
    unit = indicator.unit.value_or("");
    unit_ind = null_if(!indicator.unit);
    baseline = indicator.baseline ? baseline_to_json(*indicator.baseline) : std::string();
    baseline_ind = null_if(!indicator.baseline);
    direction = plans::to_string(indicator.direction);
    direction_overridden = indicator.direction_overridden ? 1 : 0;
    attribute = indicator.attribute ? std::string(plans::to_string(*indicator.attribute)) : "";
    attribute_ind = null_if(!indicator.attribute);
    notes = strings_to_json(indicator.notes);
    source_file = indicator.source.file;
    source_line = indicator.source.line;
    insert.execute(true);
    write_targets(sql, indicator);
    units.write(indicator.id, indicator.lead_units, "lead");
    ++position;
  }
}

void write_tasks(soci::session& sql, const plans::Plan& plan) {
  std::string id;
  int position = 0;
  std::string title;
  std::string source_file;
  int source_line = 0;
  soci::statement insert =
      (sql.prepare << "INSERT INTO tasks (id, plan_id, position, title, source_file,"
                      " source_line)"
                      " VALUES (:id, :plan_id, :position, :title, :source_file, :source_line)",
       soci::use(id), soci::use(plan.id), soci::use(position), soci::use(title),
       soci::use(source_file), soci::use(source_line));
  UnitWriter units(sql, "task_units", "task_id");
  for (const plans::Task& task : plan.tasks) {
    id = task.id;
    title = task.title;
    source_file = task.source.file;
    source_line = task.source.line;
    insert.execute(true);
    units.write(task.id, task.lead_units, "lead");
    units.write(task.id, task.supporting_units, "supporting");
    ++position;
  }
}

// Directions a user set with `plan direction`, by indicator id; a re-import keeps them.
std::map<std::string, plans::Direction> stored_overrides(soci::session& sql,
                                                         const std::string& plan_id) {
  std::map<std::string, plans::Direction> overrides;
  std::string id;
  std::string direction;
  soci::statement select = (sql.prepare << "SELECT id, direction FROM indicators"
                                           " WHERE plan_id = :plan AND direction_overridden = 1",
                            soci::use(plan_id), soci::into(id), soci::into(direction));
  select.execute();
  while (select.fetch()) {
    if (auto parsed = plans::direction_from(direction)) overrides[id] = *parsed;
  }
  return overrides;
}

void write_plan(Database& db, const plans::Plan& incoming) {
  soci::session& sql = db.session();
  plans::Plan plan = incoming;
  for (const auto& [id, direction] : stored_overrides(sql, plan.id)) {
    for (plans::Indicator& indicator : plan.indicators) {
      if (indicator.id == id && !indicator.direction_overridden) {
        plans::override_direction(indicator, direction);
      }
    }
  }
  ensure_organisations(db, unit_names(plan));
  upsert_plan_row(sql, plan);
  // Targets and units go with their indicators and tasks (ON DELETE CASCADE).
  sql << "DELETE FROM indicators WHERE plan_id = :id", soci::use(plan.id);
  sql << "DELETE FROM tasks WHERE plan_id = :id", soci::use(plan.id);
  write_indicators(sql, plan);
  write_tasks(sql, plan);
}

}  // namespace

Status save_plan(Database& db, const plans::Plan& plan) {
  if (Status checked = check(plan); !checked) {
    return checked;
  }
  try {
    return db.transaction([&]() -> Status {
      write_plan(db, plan);
      return Ok{};
    });
  } catch (const std::exception& e) {
    return save_error(plan, e.what());
  }
}

Status save_plans(Database& db, const std::vector<plans::Plan>& plans) {
  try {
    return db.transaction([&]() -> Status {
      for (const plans::Plan& plan : plans) {
        if (Status saved = save_plan(db, plan); !saved) {
          return saved;
        }
      }
      return Ok{};
    });
  } catch (const std::exception& e) {
    return make_error(std::string("无法保存规划: ") + e.what());
  }
}

Result<std::vector<PlanSummary>> list_plans(Database& db) {
  try {
    std::vector<PlanSummary> plans;
    PlanSummary row;
    std::string issued_on;
    soci::indicator issued_on_ind = soci::i_ok;
    long long indicator_count = 0;
    long long task_count = 0;
    soci::statement select =
        (db.session().prepare
             << "SELECT p.id, p.title, p.doc_number, p.issuer, p.issued_on, p.kind,"
                " (SELECT COUNT(*) FROM indicators i WHERE i.plan_id = p.id),"
                " (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id)"
                " FROM plans p",
         soci::into(row.id), soci::into(row.title), soci::into(row.doc_number),
         soci::into(row.issuer), soci::into(issued_on, issued_on_ind), soci::into(row.kind),
         soci::into(indicator_count), soci::into(task_count));
    select.execute();
    while (select.fetch()) {
      row.issued_on = issued_on_ind == soci::i_ok ? std::optional(issued_on) : std::nullopt;
      row.indicator_count = static_cast<int>(indicator_count);
      row.task_count = static_cast<int>(task_count);
      plans.push_back(row);
    }
    // Sorted here rather than in SQL: NULL placement and text collation differ by engine.
    std::sort(plans.begin(), plans.end(), [](const PlanSummary& a, const PlanSummary& b) {
      if (a.issued_on.has_value() != b.issued_on.has_value()) {
        return a.issued_on.has_value();
      }
      return std::tie(a.issued_on, a.title, a.id) < std::tie(b.issued_on, b.title, b.id);
    });
    return plans;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取规划列表: ") + e.what());
  }
}

}  // namespace zhiyou::store
