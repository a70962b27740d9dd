#include "trace/gs1/date.hpp"

#include "core/text.hpp"

namespace zhiyou::trace::gs1 {
namespace {

int two(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

DateProblem check_month_day(int year, int month, int day, bool day_zero_allowed) {
  if (month < 1 || month > 12) return DateProblem::bad_month;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day == 0 && day_zero_allowed) return DateProblem::none;
  if (day < 1 || day > last) return DateProblem::bad_day;
  return DateProblem::none;
}

}  // namespace

DateProblem check_yymmdd(std::string_view text, bool day_zero_allowed) {
  if (text.size() != 6 || !text::is_digits(text)) return DateProblem::not_digits;
  return check_month_day(2000 + two(text, 0), two(text, 2), two(text, 4), day_zero_allowed);
}

DateProblem check_yyyymmdd(std::string_view text) {
  if (text.size() != 8 || !text::is_digits(text)) return DateProblem::not_digits;
  return check_month_day(two(text, 0) * 100 + two(text, 2), two(text, 4), two(text, 6), false);
}

std::size_t date_problem_offset(DateProblem problem, bool four_digit_year) {
  const std::size_t year = four_digit_year ? 4 : 2;
  switch (problem) {
    case DateProblem::bad_month:
      return year;
    case DateProblem::bad_day:
      return year + 2;
    default:
      return 0;
  }
}

}  // namespace zhiyou::trace::gs1
