// Evaluation over HTTP: the same engine and JSON as `zhiyou eval --json`, the unit
// scorecards and district ranking of `zhiyou report`, and the report itself as a download.
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>

#include "core/json.hpp"
#include "monitoring/evaluation_input.hpp"
#include "monitoring/evaluation_json.hpp"
#include "monitoring/observation_store.hpp"
#include "monitoring/report.hpp"
#include "plans/plan_json.hpp"
#include "registry/region.hpp"
#include "server/handlers.hpp"
#include "server/xlsx_download.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::server {
namespace {

// The plan, period and region of the request, read from the database; or the response that
// says what is wrong (400 for a bad parameter, 404 for an unknown plan).
std::variant<monitoring::EvaluationInput, Response> evaluation_input(RequestContext& ctx) {
  const std::string period_text = query_value(ctx, "period");
  if (period_text.empty()) {
    return error_for(http::status::bad_request, "缺少参数 period（例：2025、2025Q2、2025-06）",
                     "period");
  }
  const auto period = Period::parse(period_text);
  if (!period) {
    return error_for(http::status::bad_request,
                     "无法识别的期间「" + period_text + "」（例：2025、2025Q2、2025-06）",
                     "period");
  }
  monitoring::EvaluationRequest request{ctx.params.at("id"), *period, query_value(ctx, "region"),
                                        std::nullopt, std::nullopt};
  auto input = monitoring::load_evaluation_input(ctx.db(), request);
  if (!input.ok()) {
    const Error& e = input.error();
    if (e.place == "plan") return error_for(http::status::not_found, e.message);
    if (e.place == "region") return error_for(http::status::bad_request, e.message, "region");
    fail(e);
  }
  return std::move(*input);
}

// Every region asked for (or 全市 and each district that reported), rows in plan order.
std::vector<monitoring::Evaluation> evaluate(const monitoring::EvaluationInput& input,
                                             bool with_city) {
  std::vector<std::string> regions =
      input.region.empty() ? input.regions : std::vector<std::string>{input.region};
  if (with_city &&
      std::find(regions.begin(), regions.end(), registry::kWholeCity) == regions.end()) {
    regions.emplace_back(registry::kWholeCity);
  }
  return monitoring::evaluate_plan(input.plan, input.observations, input.judgements, input.period,
                                   regions, input.options);
}

std::string today() {
  const auto d = std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char text[16];
  (void)std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                      static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

}  // namespace

Response get_plan_evaluation(RequestContext& ctx) {
  auto input = evaluation_input(ctx);
  if (auto* response = std::get_if<Response>(&input)) return std::move(*response);
  const auto& in = std::get<monitoring::EvaluationInput>(input);
  const auto evaluations = evaluate(in, false);
  boost::json::object body = monitoring::evaluations_to_json(evaluations);
  body["plan_id"] = in.plan.id;
  return json_response(http::status::ok, body);
}

Response get_plan_scorecards(RequestContext& ctx) {
  auto input = evaluation_input(ctx);
  if (auto* response = std::get_if<Response>(&input)) return std::move(*response);
  const auto& in = std::get<monitoring::EvaluationInput>(input);
  const auto evaluations = evaluate(in, true);
  const std::string subject = in.region.empty() ? std::string(registry::kWholeCity) : in.region;
  boost::json::array units;
  for (const monitoring::Scorecard& card : monitoring::build_scorecards(evaluations, subject)) {
    units.push_back(monitoring::to_json(card));
  }
  return json_response(http::status::ok,
                       boost::json::object{{"region", subject}, {"units", std::move(units)}});
}

Response get_plan_ranking(RequestContext& ctx) {
  auto input = evaluation_input(ctx);
  if (auto* response = std::get_if<Response>(&input)) return std::move(*response);
  const auto& in = std::get<monitoring::EvaluationInput>(input);
  const auto evaluations = evaluate(in, false);
  boost::json::array regions;
  for (const monitoring::RegionRank& rank : monitoring::rank_regions(evaluations)) {
    regions.push_back(monitoring::to_json(rank));
  }
  return json_response(http::status::ok, boost::json::object{{"regions", std::move(regions)}});
}

Response get_plan_report(RequestContext& ctx) {
  const std::string format =
      query_value(ctx, "format").empty() ? "html" : query_value(ctx, "format");
  if (format != "html" && format != "xlsx") {
    return error_for(http::status::bad_request, "format 应为 html 或 xlsx", "format");
  }
  auto input = evaluation_input(ctx);
  if (auto* response = std::get_if<Response>(&input)) return std::move(*response);
  const auto& in = std::get<monitoring::EvaluationInput>(input);
  const std::string subject = in.region.empty() ? std::string(registry::kWholeCity) : in.region;
  const monitoring::Report report = monitoring::build_report(
      in.plan, evaluate(in, true), in.period, subject, in.options.tolerance, today());
  const std::string name = in.plan.id + "-" + in.period.to_string() + "." + format;
  if (format == "xlsx") {
    return xlsx_download(
        [&](const std::string& path) { return monitoring::write_xlsx(report, path); }, name);
  }
  Response response{http::status::ok, 11};
  response.set(http::field::content_type, "text/html; charset=utf-8");
  response.body() = monitoring::render_html(report);
  response.set(http::field::content_disposition, "attachment; filename=\"" + name + "\"");
  response.prepare_payload();
  return response;
}

// One indicator over time: its baseline and targets, and every reported figure with the
// 序时进度 expected at that period and the status there — what the indicator page draws.
Response get_plan_trajectory(RequestContext& ctx) {
  const std::string indicator_id = query_value(ctx, "indicator");
  if (indicator_id.empty()) {
    return error_for(http::status::bad_request, "缺少参数 indicator（指标编号）", "indicator");
  }
  monitoring::EvaluationRequest request{ctx.params.at("id"), Period{}, "", std::nullopt,
                                        std::nullopt};
  auto loaded = monitoring::load_evaluation_input(ctx.db(), request);
  if (!loaded.ok()) {
    if (loaded.error().place == "plan") {
      return error_for(http::status::not_found, loaded.error().message);
    }
    fail(loaded.error());
  }
  const monitoring::EvaluationInput& in = *loaded;
  const plans::Indicator* indicator = nullptr;
  for (const plans::Indicator& candidate : in.plan.indicators) {
    if (candidate.id == indicator_id) indicator = &candidate;
  }
  if (indicator == nullptr) {
    return error_for(http::status::not_found, "规划中没有指标「" + indicator_id + "」",
                     "indicator");
  }
  // Each period reported, evaluated for the regions that reported it.
  std::map<std::string, std::pair<Period, std::vector<std::string>>> periods;
  for (const monitoring::Observation& o : in.observations) {
    if (o.indicator_id != indicator_id) continue;
    auto& [period, regions] = periods[o.period.to_string()];
    period = o.period;
    regions.push_back(o.region);
  }
  boost::json::array points;
  for (const auto& [key, entry] : periods) {
    const auto evaluations = monitoring::evaluate_plan(in.plan, in.observations, in.judgements,
                                                       entry.first, entry.second, in.options);
    for (const monitoring::Evaluation& e : evaluations) {
      if (e.indicator != nullptr && e.indicator->id == indicator_id) {
        boost::json::object point = monitoring::to_json(e);
        points.push_back(std::move(point));
      }
    }
  }
  const boost::json::value described = plans::to_json(*indicator);
  return json_response(http::status::ok, boost::json::object{{"indicator_id", indicator_id},
                                                             {"baseline", described.at("baseline")},
                                                             {"targets", described.at("targets")},
                                                             {"points", std::move(points)}});
}

}  // namespace zhiyou::server
