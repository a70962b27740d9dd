#include "trace/epcis/document.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>
#include <vector>

#include "core/date_time.hpp"
#include "core/hash.hpp"
#include "core/json.hpp"
#include "trace/epcis/checker.hpp"
#include "trace/epcis/raw_events.hpp"

namespace zhiyou::trace::epcis {
namespace json = boost::json;
namespace {

using detail::Checker;

// Keys sorted at every level, no whitespace: the same event always gives the same text.
// `skip`: a key left out at this level.
void append_canonical(std::string& out, const json::value& v, std::string_view skip = {}) {
  if (v.is_object()) {
    std::vector<const json::key_value_pair*> members;
    for (const auto& m : v.get_object()) {
      if (m.key() != skip) members.push_back(&m);
    }
    std::sort(members.begin(), members.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i > 0) out += ',';
      zhiyou::json::append_quoted(out, members[i]->key());
      out += ':';
      append_canonical(out, members[i]->value());
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const json::value& item : v.get_array()) {
      if (!first) out += ',';
      first = false;
      append_canonical(out, item);
    }
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

bool check_context(Checker& c, const json::object& o) {
  const json::value* context = o.if_contains("@context");
  if (context == nullptr) {
    return c.fail("@context", "缺少 JSON-LD @context（EPCIS 2.0 文档必须引用标准上下文）");
  }
  const bool ok_shape =
      context->is_string() || context->is_object() ||
      (context->is_array() &&
       std::all_of(context->get_array().begin(), context->get_array().end(),
                   [](const json::value& item) { return item.is_string() || item.is_object(); }));
  if (!ok_shape) return c.fail("@context", "应为 URI、对象或二者组成的数组");
  c.add_context(*context);
  return true;
}

bool check_header(Checker& c, const json::object& doc, bool query_document) {
  if (query_document) {
    return c.field_names(doc,
                         {"@context", "id", "type", "schemaVersion", "creationDate", "epcisBody"});
  }
  if (!c.field_names(
          doc, {"@context", "id", "type", "schemaVersion", "creationDate", "instanceIdentifier",
                "sender", "receiver", "epcisHeader", "epcisBody"})) {
    return false;
  }
  const json::string* version = c.string_field(doc, "schemaVersion", true);
  if (version == nullptr) return false;
  const bool version_ok =
      !version->empty() && std::isdigit(static_cast<unsigned char>(version->front())) != 0 &&
      std::isdigit(static_cast<unsigned char>(version->back())) != 0 &&
      std::all_of(version->begin(), version->end(),
                  [](char ch) { return (ch >= '0' && ch <= '9') || ch == '.'; }) &&
      version->find("..") == json::string::npos;
  if (!version_ok) return c.fail("schemaVersion", "「" + std::string(*version) + "」不是版本号");
  for (std::string_view f : {"instanceIdentifier", "sender", "receiver"}) {
    c.string_field(doc, f, false);
  }
  c.object_field(doc, "epcisHeader", false);
  return c.ok() && c.time(doc, "creationDate", true);
}

// The eventList of a document, or nullptr with the problem recorded.
const json::array* event_list(Checker& c, const json::object& doc, bool query_document) {
  const json::object* body = c.object_field(doc, "epcisBody", true);
  if (body == nullptr) return nullptr;
  Checker::Scope b(c, "epcisBody");
  if (!query_document) {
    if (!c.field_names(*body, {"eventList"})) return nullptr;
    return c.array_field(*body, "eventList", true);
  }
  if (!c.field_names(*body, {"queryResults"})) return nullptr;
  const json::object* results = c.object_field(*body, "queryResults", true);
  if (results == nullptr) return nullptr;
  Checker::Scope q(c, "queryResults");
  if (!c.field_names(*results, {"queryName", "subscriptionID", "resultsBody"}) ||
      c.string_field(*results, "queryName", true) == nullptr) {
    return nullptr;
  }
  const json::object* rbody = c.object_field(*results, "resultsBody", true);
  if (rbody == nullptr) return nullptr;
  Checker::Scope r(c, "resultsBody");
  if (!c.field_names(*rbody, {"eventList", "vocabularyList"})) return nullptr;
  return c.array_field(*rbody, "eventList", true);
}

// `raw`: the event's text as sent, when the document's event list could be located in it.
bool read_event(Checker& c, const json::value& v, std::size_t index, Event& out,
                std::string_view raw = {}) {
  if (!v.is_object()) return c.fail("", "事件应为 JSON 对象");
  const json::object& o = v.get_object();
  // An event's own @context adds prefixes for that event only.
  const json::value* context = o.if_contains("@context");
  std::set<std::string, std::less<>> saved;
  if (context != nullptr) {
    saved = c.prefixes;
    c.add_context(*context);
  }
  out.index = index;
  const bool ok = detail::check_event(c, o, out);
  if (context != nullptr) c.prefixes = std::move(saved);
  if (!ok) return false;
  if (out.event_id.empty()) {
    // Without its errorDeclaration, as GS1's event hash: a declaration of an event sent
    // without eventID gets that event's id, and so withdraws it.
    std::string canonical;
    append_canonical(canonical, v, "errorDeclaration");
    out.event_id = computed_event_id(sha256_hex(canonical));
    out.event_id_computed = true;
  }
  out.json = raw.empty() ? json::serialize(v) : std::string(raw);
  return true;
}

}  // namespace

Result<Event> read_stored_event(std::string_view text) {
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec);
  if (ec) return make_error("存储的事件不是有效的 JSON：" + ec.message());
  Checker c;
  c.trust_extension_prefixes = true;
  Event event;
  if (!read_event(c, v, 0, event)) return *c.error();
  return event;
}

std::string computed_event_id(std::string_view canonical_json_sha256_hex) {
  return "ni:///sha-256;" + std::string(canonical_json_sha256_hex) + "?ver=zhiyou-json-1";
}

Result<Document> parse_document(std::string_view text) {
  // The parsed tree lives only while the document is read: all of it in one arena (the
  // constructor's resource is only the parser's scratch space; reset() sets the tree's).
  json::monotonic_resource memory;
  json::stream_parser parser(&memory);
  parser.reset(&memory);
  boost::system::error_code ec;
  const std::size_t used = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    return make_error(
        "不是有效的 JSON（第 " + std::to_string(used + 1) + " 个字节附近：" + ec.message() + "）",
        "byte " + std::to_string(used + 1));
  }
  const json::value root = parser.release();
  Checker c;
  if (!root.is_object()) return make_error("EPCIS 文档应为 JSON 对象");
  const json::object& doc = root.get_object();
  const json::string* type = c.string_field(doc, "type", true);
  if (type == nullptr || !check_context(c, doc)) return *c.error();

  Document out;
  if (const json::value* context = doc.if_contains("@context")) {
    out.context = json::serialize(*context);
  }
  if (*type != "EPCISDocument" && *type != "EPCISQueryDocument") {
    // A single event sent on its own, with its @context.
    Event event;
    c.event_index = 0;
    const auto raw = raw_events(text, DocumentShape::single_event);
    if (!read_event(c, root, 0, event, raw ? raw->front() : std::string_view())) return *c.error();
    out.events.push_back(std::move(event));
    return out;
  }
  const bool query_document = *type == "EPCISQueryDocument";
  if (!check_header(c, doc, query_document)) return *c.error();
  const json::array* events = event_list(c, doc, query_document);
  if (events == nullptr) return *c.error();
  const std::string list_path =
      query_document ? "epcisBody.queryResults.resultsBody.eventList" : "epcisBody.eventList";
  out.events.resize(events->size());
  auto raw =
      raw_events(text, query_document ? DocumentShape::query_document : DocumentShape::document);
  if (raw && raw->size() != events->size()) raw.reset();
  for (std::size_t i = 0; i < events->size(); ++i) {
    c.path = list_path + "[" + std::to_string(i) + "]";
    c.event_index = i;
    if (!read_event(c, (*events)[i], i, out.events[i], raw ? (*raw)[i] : std::string_view())) {
      return *c.error();
    }
  }
  return out;
}

}  // namespace zhiyou::trace::epcis
