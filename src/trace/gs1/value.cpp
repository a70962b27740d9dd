#include "trace/gs1/value.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "core/text.hpp"

#include "trace/gs1/check_digit.hpp"
#include "trace/gs1/code_lists.hpp"
#include "trace/gs1/coupon.hpp"
#include "trace/gs1/date.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// Bit 0: numeric, 1: CSET 82, 2: CSET 39, 3: base64url (without padding).
constexpr std::array<std::uint8_t, 256> make_charset_bits() {
  std::array<std::uint8_t, 256> bits{};
  for (int c = '0'; c <= '9'; ++c) bits[c] |= 0b1111;
  for (int c = 'A'; c <= 'Z'; ++c) bits[c] |= 0b1110;
  for (int c = 'a'; c <= 'z'; ++c) bits[c] |= 0b1010;
  for (char c : std::string_view("!\"%&'()*+,./:;<=>?"))
    bits[static_cast<unsigned char>(c)] |= 0b0010;
  bits['-'] |= 0b1110;
  bits['_'] |= 0b1010;
  bits['#'] |= 0b0100;
  bits['/'] |= 0b0100;
  return bits;
}
constexpr auto kCharsetBits = make_charset_bits();

std::string_view name(Charset charset) {
  switch (charset) {
    case Charset::numeric:
      return "数字";
    case Charset::cset82:
      return "GS1 字符集 82 中的字符";
    case Charset::cset39:
      return "GS1 字符集 39 中的字符";
    case Charset::cset64:
      return "base64url 字符";
  }
  return {};
}

bool digits(std::string_view s) {
  return std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
}

unsigned number(std::string_view s) {
  unsigned v = 0;
  for (char c : s) v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool iban_valid(std::string_view s) {
  if (s.size() < 5) return false;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (!upper(s[0]) || !upper(s[1]) || !digits(s.substr(2, 2))) return false;
  unsigned rem = 0;
  auto feed = [&rem](char c) -> bool {
    if (c >= '0' && c <= '9') {
      rem = (rem * 10 + static_cast<unsigned>(c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rem = (rem * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
    return true;
  };
  for (std::size_t i = 4; i < s.size(); ++i) {
    if (!feed(s[i])) return false;
  }
  for (std::size_t i = 0; i < 4; ++i) feed(s[i]);
  return rem == 1;
}

// "AI (17) " and the parts, in one allocation: `gs1 check` explains every bad value it reads.
std::optional<ValueProblem> fail(std::string_view ai, std::initializer_list<std::string_view> parts,
                                 std::size_t offset) {
  std::size_t size = ai.size() + 5;
  for (const std::string_view part : parts) size += part.size();
  ValueProblem problem{std::string(), offset};
  problem.message.reserve(size);
  problem.message.append("AI (").append(ai).append(") ");
  for (const std::string_view part : parts) problem.message.append(part);
  return problem;
}

std::optional<ValueProblem> fail(std::string_view ai, std::string_view what, std::size_t offset) {
  return fail(ai, {what}, offset);
}

std::optional<ValueProblem> date_rule(std::string_view ai, std::string_view part, std::size_t at,
                                      DateProblem p, bool four) {
  if (p == DateProblem::none) return std::nullopt;
  const std::size_t off = at + date_problem_offset(p, four);
  switch (p) {
    case DateProblem::bad_month:
      return fail(ai, {"日期的月份无效：", part}, off);
    case DateProblem::bad_day:
      return fail(ai, {"日期的日无效：", part}, off);
    default:
      return fail(ai, {"日期格式错误：", part}, off);
  }
}

// Applies one content rule to component text `part`, found at `at` within the value.
std::optional<ValueProblem> apply(std::string_view ai, Rule rule, std::string_view part,
                                  std::size_t at) {
  switch (rule) {
    case Rule::csum:
      if (!has_valid_check_digit(part)) {
        const char want = check_digit(part.substr(0, part.size() - 1));
        return fail(ai, {"校验位错误：应为 ", std::string_view(&want, 1)}, at + part.size() - 1);
      }
      return std::nullopt;
    case Rule::csumalpha:
      if (!has_valid_check_character_pair(part)) {
        const auto want =
            check_character_pair(part.substr(0, part.size() < 2 ? 0 : part.size() - 2));
        std::string msg = "校验字符对错误";
        if (want[0] != 0) msg += std::string("：应为 ") + want[0] + want[1];
        return fail(ai, msg, at + (part.size() < 2 ? 0 : part.size() - 2));
      }
      return std::nullopt;
    case Rule::yymmd0:
      return date_rule(ai, part, at, check_yymmdd(part, true), false);
    case Rule::yymmdd:
      return date_rule(ai, part, at, check_yymmdd(part, false), false);
    case Rule::yyyymmdd:
      return date_rule(ai, part, at, check_yyyymmdd(part), true);
    case Rule::hhmi:
      if (number(part.substr(0, 2)) > 23) return fail(ai, "小时无效：" + std::string(part), at);
      if (number(part.substr(2, 2)) > 59) return fail(ai, "分钟无效：" + std::string(part), at + 2);
      return std::nullopt;
    case Rule::hh:
      if (number(part) > 23) return fail(ai, "小时无效：" + std::string(part), at);
      return std::nullopt;
    case Rule::mi:
    case Rule::ss:
      if (number(part) > 59) return fail(ai, "分钟或秒无效：" + std::string(part), at);
      return std::nullopt;
    case Rule::nonzero:
      if (part.find_first_not_of('0') == std::string_view::npos)
        return fail(ai, "该部分不能全为 0", at);
      return std::nullopt;
    case Rule::zero:
      if (part != "0") return fail(ai, "该部分必须为 0", at);
      return std::nullopt;
    case Rule::winding:
      if (part != "0" && part != "1" && part != "9")
        return fail(ai, "卷绕方向必须为 0、1 或 9", at);
      return std::nullopt;
    case Rule::pieceoftotal: {
      const auto half = static_cast<unsigned>(part.size() / 2);
      const unsigned piece = number(part.substr(0, half));
      const unsigned total = number(part.substr(half));
      if (piece == 0 || total == 0 || piece > total) {
        return fail(ai, "件号/总件数无效：" + std::string(part), at);
      }
      return std::nullopt;
    }
    case Rule::yesno:
      if (part != "0" && part != "1") return fail(ai, "必须为 0（否）或 1（是）", at);
      return std::nullopt;
    case Rule::hyphen:
      if (part != "-") return fail(ai, "该位置只能是 '-'", at);
      return std::nullopt;
    case Rule::pcenc:
      for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] != '%') continue;
        if (i + 2 >= part.size() || !is_hex(part[i + 1]) || !is_hex(part[i + 2])) {
          return fail(ai, "百分号编码无效", at + i);
        }
      }
      return std::nullopt;
    case Rule::latitude:
      if (number(part) > 1800000000u) return fail(ai, "纬度超出范围", at);
      return std::nullopt;
    case Rule::longitude:
      if (number(part) > 3600000000u) return fail(ai, "经度超出范围", at);
      return std::nullopt;
    case Rule::mediatype: {
      const unsigned v = number(part);
      if (!((v >= 1 && v <= 10) || v >= 80))
        return fail(ai, "介质类型无效：" + std::string(part), at);
      return std::nullopt;
    }
    case Rule::iso5218:
      if (part != "0" && part != "1" && part != "2" && part != "9")
        return fail(ai, "性别代码无效", at);
      return std::nullopt;
    case Rule::posinseqslash: {
      const bool ok = part.size() == 3 && part[1] == '/' && part[0] >= '1' && part[0] <= '9' &&
                      part[2] >= '1' && part[2] <= '9' && part[0] <= part[2];
      if (!ok) return fail(ai, "序号格式应为 n/m：" + std::string(part), at);
      return std::nullopt;
    }
    case Rule::importeridx: {
      const char c = part[0];
      const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      c == '-' || c == '_';
      if (!ok) return fail(ai, "进口商索引无效", at);
      return std::nullopt;
    }
    case Rule::nozeroprefix:
      if (part.size() > 1 && part[0] == '0') return fail(ai, "不能以 0 开头", at);
      return std::nullopt;
    case Rule::hasnondigit:
      if (digits(part)) return fail(ai, "必须含有非数字字符", at);
      return std::nullopt;
    case Rule::iban:
      if (!iban_valid(part)) return fail(ai, "IBAN 无效：" + std::string(part), at);
      return std::nullopt;
    case Rule::gcppos1:
    case Rule::gcppos2: {
      // A GS1 Company Prefix has at least four digits; whether it was assigned needs GS1's
      // registry, which is not consulted.
      const std::size_t from = rule == Rule::gcppos2 ? 1 : 0;
      for (std::size_t i = from; i < from + 4; ++i) {
        if (i >= part.size() || part[i] < '0' || part[i] > '9') {
          return fail(ai, "应以至少 4 位数字的 GS1 厂商识别代码开始",
                      at + std::min(i, part.size()));
        }
      }
      return std::nullopt;
    }
    case Rule::iso3166:
      if (!is_iso3166_numeric(part)) {
        return fail(ai, {"的国家代码 ", part, " 不是 ISO 3166-1 数字代码"}, at);
      }
      return std::nullopt;
    case Rule::iso3166999:
      if (part != "999" && !is_iso3166_numeric(part)) {
        return fail(ai, {"的国家代码 ", part, " 不是 ISO 3166-1 数字代码，也不是 999"}, at);
      }
      return std::nullopt;
    case Rule::iso3166alpha2:
      if (!is_iso3166_alpha2(part)) {
        return fail(ai, {"的国家代码 ", describe_text(part), " 不是 ISO 3166-1 二位字母代码"}, at);
      }
      return std::nullopt;
    case Rule::iso4217:
      if (!is_iso4217_numeric(part)) {
        return fail(ai, {"的货币代码 ", part, " 不是 ISO 4217 数字代码"}, at);
      }
      return std::nullopt;
    case Rule::packagetype:
      if (!is_package_type(part)) {
        return fail(ai, {"的包装类型代码 ", describe_text(part), " 不在 GS1 包装类型代码表中"}, at);
      }
      return std::nullopt;
    case Rule::couponcode:
    case Rule::couponposoffer: {
      const auto problem =
          rule == Rule::couponcode ? check_coupon_code(part) : check_coupon_offer(part);
      if (problem) {
        return fail(ai, {rule == Rule::couponcode ? "优惠券代码：" : "无纸优惠券：", problem->what},
                    at + problem->offset);
      }
      return std::nullopt;
    }
    case Rule::none:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<ValueProblem> check_base64url(std::string_view ai, std::string_view part,
                                            std::size_t at) {
  std::size_t pads = 0;
  while (pads < part.size() && part[part.size() - 1 - pads] == '=') ++pads;
  if (pads > 2 || (pads > 0 && part.size() % 3 != 0)) {
    return fail(ai, "base64url 填充 '=' 无效", at + part.size() - pads);
  }
  for (std::size_t i = 0; i + pads < part.size(); ++i) {
    if (!in_charset(Charset::cset64, part[i])) {
      return fail(ai, "含有无效字符 " + describe_char_at(part, i) + "：应为 base64url 字符",
                  at + i);
    }
  }
  return std::nullopt;
}

constexpr std::uint64_t rule_bit(Rule rule) {
  return std::uint64_t{1} << static_cast<unsigned>(rule);
}
constexpr std::uint64_t kSimpleRules =
    rule_bit(Rule::none) | rule_bit(Rule::csum) | rule_bit(Rule::yymmd0) | rule_bit(Rule::yymmdd) |
    rule_bit(Rule::gcppos1) | rule_bit(Rule::gcppos2) | rule_bit(Rule::zero) |
    rule_bit(Rule::iso3166) | rule_bit(Rule::iso3166999) | rule_bit(Rule::iso3166alpha2) |
    rule_bit(Rule::iso4217) | rule_bit(Rule::packagetype);

bool rules_are_simple(const Component& c) {
  return ((kSimpleRules >> static_cast<unsigned>(c.rules[0])) &
          (kSimpleRules >> static_cast<unsigned>(c.rules[1])) &
          (kSimpleRules >> static_cast<unsigned>(c.rules[2])) & 1) != 0;
}

// Eight characters at a time: a byte outside '0'-'9' sets its top bit in one of the two
// sums (a borrow or carry between bytes only ever starts at such a byte). Short texts are
// read as two overlapping words.
bool all_digits_fast(std::string_view s) {
  auto bad = [](std::uint64_t w) {
    return (w - 0x3030303030303030ULL) | (w + 0x4646464646464646ULL);
  };
  const std::size_t n = s.size();
  const char* p = s.data();
  if (n >= 8) {
    std::uint64_t found = 0;
    std::uint64_t w = 0;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&w, p + i, 8);
      found |= bad(w);
    }
    std::memcpy(&w, p + n - 8, 8);
    return ((found | bad(w)) & 0x8080808080808080ULL) == 0;
  }
  if (n >= 4) {
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return (bad(lo | (std::uint64_t{hi} << 32)) & 0x8080808080808080ULL) == 0;
  }
  unsigned found = 0;
  for (std::size_t i = 0; i < n; ++i) found |= static_cast<unsigned>(p[i] - '0') > 9 ? 1 : 0;
  return found == 0;
}

// has_valid_check_digit() for text already known to be digits: weights 3, 1, 3, ... from
// the digit next to the check digit, taken two at a time.
bool check_digit_fits(std::string_view digits) {
  const char* p = digits.data();
  std::size_t left = digits.size() - 1;  // digits before the check digit
  unsigned triple = 0;
  unsigned single = 0;
  for (; left >= 2; left -= 2) {
    triple += static_cast<unsigned>(p[left - 1] - '0');
    single += static_cast<unsigned>(p[left - 2] - '0');
  }
  if (left == 1) triple += static_cast<unsigned>(p[0] - '0');
  const unsigned sum = 3 * triple + single;
  return static_cast<unsigned>(p[digits.size() - 1] - '0') == (10 - sum % 10) % 10;
}

// apply() for the rules in kSimpleRules, as a verdict; `part` passed its character set.
bool simple_rule_holds(Rule rule, Charset charset, std::string_view part) {
  switch (rule) {
    case Rule::csum:
      return charset == Charset::numeric && !part.empty() ? check_digit_fits(part)
                                                          : has_valid_check_digit(part);
    case Rule::yymmd0:
      return check_yymmdd(part, true) == DateProblem::none;
    case Rule::yymmdd:
      return check_yymmdd(part, false) == DateProblem::none;
    case Rule::gcppos1:
    case Rule::gcppos2: {
      const std::size_t from = rule == Rule::gcppos2 ? 1 : 0;
      if (part.size() < from + 4) return false;
      if (charset == Charset::numeric) return true;
      for (std::size_t i = from; i < from + 4; ++i) {
        if (part[i] < '0' || part[i] > '9') return false;
      }
      return true;
    }
    case Rule::zero:
      return part == "0";
    case Rule::iso3166:
      return is_iso3166_numeric(part);
    case Rule::iso3166999:
      return part == "999" || is_iso3166_numeric(part);
    case Rule::iso3166alpha2:
      return is_iso3166_alpha2(part);
    case Rule::iso4217:
      return is_iso4217_numeric(part);
    case Rule::packagetype:
      return is_package_type(part);
    default:
      return true;
  }
}

}  // namespace

bool value_fits(std::string_view ai, const AiEntry& entry, std::string_view value) {
  const Format& format = entry.format;
  if (value.empty() || value.size() > format.max_length) return false;
  const Component& only = format.parts[0];
  if (format.count == 1 && only.rules[0] == Rule::none && only.charset != Charset::cset64) {
    // Most AIs: one run of digits or of CSET 82 characters (lots, serials, counts).
    if (value.size() < only.min) return false;
    if (only.charset == Charset::numeric) return all_digits_fast(value);
    const auto bit = static_cast<std::uint8_t>(1U << static_cast<unsigned>(only.charset));
    std::uint8_t all = bit;
    for (const char ch : value) all &= kCharsetBits[static_cast<unsigned char>(ch)];
    return all != 0;
  }
  std::size_t at = 0;
  for (const Component& c : format.components()) {
    const std::size_t left = value.size() - at;
    if (left == 0) {
      if (c.optional) break;
      return false;
    }
    if (left < c.min) return false;
    if (c.charset == Charset::cset64 || !rules_are_simple(c)) {
      return !check_value(ai, entry, value).has_value();
    }
    const std::size_t take = left < c.max ? left : c.max;
    const std::string_view part = value.substr(at, take);
    if (c.charset == Charset::numeric) {
      if (!all_digits_fast(part)) return false;
    } else {
      const auto bit = static_cast<std::uint8_t>(1U << static_cast<unsigned>(c.charset));
      std::uint8_t all = bit;
      for (const char ch : part) all &= kCharsetBits[static_cast<unsigned char>(ch)];
      if (all == 0) return false;
    }
    for (const Rule rule : c.rules) {
      if (rule == Rule::none) break;
      if (!simple_rule_holds(rule, c.charset, part)) return false;
    }
    at += take;
  }
  return at == value.size();
}

bool in_charset(Charset charset, char c) {
  return ((kCharsetBits[static_cast<unsigned char>(c)] >> static_cast<unsigned>(charset)) & 1) != 0;
}

namespace {

// One byte for messages: printable ASCII as 'x', a space as 空格, anything else as its hex code.
std::string describe_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u > 0x20 && u < 0x7f) return std::string("'") + c + "'";
  if (u == 0x20) return "空格";
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[u >> 4] + kHex[u & 15];
}

}  // namespace

std::string describe_char_at(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  const std::string_view character = text.substr(i, length);
  if (length > 1 && character.size() == length && !text::find_invalid_utf8(character)) {
    std::size_t at = 0;
    const char32_t c = text::next_code_point(character, at);
    // Chinese input methods type full-width letters and digits ("Ｌ１"); GS1 data has none.
    const bool full_width = c >= U'\uFF01' && c <= U'\uFF5E';
    return "「" + std::string(character) + "」" + (full_width ? "（全角字符，应为半角）" : "");
  }
  return describe_char(text[i]);
}

std::string describe_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u > 0x20 && u < 0x7f) {
      out += c;
    } else {
      out += '[';
      out += describe_char(c);
      out += ']';
    }
  }
  return out;
}

std::optional<ValueProblem> check_value(std::string_view ai, const AiEntry& entry,
                                        std::string_view value) {
  const Format& format = entry.format;
  if (value.empty()) return fail(ai, "的值为空", 0);
  if (value.size() > format.max_length) {
    return fail(ai,
                {"的值过长：最多 ", std::to_string(format.max_length), " 个字符，实际 ",
                 std::to_string(value.size()), " 个"},
                format.max_length);
  }
  std::size_t at = 0;
  for (const Component& c : format.components()) {
    const std::size_t left = value.size() - at;
    if (left == 0) {
      if (c.optional) break;
      return fail(ai,
                  "的值过短：至少 " + std::to_string(format.min_length) + " 个字符，实际 " +
                      std::to_string(value.size()) + " 个",
                  value.size());
    }
    if (left < c.min) {
      return fail(
          ai,
          "的值长度不符：应为 " +
              (format.min_length == format.max_length
                   ? std::to_string(format.max_length)
                   : std::to_string(format.min_length) + "-" + std::to_string(format.max_length)) +
              " 个字符，实际 " + std::to_string(value.size()) + " 个",
          value.size());
    }
    const std::size_t take = left < c.max ? left : c.max;
    const std::string_view part = value.substr(at, take);
    if (c.charset == Charset::cset64) {
      if (auto p = check_base64url(ai, part, at)) return p;
    } else {
      for (std::size_t i = 0; i < part.size(); ++i) {
        if (!in_charset(c.charset, part[i])) {
          return fail(ai,
                      {"含有无效字符 ", describe_char_at(value, at + i), "：应为", name(c.charset)},
                      at + i);
        }
      }
    }
    for (Rule rule : c.rules) {
      if (rule == Rule::none) break;
      if (auto p = apply(ai, rule, part, at)) return p;
    }
    at += take;
  }
  if (at < value.size()) {
    return fail(ai, "的值过长：最多 " + std::to_string(at) + " 个字符", at);
  }
  return std::nullopt;
}

}  // namespace zhiyou::trace::gs1
