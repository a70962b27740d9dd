// Checks one AI value against the AI's format: length, character set per component, check
// digits, dates, times and the other content rules of the AI table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "trace/gs1/ai_table.hpp"

namespace zhiyou::trace::gs1 {

struct ValueProblem {
  std::string message;  // Chinese first, names the AI: "AI (01) 校验位错误：应为 2"
  std::size_t offset;   // 0-based position within the value
};

// nullopt when `value` fits `entry` (the row for `ai`).
std::optional<ValueProblem> check_value(std::string_view ai, const AiEntry& entry,
                                        std::string_view value);

// check_value()'s verdict without its message, and without allocating: the common formats
// (character sets, lengths, check digits, dates, company prefixes) are checked here directly,
// the rest through check_value(). For `gs1 check`, which explains only the values that fail.
bool value_fits(std::string_view ai, const AiEntry& entry, std::string_view value);

// True when `c` belongs to `charset` (for cset64 the "=" padding is handled separately).
bool in_charset(Charset charset, char c);

// The character that starts at byte `i` of `text`, for messages: printable ASCII as 'x', a
// space as 空格, a whole UTF-8 character (a Chinese one, a full-width letter from an input
// method) as itself in 「」, and a byte that starts no character as its hex code.
std::string describe_char_at(std::string_view text, std::size_t i);
// A piece of input for messages: printable ASCII as it is, any other byte as "[0xNN]" (so
// that a message never carries a broken UTF-8 sequence or a control character).
std::string describe_text(std::string_view text);

}  // namespace zhiyou::trace::gs1
