// Products and their codes (产品与赋码) for the enterprises that make them: GET/POST
// /api/v1/products, GET /api/v1/products/{gtin}/batches and /events, POST and GET
// /api/v1/products/{gtin}/codes. An enterprise account sees and changes only its own
// products (another maker's GTIN is as good as absent); the office and admin act for any.
#include <fmt/format.h>
#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <map>
#include <variant>

#include "audit/audit_store.hpp"
#include "core/date_time.hpp"
#include "core/json.hpp"
#include "registry/product.hpp"
#include "server/handlers.hpp"
#include "server/json_input.hpp"
#include "store/database.hpp"
#include "store/registry_store.hpp"
#include "trace/batch_store.hpp"
#include "trace/code_store.hpp"
#include "trace/epcis/document.hpp"
#include "trace/epcis/query.hpp"
#include "trace/event_store.hpp"
#include "trace/issuance.hpp"
#include "trace/resolver/resolution.hpp"
#include "trace/resolver/resolver_store.hpp"

namespace zhiyou::server {
namespace {

// One request stores at most this many codes (a server thread is busy ~2 s a million) and a
// download holds at most this many rows (~140 bytes each) in memory; larger batches go
// through `zhiyou trace issue` and `zhiyou trace codes`.
constexpr std::size_t kMaxCodesPerRequest = 1'000'000;
constexpr long long kMaxCodesPerDownload = 1'000'000;
constexpr std::size_t kDownloadChunk = 10'000;
constexpr long long kEventsPerPage = 50;
constexpr long long kMaxEventsPerPage = 500;

// The product `gtin` (any GTIN form) if the caller may see it, else the answer: 400 for a
// malformed GTIN, 404 when it is not registered or, to an enterprise, another maker's.
std::variant<registry::Product, Response> visible_product(RequestContext& ctx,
                                                          std::string_view gtin) {
  auto normal = registry::normalise_gtin(gtin);
  if (!normal.ok()) return error_for(http::status::bad_request, normal.error().message, "gtin");
  auto product = store::find_product(ctx.db(), *normal);
  if (!product.ok()) fail(product.error());
  if (!*product || (is_enterprise(ctx) && (*product)->entity_uscc != ctx.caller->entity)) {
    return error_for(http::status::not_found,
                     "产品 " + *normal + " 未登记" + (is_enterprise(ctx) ? "或不属于本企业" : ""),
                     "gtin");
  }
  return std::move(**product);
}

// A product as registered (also the audit log's before/after of "product.save").
boost::json::object product_json(const registry::Product& p) {
  return {{"gtin", p.gtin},
          {"name", p.name},
          {"entity_uscc", p.entity_uscc},
          {"quality_marks", boost::json::array(p.quality_marks.begin(), p.quality_marks.end())}};
}

std::map<std::string, std::string> maker_names(store::Database& db) {
  auto entities = store::list_entities(db);
  if (!entities.ok()) fail(entities.error());
  std::map<std::string, std::string> out;
  for (const registry::Entity& e : *entities) out.emplace(e.uscc, e.name);
  return out;
}

std::string base_uri_from(const std::optional<std::string>& given) {
  return given && !given->empty() ? *given : std::string(trace::kDefaultBaseUri);
}

}  // namespace

Response list_products(RequestContext& ctx) {
  auto products = store::list_products(ctx.db());
  if (!products.ok()) fail(products.error());
  auto totals = trace::product_code_totals(ctx.db());
  if (!totals.ok()) fail(totals.error());
  const std::map<std::string, trace::ProductCodeTotals> by_gtin(totals->begin(), totals->end());
  const auto makers = maker_names(ctx.db());
  const std::string entity = is_enterprise(ctx) ? ctx.caller->entity : query_value(ctx, "entity");
  boost::json::array list;
  for (const registry::Product& p : *products) {
    if (!entity.empty() && p.entity_uscc != entity) continue;
    const auto t = by_gtin.find(p.gtin);
    const auto maker = makers.find(p.entity_uscc);
    const trace::ProductCodeTotals counted =
        t == by_gtin.end() ? trace::ProductCodeTotals{} : t->second;
    boost::json::object item = product_json(p);
    item["entity_name"] = maker == makers.end() ? "" : maker->second;
    item["batches"] = counted.batches;
    item["codes"] = counted.codes;
    list.push_back(std::move(item));
  }
  return json_response(http::status::ok, boost::json::object{{"products", std::move(list)}});
}

Response register_product(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto gtin = required_string(*body, "gtin");
  if (!gtin.ok()) return invalid_field(gtin.error());
  auto name = required_string(*body, "name");
  if (!name.ok()) return invalid_field(name.error());
  auto entity = optional_string(*body, "entity_uscc");
  if (!entity.ok()) return invalid_field(entity.error());
  std::vector<std::string> marks;
  if (const auto* given = body->if_contains("quality_marks");
      given != nullptr && !given->is_null()) {
    if (!given->is_array()) {
      return invalid_field(make_error("quality_marks 应为质量标志名称的数组", "quality_marks"));
    }
    for (const auto& mark : given->as_array()) {
      if (!mark.is_string()) {
        return invalid_field(make_error("quality_marks 应为质量标志名称的数组", "quality_marks"));
      }
      marks.emplace_back(mark.as_string());
    }
  }
  std::string maker = entity->value_or("");
  if (is_enterprise(ctx)) {
    if (!maker.empty() && maker != ctx.caller->entity) {
      return error_for(http::status::forbidden, "企业账户只能登记本企业的产品", "entity_uscc");
    }
    maker = ctx.caller->entity;
  } else if (maker.empty()) {
    return invalid_field(make_error("请填写生产企业的统一社会信用代码", "entity_uscc"));
  }
  auto product = registry::make_product(*gtin, *name, maker, marks);
  if (!product.ok()) return invalid_field(as_field_error(product.error()));
  auto existing = store::find_product(ctx.db(), product->gtin);
  if (!existing.ok()) fail(existing.error());
  if (*existing && is_enterprise(ctx) && (*existing)->entity_uscc != ctx.caller->entity) {
    return error_for(http::status::conflict,
                     "GTIN " + product->gtin + " 已由另一家企业登记；如有误请联系质量办", "gtin");
  }
  const Status saved = ctx.db().transaction([&]() -> Status {
    if (Status s = store::save_product(ctx.db(), *product); !s) return s;
    return audit::append(ctx.db(), {ctx.actor(), "product.save", product->gtin,
                                    *existing ? json::serialize(product_json(**existing)) : "null",
                                    json::serialize(product_json(*product))});
  });
  if (!saved.ok()) {
    Error e = as_field_error(saved.error());
    if (e.place == "entity") {  // the maker is not registered
      return error_for(http::status::unprocessable_entity,
                       "企业 " + maker + " 尚未在平台登记，请联系质量办登记后再添加产品",
                       "entity_uscc");
    }
    fail(e);
  }
  return json_response(*existing ? http::status::ok : http::status::created,
                       boost::json::object{{"product", product_json(*product)}});
}

Response list_product_batches(RequestContext& ctx) {
  auto visible = visible_product(ctx, ctx.params.at("gtin"));
  if (auto* answer = std::get_if<Response>(&visible)) return std::move(*answer);
  const auto* product = &std::get<registry::Product>(visible);
  auto batches = trace::list_batches(ctx.db(), product->gtin);
  if (!batches.ok()) fail(batches.error());
  auto recalls = trace::resolver::list_recalls(ctx.db(), product->gtin);
  if (!recalls.ok()) fail(recalls.error());
  auto checks = trace::resolver::list_spot_checks(ctx.db(), product->gtin);
  if (!checks.ok()) fail(checks.error());
  boost::json::array batch_list;
  for (const trace::BatchSummary& b : *batches) {
    const bool recalled = std::any_of(recalls->begin(), recalls->end(),
                                      [&](const auto& r) { return r.covers(b.lot); });
    batch_list.push_back({{"lot", b.lot},
                          {"expiry", json::string_or_null(b.expiry.value_or(""))},
                          {"created_at", b.created_at},
                          {"codes", b.codes},
                          {"recalled", recalled}});
  }
  boost::json::array recall_list;
  for (const auto& r : *recalls) recall_list.push_back(recall_notice_json(r));
  boost::json::array check_list;
  for (const auto& c : *checks) {
    check_list.push_back({{"lot", json::string_or_null(c.lot)},
                          {"sampled_on", c.sampled_on},
                          {"agency", c.agency},
                          {"conclusion", c.conclusion},
                          {"failed_items", json::string_or_null(c.failed_items)},
                          {"report_no", c.report_no}});
  }
  return json_response(http::status::ok,
                       boost::json::object{{"gtin", product->gtin},
                                           {"name", product->name},
                                           {"batches", std::move(batch_list)},
                                           {"recalls", std::move(recall_list)},
                                           {"spot_checks", std::move(check_list)}});
}

// The product's EPCIS events, newest first, each summed up for a table (the events as sent
// are on /epcis/events): ?before=<next> pages back, ?perPage= 1..500 (default 50).
Response list_product_events(RequestContext& ctx) {
  auto visible = visible_product(ctx, ctx.params.at("gtin"));
  if (auto* answer = std::get_if<Response>(&visible)) return std::move(*answer);
  const auto& product = std::get<registry::Product>(visible);
  const auto per_page = query_number(ctx, "perPage", kEventsPerPage);
  if (!per_page || *per_page < 1 || *per_page > kMaxEventsPerPage) {
    return error_for(http::status::bad_request,
                     fmt::format("perPage 应为 1 至 {} 的整数", kMaxEventsPerPage), "perPage");
  }
  std::int64_t before_key = 0;
  if (const std::string before = query_value(ctx, "before"); !before.empty()) {
    const auto key = trace::epcis::parse_page_token(before);
    if (!key) return error_for(http::status::bad_request, "无效的分页标记", "before");
    before_key = *key;
  }
  auto page = trace::product_events(ctx.db(), product.gtin, before_key,
                                    static_cast<std::size_t>(*per_page));
  if (!page.ok()) fail(page.error());
  boost::json::array events;
  for (const trace::StoredEvent& stored : page->events) {
    auto e = trace::epcis::read_stored_event(stored.json);
    if (!e.ok()) fail(e.error());
    events.push_back(
        {{"type", e->type},
         {"event_time", format_utc(e->event_time)},
         {"action", json::string_or_null(e->action)},
         {"biz_step", json::string_or_null(e->biz_step)},
         {"biz_step_label", json::string_or_null(trace::resolver::biz_step_label(e->biz_step))},
         {"disposition", json::string_or_null(e->disposition)},
         {"disposition_label",
          json::string_or_null(trace::resolver::disposition_label(e->disposition))},
         {"place", json::string_or_null(e->biz_location.empty() ? e->read_point : e->biz_location)},
         {"identifiers", e->epcs.size()},
         {"error_declaration", e->declaration_time.has_value()}});
  }
  boost::json::object body{{"gtin", product.gtin}, {"events", std::move(events)}};
  if (page->next_page_token) body["next"] = *page->next_page_token;
  return json_response(http::status::ok, body);
}

Response issue_batch_codes(RequestContext& ctx) {
  auto visible = visible_product(ctx, ctx.params.at("gtin"));
  if (auto* answer = std::get_if<Response>(&visible)) return std::move(*answer);
  const auto* product = &std::get<registry::Product>(visible);
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto lot = required_string(*body, "lot");
  if (!lot.ok()) return invalid_field(lot.error());
  auto expiry = optional_string(*body, "expiry");
  if (!expiry.ok()) return invalid_field(expiry.error());
  auto serials = optional_string(*body, "serials");
  if (!serials.ok()) return invalid_field(serials.error());
  auto base_uri = optional_string(*body, "base_uri");
  if (!base_uri.ok()) return invalid_field(base_uri.error());
  const auto* count_value = body->if_contains("count");
  if (count_value == nullptr || !count_value->is_int64() || count_value->as_int64() < 1) {
    return invalid_field(make_error("count 应为正整数（本次赋码数量）", "count"));
  }
  if (static_cast<std::uint64_t>(count_value->as_int64()) > kMaxCodesPerRequest) {
    return invalid_field(make_error(fmt::format("网页一次最多赋码 {} 个；更多请分几次，或用命令行 "
                                                "zhiyou trace issue",
                                                kMaxCodesPerRequest),
                                    "count"));
  }
  const auto count = static_cast<std::size_t>(count_value->as_int64());
  auto request = trace::make_issue_request(
      product->gtin, *lot,
      expiry->has_value() ? std::optional<std::string_view>(**expiry) : std::nullopt, count,
      serials->value_or("random"), base_uri_from(*base_uri));
  if (!request.ok()) return invalid_field(as_field_error(request.error()));
  store::Database& writer = ctx.bulk_writer();
  trace::IssueHooks hooks;
  std::string first;
  std::string last;
  hooks.before_commit = [&]() -> Status {
    return audit::append(writer,
                         {ctx.actor(), "codes.issue", request->gtin + "/" + request->lot, "null",
                          json::serialize(boost::json::object{
                              {"count", request->count},
                              {"serials", serials->value_or("random")},
                              {"expiry", json::string_or_null(request->expiry.value_or(""))}})});
  };
  auto issued = trace::issue_codes(writer, *request, trace::random_serials(), hooks);
  if (!issued.ok()) {
    Error e = as_field_error(issued.error());
    if (e.place == "expiry" || e.place == "gtin") return invalid_field(e);
    fail(e);
  }
  trace::append_digital_link(first, *request, issued->front());
  trace::append_digital_link(last, *request, issued->back());
  auto batch = trace::find_batch(writer, request->gtin, request->lot);
  if (!batch.ok()) fail(batch.error());
  return json_response(
      http::status::created,
      boost::json::object{{"issued",
                           {{"gtin", request->gtin},
                            {"lot", request->lot},
                            {"expiry", json::string_or_null(request->expiry.value_or(""))},
                            {"count", issued->size()},
                            {"first", first},
                            {"last", last}}},
                          {"batch_codes", *batch ? (*batch)->codes : 0}});
}

Response download_batch_codes(RequestContext& ctx) {
  auto visible = visible_product(ctx, ctx.params.at("gtin"));
  if (auto* answer = std::get_if<Response>(&visible)) return std::move(*answer);
  const auto* product = &std::get<registry::Product>(visible);
  const std::string lot = query_value(ctx, "lot");
  if (lot.empty()) return error_for(http::status::bad_request, "请给出批号 lot", "lot");
  auto batch = trace::find_batch(ctx.db(), product->gtin, lot);
  if (!batch.ok()) fail(batch.error());
  if (!*batch) {
    return error_for(http::status::not_found, "产品 " + product->gtin + " 没有批次 " + lot, "lot");
  }
  if ((*batch)->codes > kMaxCodesPerDownload) {
    return error_for(http::status::unprocessable_entity,
                     fmt::format("本批共 {} 个码，超过网页下载上限 {}；请用命令行 zhiyou trace "
                                 "codes --gtin {} --lot {} 导出",
                                 (*batch)->codes, kMaxCodesPerDownload, product->gtin, lot),
                     "lot");
  }
  // The request the codes were issued with, as far as a row of the CSV needs it; checked as
  // an issue would be, so a bad base_uri is refused here too.
  const std::optional<std::string>& expiry = (*batch)->expiry;
  auto request = trace::make_issue_request(
      product->gtin, lot, expiry ? std::optional<std::string_view>(*expiry) : std::nullopt, 1,
      "random",
      base_uri_from(ctx.query.contains("base_uri") ? std::optional(query_value(ctx, "base_uri"))
                                                   : std::nullopt));
  if (!request.ok()) return invalid_field(as_field_error(request.error()));
  std::string csv = "\xEF\xBB\xBF";  // BOM: Excel reads it as UTF-8
  csv.reserve(static_cast<std::size_t>((*batch)->codes) * 144 + 64);
  csv += trace::csv_header();
  const trace::CsvRows rows(*request);
  const Status read =
      trace::for_each_batch_serial(ctx.db(), request->gtin, request->lot, kDownloadChunk,
                                   [&](std::span<const std::string> serials) -> Status {
                                     for (const std::string& serial : serials)
                                       rows.append(csv, serial);
                                     return Ok{};
                                   });
  if (!read.ok()) fail(read.error());
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "text/csv; charset=utf-8");
  const std::string name = "codes-" + request->gtin + "-" + lot + ".csv";
  res.set(http::field::content_disposition,
          "attachment; filename=\"codes-" + request->gtin + ".csv\"; filename*=UTF-8''" +
              boost::urls::encode(name, boost::urls::unreserved_chars));
  res.body() = std::move(csv);
  res.prepare_payload();
  return res;
}

}  // namespace zhiyou::server
