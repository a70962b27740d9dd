// Denomination: an indicator with a Denominator in the metadata is divided by that column
// for each unit (COINr's Denominate with its default scale factor 1), so that big and small
// units compare (trade per GDP, flights per person).
#pragma once

#include <vector>

#include "core/result.hpp"
#include "monitoring/index/framework.hpp"

namespace zhiyou::monitoring::index {

// values[i][u] after denomination. A missing denominator leaves the value missing; a zero
// denominator is an error naming the unit and column.
Result<std::vector<std::vector<double>>> denominate(const Framework& framework);

}  // namespace zhiyou::monitoring::index
