#include "trace/gs1/check.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/digital_link.hpp"
#include "trace/gs1/element_string.hpp"

namespace zhiyou::trace::gs1 {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "scheme:" per RFC 3986: a letter, then letters, digits, "+", "-" or ".".
bool starts_with_scheme(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

void set_error(CheckResult& r, const Error& e, std::size_t position) {
  r.ok = false;
  r.ais.clear();
  r.error = e.message;
  r.position = position;
}

}  // namespace

void canonical_order(Elements& elements) {
  Elements unique;
  unique.reserve(elements.size());
  for (Element& e : elements) {
    if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(std::move(e));
  }
  // rank: 0 key, 1..n qualifiers in sequence order, then 100 for the rest (sorted by AI).
  auto key = std::find_if(unique.begin(), unique.end(), [](const Element& e) {
    const AiEntry* entry = find_ai(e.ai);
    return entry != nullptr && entry->dl_primary_key();
  });
  std::vector<std::pair<int, std::size_t>> rank(unique.size(), {100, 0});
  if (key != unique.end()) {
    const std::size_t k = static_cast<std::size_t>(key - unique.begin());
    rank[k] = {0, 0};
    std::string_view quals = find_ai(key->ai)->qualifiers;
    // The first qualifier sequence with any AI present decides the path.
    while (!quals.empty()) {
      const std::size_t bar = quals.find('|');
      std::string_view seq = quals.substr(0, bar);
      quals = bar == std::string_view::npos ? std::string_view{} : quals.substr(bar + 1);
      int position = 1;
      bool any = false;
      while (!seq.empty()) {
        const std::size_t comma = seq.find(',');
        const std::string_view q = seq.substr(0, comma);
        seq = comma == std::string_view::npos ? std::string_view{} : seq.substr(comma + 1);
        for (std::size_t i = 0; i < unique.size(); ++i) {
          if (i != k && unique[i].ai == q) {
            rank[i] = {position, 0};
            any = true;
          }
        }
        ++position;
      }
      if (any) break;
    }
  }
  std::vector<std::size_t> order(unique.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rank[a].first != rank[b].first) return rank[a].first < rank[b].first;
    if (rank[a].first == 100) return unique[a].ai < unique[b].ai;
    return false;
  });
  elements.clear();
  for (std::size_t i : order) elements.push_back(std::move(unique[i]));
}

void check_input(std::string_view line, CheckResult& r, const Options& options) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  r.ok = false;
  r.form = InputForm::unknown;
  r.error.clear();
  r.position = 0;
  r.ais.clear();
  if (line.empty()) {
    r.error = "空行：没有任何 GS1 应用标识符（AI）";
    return;
  }
  std::size_t position = 0;
  std::size_t offset = 0;  // of the parsed text within the line
  Status status = Ok{};
  if (line[0] == '(') {
    r.form = InputForm::bracketed;
    status = parse_bracketed_into(line, r.ais, options, &position);
  } else if (line[0] == ']' && line.size() > 3 &&
             (line.substr(0, 3) == "]Q1" || line.substr(0, 3) == "]d1" ||
              line.substr(0, 3) == "]J0") &&
             starts_with_scheme(line.substr(3))) {
    r.form = InputForm::digital_link;
    offset = 3;
  } else if (line[0] == ']' || (line[0] >= '0' && line[0] <= '9') ||
             line.find(kGroupSeparator) != std::string_view::npos) {
    r.form = InputForm::raw;
    status = parse_raw_into(line, r.ais, options, &position);
  } else if (starts_with_scheme(line)) {
    r.form = InputForm::digital_link;
  } else {
    r.error = "未找到 GS1 应用标识符（AI）：输入既不是元素串，也不是 GS1 Digital Link URI";
    return;
  }
  if (r.form == InputForm::digital_link) {
    auto link = parse_digital_link(line.substr(offset), options, &position);
    if (!link) {
      set_error(r, link.error(), offset + position);
      return;
    }
    r.ais = link->elements();
  } else if (!status) {
    set_error(r, status.error(), position);
    return;
  }
  canonical_order(r.ais);
  r.ok = true;
}

CheckResult check_input(std::string_view line, const Options& options) {
  CheckResult r;
  check_input(line, r, options);
  return r;
}

std::string to_json(const CheckResult& result) {
  std::string out;
  if (result.ok) {
    out = "{\"ok\":true,\"ais\":[";
    for (std::size_t i = 0; i < result.ais.size(); ++i) {
      if (i > 0) out += ',';
      out += '[';
      json::append_quoted(out, result.ais[i].ai);
      out += ',';
      json::append_quoted(out, result.ais[i].value);
      out += ']';
    }
    out += "]}";
  } else {
    out = "{\"ok\":false,\"error\":";
    json::append_quoted(out, result.error);
    out += ",\"position\":";
    out += std::to_string(result.position);
    out += '}';
  }
  return out;
}

}  // namespace zhiyou::trace::gs1
