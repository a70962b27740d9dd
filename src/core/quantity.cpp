#include "core/quantity.hpp"

#include <array>
#include <charconv>
#include <string>
#include <utility>

#include "core/text.hpp"

namespace zhiyou::quantity {
namespace {

std::size_t skip_spaces(std::string_view s, std::size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  return pos;
}

}  // namespace

Magnitude leading_magnitude(std::string_view s) {
  // Longest first: "万亿" before "万".
  static constexpr std::array<std::pair<std::string_view, double>, 7> kWords{{
      {"万亿", 1e12},
      {"千亿", 1e11},
      {"百亿", 1e10},
      {"千万", 1e7},
      {"百万", 1e6},
      {"亿", 1e8},
      {"万", 1e4},
  }};
  for (const auto& [word, factor] : kWords) {
    if (s.starts_with(word)) {
      return {factor, word.size()};
    }
  }
  return {};
}

std::optional<ParsedNumber> parse_leading_number(std::string_view s) {
  std::size_t pos = skip_spaces(s, 0);
  const std::size_t start = pos;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) ++pos;
  std::string digits(s.substr(start, pos - start));
  bool any_digit = false;
  bool seen_point = false;
  while (pos < s.size()) {
    const char c = s[pos];
    if (text::is_ascii_digit(c)) {
      digits.push_back(c);
      any_digit = true;
    } else if (c == '.' && !seen_point && pos + 1 < s.size() && text::is_ascii_digit(s[pos + 1])) {
      digits.push_back(c);
      seen_point = true;
    } else if (c == ',' && any_digit && pos + 3 < s.size() && text::is_ascii_digit(s[pos + 1]) &&
               text::is_ascii_digit(s[pos + 2]) && text::is_ascii_digit(s[pos + 3])) {
      // Thousands separator: "1,250"; drop it.
    } else {
      break;
    }
    ++pos;
  }
  if (!any_digit) {
    return std::nullopt;
  }
  ParsedNumber result;
  const auto [end, ec] = std::from_chars(digits.data() + (digits[0] == '+' ? 1 : 0),
                                         digits.data() + digits.size(), result.value);
  if (ec != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  std::size_t after = skip_spaces(s, pos);
  const Magnitude magnitude = leading_magnitude(s.substr(after));
  if (magnitude.length > 0) {
    result.magnitude = magnitude.factor;
    result.value *= magnitude.factor;
    pos = after + magnitude.length;
    after = skip_spaces(s, pos);
  }
  if (after < s.size() && s[after] == '%') {
    result.percent = true;
    pos = after + 1;
  }
  result.consumed = pos;
  return result;
}

std::optional<double> parse_number(std::string_view s) {
  const auto parsed = parse_leading_number(s);
  if (!parsed || skip_spaces(s, parsed->consumed) != s.size()) {
    return std::nullopt;
  }
  return parsed->value;
}

}  // namespace zhiyou::quantity
