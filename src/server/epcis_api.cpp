// EPCIS 2.0 over HTTP (the standard's REST binding, under /epcis):
//   POST /epcis/capture          an EPCISDocument → 202 Accepted, Location of the capture job
//   GET  /epcis/capture/{id}     the capture job
//   GET  /epcis/events           SimpleEventQuery parameters → EPCISQueryDocument, paginated
// Capture is synchronous and all-or-nothing, so the job is finished when the 202 goes out;
// a document that is not JSON gets 400, an invalid one 422 naming the event and the JSON path,
// and nothing of it is stored. Enterprise accounts capture and see only events about their
// own products (trace/epcis/product_scope.hpp).
#include <boost/json.hpp>

#include <map>
#include <set>

#include "core/hash.hpp"
#include "server/handlers.hpp"
#include "server/router.hpp"
#include "store/database.hpp"
#include "store/registry_store.hpp"
#include "trace/capture_job_store.hpp"
#include "trace/epcis/document.hpp"
#include "trace/epcis/product_scope.hpp"
#include "trace/epcis/query_document.hpp"
#include "trace/event_store.hpp"

namespace zhiyou::server {
namespace {

// application/json or application/ld+json, with or without parameters (charset).
bool is_json_media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/json" || type == "application/ld+json";
}

void set_epcis_headers(Response& res) {
  res.set("GS1-EPCIS-Version", "2.0");
  res.set("GS1-CBV-Version", "2.0");
}

// The makers of these GTINs (a document's or a query's), for the enterprise check.
std::map<std::string, std::string> makers_of(store::Database& db,
                                             const std::set<std::string>& gtins) {
  std::map<std::string, std::string> out;
  for (const std::string& gtin : gtins) {
    auto product = store::find_product(db, gtin);
    if (!product.ok()) fail(product.error());
    if (*product) out.emplace(gtin, (*product)->entity_uscc);
  }
  return out;
}

// The query string of `target` without its nextPageToken, for the next page's link.
std::string query_without_token(std::string_view target) {
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return {};
  const std::string_view query = target.substr(question + 1);
  std::string out;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    if (!pair.empty() && !pair.starts_with("nextPageToken=") && pair != "nextPageToken") {
      if (!out.empty()) out += '&';
      out += pair;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

Response capture_epcis(RequestContext& ctx) {
  if (!is_json_media_type(ctx.request[http::field::content_type])) {
    return error_for(http::status::unsupported_media_type,
                     "请以 Content-Type: application/json 或 application/ld+json 提交 EPCIS 文档");
  }
  auto document = trace::epcis::parse_document(ctx.request.body());
  if (!document) {
    const Error& e = document.error();
    if (e.place.starts_with("byte ")) {
      return error_for(http::status::bad_request, e.message, "body");
    }
    return error_for(http::status::unprocessable_entity, e.describe() + "（文档中的事件均未存储）",
                     e.place);
  }
  if (is_enterprise(ctx)) {
    const Status own = trace::epcis::check_own_products(
        *document, makers_of(ctx.db(), trace::epcis::gtins_in(*document)), ctx.caller->entity);
    if (!own) {
      return error_for(http::status::forbidden, own.error().describe() + "（文档中的事件均未存储）",
                       own.error().place);
    }
  }
  // Hashed before the bulk writer is taken: other captures wait for it, not for this hash.
  const std::string sha256 = sha256_hex(ctx.request.body());
  auto job = trace::capture_as_job(ctx.bulk_writer(), *document, ctx.actor(), sha256);
  if (!job) fail(job.error());
  Response res = json_response(http::status::accepted, trace::to_json(*job));
  res.set(http::field::location, "/epcis/capture/" + job->id);
  set_epcis_headers(res);
  return res;
}

Response get_capture_job(RequestContext& ctx) {
  const std::string& id = ctx.params.at("id");
  auto job = trace::find_capture_job(ctx.db(), id);
  if (!job.ok()) fail(job.error());
  // An enterprise sees only its own jobs; others' are as good as absent.
  if (!*job || (is_enterprise(ctx) && (*job)->captured_by != ctx.caller->username)) {
    return error_for(http::status::not_found, "找不到采集任务「" + id + "」");
  }
  Response res = json_response(http::status::ok, trace::to_json(**job));
  set_epcis_headers(res);
  return res;
}

Response list_epcis_events(RequestContext& ctx) {
  const std::string_view target = ctx.request.target();
  const std::size_t question = target.find('?');
  const auto parameters = question == std::string_view::npos
                              ? trace::epcis::QueryParameters{}
                              : parse_query_list(target.substr(question + 1));
  auto query = trace::epcis::parse_query(parameters);
  if (!query) {
    return error_for(http::status::bad_request, query.error().message, query.error().place);
  }
  if (is_enterprise(ctx)) {
    const Status own = trace::epcis::check_own_query(
        *query, makers_of(ctx.db(), trace::epcis::gtins_in(*query)), ctx.caller->entity);
    if (!own) return error_for(http::status::forbidden, own.error().message, own.error().place);
    query->owner_uscc = ctx.caller->entity;
  }
  auto page = trace::query_events(ctx.db(), *query);
  if (!page) fail(page.error());
  std::vector<std::string> events;
  events.reserve(page->events.size());
  for (trace::StoredEvent& e : page->events) events.push_back(std::move(e.json));

  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "application/ld+json; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  set_epcis_headers(res);
  if (page->next_page_token) {
    std::string next = "/epcis/events?" + query_without_token(target);
    if (next.back() != '?') next += '&';
    next += "nextPageToken=" + *page->next_page_token;
    res.set(http::field::link, "<" + next + ">; rel=\"next\"");
  }
  res.body() = trace::epcis::query_document_json(events, page->contexts, store::utc_timestamp());
  res.prepare_payload();
  return res;
}

}  // namespace zhiyou::server
