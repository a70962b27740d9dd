// Observations in bulk and their history: the Excel/CSV upload a unit sends (all rows valid
// or nothing saved, every bad row named), the fill-in template it downloads, the figures of
// a plan filtered by period and region, and one figure's revisions.
#include <boost/json.hpp>

#include "audit/observation_audit.hpp"
#include "core/json.hpp"
#include "monitoring/observation_import.hpp"
#include "monitoring/observation_store.hpp"
#include "monitoring/observation_template.hpp"
#include "registry/region.hpp"
#include "server/access.hpp"
#include "server/handlers.hpp"
#include "server/xlsx_download.hpp"
#include "store/plan_store.hpp"
#include "tabular/read_table.hpp"
#include "tabular/xlsx_writer.hpp"

namespace zhiyou::server {
namespace {

// The plan named by the query parameter `plan` (id or 文号), or the response saying why not.
std::variant<plans::Plan, Response> plan_from_query(RequestContext& ctx, const std::string& id) {
  if (id.empty()) return error_for(http::status::bad_request, "缺少参数 plan（规划编号）", "plan");
  auto plan = store::load_plan(ctx.db(), id);
  if (!plan.ok()) fail(plan.error());
  if (!*plan) return error_for(http::status::not_found, "找不到规划「" + id + "」", "plan");
  return std::move(**plan);
}

const plans::Indicator* find_indicator(const plans::Plan& plan, std::string_view id) {
  for (const plans::Indicator& indicator : plan.indicators) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

boost::json::object observation_json(const monitoring::Observation& o) {
  return {{"indicator_id", o.indicator_id}, {"region", o.region}, {"period", o.period.to_string()},
          {"value", json::number(o.value)}, {"source", o.source}, {"reported_by", o.reported_by},
          {"reported_at", o.reported_at}};
}

std::string canonical_region(const std::string& text) {
  if (text.empty() || text == registry::kWholeCity) return text;
  const auto region = registry::find_region(text);
  return region ? std::string(region->name) : text;
}

}  // namespace

Response list_observations(RequestContext& ctx) {
  auto plan = plan_from_query(ctx, query_value(ctx, "plan"));
  if (auto* response = std::get_if<Response>(&plan)) return std::move(*response);
  const plans::Plan& p = std::get<plans::Plan>(plan);
  const std::string period_text = query_value(ctx, "period");
  std::optional<Period> period;
  if (!period_text.empty()) {
    period = Period::parse(period_text);
    if (!period) {
      return error_for(http::status::bad_request, "无法识别的期间「" + period_text + "」",
                       "period");
    }
  }
  const std::string region = canonical_region(query_value(ctx, "region"));
  auto observations = monitoring::load_observations(ctx.db(), p.id);
  if (!observations.ok()) fail(observations.error());
  boost::json::array list;
  for (const monitoring::Observation& o : *observations) {
    const plans::Indicator* indicator = find_indicator(p, o.indicator_id);
    // A unit reporter sees its own unit's indicators only.
    if (indicator == nullptr || !may_report_on(*ctx.caller, indicator->lead_units)) continue;
    if (period && o.period.to_string() != period->to_string()) continue;
    if (!region.empty() && o.region != region) continue;
    list.push_back(observation_json(o));
  }
  return json_response(http::status::ok,
                       boost::json::object{{"plan_id", p.id}, {"observations", std::move(list)}});
}

Response observation_revisions(RequestContext& ctx) {
  const std::string indicator = query_value(ctx, "indicator");
  const auto period = Period::parse(query_value(ctx, "period"));
  const std::string region = canonical_region(query_value(ctx, "region"));
  if (indicator.empty() || region.empty() || !period) {
    return error_for(http::status::bad_request, "需要参数 indicator、region 和 period",
                     indicator.empty() ? "indicator"
                     : region.empty()  ? "region"
                                       : "period");
  }
  auto history = monitoring::observation_history(ctx.db(), indicator, region, *period);
  if (!history.ok()) fail(history.error());
  boost::json::array revisions;
  for (const monitoring::Revision& r : *history) {
    revisions.push_back(boost::json::object{{"revision", r.number},
                                            {"at", r.changed_at},
                                            {"by", r.changed_by},
                                            {"from", json::optional_number(r.old_value)},
                                            {"to", json::number(r.new_value)},
                                            {"source", r.new_source}});
  }
  return json_response(http::status::ok, boost::json::object{{"revisions", std::move(revisions)}});
}

Response import_observations(RequestContext& ctx) {
  auto plan = plan_from_query(ctx, query_value(ctx, "plan"));
  if (auto* response = std::get_if<Response>(&plan)) return std::move(*response);
  const plans::Plan& p = std::get<plans::Plan>(plan);
  const std::string name = query_value(ctx, "name").empty() ? "上传文件" : query_value(ctx, "name");
  auto table = tabular::parse_table(ctx.request.body(), name);
  if (!table.ok()) {
    return error_for(http::status::unprocessable_entity, table.error().describe(), "body");
  }
  monitoring::ImportOptions options;
  options.default_source = name;
  options.reported_by = ctx.actor();
  options.plan_id = p.id;
  auto checked = monitoring::check_observations({p}, table->table, options);
  if (!checked.ok()) {
    return error_for(http::status::unprocessable_entity, checked.error().describe(), "body");
  }
  boost::json::array rows;
  for (const monitoring::RowError& e : checked->errors) {
    rows.push_back(boost::json::object{{"row", e.row}, {"message", e.reason}});
  }
  // A unit reporter's file may hold its own unit's indicators only.
  for (std::size_t i = 0; i < checked->observations.size(); ++i) {
    const plans::Indicator* indicator = find_indicator(p, checked->observations[i].indicator_id);
    if (indicator != nullptr && !may_report_on(*ctx.caller, indicator->lead_units)) {
      rows.push_back(boost::json::object{
          {"row", checked->rows[i]},
          {"message", "「" + indicator->name + "」不是" + ctx.caller->unit + "负责的指标"}});
    }
  }
  if (!rows.empty()) {
    Response response =
        error_for(http::status::unprocessable_entity,
                  "有 " + std::to_string(rows.size()) + " 行有误，未保存任何数据", "body");
    auto body = boost::json::parse(response.body()).as_object();
    body["rows"] = std::move(rows);
    response.body() = json::serialize(body);
    response.prepare_payload();
    return response;
  }
  auto saved = audit::import_observations_audited(ctx.db(), checked->observations, ctx.actor(),
                                                  p.id + " " + name);
  if (!saved.ok()) fail(saved.error());
  const monitoring::SaveCounts& counts = *saved;
  return json_response(http::status::ok,
                       boost::json::object{{"imported", counts.inserted + counts.revised},
                                           {"inserted", counts.inserted},
                                           {"revised", counts.revised},
                                           {"unchanged", counts.unchanged},
                                           {"empty_rows", checked->empty_rows}});
}

Response download_template(RequestContext& ctx) {
  auto plan = plan_from_query(ctx, ctx.params.at("id"));
  if (auto* response = std::get_if<Response>(&plan)) return std::move(*response);
  const plans::Plan& p = std::get<plans::Plan>(plan);
  const auto period = Period::parse(query_value(ctx, "period"));
  if (!period) {
    return error_for(http::status::bad_request, "需要参数 period（例：2025）", "period");
  }
  monitoring::TemplateRequest request{*period, std::nullopt};
  if (!query_value(ctx, "unit").empty()) request.unit = query_value(ctx, "unit");
  // A unit reporter always gets its own unit's template.
  if (ctx.caller->role == people::Role::unit_reporter) request.unit = ctx.caller->unit;
  auto workbook = monitoring::observation_template(p, request);
  if (!workbook.ok()) {
    return error_for(http::status::unprocessable_entity, workbook.error().describe(), "unit");
  }
  return xlsx_download(
      [&](const std::string& path) { return tabular::xlsx::write_xlsx(path, *workbook); },
      "template-" + p.id + "-" + period->to_string() + ".xlsx");
}

}  // namespace zhiyou::server
