#include "monitoring/number_text.hpp"

#include <fmt/core.h>

#include <cmath>

namespace zhiyou::monitoring {

std::string number_text(double value) {
  if (!std::isfinite(value)) {
    return "—";
  }
  const double rounded = std::round(value * 10000.0) / 10000.0;
  if (rounded == std::trunc(rounded) && std::fabs(rounded) < 9e15) {
    const auto whole = static_cast<long long>(rounded);
    return fmt::format("{}", whole == 0 ? 0LL : whole);  // never "-0"
  }
  std::string text = fmt::format("{:.4f}", rounded);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

std::string number_text(const std::optional<double>& value) {
  return value ? number_text(*value) : std::string("—");
}

}  // namespace zhiyou::monitoring
