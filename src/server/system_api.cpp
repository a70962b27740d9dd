// /healthz, /metrics and the OpenAPI document.
#include <fmt/format.h>
#include <soci/soci.h>

#include "server/handlers.hpp"
#include "server/openapi.hpp"

namespace zhiyou::server {

Response get_health(RequestContext& ctx) {
  try {
    int one = 0;
    ctx.db().session() << "SELECT 1", soci::into(one);
    return json_response(http::status::ok, boost::json::object{{"status", "ok"}});
  } catch (const std::exception&) {
    return error_for(http::status::service_unavailable, "数据库不可用");
  }
}

Response get_metrics(RequestContext& ctx) {
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.body() = ctx.api.metrics().prometheus_text(ctx.api.pool().stats());
  const ResponseCache& cache = ctx.api.response_cache();
  res.body() +=
      "# HELP zhiyou_response_cache_hits_total Answers of cached routes served from memory.\n"
      "# TYPE zhiyou_response_cache_hits_total counter\n"
      "zhiyou_response_cache_hits_total " +
      std::to_string(cache.hits()) +
      "\n# HELP zhiyou_response_cache_misses_total Answers of cached routes computed afresh.\n"
      "# TYPE zhiyou_response_cache_misses_total counter\n"
      "zhiyou_response_cache_misses_total " +
      std::to_string(cache.misses()) + "\n";
  res.body() +=
      "# HELP zhiyou_counterfeit_signals_total Scans that suggest a fake code: a serial never"
      " issued, or one serial reaching many distinct places.\n"
      "# TYPE zhiyou_counterfeit_signals_total counter\n"
      "zhiyou_counterfeit_signals_total{kind=\"never_issued\"} " +
      std::to_string(ctx.api.never_issued_scans().load()) +
      "\nzhiyou_counterfeit_signals_total{kind=\"many_places\"} " +
      std::to_string(ctx.api.scans().many_places_signals()) +
      "\n# HELP zhiyou_scans_dropped_total Scans counted but not kept: the write queue was"
      " full, or more than 1000 new never-issued serials came within one batch.\n"
      "# TYPE zhiyou_scans_dropped_total counter\n"
      "zhiyou_scans_dropped_total " +
      std::to_string(ctx.api.scans().dropped()) + "\n";
  const CodeIndex& codes = ctx.api.codes();
  res.body() += fmt::format(
      "# HELP zhiyou_code_index_ready Whether scans find issued codes in memory (1) or only in"
      " the database (0: still loading, or off).\n"
      "# TYPE zhiyou_code_index_ready gauge\n"
      "zhiyou_code_index_ready {}\n"
      "# HELP zhiyou_code_index_codes Issued codes held in memory for scans.\n"
      "# TYPE zhiyou_code_index_codes gauge\n"
      "zhiyou_code_index_codes {}\n"
      "# HELP zhiyou_code_index_bytes Memory those codes take, in bytes.\n"
      "# TYPE zhiyou_code_index_bytes gauge\n"
      "zhiyou_code_index_bytes {}\n"
      "# HELP zhiyou_code_index_bytes_limit Memory they may take (--code-index-mib), in bytes.\n"
      "# TYPE zhiyou_code_index_bytes_limit gauge\n"
      "zhiyou_code_index_bytes_limit {}\n",
      codes.state() == CodeIndex::State::ready ? 1 : 0, codes.codes(), codes.bytes(),
      codes.max_bytes());
  res.prepare_payload();
  return res;
}

Response get_openapi(RequestContext& ctx) {
  return json_response(http::status::ok, openapi_document(ctx.api.router().routes()));
}

}  // namespace zhiyou::server
