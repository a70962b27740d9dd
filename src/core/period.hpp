// Reporting periods: a year ("2024"), a quarter ("2024Q2") or a month ("2024-06").
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace zhiyou {

struct Period {
  enum class Kind { year, quarter, month };
  Kind kind = Kind::year;
  int year = 0;
  int index = 0;  // quarter 1–4 or month 1–12; 0 for a year

  // Accepts "2024", "2024Q2", "2024-Q2", "2024-06", "2024-6", "2024年", "2024年6月",
  // "2024年第2季度", "2024年二季度".
  static std::optional<Period> parse(std::string_view raw);

  // Canonical form: "2024", "2024Q2", "2024-06".
  [[nodiscard]] std::string to_string() const;

  // The period's end as a fractional year: 2024 → 2025.0, 2024Q2 → 2024.5,
  // 2024-06 → 2024.5. Straight-line progress (序时进度) is measured on this scale.
  [[nodiscard]] double end_as_year() const;
  [[nodiscard]] int first_month() const;
  [[nodiscard]] int last_month() const;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  auto operator<=>(const Period&) const = default;
};

}  // namespace zhiyou
