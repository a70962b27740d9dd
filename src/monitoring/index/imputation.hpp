// Imputation of missing indicator values before normalisation (COINr's Impute by column):
// the mean of the indicator over all units, or over the units of the same group (i_mean_grp:
// Europe's mean for a European country). Every filled cell is recorded so the output can
// say what was imputed; a cell that cannot be filled (its group has no value, or the unit
// has no group) stays missing and is reweighted at aggregation.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/index/framework.hpp"

namespace zhiyou::monitoring::index {

struct ImputationSpec {
  enum class Kind { none, mean, group_mean };
  Kind kind = Kind::none;
  std::string group_column;  // for group_mean
};

struct ImputedCell {
  std::size_t indicator = 0;
  std::size_t unit = 0;
  double value = 0;
  std::string basis;  // "全部单位均值" or "EurAsia_group = Europe 组均值"
};

struct MissingCell {
  std::size_t indicator = 0;
  std::size_t unit = 0;
};

struct Imputation {
  std::vector<std::vector<double>> values;
  std::vector<ImputedCell> imputed;
  std::vector<MissingCell> still_missing;
};

// Errors when the group column is not one of the framework's group columns.
Result<Imputation> impute(const Framework& framework, std::vector<std::vector<double>> values,
                          const ImputationSpec& spec);

}  // namespace zhiyou::monitoring::index
