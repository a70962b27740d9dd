#include "trace/resolver/resolution_view.hpp"

#include <boost/json.hpp>

#include "core/date_time.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace zhiyou::trace::resolver {
namespace {

namespace json = boost::json;

// Beijing time to the minute ("2024-05-04 15:00"), which is what a consumer in Ningbo reads.
std::string beijing_minute(std::int64_t ms) { return beijing_time(ms).substr(0, 16); }

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

// Writes JSON text by hand: a scan that is not a repeat builds this answer, and a tree of
// Boost.JSON values cost a fifth of the server's instructions for one.
class JsonText {
 public:
  explicit JsonText(std::string& out) : out_(out) {}
  JsonText& open(char bracket) {
    out_ += bracket;
    first_ = true;
    return *this;
  }
  JsonText& close(char bracket) {
    out_ += bracket;
    first_ = false;
    return *this;
  }
  // Starts a member (`"name":`) or, with an empty name, an array element.
  JsonText& key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    if (!name.empty()) {
      out_ += '"';
      out_ += name;  // our own ASCII names
      out_ += "\":";
    }
    return *this;
  }
  JsonText& string(std::string_view name, std::string_view value) {
    key(name);
    zhiyou::json::append_quoted(out_, value);
    return *this;
  }
  JsonText& number(std::string_view name, std::size_t value) {
    key(name);
    out_ += std::to_string(value);
    return *this;
  }
  JsonText& boolean(std::string_view name, bool value) {
    key(name);
    out_ += value ? "true" : "false";
    return *this;
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

std::string resolution_json(const Resolution& r) {
  std::string out;
  out.reserve(1024);
  JsonText j(out);
  j.open('{');
  j.key("code").open('{').string("uri", r.code.uri).string("gtin", r.code.gtin);
  if (!r.code.lot.empty()) j.string("lot", r.code.lot);
  if (!r.code.serial.empty()) j.string("serial", r.code.serial);
  if (!r.code.cpv.empty()) j.string("cpv", r.code.cpv);
  j.close('}');
  j.key("product").open('{').string("gtin", r.product.gtin).string("name", r.product.name);
  j.key("quality_marks").open('[');
  for (const std::string& m : r.product.quality_marks) j.string("", m);
  j.close(']').close('}');
  j.key("maker").open('{').string("name", r.maker.name).string("uscc", r.maker.uscc);
  j.string("region", r.maker_region).close('}');
  j.key("spot_checks").open('[');
  for (const SpotCheck& c : r.spot_checks) {
    j.key("").open('{').string("sampled_on", c.sampled_on).string("lot", c.lot);
    j.string("agency", c.agency).string("conclusion", c.conclusion);
    j.string("failed_items", c.failed_items).string("report_no", c.report_no).close('}');
  }
  j.close(']');
  j.key("recalls").open('[');
  for (const Recall& recall : r.recalls) {
    j.key("").open('{').string("id", recall.id).key("lots").open('[');
    for (const std::string& lot : recall.lots) j.string("", lot);
    j.close(']').string("reason", recall.reason).string("announced_at", recall.announced_at);
    j.close('}');
  }
  j.close(']');
  j.key("journey").open('[');
  for (const JourneyStep& step : r.journey) {
    j.key("").open('{').string("event_time", beijing_minute(step.event_time) + " (UTC+8)");
    j.string("biz_step", step.biz_step).string("biz_step_label", biz_step_label(step.biz_step));
    j.string("disposition", step.disposition);
    j.string("disposition_label", disposition_label(step.disposition));
    j.string("location", step.location).close('}');
  }
  j.close(']');
  j.number("withdrawn_events", r.withdrawn_events);
  if (!r.code.lot.empty()) {
    j.key("batch").open('{').string("lot", r.code.lot);
    if (r.expiry) j.string("expiry", expiry_text(*r.expiry));
    j.close('}');
  }
  if (!r.code.serial.empty()) {
    j.key("counterfeit").open('{').number("scan_places", r.scan_places);
    j.boolean("many_places", r.many_places).close('}');
  }
  j.close('}');
  return out;
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
       "ol{padding-left:1.2em;margin:0}li{margin:4px 0}"
       // A Digital Link has no spaces: without this it would widen the page past a phone's.
       ".uri{color:#8f959e;font-size:12px;word-break:break-all}</style></head><body><main>";
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
        h += "<li>" + beijing_minute(s.event_time) + " " +
             text::escape_html(biz_step_label(s.biz_step));
        if (!s.disposition.empty())
          h += "（" + text::escape_html(disposition_label(s.disposition)) + "）";
        if (!s.location.empty()) h += " <small>" + text::escape_html(s.location) + "</small>";
        h += "</li>";
      }
      h += "</ol>";
    }
    if (r.withdrawn_events > 0) {
      h += "<p><small>另有 " + std::to_string(r.withdrawn_events) +
           " 条记录已由记录方声明有误，未列出。</small></p>";
    }
    h += "</section>";
  }
  h += "<p class=\"uri\">" + text::escape_html(r.code.uri) + "</p></main></body></html>";
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
       "margin:0 auto;padding:16px;overflow-wrap:anywhere}"
       ".fake{background:#fde2e2;color:#c0392b;border:2px solid #c0392b;border-radius:8px;"
       "padding:8px 16px}</style></head><body><h1>";
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
