#include "core/period.hpp"

#include <fmt/core.h>

#include <array>
#include <charconv>

#include "core/text.hpp"

namespace zhiyou {
namespace {

std::optional<int> to_int(std::string_view s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) {
    return std::nullopt;
  }
  return value;
}

std::optional<int> chinese_digit(std::string_view s) {
  static constexpr std::array<std::string_view, 4> kDigits{"一", "二", "三", "四"};
  for (std::size_t i = 0; i < kDigits.size(); ++i) {
    if (s == kDigits[i]) return static_cast<int>(i) + 1;
  }
  return to_int(s);
}

bool plausible_year(int year) { return year >= 1900 && year <= 2200; }

}  // namespace

std::optional<Period> Period::parse(std::string_view raw) {
  const std::string normalized = text::normalize(raw);
  std::string_view s = text::trim(normalized);
  if (s.size() < 4) return std::nullopt;
  const auto year = to_int(s.substr(0, 4));
  if (!year || !plausible_year(*year)) return std::nullopt;
  std::string_view rest = s.substr(4);
  if (rest.starts_with("年")) rest.remove_prefix(std::string_view("年").size());
  if (rest.empty()) return Period{Kind::year, *year, 0};

  if (rest.starts_with("-")) rest.remove_prefix(1);
  if (rest.starts_with("Q") || rest.starts_with("q")) {
    const auto q = to_int(rest.substr(1));
    if (q && *q >= 1 && *q <= 4) return Period{Kind::quarter, *year, *q};
    return std::nullopt;
  }
  if (rest.starts_with("第")) rest.remove_prefix(std::string_view("第").size());
  if (rest.ends_with("季度")) {
    const auto q = chinese_digit(rest.substr(0, rest.size() - std::string_view("季度").size()));
    if (q && *q >= 1 && *q <= 4) return Period{Kind::quarter, *year, *q};
    return std::nullopt;
  }
  if (rest.ends_with("月")) rest.remove_suffix(std::string_view("月").size());
  const auto month = to_int(rest);
  if (month && *month >= 1 && *month <= 12) return Period{Kind::month, *year, *month};
  return std::nullopt;
}

std::string Period::to_string() const {
  switch (kind) {
    case Kind::year:
      return fmt::format("{}", year);
    case Kind::quarter:
      return fmt::format("{}Q{}", year, index);
    case Kind::month:
      return fmt::format("{}-{:02}", year, index);
  }
  return {};
}

int Period::first_month() const {
  switch (kind) {
    case Kind::year:
      return 1;
    case Kind::quarter:
      return (index - 1) * 3 + 1;
    case Kind::month:
      return index;
  }
  return 1;
}

int Period::last_month() const {
  switch (kind) {
    case Kind::year:
      return 12;
    case Kind::quarter:
      return index * 3;
    case Kind::month:
      return index;
  }
  return 12;
}

double Period::end_as_year() const { return year + last_month() / 12.0; }

}  // namespace zhiyou
