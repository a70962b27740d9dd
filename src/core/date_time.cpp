#include "core/date_time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace zhiyou {
namespace {

namespace chrono = std::chrono;

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> parse_date_time(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' ||
      !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
      (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2, hour) || text[13] != ':' ||
      !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second)) {
    return std::nullopt;
  }
  const chrono::year_month_day date{chrono::year(year), chrono::month(month), chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t start = at;
    int scale = 100;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      millis += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    if (at == start) return std::nullopt;
  }
  int offset_minutes = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    int oh = 0;
    int om = 0;
    if (!digits(text, at + 1, 2, oh) || at + 3 >= text.size() || text[at + 3] != ':' ||
        !digits(text, at + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (text[at] == '-' ? -1 : 1);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  const std::int64_t days = chrono::sys_days{date}.time_since_epoch().count();
  const std::int64_t seconds = days * 86400 + std::int64_t{hour} * 3600 +
                               std::int64_t{minute} * 60 + std::min(second, 59) -
                               std::int64_t{offset_minutes} * 60;
  return seconds * 1000 + millis;
}

bool is_time_zone_offset(std::string_view text) {
  int hh = 0;
  int mm = 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || !digits(text, 1, 2, hh) ||
      text[3] != ':' || !digits(text, 4, 2, mm)) {
    return false;
  }
  return (hh <= 13 && mm <= 59) || (hh == 14 && mm == 0);
}

std::string format_utc(std::int64_t millis) {
  const chrono::sys_time<chrono::milliseconds> t{chrono::milliseconds(millis)};
  const auto day = chrono::floor<chrono::days>(t);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss time{t - day};
  char out[32];
  const int length = std::snprintf(
      out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
      static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  // As snprintf wrote it: cut at the buffer's end (a year beyond 9999 cannot reach it).
  return {out, std::min(length > 0 ? static_cast<std::size_t>(length) : 0, sizeof out - 1)};
}

std::string beijing_time(std::int64_t millis) {
  if (millis == 0) return "";
  constexpr std::int64_t kEightHours = std::int64_t{8} * 60 * 60 * 1000;
  const std::string utc = format_utc(millis + kEightHours);  // 2024-05-04T15:00:00.000Z
  return utc.substr(0, 10) + " " + utc.substr(11, 8);
}

}  // namespace zhiyou
