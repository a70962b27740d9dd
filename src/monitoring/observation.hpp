// An observation (实际值): one figure for one indicator, in one region (or 全市), for one
// period, with where it came from. Revisions never overwrite: the store keeps each earlier
// value with who changed it and when.
#pragma once

#include <string>

#include "core/period.hpp"

namespace zhiyou::monitoring {

struct Observation {
  std::string indicator_id;
  std::string region;  // a registry region name ("鄞州区") or "全市"
  Period period;
  double value = 0;
  std::string source;       // 来源: a statistics bulletin, a unit's report, a file name
  std::string reported_by;  // user or unit that reported it
  std::string reported_at;  // UTC, ISO 8601
};

}  // namespace zhiyou::monitoring
