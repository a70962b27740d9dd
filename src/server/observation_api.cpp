// Observations (实际值): a unit reporter reports figures for its own unit's indicators; the
// quality office and admins for any. Checked by monitoring's own rules (region, period within
// the plan, value, percentage) and stored with a revision and an audit entry.
#include <boost/json.hpp>

#include "audit/audit_store.hpp"
#include "core/json.hpp"
#include "monitoring/observation_import.hpp"
#include "monitoring/observation_store.hpp"
#include "server/access.hpp"
#include "server/handlers.hpp"
#include "server/json_input.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::server {
namespace {

// The plan holding indicator `id`, or nullopt.
std::optional<plans::Plan> plan_of_indicator(store::Database& db, std::string_view id) {
  auto all = store::load_all_plans(db);
  if (!all.ok()) fail(all.error());
  for (plans::Plan& plan : *all) {
    for (const plans::Indicator& indicator : plan.indicators) {
      if (indicator.id == id) return std::move(plan);
    }
  }
  return std::nullopt;
}

const plans::Indicator& indicator_in(const plans::Plan& plan, std::string_view id) {
  for (const plans::Indicator& indicator : plan.indicators) {
    if (indicator.id == id) return indicator;
  }
  throw std::logic_error("indicator not in plan");
}

boost::json::object observation_json(const monitoring::Observation& o) {
  return {{"indicator_id", o.indicator_id}, {"region", o.region}, {"period", o.period.to_string()},
          {"value", json::number(o.value)}, {"source", o.source}, {"reported_by", o.reported_by},
          {"reported_at", o.reported_at}};
}

// The value field as the text a table cell would hold, so that monitoring's checks apply
// unchanged (a number, or a string such as "95.2").
Result<std::string> value_text(const boost::json::object& body) {
  const boost::json::value* value = body.if_contains("value");
  if (value == nullptr || value->is_null()) return make_error("缺少字段 value", "value");
  if (value->is_number()) return json::serialize(json::number(value->to_number<double>()));
  if (value->is_string()) return std::string(value->as_string());
  return make_error("字段 value 应为数字", "value");
}

}  // namespace

Response report_observation(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto indicator_id = required_string(*body, "indicator_id");
  if (!indicator_id.ok()) return invalid_field(indicator_id.error());
  auto region = required_string(*body, "region");
  if (!region.ok()) return invalid_field(region.error());
  auto period = required_string(*body, "period");
  if (!period.ok()) return invalid_field(period.error());
  auto value = value_text(*body);
  if (!value.ok()) return invalid_field(value.error());
  auto source = optional_string(*body, "source");
  if (!source.ok()) return invalid_field(source.error());

  const auto plan = plan_of_indicator(ctx.db(), *indicator_id);
  if (!plan) {
    return error_for(http::status::not_found, "找不到指标「" + *indicator_id + "」",
                     "indicator_id");
  }
  const plans::Indicator& indicator = indicator_in(*plan, *indicator_id);
  if (!may_report_on(*ctx.caller, indicator.lead_units)) {
    return error_for(http::status::forbidden,
                     "「" + indicator.name + "」不是" + ctx.caller->unit + "负责的指标，不能填报");
  }

  // One row through the same checks as a CSV or Excel upload.
  tabular::Table table;
  table.rows.push_back({1, {"indicator_id", "region", "period", "value", "source"}});
  table.rows.push_back({2, {*indicator_id, *region, *period, *value, source->value_or("")}});
  monitoring::ImportOptions options;
  options.default_source = "网页填报";
  options.reported_by = ctx.actor();
  options.plan_id = plan->id;
  auto checked = monitoring::check_observations({*plan}, table, options);
  if (!checked.ok()) return invalid_field(checked.error());
  if (!checked->errors.empty()) {
    return error_for(http::status::unprocessable_entity, checked->errors.front().reason, "body");
  }
  if (checked->observations.size() != 1) {
    return error_for(http::status::unprocessable_entity, "没有可保存的数值", "value");
  }
  const monitoring::Observation& observation = checked->observations.front();

  monitoring::SaveCounts counts;
  Status saved = ctx.db().transaction([&]() -> Status {
    auto history = monitoring::observation_history(ctx.db(), observation.indicator_id,
                                                   observation.region, observation.period);
    if (!history.ok()) return history.error();
    std::string before = "null";
    if (!history->empty()) {
      const monitoring::Revision& last = history->back();
      before = json::serialize(boost::json::object{{"value", json::number(last.new_value)},
                                                   {"source", last.new_source},
                                                   {"reported_by", last.changed_by}});
    }
    auto result = monitoring::save_observations(ctx.db(), {observation});
    if (!result.ok()) return result.error();
    counts = *result;
    if (counts.unchanged > 0) return Ok{};
    return audit::append(ctx.db(), {ctx.actor(), "observation.report",
                                    observation.indicator_id + " " + observation.region + " " +
                                        observation.period.to_string(),
                                    before, json::serialize(observation_json(observation))});
  });
  if (!saved.ok()) return invalid_field(saved.error());
  const char* result = counts.inserted > 0  ? "inserted"
                       : counts.revised > 0 ? "revised"
                                            : "unchanged";
  return json_response(
      http::status::created,
      boost::json::object{{"observation", observation_json(observation)}, {"result", result}});
}

Response list_plan_observations(RequestContext& ctx) {
  auto plan = store::load_plan(ctx.db(), ctx.params.at("id"));
  if (!plan.ok()) return error_for(http::status::conflict, plan.error().describe());
  if (!*plan)
    return error_for(http::status::not_found, "找不到规划「" + ctx.params.at("id") + "」");
  auto observations = monitoring::load_observations(ctx.db(), (*plan)->id);
  if (!observations.ok()) fail(observations.error());
  boost::json::array list;
  for (const monitoring::Observation& o : *observations) {
    // A unit reporter sees its own unit's indicators only.
    if (!may_report_on(*ctx.caller, indicator_in(**plan, o.indicator_id).lead_units)) continue;
    list.push_back(observation_json(o));
  }
  return json_response(http::status::ok, boost::json::object{{"plan_id", (*plan)->id},
                                                             {"observations", std::move(list)}});
}

}  // namespace zhiyou::server
