#include "trace/epcis/query.hpp"

#include <algorithm>
#include <charconv>

#include "core/date_time.hpp"
#include "trace/epcis/cbv.hpp"

namespace zhiyou::trace::epcis {
namespace {

std::vector<std::string_view> alternatives(std::string_view value) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t bar = value.find('|', start);
    const std::string_view part =
        value.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (!part.empty()) out.push_back(part);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

Error bad(const std::string& name, const std::string& reason) {
  return make_error("查询参数 " + name + "：" + reason, name);
}

// Roles each MATCH_ parameter looks at (EpcRole characters).
const char* match_roles(std::string_view name) {
  if (name == "MATCH_epc") return "ec";
  if (name == "MATCH_parentID") return "p";
  if (name == "MATCH_inputEPC") return "i";
  if (name == "MATCH_outputEPC") return "o";
  if (name == "MATCH_anyEPC") return "ecpio";
  if (name == "MATCH_epcClass") return "qk";
  if (name == "MATCH_inputEPCClass") return "m";
  if (name == "MATCH_outputEPCClass") return "n";
  if (name == "MATCH_anyEPCClass") return "qkmn";
  return nullptr;
}

Status add_vocabulary(std::vector<std::string>& out, const std::string& name,
                      std::string_view value, Vocabulary v) {
  for (std::string_view part : alternatives(value)) {
    auto canonical = canonical_vocabulary(v, part);
    if (!canonical) return bad(name, "「" + std::string(part) + "」不是 CBV 值或 URI");
    out.push_back(std::move(*canonical));
  }
  return Ok{};
}

Status add_identifiers(std::vector<std::string>& out, const std::string& name,
                       std::string_view value) {
  for (std::string_view part : alternatives(value)) {
    auto canonical = canonical_identifier(part);
    if (!canonical) return bad(name, canonical.error().message);
    out.push_back(std::move(canonical).value());
  }
  return Ok{};
}

// The bound a GE_/LT_ time parameter sets, or nullptr for another parameter.
std::optional<std::int64_t>* time_bound(EventQuery& q, std::string_view name) {
  if (name == "GE_eventTime") return &q.ge_event_time;
  if (name == "LT_eventTime") return &q.lt_event_time;
  if (name == "GE_errorDeclarationTime") return &q.ge_declaration_time;
  if (name == "LT_errorDeclarationTime") return &q.lt_declaration_time;
  return nullptr;
}

Status apply(EventQuery& q, const std::string& name, const std::string& value) {
  if (name == "eventType") {
    for (std::string_view part : alternatives(value)) q.event_types.emplace_back(part);
  } else if (name == "EQ_action") {
    for (std::string_view part : alternatives(value)) {
      if (part != "ADD" && part != "OBSERVE" && part != "DELETE") {
        return bad(name, "应为 ADD、OBSERVE 或 DELETE");
      }
      q.actions.emplace_back(part);
    }
  } else if (name == "EQ_bizStep") {
    return add_vocabulary(q.biz_steps, name, value, Vocabulary::biz_step);
  } else if (name == "EQ_disposition") {
    return add_vocabulary(q.dispositions, name, value, Vocabulary::disposition);
  } else if (name == "EQ_readPoint") {
    return add_identifiers(q.read_points, name, value);
  } else if (name == "EQ_bizLocation") {
    return add_identifiers(q.biz_locations, name, value);
  } else if (std::optional<std::int64_t>* bound = time_bound(q, name)) {
    const auto t = parse_date_time(value);
    if (!t) return bad(name, "「" + value + "」不是 RFC 3339 时间");
    *bound = *t;
    if (name.ends_with("errorDeclarationTime")) q.error_declared = true;
  } else if (name == "EXISTS_errorDeclaration") {
    // The standard's EXISTS_ parameters take no value; REST clients send one, usually "true".
    if (!value.empty() && value != "true") return bad(name, "只能不带值或为 true");
    q.error_declared = true;
  } else if (name == "EQ_errorReason") {
    q.error_declared = true;
    return add_vocabulary(q.error_reasons, name, value, Vocabulary::error_reason);
  } else if (name == "EQ_correctiveEventID") {
    q.error_declared = true;
    for (std::string_view part : alternatives(value)) q.corrective_event_ids.emplace_back(part);
    if (q.corrective_event_ids.empty()) return bad(name, "没有给出 eventID");
  } else if (const char* roles = match_roles(name)) {
    EpcMatch match;
    match.roles = roles;
    match.parameter = name;
    for (std::string_view part : alternatives(value)) {
      auto epc = parse_epc_or_pattern(part);
      if (!epc) return bad(name, epc.error().message);
      match.values.push_back(std::move(epc).value());
    }
    if (match.values.empty()) return bad(name, "没有给出标识");
    q.epc_matches.push_back(std::move(match));
  } else if (name == "perPage") {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n == 0 ||
        n > EventQuery::kMaxPerPage) {
      return bad(name, "应为 1 至 " + std::to_string(EventQuery::kMaxPerPage) + " 的整数");
    }
    q.per_page = n;
  } else if (name == "nextPageToken") {
    const auto key = parse_page_token(value);
    if (!key) return bad(name, "无效的分页标记");
    q.after_key = *key;
  } else {
    return bad(name, "不支持的查询参数");
  }
  return Ok{};
}

}  // namespace

Result<EventQuery> parse_query(const QueryParameters& parameters) {
  EventQuery q;
  for (const auto& [name, value] : parameters) {
    if (Status s = apply(q, name, value); !s) return s.error();
  }
  return q;
}

bool declaration_matches(const EventQuery& query, const Event& event) {
  const auto asked = [](const std::vector<std::string>& wanted, const std::string& value) {
    return std::find(wanted.begin(), wanted.end(), value) != wanted.end();
  };
  if (!query.error_reasons.empty() && !asked(query.error_reasons, event.error_reason)) {
    return false;
  }
  if (query.corrective_event_ids.empty()) return true;
  return std::any_of(event.corrective_event_ids.begin(), event.corrective_event_ids.end(),
                     [&](const std::string& id) { return asked(query.corrective_event_ids, id); });
}

std::string page_token(std::int64_t event_key) { return "k" + std::to_string(event_key); }

std::optional<std::int64_t> parse_page_token(std::string_view token) {
  if (token.size() < 2 || token.front() != 'k') return std::nullopt;
  std::int64_t key = 0;
  const auto [end, ec] = std::from_chars(token.data() + 1, token.data() + token.size(), key);
  if (ec != std::errc() || end != token.data() + token.size() || key < 0) return std::nullopt;
  return key;
}

}  // namespace zhiyou::trace::epcis
