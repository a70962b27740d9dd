// Plans, their indicators and tasks; importing official texts; direction overrides.
#include <boost/json.hpp>

#include "audit/plan_audit.hpp"
#include "core/json.hpp"
#include "plans/plan_json.hpp"
#include "plans/plan_text_parser.hpp"
#include "server/handlers.hpp"
#include "server/json_input.hpp"
#include "store/plan_list_json.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::server {
namespace {

// The plan named by {id} (an id or a 文号), or nullopt after filling `missing` with a 404.
std::optional<plans::Plan> find_plan(RequestContext& ctx, Response& missing) {
  auto plan = store::load_plan(ctx.db(), ctx.params.at("id"));
  if (!plan.ok()) {
    missing = error_for(http::status::conflict, plan.error().describe());  // a 文号 naming several
    return std::nullopt;
  }
  if (!*plan) {
    missing = error_for(http::status::not_found, "找不到规划「" + ctx.params.at("id") + "」");
    return std::nullopt;
  }
  return std::move(**plan);
}

}  // namespace

Response list_plans(RequestContext& ctx) {
  auto plans = store::list_plans(ctx.db());
  if (!plans.ok()) fail(plans.error());
  return json_response(http::status::ok, store::plan_list_json(*plans));
}

Response get_plan(RequestContext& ctx) {
  Response missing;
  auto plan = find_plan(ctx, missing);
  if (!plan) return missing;
  return json_response(http::status::ok, plans::plans_to_json({*plan}));
}

Response get_plan_indicators(RequestContext& ctx) {
  Response missing;
  auto plan = find_plan(ctx, missing);
  if (!plan) return missing;
  boost::json::array list;
  for (const plans::Indicator& indicator : plan->indicators)
    list.push_back(plans::to_json(indicator));
  return json_response(http::status::ok,
                       boost::json::object{{"plan_id", plan->id}, {"indicators", std::move(list)}});
}

Response get_plan_tasks(RequestContext& ctx) {
  Response missing;
  auto plan = find_plan(ctx, missing);
  if (!plan) return missing;
  boost::json::array list;
  for (const plans::Task& task : plan->tasks) list.push_back(plans::to_json(task));
  return json_response(http::status::ok,
                       boost::json::object{{"plan_id", plan->id}, {"tasks", std::move(list)}});
}

Response import_plans(RequestContext& ctx) {
  const auto name_param = ctx.query.find("name");
  std::string name = name_param == ctx.query.end() || name_param->second.empty()
                         ? std::string("upload.txt")
                         : name_param->second;
  if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) {
    name = name.substr(slash + 1);  // the source is a file name, never a path
  }
  if (ctx.request.body().empty()) {
    return error_for(http::status::bad_request, "请求体为空：请上传规划正式文本（UTF-8）", "body");
  }
  auto parsed = plans::parse_plan_text(ctx.request.body(), name, name);
  if (!parsed.ok()) {
    return error_for(http::status::unprocessable_entity, parsed.error().describe(), "body");
  }
  const auto confirm = ctx.query.find("confirm");
  const bool store_it = confirm != ctx.query.end() && confirm->second == "1";
  if (store_it) {
    Status saved = audit::save_plans_audited(ctx.db(), parsed->plans, ctx.actor(), "plan.import");
    if (!saved.ok()) {
      return error_for(http::status::unprocessable_entity, saved.error().describe(), "body");
    }
  }
  boost::json::value out = plans::plans_to_json(parsed->plans);
  boost::json::array repairs;
  for (const std::string& repair : parsed->repairs) repairs.emplace_back(repair);
  out.as_object()["repairs"] = std::move(repairs);
  out.as_object()["stored"] = store_it;
  return json_response(store_it ? http::status::created : http::status::ok, out);
}

Response set_indicator_direction(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto text = required_string(*body, "direction");
  if (!text.ok()) return invalid_field(text.error());
  const auto direction = plans::direction_from(*text);
  if (!direction) {
    return error_for(http::status::unprocessable_entity,
                     "方向应为 up、down 或 none，而不是「" + *text + "」", "direction");
  }
  const std::string& id = ctx.params.at("id");
  Status changed = audit::override_direction_audited(ctx.db(), id, *direction, ctx.actor());
  if (!changed.ok()) {
    if (changed.error().place == "indicator_id") {
      return error_for(http::status::not_found, changed.error().message);
    }
    fail(changed.error());
  }
  return json_response(http::status::ok, boost::json::object{{"id", id}, {"direction", *text}});
}

}  // namespace zhiyou::server
