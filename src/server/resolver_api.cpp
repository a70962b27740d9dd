// The scan (扫码): GET /01/{gtin}[/22/…][/10/{lot}][/21/{serial}] for anyone, as a page, JSON
// or a linkset; and what the regulator records for it: recall notices, spot-check results,
// and the serials that look copied.
#include <boost/json.hpp>

#include "server/handlers.hpp"
#include "server/json_input.hpp"
#include "server/xlsx_download.hpp"
#include "store/database.hpp"
#include "trace/recall.hpp"
#include "trace/recall_store.hpp"
#include "trace/recall_workbook.hpp"
#include "trace/resolver/resolution_view.hpp"
#include "trace/resolver/resolver_store.hpp"
#include "trace/resolver/scan_place.hpp"

namespace zhiyou::server {
namespace {

namespace resolver = trace::resolver;

enum class Format { page, json, linkset };

Format format_of(const RequestContext& ctx) {
  const auto link_type = ctx.query.find("linkType");
  const std::string_view accept = ctx.request[http::field::accept];
  if ((link_type != ctx.query.end() && link_type->second == "all") ||
      accept.find("application/linkset+json") != std::string_view::npos) {
    return Format::linkset;
  }
  if (link_type != ctx.query.end()) return Format::json;  // one link type: its data
  const auto json_at = accept.find("application/json");
  const auto html_at = accept.find("text/html");
  if (json_at != std::string_view::npos &&
      (html_at == std::string_view::npos || json_at < html_at)) {
    return Format::json;
  }
  return Format::page;
}

Response text_response(http::status status, std::string body, std::string_view type) {
  Response res{status, 11};
  res.set(http::field::content_type, type);
  res.set(http::field::vary, "Accept");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response problem(const RequestContext& ctx, http::status status, const std::string& title,
                 const std::string& message, bool counterfeit) {
  if (format_of(ctx) != Format::page) {
    Response res = error_for(status, counterfeit ? message + "（疑似假冒）" : message);
    res.set(http::field::vary, "Accept");
    return res;
  }
  return text_response(status, resolver::problem_page(title, message, counterfeit),
                       "text/html; charset=utf-8");
}

std::string base_of(const RequestContext& ctx) {
  const std::string_view host = ctx.request[http::field::host];
  return "http://" + std::string(host.empty() ? "127.0.0.1" : host);
}

// A scan of a serialised code is kept when the scanning app declares where it was made
// (`?loc=`, a district code or name, or any place name) or when the serial was never issued
// (the regulator lists those whatever their place). Other scans cost no write: the
// resolver's hot path stays a lookup. Written later, in batches.
enum class Keep { if_placed, always };
void record_scan(const RequestContext& ctx, const resolver::ScannedCode& code, Keep keep) {
  if (code.serial.empty()) return;
  const auto loc = ctx.query.find("loc");
  std::string place = loc == ctx.query.end() ? std::string() : resolver::scan_place(loc->second);
  if (place.empty() && keep == Keep::if_placed) return;
  ctx.api.scans().record(code.gtin, code.serial, place, store::utc_timestamp(),
                         keep == Keep::always);
}

// Whether the scanned URI names a serial (AI 21): a "/21/" path segment. A lot or other value
// holding "/" has it percent-encoded, so the segment is the qualifier.
bool names_serial(std::string_view target) {
  return target.substr(0, target.find('?')).find("/21/") != std::string_view::npos;
}

}  // namespace

Response resolve_code(RequestContext& ctx) {
  // A code's answer changes only with the tables behind it; codes themselves are only ever
  // added, and only answers for well-formed codes that exist are kept. So a kept answer
  // needs no parsing, unless the scan is to be recorded.
  const std::int64_t version = ctx.versions().trace;
  std::string key = cache_key(ctx);
  if (names_serial(ctx.request.target())) {
    // A serial's answer also says from how many places it was scanned: the "scans" version
    // (written every second while people scan) goes into its key. Other answers, and the
    // product facts, are kept while scans are recorded.
    key += '\n';
    key += std::to_string(ctx.versions().scans);
  }
  if (auto hit = ctx.api.response_cache().find(key, version)) {
    if (ctx.query.contains("loc")) {
      if (auto code = resolver::read_scanned_code(ctx.request.target()); code.ok()) {
        record_scan(ctx, *code, Keep::if_placed);
      }
    }
    return std::move(*hit);
  }
  auto code = resolver::read_scanned_code(ctx.request.target());
  if (!code.ok()) {
    return problem(ctx, http::status::bad_request, "无法识别的码",
                   code.error().describe() + "。请确认扫描的是商品上的二维码。", false);
  }

  ProductFactsCache::Facts facts = ctx.api.product_facts().find(code->gtin, version);
  if (!facts) {
    auto loaded = resolver::load_product_facts(ctx.reader(), code->gtin);
    if (!loaded.ok()) fail(loaded.error());
    if (!*loaded) {
      return problem(ctx, http::status::not_found, "未登记的商品",
                     "商品条码 " + code->gtin + " 没有在质优平台登记。", false);
    }
    facts = std::make_shared<const resolver::ProductFacts>(std::move(**loaded));
    ctx.api.product_facts().put(code->gtin, version, facts);
  }
  const std::size_t many_places = ctx.api.options().many_places;
  CodeIndex& codes = ctx.api.codes();
  const std::optional<std::string> issued_lot =
      code->serial.empty() ? std::nullopt : codes.lot(code->gtin, code->serial);
  auto found = resolver::look_up(ctx.reader(), *code, *facts, many_places,
                                 issued_lot ? &*issued_lot : nullptr);
  if (found.ok() && found->status == resolver::Lookup::never_issued && !issued_lot &&
      ctx.renew_reader()) {
    found = resolver::look_up(ctx.reader(), *code, *facts, many_places);  // issued meanwhile?
  }
  if (!found.ok()) fail(found.error());
  if (!issued_lot && !code->serial.empty() && found->status == resolver::Lookup::found) {
    codes.learn(code->gtin, code->serial, found->resolution.code.lot);
  }
  switch (found->status) {
    case resolver::Lookup::unknown_product:
      return problem(ctx, http::status::not_found, "未登记的商品",
                     "商品条码 " + code->gtin + " 没有在质优平台登记。", false);
    case resolver::Lookup::unknown_lot:
      return problem(ctx, http::status::not_found, "未登记的批次",
                     "商品 " + code->gtin + " 没有批号为「" + code->lot + "」的批次。", false);
    case resolver::Lookup::never_issued:
      ++ctx.api.never_issued_scans();
      record_scan(ctx, *code, Keep::always);
      return problem(ctx, http::status::not_found, "未发放的序列号",
                     "序列号「" + code->serial + "」从未由生产企业为该商品发放。", true);
    case resolver::Lookup::found:
      break;
  }
  record_scan(ctx, *code, Keep::if_placed);
  const resolver::Resolution& r = found->resolution;
  Response res;
  switch (format_of(ctx)) {
    case Format::linkset:
      res = text_response(http::status::ok, resolver::linkset_json(r, base_of(ctx)),
                          "application/linkset+json");
      break;
    case Format::json:
      res = text_response(http::status::ok, resolver::resolution_json(r),
                          "application/json; charset=utf-8");
      break;
    case Format::page:
      res =
          text_response(http::status::ok, resolver::resolution_page(r), "text/html; charset=utf-8");
      break;
  }
  ctx.api.response_cache().put_if_offered_before(key, version, res);
  return res;
}

Response list_recall_notices(RequestContext& ctx) {
  auto recalls = resolver::list_recalls(ctx.db(), query_value(ctx, "gtin"));
  if (!recalls.ok()) fail(recalls.error());
  boost::json::array list;
  for (const resolver::Recall& r : *recalls) list.push_back(recall_notice_json(r));
  return json_response(http::status::ok, boost::json::object{{"recalls", std::move(list)}});
}

boost::json::object recall_notice_json(const trace::resolver::Recall& r) {
  return {{"id", r.id},
          {"gtin", r.gtin},
          {"lots", boost::json::array(r.lots.begin(), r.lots.end())},
          {"reason", r.reason},
          {"announced_by", r.announced_by},
          {"announced_at", r.announced_at}};
}

Response announce_recall(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  auto gtin = required_string(*body, "gtin");
  if (!gtin.ok()) return invalid_field(gtin.error());
  auto reason = required_string(*body, "reason");
  if (!reason.ok()) return invalid_field(reason.error());
  resolver::Recall recall;
  recall.gtin = *gtin;
  recall.reason = *reason;
  recall.announced_by = ctx.actor();
  if (const auto* lots = body->if_contains("lots")) {
    if (!lots->is_array()) return invalid_field(make_error("lots 应为批号数组", "lots"));
    for (const auto& lot : lots->as_array()) {
      if (!lot.is_string()) return invalid_field(make_error("lots 应为批号数组", "lots"));
      recall.lots.emplace_back(lot.as_string());
    }
  }
  auto saved = resolver::announce_recall(ctx.db(), recall);
  if (!saved.ok()) return invalid_field(saved.error());
  return json_response(http::status::created,
                       boost::json::object{{"recall",
                                            {{"id", saved->id},
                                             {"gtin", saved->gtin},
                                             {"reason", saved->reason},
                                             {"announced_at", saved->announced_at}}}});
}

Response get_recall_scope(RequestContext& ctx) {
  trace::RecallRequest request;
  request.gtin = query_value(ctx, "gtin");
  // lot may repeat: ?lot=A&lot=B (parse_query keeps the first), or be comma-separated.
  const std::string target(ctx.request.target());
  for (std::size_t at = target.find("lot="); at != std::string::npos;
       at = target.find("lot=", at + 4)) {
    if (at == 0 || (target[at - 1] != '?' && target[at - 1] != '&')) continue;
    const std::size_t end = target.find('&', at);
    auto lot = percent_decode(target.substr(at + 4, end == std::string::npos ? end : end - at - 4));
    if (lot && !lot->empty()) request.lots.push_back(*lot);
  }
  auto scope = trace::recall_scope(ctx.db(), request);
  if (!scope.ok()) {
    const Error e = as_field_error(scope.error());
    return error_for(http::status::bad_request, e.message, e.place);
  }
  const std::string format = query_value(ctx, "format");
  if (format == "xlsx") {
    return xlsx_download(
        [&](const std::string& path) {
          return tabular::xlsx::write_xlsx(path, trace::recall_workbook(*scope));
        },
        "recall-" + request.gtin + ".xlsx");
  }
  if (format == "csv") {
    Response res{http::status::ok, 11};
    res.set(http::field::content_type, "text/csv; charset=utf-8");
    res.set(http::field::content_disposition,
            "attachment; filename=\"recall-" + request.gtin + ".csv\"");
    res.body() = "\xEF\xBB\xBF" + trace::recall_csv(*scope);  // BOM: Excel reads it as UTF-8
    res.prepare_payload();
    return res;
  }
  Response res{http::status::ok, 11};
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.body() = trace::recall_json(*scope);
  res.prepare_payload();
  return res;
}

Response record_spot_check(RequestContext& ctx) {
  auto body = parse_json_object(ctx.request.body());
  if (!body.ok()) return bad_body(body.error());
  resolver::SpotCheck check;
  for (auto [field, target] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"gtin", &check.gtin},
           {"sampled_on", &check.sampled_on},
           {"agency", &check.agency},
           {"conclusion", &check.conclusion},
           {"report_no", &check.report_no}}) {
    auto value = required_string(*body, field);
    if (!value.ok()) return invalid_field(value.error());
    *target = *value;
  }
  for (auto [field, target] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"lot", &check.lot}, {"failed_items", &check.failed_items}}) {
    auto value = optional_string(*body, field);
    if (!value.ok()) return invalid_field(value.error());
    *target = value->value_or("");
  }
  auto saved = resolver::add_spot_check(ctx.db(), check, ctx.actor());
  if (!saved.ok()) {
    if (saved.error().place == "report_no" &&
        saved.error().message.find("已登记") != std::string::npos) {
      return error_for(http::status::conflict, saved.error().message, "report_no");
    }
    return invalid_field(saved.error());
  }
  return json_response(http::status::created,
                       boost::json::object{{"spot_check",
                                            {{"id", saved->id},
                                             {"gtin", saved->gtin},
                                             {"lot", saved->lot},
                                             {"conclusion", saved->conclusion}}}});
}

Response list_counterfeit_signals(RequestContext& ctx) {
  ctx.api.scans().flush();  // the regulator sees the scans made up to now
  auto suspects = resolver::suspect_serials(ctx.db(), ctx.api.options().many_places);
  if (!suspects.ok()) fail(suspects.error());
  auto never_issued = resolver::never_issued_serials(ctx.db());
  if (!never_issued.ok()) fail(never_issued.error());
  auto listed = [](const std::vector<resolver::SuspectSerial>& serials) {
    boost::json::array list;
    for (const resolver::SuspectSerial& s : serials) {
      list.push_back(boost::json::object{{"gtin", s.gtin},
                                         {"serial", s.serial},
                                         {"places", s.places},
                                         {"scans", s.scans},
                                         {"last_at", s.last_at}});
    }
    return list;
  };
  return json_response(
      http::status::ok,
      boost::json::object{{"many_places", listed(*suspects)},
                          {"never_issued", listed(*never_issued)},
                          {"never_issued_scans", ctx.api.never_issued_scans().load()},
                          {"threshold", ctx.api.options().many_places}});
}

}  // namespace zhiyou::server
