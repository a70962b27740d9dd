// GS1 check digits (mod 10, used by GTIN, SSCC, GLN, GSRN, ...) and the GS1 check character
// pair (mod 1021, used by GMN and MUDI). Pure, allocation-free.
#pragma once

#include <array>
#include <string_view>

namespace zhiyou::trace::gs1 {

// The mod-10 check digit for `digits` (a key without its check digit): weights 3,1,3,...
// from the right. Precondition: every character is 0-9.
char check_digit(std::string_view digits);

// True when the last digit of `key` is the check digit of the digits before it. False for
// empty input or any non-digit.
bool has_valid_check_digit(std::string_view key);

// The two check characters (from "23456789ABCDEFGHJKLMNPQRSTUVWXYZ") for `data`, which must
// be CSET 82 and at most 97 characters; returns {0, 0} otherwise.
std::array<char, 2> check_character_pair(std::string_view data);

// True when the last two characters of `value` are the check character pair of the rest.
bool has_valid_check_character_pair(std::string_view value);

}  // namespace zhiyou::trace::gs1
