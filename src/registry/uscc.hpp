// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from the
// 31-character set 0-9 A-H J-N P-R T U W-Y; the 18th is a check character over the first 17.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::registry {

// The check character for the first 17 characters, or nullopt if one is outside the set.
std::optional<char> uscc_check_character(std::string_view first17);

// Validates a code: length, character set, administrative-division digits (3–8) and
// the check character. Lower case is accepted and upper-cased. Returns the canonical
// (upper-case, trimmed) code, or an error naming the position and the reason.
Result<std::string> validate_uscc(std::string_view raw);

}  // namespace zhiyou::registry
