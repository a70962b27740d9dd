// A composite-indicator framework in the JRC COINr layout: units (one row each, with group
// and denominator columns), indicators at level 1 and aggregates above them, each with a
// direction, a weight and a parent. Plain values; reading the two CSV tables lives in
// framework_csv.hpp, the construction steps in pipeline.hpp.
#pragma once

#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::monitoring::index {

// Missing values are NaN throughout the engine: the steps below test for them explicitly.
inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool is_missing(double x) { return std::isnan(x); }

struct Unit {
  std::string code;                           // uCode
  std::string name;                           // uName (the code when the table has none)
  std::map<std::string, std::string> groups;  // group column → label; empty = no group
};

// One row of the metadata table for an indicator or an aggregate.
struct Node {
  int level = 1;  // 1 = indicator, 2.. = aggregates
  std::string code;
  std::string name;
  int direction = 1;  // 1 higher is better, -1 lower is better
  double weight = 1;  // relative to its siblings under the same parent
  std::string unit;
  std::optional<double> target;          // for distance-to-target normalisation
  std::string denominator;               // denominator column, empty = none
  std::string parent;                    // empty only at the top level
  std::optional<double> goalpost_lower;  // for goalpost normalisation
  std::optional<double> goalpost_upper;
};

struct Framework {
  std::vector<Unit> units;
  std::vector<Node> indicators;  // level 1, in metadata order
  std::vector<Node> aggregates;  // level >= 2, in metadata order (levels ascending)
  std::vector<std::string> group_columns;
  std::vector<std::string> denominator_columns;
  // values[i][u]: indicator i for unit u; denominators[d][u] likewise.
  std::vector<std::vector<double>> values;
  std::vector<std::vector<double>> denominators;

  [[nodiscard]] int top_level() const;
  [[nodiscard]] std::optional<std::size_t> indicator_index(const std::string& code) const;
  [[nodiscard]] std::optional<std::size_t> aggregate_index(const std::string& code) const;
  [[nodiscard]] std::optional<std::size_t> denominator_index(const std::string& code) const;
};

// Checks what the steps rely on: unique codes, every parent an aggregate one level up,
// every aggregate with children, indicators at level 1, directions ±1, weights ≥ 0 and
// finite, denominators declared, value tables of the right shape. Errors name the code.
Status validate(const Framework& framework);

}  // namespace zhiyou::monitoring::index
