// Reading whole plans back: load_plan and load_all_plans from plan_store.hpp.
#include <soci/soci.h>

#include <map>

#include "store/database.hpp"
#include "store/plan_columns.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::store {
namespace {

std::optional<std::string> optional_text(const std::string& text, soci::indicator ind) {
  return ind == soci::i_ok ? std::optional(text) : std::nullopt;
}

// Throws std::runtime_error when a column holds text the store did not write; read_plan turns
// that into an error Result along with SQL errors.
template <typename T>
T decoded(Result<T> result) {
  if (!result) {
    throw std::runtime_error(result.error().message);
  }
  return std::move(result).value();
}

std::optional<plans::Plan> read_header(soci::session& sql, const std::string& id) {
  plans::Plan plan;
  std::string issued_on;
  soci::indicator issued_on_ind = soci::i_null;
  int start_year = 0;
  soci::indicator start_year_ind = soci::i_null;
  int end_year = 0;
  soci::indicator end_year_ind = soci::i_null;
  sql << "SELECT id, title, doc_number, issuer, issued_on, kind, start_year, end_year, source_file,"
         " source_line FROM plans WHERE id = :id",
      soci::into(plan.id), soci::into(plan.title), soci::into(plan.doc_number),
      soci::into(plan.issuer), soci::into(issued_on, issued_on_ind), soci::into(plan.kind),
      soci::into(start_year, start_year_ind), soci::into(end_year, end_year_ind),
      soci::into(plan.source.file), soci::into(plan.source.line), soci::use(id);
  if (!sql.got_data()) {
    return std::nullopt;
  }
  plan.issued_on = optional_text(issued_on, issued_on_ind);
  if (start_year_ind == soci::i_ok) plan.start_year = start_year;
  if (end_year_ind == soci::i_ok) plan.end_year = end_year;
  return plan;
}

void read_indicators(soci::session& sql, plans::Plan& plan) {
  plans::Indicator row;
  std::string unit;
  std::string baseline;
  std::string direction;
  int direction_overridden = 0;
  std::string attribute;
  std::string notes;
  soci::indicator unit_ind = soci::i_null;
  soci::indicator baseline_ind = soci::i_null;
  soci::indicator attribute_ind = soci::i_null;
  soci::statement select =
      (sql.prepare << "SELECT id, domain, name, unit, baseline_json, direction,"
                      " direction_overridden, attribute, notes_json, source_file, source_line"
                      " FROM indicators WHERE plan_id = :plan_id ORDER BY position",
       soci::into(row.id), soci::into(row.domain), soci::into(row.name), soci::into(unit, unit_ind),
       soci::into(baseline, baseline_ind), soci::into(direction), soci::into(direction_overridden),
       soci::into(attribute, attribute_ind), soci::into(notes), soci::into(row.source.file),
       soci::into(row.source.line), soci::use(plan.id));
  select.execute();
  while (select.fetch()) {
    plans::Indicator indicator;
    indicator.id = row.id;
    indicator.domain = row.domain;
    indicator.name = row.name;
    indicator.unit = optional_text(unit, unit_ind);
    if (baseline_ind == soci::i_ok) {
      indicator.baseline = decoded(baseline_from_json(baseline));
    }
    indicator.direction = decoded(direction_column(direction));
    indicator.direction_overridden = direction_overridden != 0;
    if (attribute_ind == soci::i_ok) {
      indicator.attribute = decoded(attribute_column(attribute));
    }
    indicator.notes = decoded(strings_from_json(notes));
    indicator.source = row.source;
    plan.indicators.push_back(std::move(indicator));
  }
}

void read_targets(soci::session& sql, plans::Plan& plan,
                  const std::map<std::string, plans::Indicator*>& by_id) {
  std::string indicator_id;
  plans::Target target;
  std::string kind;
  std::string op;
  double value = 0;
  int reference_year = 0;
  std::string parts;
  soci::indicator op_ind = soci::i_null;
  soci::indicator value_ind = soci::i_null;
  soci::indicator reference_year_ind = soci::i_null;
  soci::statement select =
      (sql.prepare << "SELECT t.indicator_id, t.year, t.kind, t.op, t.value, t.reference_year,"
                      " t.parts_json, t.text, t.sentence"
                      " FROM targets t JOIN indicators i ON i.id = t.indicator_id"
                      " WHERE i.plan_id = :plan_id ORDER BY i.position, t.position",
       soci::into(indicator_id), soci::into(target.year), soci::into(kind), soci::into(op, op_ind),
       soci::into(value, value_ind), soci::into(reference_year, reference_year_ind),
       soci::into(parts), soci::into(target.expression.text), soci::into(target.sentence),
       soci::use(plan.id));
  select.execute();
  while (select.fetch()) {
    plans::Target each;
    each.year = target.year;
    each.sentence = target.sentence;
    plans::Expression& e = each.expression;
    e.kind = decoded(target_kind_column(kind));
    if (op_ind == soci::i_ok) {
      e.op = decoded(comparator_column(op));
    }
    if (value_ind == soci::i_ok) {
      e.value = value;
    }
    if (reference_year_ind == soci::i_ok) {
      e.reference_year = reference_year;
    }
    e.parts = decoded(numbers_from_json(parts));
    e.text = target.expression.text;
    by_id.at(indicator_id)->targets.push_back(std::move(each));
  }
}

void read_indicator_units(soci::session& sql, plans::Plan& plan,
                          const std::map<std::string, plans::Indicator*>& by_id) {
  std::string indicator_id;
  std::string name;
  soci::statement select = (sql.prepare << "SELECT u.indicator_id, o.name FROM indicator_units u"
                                           " JOIN indicators i ON i.id = u.indicator_id"
                                           " JOIN organisations o ON o.id = u.organisation_id"
                                           " WHERE i.plan_id = :plan_id AND u.role = 'lead'"
                                           " ORDER BY i.position, u.position",
                            soci::into(indicator_id), soci::into(name), soci::use(plan.id));
  select.execute();
  while (select.fetch()) {
    by_id.at(indicator_id)->lead_units.push_back(name);
  }
}

void read_tasks(soci::session& sql, plans::Plan& plan) {
  plans::Task row;
  soci::statement select = (sql.prepare << "SELECT id, title, source_file, source_line"
                                           " FROM tasks WHERE plan_id = :plan_id ORDER BY position",
                            soci::into(row.id), soci::into(row.title), soci::into(row.source.file),
                            soci::into(row.source.line), soci::use(plan.id));
  select.execute();
  while (select.fetch()) {
    plan.tasks.push_back(row);
  }
  std::map<std::string, plans::Task*> by_id;
  for (plans::Task& task : plan.tasks) {
    by_id[task.id] = &task;
  }
  std::string task_id;
  std::string role;
  std::string name;
  soci::statement units =
      (sql.prepare << "SELECT u.task_id, u.role, o.name FROM task_units u"
                      " JOIN tasks t ON t.id = u.task_id"
                      " JOIN organisations o ON o.id = u.organisation_id"
                      " WHERE t.plan_id = :plan_id ORDER BY t.position, u.role, u.position",
       soci::into(task_id), soci::into(role), soci::into(name), soci::use(plan.id));
  units.execute();
  while (units.fetch()) {
    plans::Task& task = *by_id.at(task_id);
    (role == "lead" ? task.lead_units : task.supporting_units).push_back(name);
  }
}

std::optional<plans::Plan> read_plan(soci::session& sql, const std::string& id) {
  std::optional<plans::Plan> plan = read_header(sql, id);
  if (!plan) {
    return std::nullopt;
  }
  read_indicators(sql, *plan);
  std::map<std::string, plans::Indicator*> by_id;
  for (plans::Indicator& indicator : plan->indicators) {
    by_id[indicator.id] = &indicator;
  }
  read_targets(sql, *plan, by_id);
  read_indicator_units(sql, *plan, by_id);
  read_tasks(sql, *plan);
  return plan;
}

// The ids of the plans whose id, or else whose doc_number, is `key`.
std::vector<std::string> matching_ids(soci::session& sql, const std::string& key) {
  std::string id;
  sql << "SELECT id FROM plans WHERE id = :key", soci::into(id), soci::use(key);
  if (sql.got_data()) {
    return {id};
  }
  std::vector<std::string> ids;
  if (key.empty()) {
    return ids;
  }
  soci::statement select =
      (sql.prepare << "SELECT id FROM plans WHERE doc_number = :key ORDER BY id", soci::into(id),
       soci::use(key));
  select.execute();
  while (select.fetch()) {
    ids.push_back(id);
  }
  return ids;
}

}  // namespace

Result<std::optional<plans::Plan>> load_plan(Database& db, std::string_view id_or_doc_number) {
  const std::string key(id_or_doc_number);
  try {
    const std::vector<std::string> ids = matching_ids(db.session(), key);
    if (ids.empty()) {
      return std::optional<plans::Plan>();
    }
    if (ids.size() > 1) {
      std::string list;
      for (const std::string& id : ids) {
        list += (list.empty() ? "" : ", ") + id;
      }
      return make_error("文号 " + key + " 对应多个规划（" + list + "），请用规划编号指定");
    }
    return read_plan(db.session(), ids.front());
  } catch (const std::exception& e) {
    return make_error("无法读取规划 " + key + ": " + e.what());
  }
}

Result<std::vector<plans::Plan>> load_all_plans(Database& db) {
  auto summaries = list_plans(db);
  if (!summaries) {
    return summaries.error();
  }
  std::vector<plans::Plan> all;
  try {
    for (const PlanSummary& summary : *summaries) {
      if (std::optional<plans::Plan> plan = read_plan(db.session(), summary.id)) {
        all.push_back(std::move(*plan));
      }
    }
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取规划: ") + e.what());
  }
  return all;
}

}  // namespace zhiyou::store
