// Numbers as Chinese documents write them: "8000 万", "2.8万", "1万亿", "1,250", "99.81%".
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace zhiyou::quantity {

struct ParsedNumber {
  double value = 0;          // magnitude applied: "8000 万" → 80000000
  std::size_t consumed = 0;  // bytes of input used, including the magnitude and spaces before it
  double magnitude = 1;      // 1, 1e4 (万), 1e8 (亿), 1e12 (万亿), ...
  bool percent = false;      // a "%" followed
};

// Parses a number at the start of `s` (after optional spaces and a sign), with an optional
// Chinese magnitude (万, 亿, 万亿, 千万, 百万, 千亿, 百亿) and an optional "%".
// Returns nullopt when `s` does not start with a number.
std::optional<ParsedNumber> parse_leading_number(std::string_view s);

// The whole of `s` must be one number (spaces allowed around it).
std::optional<double> parse_number(std::string_view s);

// The magnitude a leading Chinese magnitude word stands for, and its byte length.
struct Magnitude {
  double factor = 1;
  std::size_t length = 0;
};
Magnitude leading_magnitude(std::string_view s);

}  // namespace zhiyou::quantity
