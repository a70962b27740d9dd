#include "trace/epcis/checker.hpp"

#include <algorithm>
#include <array>

#include "core/date_time.hpp"
#include "trace/epcis/epc.hpp"

namespace zhiyou::trace::epcis::detail {
namespace json = boost::json;

namespace {

// Prefixes the standard EPCIS 2.0 context itself defines, and URI schemes a full
// (non-compact) extension name may use.
constexpr std::array<std::string_view, 12> kBuiltinPrefixes{"epcis",   "cbv",  "cbvmda", "gs1",
                                                            "rdf",     "rdfs", "owl",    "xsd",
                                                            "dcterms", "http", "https",  "urn"};

std::string_view kind_name(json::kind k) {
  switch (k) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "布尔值";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "数字";
    case json::kind::string:
      return "字符串";
    case json::kind::array:
      return "数组";
    case json::kind::object:
      return "对象";
  }
  return "?";
}

}  // namespace

bool Checker::fail(std::string_view field, const std::string& reason) {
  if (error_) return false;
  std::string place = path;
  if (!field.empty()) {
    if (!place.empty()) place += '.';
    place += field;
  }
  // The message names the event and the field's own name; the place is the whole path.
  const std::size_t dot = place.find_last_of('.');
  std::string name = dot == std::string::npos ? place : place.substr(dot + 1);
  std::string message;
  if (event_index) message = "第 " + std::to_string(*event_index + 1) + " 个事件";
  if (!name.empty()) message += (message.empty() ? "字段 " : "的字段 ") + name;
  message += message.empty() ? reason : "：" + reason;
  error_ = make_error(std::move(message), std::move(place));
  return false;
}

Checker::Scope::Scope(Checker& c, std::string_view segment) : c_(c), size_(c.path.size()) {
  if (!c_.path.empty() && segment.front() != '[') c_.path += '.';
  c_.path += segment;
}

Checker::Scope::~Scope() { c_.path.resize(size_); }

namespace {
template <typename T, typename Get>
const T* typed_field(Checker& c, const json::object& o, std::string_view key, bool required,
                     json::kind want, std::string_view want_name, Get get) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) {
    if (required) c.fail(key, "缺少必填字段");
    return nullptr;
  }
  if (v->kind() != want) {
    c.fail(key, "应为" + std::string(want_name) + "，实为" + std::string(kind_name(v->kind())));
    return nullptr;
  }
  return get(*v);
}
}  // namespace

const json::string* Checker::string_field(const json::object& o, std::string_view key,
                                          bool required) {
  return typed_field<json::string>(*this, o, key, required, json::kind::string, "字符串",
                                   [](const json::value& v) { return &v.get_string(); });
}

const json::object* Checker::object_field(const json::object& o, std::string_view key,
                                          bool required) {
  return typed_field<json::object>(*this, o, key, required, json::kind::object, "对象",
                                   [](const json::value& v) { return &v.get_object(); });
}

const json::array* Checker::array_field(const json::object& o, std::string_view key,
                                        bool required) {
  return typed_field<json::array>(*this, o, key, required, json::kind::array, "数组",
                                  [](const json::value& v) { return &v.get_array(); });
}

bool Checker::uri(const json::object& o, std::string_view key, bool required) {
  const json::string* s = string_field(o, key, required);
  if (s == nullptr) return ok();
  if (!is_uri(*s)) return fail(key, "「" + std::string(*s) + "」不是有效的 URI");
  return true;
}

bool Checker::time(const json::object& o, std::string_view key, bool required, std::int64_t* out) {
  const json::string* s = string_field(o, key, required);
  if (s == nullptr) return ok();
  const auto millis = parse_date_time(*s);
  if (!millis) {
    return fail(key, "「" + std::string(*s) +
                         "」不是有效的时间（应为 RFC 3339，如 2005-04-03T20:33:31.116-06:00）");
  }
  if (out != nullptr) *out = *millis;
  return true;
}

bool Checker::number(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_number()) return true;
  return fail(key, "应为数字，实为" + std::string(kind_name(v->kind())));
}

std::optional<std::string> Checker::vocabulary(const json::object& o, std::string_view key,
                                               Vocabulary v, bool required) {
  const json::string* s = string_field(o, key, required);
  if (s == nullptr) return std::nullopt;
  auto value = canonical_vocabulary(v, *s);
  if (!value) {
    fail(key, "「" + std::string(*s) + "」既不是 CBV 标准值，也不是非 CBV 命名空间的 URI");
  }
  return value;
}

bool Checker::extension_name(std::string_view key) const {
  if (!is_uri(key)) return false;
  if (trust_extension_prefixes) return true;
  const std::string_view prefix = key.substr(0, key.find(':'));
  return std::find(kBuiltinPrefixes.begin(), kBuiltinPrefixes.end(), prefix) !=
             kBuiltinPrefixes.end() ||
         prefixes.contains(prefix);
}

bool Checker::field_names(const json::object& o, std::initializer_list<std::string_view> known) {
  for (const auto& member : o) {
    const std::string_view key = member.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    if (!is_uri(key)) {
      return fail(key, "不是本结构允许的字段，扩展字段须带命名空间前缀（如 ext:field）");
    }
    if (!extension_name(key)) {
      return fail(key, "扩展字段的命名空间前缀「" + std::string(key.substr(0, key.find(':'))) +
                           "」未在 @context 中声明");
    }
  }
  return true;
}

bool Checker::field_names_closed(const json::object& o,
                                 std::initializer_list<std::string_view> known) {
  for (const auto& member : o) {
    if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
      return fail(member.key(), "不是本结构允许的字段");
    }
  }
  return true;
}

const std::string* Checker::canonical(std::string_view field, std::string_view text) {
  const std::string key(text);
  if (const auto it = canonical_cache.find(key); it != canonical_cache.end()) return &it->second;
  auto value = canonical_identifier(text);
  if (!value) {
    fail(field, value.error().message);
    return nullptr;
  }
  return &canonical_cache.emplace(key, std::move(value).value()).first->second;
}

void Checker::add_context(const json::value& context) {
  auto add_object = [&](const json::object& o) {
    for (const auto& member : o) {
      if (!member.key().starts_with("@")) prefixes.emplace(member.key());
    }
  };
  if (context.is_object()) add_object(context.get_object());
  if (context.is_array()) {
    for (const json::value& item : context.get_array()) {
      if (item.is_object()) add_object(item.get_object());
    }
  }
}

}  // namespace zhiyou::trace::epcis::detail
