#include "trace/gs1/check.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "core/text.hpp"
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
  // In place and without allocating: `gs1 check` calls this for every line.
  std::size_t n = 0;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    bool repeat = false;
    for (std::size_t j = 0; j < n && !repeat; ++j) repeat = elements[j] == elements[i];
    if (repeat) continue;
    if (n != i) std::swap(elements[n], elements[i]);
    ++n;
  }
  elements.resize(n);

  // The first Digital Link primary key goes first; the rest keep their order for now.
  std::size_t key = n;
  for (std::size_t i = 0; i < n && key == n; ++i) {
    const AiEntry* entry = find_ai(elements[i].ai);
    if (entry != nullptr && entry->dl_primary_key()) key = i;
  }
  constexpr int kOther = 100;
  std::string_view sequence;  // the key's qualifier sequence, empty when there is none
  auto rank = [&](const Element& e) {
    int position = 1;
    int found = kOther;
    text::for_each_piece(sequence, ',', [&](std::string_view q) {
      if (found == kOther && !q.empty() && e.ai == q) found = position;
      ++position;
    });
    return found;
  };
  std::size_t first = 0;  // where the sorted part starts
  if (key < n) {
    std::rotate(elements.begin(), elements.begin() + static_cast<std::ptrdiff_t>(key),
                elements.begin() + static_cast<std::ptrdiff_t>(key) + 1);
    first = 1;
    // The first qualifier sequence with any of its AIs present decides the path.
    text::for_each_piece(find_ai(elements[0].ai)->qualifiers, '|', [&](std::string_view seq) {
      if (!sequence.empty() || seq.empty()) return;
      sequence = seq;
      for (std::size_t i = 1; i < n; ++i) {
        if (rank(elements[i]) != kOther) return;
      }
      sequence = {};
    });
  }
  // Then qualifiers in sequence order, then every other AI by number. A stable insertion
  // sort: lines carry a handful of AIs, and swapping strings does not allocate.
  for (std::size_t i = first + 1; i < n; ++i) {
    for (std::size_t j = i; j > first; --j) {
      const int ra = rank(elements[j]);
      const int rb = rank(elements[j - 1]);
      const bool before = ra != rb ? ra < rb : ra == kOther && elements[j].ai < elements[j - 1].ai;
      if (!before) break;
      std::swap(elements[j], elements[j - 1]);
    }
  }
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
    thread_local DigitalLink link;  // its storage is reused from line to line
    if (Status s = parse_digital_link_into(line.substr(offset), link, options, &position); !s) {
      set_error(r, s.error(), offset + position);
      return;
    }
    for (Element& e : link.path) r.ais.push_back(std::move(e));
    for (Element& e : link.attributes) r.ais.push_back(std::move(e));
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
    out = R"({"ok":true,"ais":[)";
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
    out = R"({"ok":false,"error":)";
    json::append_quoted(out, result.error);
    out += ",\"position\":";
    out += std::to_string(result.position);
    out += '}';
  }
  return out;
}

}  // namespace zhiyou::trace::gs1
