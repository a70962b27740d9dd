#include "trace/gs1/fast_check.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/text.hpp"
#include "trace/gs1/associations.hpp"
#include "trace/gs1/element_string.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// Character classes of RFC 3986 as the Digital Link parser (uri_parts.cpp) applies them.
enum : std::uint8_t {
  kHost = 1,       // what host_ok() accepts in a registered name: A-Z a-z 0-9 - .
  kPathPlain = 2,  // unreserved, sub-delims, ":", "@" (valid_run(path, ":@/") without "/")
  kQuery = 4,      // the same and "/", "?" (valid_run(query, ":@/?") without "%")
  kHex = 8,
  kDigit = 16,
  kAi = 32,  // "%" or "+": a value to decode in a query
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> c{};
  for (int i = 'a'; i <= 'z'; ++i) c[i] = kHost | kPathPlain | kQuery;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = kHost | kPathPlain | kQuery;
  for (int i = '0'; i <= '9'; ++i) c[i] = kHost | kPathPlain | kQuery | kHex | kDigit;
  for (int i = 'a'; i <= 'f'; ++i) c[i] |= kHex;
  for (int i = 'A'; i <= 'F'; ++i) c[i] |= kHex;
  c['-'] = c['.'] = kHost | kPathPlain | kQuery;
  for (const char s : std::string_view("_~!$&'()*+,;=:@")) {
    c[static_cast<unsigned char>(s)] |= kPathPlain | kQuery;
  }
  c['/'] = c['?'] = kQuery;
  return c;
}
constexpr auto kClass = make_classes();

bool has(char c, std::uint8_t cls) { return (kClass[static_cast<unsigned char>(c)] & cls) != 0; }

constexpr AiCode kSignature = ai_code("8030");

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// The top bit of a byte of the result is set when some byte of `w` is a control character,
// '"' or '\' (the classic "has a zero byte" and "has a byte below n" word tricks: exact for
// the question "is there any").
std::uint64_t escape_flags(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"');
  const std::uint64_t backslash = w ^ (kOnes * '\\');
  return (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
          ((backslash - kOnes) & ~backslash)) &
         kHigh;
}

std::uint64_t load8(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}

std::uint64_t load4(const char* p) {
  std::uint32_t w = 0;
  std::memcpy(&w, p, 4);
  return w | (kOnes * 'A' << 32);  // harmless filler above
}

// Copies `s` to `out` and tells whether it has a byte a JSON string must escape. Short
// strings move in two overlapping words, without a call.
bool copy_checking(char* out, std::string_view s) {
  const std::size_t n = s.size();
  const char* p = s.data();
  if (n >= 8) {
    std::uint64_t found = 0;
    std::size_t i = 0;
    for (; i + 8 < n; i += 8) {
      const std::uint64_t w = load8(p + i);
      found |= escape_flags(w);
      std::memcpy(out + i, &w, 8);
    }
    const std::uint64_t last = load8(p + n - 8);
    std::memcpy(out + n - 8, &last, 8);
    return (found | escape_flags(last)) != 0;
  }
  if (n >= 4) {
    const std::uint64_t a = load4(p);
    const std::uint64_t b = load4(p + n - 4);
    std::memcpy(out, &a, 4);
    std::memcpy(out + n - 4, &b, 4);
    return (escape_flags(a) | escape_flags(b)) != 0;
  }
  unsigned escape = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = p[i];
    out[i] = c;
    escape |= static_cast<unsigned>(static_cast<unsigned char>(c) < 0x20) |
              static_cast<unsigned>(c == '"') | static_cast<unsigned>(c == '\\');
  }
  return escape != 0;
}

char* put(char* out, std::string_view s) {
  std::memcpy(out, s.data(), s.size());
  return out + s.size();
}

// Writes `s` as a JSON string the way json::append_quoted() does.
char* put_quoted(char* out, std::string_view s) {
  *out++ = '"';
  if (!copy_checking(out, s)) {
    out += s.size();
    *out++ = '"';
    return out;
  }
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != '"' && c != '\\') {
      *out++ = ch;
      continue;
    }
    *out++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *out++ = ch;
        break;
      case '\n':
        *out++ = 'n';
        break;
      case '\r':
        *out++ = 'r';
        break;
      case '\t':
        *out++ = 't';
        break;
      case '\b':
        *out++ = 'b';
        break;
      case '\f':
        *out++ = 'f';
        break;
      default: {
        static constexpr char kHexDigits[] = "0123456789abcdef";
        out[0] = 'u';
        out[1] = '0';
        out[2] = '0';
        out[3] = kHexDigits[c >> 4];
        out[4] = kHexDigits[c & 15];
        out += 5;
      }
    }
  }
  *out++ = '"';
  return out;
}

char* put_error(char* out, std::string_view message, std::size_t position) {
  out = put(out, R"({"ok":false,"error":)");
  out = put_quoted(out, message);
  out = put(out, R"(,"position":)");
  out = std::to_chars(out, out + 24, position).ptr;
  *out++ = '}';
  return out;
}

// Whether `quals` (in order) is an ordered selection of one of the key's sequences.
bool fits_some_sequence(const CompiledRules& key, const AiCode* quals, std::size_t n) {
  if (n == 0) return true;
  for (const auto& sequence : key.qualifier_sequences) {
    std::size_t next = 0;
    for (const AiCode q : sequence) {
      if (next < n && quals[next] == q) ++next;
    }
    if (!sequence.empty() && next == n) return true;
  }
  return false;
}

bool contains(const std::vector<AiCode>& sequence, AiCode code) {
  return std::find(sequence.begin(), sequence.end(), code) != sequence.end();
}

// Whether `code` would join the path qualifiers of the key in one of its sequences.
bool belongs_in_path(const CompiledRules& key, const AiCode* quals, std::size_t n, AiCode code) {
  for (const auto& sequence : key.qualifier_sequences) {
    if (!contains(sequence, code)) continue;
    bool all = true;
    for (std::size_t i = 0; i < n && all; ++i) all = contains(sequence, quals[i]);
    if (all) return true;
  }
  return false;
}

}  // namespace

FastChecker::FastChecker(const Options& options)
    : enabled_(!options.permit_unknown_ais && !options.permit_convenience_alphas),
      check_associations_(options.check_associations),
      permit_zero_suppressed_gtin_(options.permit_zero_suppressed_gtin) {}

char* FastChecker::check(std::string_view line, char* out) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (!enabled_ || line.empty()) return nullptr;
  count_ = 0;
  const char first = line[0];
  if (first == '(') return bracketed(line, out);
  if (first == ']' || (first >= '0' && first <= '9') || first == kGroupSeparator) {
    return raw(line, out);
  }
  if (first == 'h' || first == 'H') return digital_link(line, out);
  return nullptr;
}

bool FastChecker::push(std::string_view ai, const AiEntry* entry, std::string_view value,
                       std::size_t ai_at) {
  if (count_ == kMaxItems) return false;
  codes_[count_] = ai_code(ai);
  entries_[count_] = entry;
  ais_[count_] = ai;
  values_[count_] = value;
  positions_[count_] = ai_at;
  ++count_;
  return true;
}

char* FastChecker::value_error(std::string_view ai, const AiEntry& entry, std::string_view value,
                               std::size_t value_at, bool exact_offset, char* out) {
  const auto problem = check_value(ai, entry, value);
  if (!problem || problem->message.size() > 512) return nullptr;
  return put_error(out, problem->message, value_at + (exact_offset ? problem->offset : 0));
}

char* FastChecker::bracketed(std::string_view line, char* out) {
  const std::size_t size = line.size();
  std::size_t i = 0;
  while (i < size) {
    if (line[i] != '(') return nullptr;
    const std::size_t ai_at = i + 1;
    std::size_t close = ai_at;
    while (close < size && has(line[close], kDigit) && close - ai_at < 5) ++close;
    if (close >= size || line[close] != ')' || close - ai_at < 2 || close - ai_at > 4) {
      return nullptr;
    }
    const std::string_view ai = line.substr(ai_at, close - ai_at);
    const AiEntry* entry = find_ai(ai);
    if (entry == nullptr) {
      message_.assign("未知的 AI (").append(ai).append(")");
      return put_error(out, message_, ai_at);
    }
    const std::size_t value_at = close + 1;
    const void* open = std::memchr(line.data() + value_at, '(', size - value_at);
    const std::size_t j =
        open == nullptr ? size
                        : static_cast<std::size_t>(static_cast<const char*>(open) - line.data());
    if (j < size && j > value_at && line[j - 1] == '\\') return nullptr;  // a "\(" escape
    const std::string_view value = line.substr(value_at, j - value_at);
    if (value.empty()) return nullptr;
    if (!value_fits(ai, *entry, value)) return value_error(ai, *entry, value, value_at, true, out);
    if (!push(ai, entry, value, ai_at)) return nullptr;
    i = j;
  }
  return finish(count_, out);
}

char* FastChecker::raw(std::string_view line, char* out) {
  const std::size_t size = line.size();
  std::size_t i = 0;
  if (line[0] == ']') {
    const std::string_view id = line.substr(0, 3);
    if (id != "]C1" && id != "]e0" && id != "]d2" && id != "]Q3" && id != "]J1") return nullptr;
    i = 3;
  }
  if (i < size && line[i] == kGroupSeparator) ++i;
  if (i >= size) return nullptr;
  while (i < size) {
    const std::size_t len = i + 1 < size ? ai_length_for_prefix(line[i], line[i + 1]) : 0;
    if (len == 0 || i + len > size) return nullptr;
    const std::string_view ai = line.substr(i, len);
    const AiEntry* entry = find_ai(ai);
    if (entry == nullptr) {
      if (!text::is_digits(ai)) return nullptr;
      message_.assign("未知的 AI (").append(ai).append(")");
      return put_error(out, message_, i);
    }
    const std::size_t value_at = i + len;
    std::size_t limit = size;
    if (entry->predefined_length() && value_at + entry->format.max_length < size) {
      limit = value_at + entry->format.max_length;
    }
    std::size_t end = value_at;
    while (end < limit && line[end] != kGroupSeparator) ++end;
    const std::string_view value = line.substr(value_at, end - value_at);
    if (!value_fits(ai, *entry, value)) return value_error(ai, *entry, value, value_at, true, out);
    if (!push(ai, entry, value, i)) return nullptr;
    i = end;
    if (i < size && line[i] == kGroupSeparator) ++i;
  }
  return finish(count_, out);
}

char* FastChecker::digital_link(std::string_view line, char* out) {
  const std::size_t size = line.size();
  // http or https, all lower or all upper case, and an authority.
  std::size_t i = 0;
  if (line.substr(0, 4) == "http") {
    i = line.substr(4, 4) == "s://" ? 8 : line.substr(4, 3) == "://" ? 7 : 0;
  } else if (line.substr(0, 4) == "HTTP") {
    i = line.substr(4, 4) == "S://" ? 8 : line.substr(4, 3) == "://" ? 7 : 0;
  }
  if (i == 0) return nullptr;
  const std::size_t host_at = i;
  while (i < size && has(line[i], kHost)) ++i;
  if (i == host_at) return nullptr;
  if (i < size && line[i] == ':') {
    ++i;
    while (i < size && has(line[i], kDigit)) ++i;
  }
  if (i >= size || line[i] != '/') return nullptr;  // no path, hence no key; or odd authority

  // The path, character by character; segment k >= 1 starts at seg_at[k].
  std::array<std::size_t, kMaxSegments + 1>
      seg_at;                // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t segments = 1;  // segment 0 is the empty one before the first "/"
  std::size_t path_end = size;
  bool path_escapes = false;
  for (; i < size; ++i) {
    const char c = line[i];
    if (has(c, kPathPlain)) continue;
    if (c == '/') {
      if (segments == kMaxSegments) return nullptr;
      seg_at[segments++] = i + 1;
    } else if (c == '%') {
      if (i + 2 >= size || !has(line[i + 1], kHex) || !has(line[i + 2], kHex)) return nullptr;
      path_escapes = true;
      i += 2;
    } else if (c == '?') {
      path_end = i;
      break;
    } else {
      return nullptr;
    }
  }
  seg_at[segments] = path_end + 1;  // so that segment k ends at seg_at[k + 1] - 1
  auto segment = [&](std::size_t k) {
    return line.substr(seg_at[k], seg_at[k + 1] - 1 - seg_at[k]);
  };
  const std::size_t query_at = path_end < size ? path_end + 1 : size;
  for (std::size_t q = query_at; q < size; ++q) {
    const char c = line[q];
    if (c == '%') {
      if (q + 2 >= size || !has(line[q + 1], kHex) || !has(line[q + 2], kHex)) return nullptr;
      q += 2;
    } else if (!has(c, kQuery)) {
      return nullptr;
    }
  }
  if (segment(segments - 1).empty()) return nullptr;  // a trailing "/"

  // The primary key: the rightmost /AI/value pair reached through known AIs only.
  std::array<const AiEntry*, kMaxSegments>
      entry_at;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t key = 0;
  for (std::size_t k = segments; k >= 3; k -= 2) {
    const std::string_view ai = segment(k - 2);
    const AiEntry* entry = text::is_digits(ai) ? find_ai(ai) : nullptr;
    if (entry == nullptr) break;
    entry_at[k - 2] = entry;
    if (entry->dl_primary_key()) {
      key = k - 2;
      break;
    }
  }
  if (key == 0) return nullptr;

  if (scratch_.size() < size + 32 * kMaxItems) scratch_.resize(size + 32 * kMaxItems);
  char* scratch = scratch_.data();
  // The value as the Digital Link parser sees it: percent-decoded ("+" is a space in the
  // query), a short GTIN padded. Empty when the general path must decide.
  auto decode = [&](std::string_view ai_text, std::string_view raw_value, bool escapes,
                    bool query) -> std::string_view {
    std::string_view value = raw_value;
    if (escapes) {
      char* start = scratch;
      for (std::size_t k = 0; k < raw_value.size(); ++k) {
        char c = raw_value[k];
        if (c == '%') {
          c = static_cast<char>(text::hex_digit_value(raw_value[k + 1]) * 16 +
                                text::hex_digit_value(raw_value[k + 2]));
          if (c == '\0') return {};
          k += 2;
        } else if (c == '+' && query) {
          c = ' ';
        }
        *scratch++ = c;
      }
      value = std::string_view(start, static_cast<std::size_t>(scratch - start));
    }
    if (permit_zero_suppressed_gtin_ && ai_text == "01" &&
        (value.size() == 8 || value.size() == 12 || value.size() == 13)) {
      char* start = scratch;
      const std::size_t zeros = 14 - value.size();
      std::memset(scratch, '0', zeros);
      std::memcpy(scratch + zeros, value.data(), value.size());
      scratch += 14;
      value = std::string_view(start, 14);
    }
    return value;
  };
  auto offset_of = [&](std::string_view part) {
    return static_cast<std::size_t>(part.data() - line.data());
  };

  std::array<AiCode, kMaxSegments> quals;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t qual_count = 0;
  const CompiledRules& key_rules = compiled_rules(*entry_at[key]);
  for (std::size_t k = key; k + 1 < segments; k += 2) {
    const std::string_view ai = segment(k);
    const std::string_view raw_value = segment(k + 1);
    const std::string_view value = decode(ai, raw_value, path_escapes, false);
    if (value.empty()) return nullptr;
    if (!value_fits(ai, *entry_at[k], value)) {
      return value_error(ai, *entry_at[k], value, offset_of(raw_value), value == raw_value, out);
    }
    if (!push(ai, entry_at[k], value, offset_of(ai))) return nullptr;
    if (k != key) {
      quals[qual_count++] = codes_[count_ - 1];
      if (!fits_some_sequence(key_rules, quals.data(), qual_count)) return nullptr;
    }
  }
  const std::size_t path_count = count_;

  for (std::size_t start = query_at; start < size;) {
    std::size_t end = start;
    std::size_t eq = std::string_view::npos;
    bool escapes = false;
    for (; end < size && line[end] != '&'; ++end) {
      const char c = line[end];
      if (c == '=' && eq == std::string_view::npos) eq = end - start;
      escapes = escapes || c == '%' || c == '+';
    }
    const std::string_view param = line.substr(start, end - start);
    const std::size_t at = start;
    start = end + 1;
    const std::string_view name = param.substr(0, eq);
    if (!text::is_digits(name)) continue;  // not an AI: left alone
    const AiEntry* entry = find_ai(name);
    if (entry == nullptr) {
      message_.assign("查询参数 ").append(name).append(" 不是已知的 AI");
      return put_error(out, message_, at);
    }
    if (!entry->dl_attribute() || eq == std::string_view::npos ||
        belongs_in_path(key_rules, quals.data(), qual_count, ai_code(name))) {
      return nullptr;
    }
    const std::string_view raw_value = param.substr(eq + 1);
    const std::string_view value = decode(name, raw_value, escapes, true);
    if (value.empty()) return nullptr;
    if (!value_fits(name, *entry, value)) {
      return value_error(name, *entry, value, offset_of(raw_value), value == raw_value, out);
    }
    if (!push(name, entry, value, at)) return nullptr;
  }
  for (std::size_t a = 1; a < count_; ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      if (codes_[a] == codes_[b]) return nullptr;  // an AI given twice in a URI
    }
  }
  return finish(path_count, out);
}

char* FastChecker::association_error(std::size_t path_count, char* out) {
  if (elements_.size() < count_) elements_.resize(count_);
  for (std::size_t i = 0; i < count_; ++i) {
    elements_[i].ai.assign(ais_[i]);
    elements_[i].value.assign(values_[i]);
    elements_[i].position = positions_[i];
  }
  std::size_t position = 0;
  const Status status = check_associations(
      std::span<const Element>(elements_.data(), path_count),
      std::span<const Element>(elements_.data() + path_count, count_ - path_count), &position);
  if (status || status.error().message.size() > 512) return nullptr;
  return put_error(out, status.error().message, position);
}

char* FastChecker::finish(std::size_t path_count, char* out) {
  if (check_associations_) {
    if (const auto broken = first_broken_association(
            {codes_.data(), count_}, {entries_.data(), count_}, {values_.data(), count_})) {
      const std::size_t e = broken->element;
      switch (broken->kind) {
        case BrokenAssociation::Kind::repeated:
          message_ = repeated_ai_message(ais_[e], values_[broken->other], values_[e]);
          break;
        case BrokenAssociation::Kind::missing:
          message_ = missing_ai_message_from_readable(ais_[e], broken->group->readable);
          break;
        case BrokenAssociation::Kind::excluded:
          message_ = excluded_ai_message(ais_[e], ais_[broken->other]);
          break;
      }
      return message_.size() > 512 ? nullptr : put_error(out, message_, positions_[e]);
    }
    for (std::size_t i = 0; i < count_; ++i) {
      if (codes_[i] == kSignature) return association_error(path_count, out);  // (8030)'s rule
    }
  }

  // canonical_order(): exact repeats dropped, the first primary key first, then its
  // qualifiers in sequence order, then the other AIs by their text.
  std::array<std::uint8_t, kMaxItems> order;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t n = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    bool repeat = false;
    for (std::size_t j = 0; j < n && !repeat; ++j) {
      repeat = codes_[order[j]] == codes_[i] && values_[order[j]] == values_[i];
    }
    if (!repeat) order[n++] = static_cast<std::uint8_t>(i);
  }
  std::size_t first = 0;
  const std::vector<AiCode>* sequence = nullptr;
  for (std::size_t i = 0; i < n; ++i) {
    if (!entries_[order[i]]->dl_primary_key()) continue;
    const std::uint8_t key = order[i];
    for (std::size_t j = i; j > 0; --j) order[j] = order[j - 1];
    order[0] = key;
    first = 1;
    for (const auto& s : compiled_rules(*entries_[key]).qualifier_sequences) {
      for (std::size_t j = 1; j < n && sequence == nullptr; ++j) {
        if (contains(s, codes_[order[j]])) sequence = &s;
      }
      if (sequence != nullptr) break;
    }
    break;
  }
  constexpr int kOther = 100;
  std::array<int, kMaxItems> rank;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  for (std::size_t i = 0; i < n; ++i) {
    rank[order[i]] = kOther;
    for (std::size_t q = 0; sequence != nullptr && q < sequence->size(); ++q) {
      if ((*sequence)[q] == codes_[order[i]]) {
        rank[order[i]] = static_cast<int>(q) + 1;
        break;
      }
    }
  }
  for (std::size_t i = first + 1; i < n; ++i) {
    for (std::size_t j = i; j > first; --j) {
      const int ra = rank[order[j]];
      const int rb = rank[order[j - 1]];
      const bool before =
          ra != rb ? ra < rb : ra == kOther && codes_[order[j]] < codes_[order[j - 1]];
      if (!before) break;
      std::swap(order[j], order[j - 1]);
    }
  }

  out = put(out, R"({"ok":true,"ais":[)");
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) *out++ = ',';
    out = put(out, "[\"");
    const std::uint32_t text = __builtin_bswap32(codes_[order[i]]);  // the AI's characters
    std::memcpy(out, &text, 4);
    out += ais_[order[i]].size();
    out = put(out, "\",");
    out = put_quoted(out, values_[order[i]]);
    *out++ = ']';
  }
  return put(out, "]}");
}

}  // namespace zhiyou::trace::gs1
