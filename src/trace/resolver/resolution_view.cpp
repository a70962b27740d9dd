#include "trace/resolver/resolution_view.hpp"

#include <boost/json.hpp>

#include <array>
#include <chrono>
#include <cstdio>

#include "core/text.hpp"

namespace zhiyou::trace::resolver {
namespace {

namespace json = boost::json;

// Beijing time (UTC+8, no daylight saving), which is what a consumer in Ningbo reads.
std::string beijing_time(std::int64_t ms) {
  using namespace std::chrono;
  const sys_seconds t{duration_cast<seconds>(milliseconds(ms)) + hours(8)};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02ld:%02ld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()));
  return text;
}

// "261231" → "2026-12-31"; a DD of 00 means the end of the month (GS1 General
// Specifications 7.12), shown as the month alone.
std::string expiry_text(const std::string& yymmdd) {
  if (yymmdd.size() != 6) return yymmdd;
  const int yy = std::stoi(yymmdd.substr(0, 2));
  // GS1's sliding window is relative to today; codes issued here are within 50 years ahead.
  const std::string year = std::to_string(2000 + yy);
  if (yymmdd.substr(4) == "00") return year + "-" + yymmdd.substr(2, 2);
  return year + "-" + yymmdd.substr(2, 2) + "-" + yymmdd.substr(4, 2);
}

void add_code(json::object& o, const ScannedCode& c) {
  o["uri"] = c.uri;
  o["gtin"] = c.gtin;
  if (!c.lot.empty()) o["lot"] = c.lot;
  if (!c.serial.empty()) o["serial"] = c.serial;
  if (!c.cpv.empty()) o["cpv"] = c.cpv;
}

}  // namespace

std::string resolution_json(const Resolution& r) {
  // Every scan that is not a repeat builds this answer: its few dozen values go into one
  // buffer on the stack (monotonic_resource) instead of an allocation each.
  std::array<unsigned char, 8192> buffer{};
  json::monotonic_resource memory(buffer.data(), buffer.size());
  json::object out(&memory);
  add_code(out["code"].emplace_object(), r.code);
  json::object& product = out["product"].emplace_object();
  product["gtin"] = r.product.gtin;
  product["name"] = r.product.name;
  json::array& marks = product["quality_marks"].emplace_array();
  for (const std::string& m : r.product.quality_marks) marks.emplace_back(m);
  json::object& maker = out["maker"].emplace_object();
  maker["name"] = r.maker.name;
  maker["uscc"] = r.maker.uscc;
  maker["region"] = r.maker_region;
  json::array& checks = out["spot_checks"].emplace_array();
  for (const SpotCheck& c : r.spot_checks) {
    json::object& o = checks.emplace_back(json::object(&memory)).get_object();
    o["sampled_on"] = c.sampled_on;
    o["lot"] = c.lot;
    o["agency"] = c.agency;
    o["conclusion"] = c.conclusion;
    o["failed_items"] = c.failed_items;
    o["report_no"] = c.report_no;
  }
  json::array& recalls = out["recalls"].emplace_array();
  for (const Recall& recall : r.recalls) {
    json::object& o = recalls.emplace_back(json::object(&memory)).get_object();
    o["id"] = recall.id;
    json::array& lots = o["lots"].emplace_array();
    for (const std::string& lot : recall.lots) lots.emplace_back(lot);
    o["reason"] = recall.reason;
    o["announced_at"] = recall.announced_at;
  }
  json::array& journey = out["journey"].emplace_array();
  for (const JourneyStep& step : r.journey) {
    json::object& o = journey.emplace_back(json::object(&memory)).get_object();
    o["event_time"] = beijing_time(step.event_time) + " (UTC+8)";
    o["biz_step"] = step.biz_step;
    o["biz_step_label"] = biz_step_label(step.biz_step);
    o["disposition"] = step.disposition;
    o["disposition_label"] = disposition_label(step.disposition);
    o["location"] = step.location;
  }
  if (!r.code.lot.empty()) {
    json::object& batch = out["batch"].emplace_object();
    batch["lot"] = r.code.lot;
    if (r.expiry) batch["expiry"] = expiry_text(*r.expiry);
  }
  if (!r.code.serial.empty()) {
    json::object& warnings = out["counterfeit"].emplace_object();
    warnings["scan_places"] = r.scan_places;
    warnings["many_places"] = r.many_places;
  }
  return json::serialize(out);
}

std::string resolution_page(const Resolution& r) {
  std::string h;
  h.reserve(4096);
  h += "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
       "<title>";
  h += text::escape_html(r.product.name);
  h += " — 质优扫码</title><style>"
       "body{font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:0;"
       "background:#f5f6f8;color:#1f2329}main{max-width:640px;margin:0 auto;padding:12px}"
       "section{background:#fff;border-radius:8px;padding:12px 16px;margin:10px 0}"
       "h1{font-size:20px;margin:4px 0}h2{font-size:16px;margin:0 0 8px}"
       "dl{display:grid;grid-template-columns:6em 1fr;gap:4px 8px;margin:0}dt{color:#646a73}"
       "dd{margin:0;word-break:break-all}.recall,.fake{background:#fde2e2;color:#c0392b;"
       "border:2px solid #c0392b}.mark{display:inline-block;background:#e8f3ff;color:#1f5fbf;"
       "border-radius:4px;padding:2px 6px;margin:2px}.ok{color:#1a7f37}.bad{color:#c0392b}"
       "ol{padding-left:1.2em;margin:0}li{margin:4px 0}</style></head><body><main>";
  for (const Recall& recall : r.recalls) {
    h += "<section class=\"recall\" role=\"alert\"><h2>⚠ 召回警示</h2><p>该批次产品正在召回：";
    h += text::escape_html(recall.reason);
    h += "</p><p>公告时间：" + text::escape_html(recall.announced_at.substr(0, 10)) +
         "。请停止使用，联系经销商或生产企业办理退换。</p></section>";
  }
  if (r.many_places) {
    h += "<section class=\"fake\" role=\"alert\"><h2>⚠ 疑似假冒</h2><p>此码已在 ";
    h += std::to_string(r.scan_places);
    h += " 个不同地点被扫描，可能被复制。请向市场监管部门（12315）核实。</p></section>";
  }
  h += "<section><h1>" + text::escape_html(r.product.name) + "</h1>";
  for (const std::string& m : r.product.quality_marks) {
    h += "<span class=\"mark\">" + text::escape_html(m) + "</span>";
  }
  h += "<dl><dt>商品条码</dt><dd>" + text::escape_html(r.product.gtin) + "</dd>";
  if (!r.code.lot.empty()) h += "<dt>批号</dt><dd>" + text::escape_html(r.code.lot) + "</dd>";
  if (r.expiry) h += "<dt>有效期至</dt><dd>" + text::escape_html(expiry_text(*r.expiry)) + "</dd>";
  if (!r.code.serial.empty())
    h += "<dt>序列号</dt><dd>" + text::escape_html(r.code.serial) + "</dd>";
  h += "</dl></section><section><h2>生产企业</h2><dl><dt>名称</dt><dd>" +
       text::escape_html(r.maker.name) + "</dd><dt>信用代码</dt><dd>" +
       text::escape_html(r.maker.uscc) + "</dd><dt>所在地</dt><dd>" +
       text::escape_html(r.maker_region) + "</dd></dl></section>";
  h += "<section><h2>抽检结果</h2>";
  if (r.spot_checks.empty()) {
    h += "<p>暂无该产品的抽检记录。</p>";
  } else {
    h += "<ol>";
    for (const SpotCheck& c : r.spot_checks) {
      const bool ok = c.conclusion == "合格";
      h += "<li>" + text::escape_html(c.sampled_on) + " " + text::escape_html(c.agency) +
           "：<b class=\"" + (ok ? "ok" : "bad") + "\">" + text::escape_html(c.conclusion) + "</b>";
      if (!c.failed_items.empty()) h += "（" + text::escape_html(c.failed_items) + "）";
      if (!c.lot.empty()) h += " 批号 " + text::escape_html(c.lot);
      h += " 报告 " + text::escape_html(c.report_no) + "</li>";
    }
    h += "</ol>";
  }
  h += "</section>";
  if (!r.code.serial.empty()) {
    h += "<section><h2>流通记录</h2>";
    if (r.journey.empty()) {
      h += "<p>暂无流通记录。</p>";
    } else {
      h += "<ol>";
      for (const JourneyStep& s : r.journey) {
        h += "<li>" + beijing_time(s.event_time) + " " +
             text::escape_html(biz_step_label(s.biz_step));
        if (!s.disposition.empty())
          h += "（" + text::escape_html(disposition_label(s.disposition)) + "）";
        if (!s.location.empty()) h += " <small>" + text::escape_html(s.location) + "</small>";
        h += "</li>";
      }
      h += "</ol>";
    }
    h += "</section>";
  }
  h += "<p style=\"color:#8f959e;font-size:12px\">" + text::escape_html(r.code.uri) +
       "</p></main></body></html>";
  return h;
}

std::string linkset_json(const Resolution& r, std::string_view base) {
  const std::string self =
      std::string(base) + r.code.uri.substr(std::string_view("https://id.gs1.org").size());
  auto link = [](const std::string& href, std::string_view type, const std::string& title) {
    return json::array{json::object{
        {"href", href}, {"type", type}, {"title", title}, {"hreflang", json::array{"zh-CN"}}}};
  };
  const char* const join = self.find('?') == std::string::npos ? "?" : "&";
  json::object set{{"anchor", r.code.uri}};
  set["https://gs1.org/voc/defaultLink"] = link(self, "text/html", "扫码结果：" + r.product.name);
  set["https://gs1.org/voc/pip"] = link(self, "text/html", "产品信息：" + r.product.name);
  set["https://gs1.org/voc/certificationInfo"] = link(
      self + join + "linkType=gs1:certificationInfo", "application/json", "抽检结果与质量标志");
  if (!r.recalls.empty()) {
    set["https://gs1.org/voc/recallStatus"] = link(self, "text/html", "召回警示");
  }
  if (!r.code.serial.empty()) {
    set["https://gs1.org/voc/traceability"] =
        link(std::string(base) + "/epcis/events?MATCH_anyEPC=" + r.code.uri, "application/json",
             "流通记录（EPCIS 事件）");
  }
  return json::serialize(json::object{{"linkset", json::array{std::move(set)}}});
}

std::string problem_page(std::string_view title, std::string_view message, bool counterfeit) {
  std::string h =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>";
  h += text::escape_html(title);
  h += " — 质优扫码</title><style>body{font-family:system-ui,sans-serif;max-width:640px;"
       "margin:0 auto;padding:16px}.fake{background:#fde2e2;color:#c0392b;border:2px solid "
       "#c0392b;border-radius:8px;padding:8px 16px}</style></head><body><h1>";
  h += text::escape_html(title);
  h += "</h1><p>" + text::escape_html(message) + "</p>";
  if (counterfeit) {
    h += "<section class=\"fake\" role=\"alert\"><h2>⚠ 疑似假冒</h2><p>该序列号从未由生产企业"
         "发放。请保留商品和包装，向市场监管部门（12315）举报。</p></section>";
  }
  h += "</body></html>";
  return h;
}

}  // namespace zhiyou::trace::resolver
