// Numbers as a report prints them: "51", "2.16", "80000000", "-0.4", at most four decimals,
// no exponent, no trailing zeros.
#pragma once

#include <optional>
#include <string>

namespace zhiyou::monitoring {

std::string number_text(double value);
// "—" when absent.
std::string number_text(const std::optional<double>& value);

}  // namespace zhiyou::monitoring
