// Text as it arrives from PDF extraction and Excel: UTF-8 checks, full-width → half-width
// normalisation, and the whitespace repairs that Chinese text needs.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhiyou::text {

// ASCII '0'-'9' only: codes, years and serials are read after normalisation, and the GS1
// rules count no other digits.
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// One or more ASCII digits ("" is no number).
constexpr bool is_digits(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, is_ascii_digit);
}

// The value of a hexadecimal digit (either case), or -1 for any other character.
constexpr int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Calls f with each piece of `list` between separators, empty pieces included ("" is one
// empty piece), without building a vector: for the GS1 table's short rule lists.
template <typename F>
void for_each_piece(std::string_view list, char separator, F f) {
  while (true) {
    const std::size_t cut = list.find(separator);
    f(list.substr(0, cut));
    if (cut == std::string_view::npos) return;
    list.remove_prefix(cut + 1);
  }
}

// Byte offset of the first invalid UTF-8 sequence, or nullopt when `s` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// NFC, then full-width digits, letters, brackets, %, comparison signs and the ideographic
// space become their half-width forms ("（％）" → "(%)", "２０２５" → "2025").
// Chinese punctuation (，；：。、) and document-number brackets 〔〕 are kept as they are.
// Precondition: `s` is valid UTF-8.
std::string normalize(std::string_view s);

// Trims and collapses whitespace runs; a space is kept only between two ASCII letters or
// digits, so PDF line-wrap artefacts inside Chinese text vanish
// ("宁波市残疾人 事业发展" → "宁波市残疾人事业发展", "2025 年" → "2025年").
std::string join_wrapped(std::string_view s);

std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char separator);
// Splits on any of the UTF-8 strings in `separators`; empty pieces are dropped.
std::vector<std::string> split_any(std::string_view s,
                                   const std::vector<std::string_view>& separators);

bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view part);

// Decodes one code point at `pos` (valid UTF-8 assumed); advances `pos`.
char32_t next_code_point(std::string_view s, std::size_t& pos);
// Number of code points.
std::size_t length(std::string_view s);
bool is_cjk(char32_t c);
bool is_ascii_alnum(char32_t c);

// Text for HTML element content or a quoted attribute value: & < > " ' escaped.
std::string escape_html(std::string_view s);

}  // namespace zhiyou::text
