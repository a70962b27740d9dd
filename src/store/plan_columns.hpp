// How the plan model's small nested values are written into single columns: baselines,
// target parts and notes as JSON text (Boost.JSON), enums as their plans::to_string names.
// Internal to plan_store; decoding fails (never throws) on text it did not write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"

namespace zhiyou::store {

// {"year":2020,"kind":"level","op":">=","value":1.5,"reference_year":null,"parts":[],"text":"…"}
std::string baseline_to_json(const plans::Baseline& baseline);
Result<plans::Baseline> baseline_from_json(std::string_view text);

// [99.6,99.22] — doubles round-trip exactly.
std::string numbers_to_json(const std::vector<double>& numbers);
Result<std::vector<double>> numbers_from_json(std::string_view text);

// ["…","…"]
std::string strings_to_json(const std::vector<std::string>& strings);
Result<std::vector<std::string>> strings_from_json(std::string_view text);

// Enum columns: the names used by plans::to_string, back to values.
Result<plans::TargetKind> target_kind_column(std::string_view text);
Result<plans::Comparator> comparator_column(std::string_view text);
Result<plans::Direction> direction_column(std::string_view text);
Result<plans::Attribute> attribute_column(std::string_view text);

}  // namespace zhiyou::store
