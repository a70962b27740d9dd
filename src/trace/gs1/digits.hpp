// ASCII digits as GS1's syntax rules count them (no locale, no other scripts' digits).
#pragma once

#include <algorithm>
#include <string_view>

namespace zhiyou::trace::gs1 {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// True for "" as well: a caller that needs at least one digit says so.
constexpr bool all_digits(std::string_view s) { return std::ranges::all_of(s, is_digit); }

}  // namespace zhiyou::trace::gs1
