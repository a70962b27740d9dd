// The handlers the route table (routes.cpp) points at, one file per resource:
// system_api.cpp, session_api.cpp, plan_api.cpp, user_api.cpp, audit_api.cpp,
// product_api.cpp, …
#pragma once

#include <boost/json/object.hpp>

#include <vector>

#include "server/api.hpp"
#include "server/route.hpp"
#include "trace/resolver/resolution.hpp"

namespace zhiyou::server {

// The route table: every route the server answers, in one place.
std::vector<Route> api_routes();

Response get_health(RequestContext& ctx);
Response get_metrics(RequestContext& ctx);
Response get_openapi(RequestContext& ctx);

Response open_session(RequestContext& ctx);
Response close_session(RequestContext& ctx);
Response get_me(RequestContext& ctx);

Response list_plans(RequestContext& ctx);
Response get_plan(RequestContext& ctx);
Response get_plan_indicators(RequestContext& ctx);
Response get_plan_tasks(RequestContext& ctx);
Response import_plans(RequestContext& ctx);
Response set_indicator_direction(RequestContext& ctx);

Response report_observation(RequestContext& ctx);
Response list_plan_observations(RequestContext& ctx);

Response list_observations(RequestContext& ctx);
Response observation_revisions(RequestContext& ctx);
Response import_observations(RequestContext& ctx);
Response download_template(RequestContext& ctx);

Response get_plan_evaluation(RequestContext& ctx);
Response get_plan_scorecards(RequestContext& ctx);
Response get_plan_ranking(RequestContext& ctx);
Response get_plan_report(RequestContext& ctx);
Response get_plan_trajectory(RequestContext& ctx);

Response capture_epcis(RequestContext& ctx);
Response get_capture_job(RequestContext& ctx);
Response list_epcis_events(RequestContext& ctx);

Response list_users(RequestContext& ctx);
Response create_user(RequestContext& ctx);
Response update_user(RequestContext& ctx);

Response list_audit(RequestContext& ctx);
Response verify_audit(RequestContext& ctx);

Response resolve_code(RequestContext& ctx);
Response list_recall_notices(RequestContext& ctx);
Response announce_recall(RequestContext& ctx);
Response get_recall_scope(RequestContext& ctx);
Response record_spot_check(RequestContext& ctx);
Response list_counterfeit_signals(RequestContext& ctx);

Response list_products(RequestContext& ctx);
Response register_product(RequestContext& ctx);
Response list_product_batches(RequestContext& ctx);
Response list_product_events(RequestContext& ctx);
Response issue_batch_codes(RequestContext& ctx);
Response download_batch_codes(RequestContext& ctx);

// A recall notice as GET /api/v1/recalls lists it (also in a product's batches answer).
boost::json::object recall_notice_json(const trace::resolver::Recall& recall);

// Whether the caller signed in with an enterprise account (acts only for its own products).
bool is_enterprise(const RequestContext& ctx);

// The query parameter `name` as decoded, or "" when absent.
std::string query_value(const RequestContext& ctx, const std::string& name);

// The query parameter `name` as a whole non-negative integer; `fallback` when absent or
// empty, nullopt when it is anything else (the caller answers 400 naming it).
std::optional<long long> query_number(const RequestContext& ctx, const std::string& name,
                                      long long fallback);

// For handlers whose store call failed for a reason the user did not cause.
[[noreturn]] void fail(const Error& error);

}  // namespace zhiyou::server
