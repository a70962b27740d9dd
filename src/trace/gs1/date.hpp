// GS1 dates and times as they appear in AI values. Two-digit years are read in GS1's
// sliding window; within 2000-2049 that only matters for 29 February, which is valid in every
// YY divisible by 4 (2000 was a leap year).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace zhiyou::trace::gs1 {

enum class DateProblem { none, not_digits, bad_month, bad_day };

// `text` is YYMMDD. With `day_zero_allowed`, DD = 00 stands for the last day of the month
// (AIs 11, 13, 15, 16, 17, ...).
DateProblem check_yymmdd(std::string_view text, bool day_zero_allowed);
// `text` is YYYYMMDD (Gregorian).
DateProblem check_yyyymmdd(std::string_view text);

// Offset of the first bad field within the text (0 year, 2 or 4 month, 4 or 6 day).
std::size_t date_problem_offset(DateProblem problem, bool four_digit_year);

}  // namespace zhiyou::trace::gs1
