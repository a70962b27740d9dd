// JSON output that people and spreadsheets read well: numbers as "24.5" and "80000000",
// never "2.45E1" (Boost.JSON's own serializer writes exponents for every double).
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace zhiyou::json {

// Compact when indent == 0, otherwise pretty-printed with `indent` spaces. UTF-8 is written
// as is (no \u escapes), so Chinese stays readable.
std::string serialize(const boost::json::value& value, int indent = 0);

// Appends `s` as a quoted JSON string (UTF-8 kept as is; quotes, backslashes and control
// characters escaped). For writers that build JSON text by hand on a hot path.
void append_quoted(std::string& out, std::string_view s);

// A double as JSON: integral values without a fraction, others in shortest round-trip form.
boost::json::value number(double value);
boost::json::value optional_number(const std::optional<double>& value);
boost::json::value optional_string(const std::optional<std::string>& value);
// Empty string → null.
boost::json::value string_or_null(std::string_view value);

}  // namespace zhiyou::json
