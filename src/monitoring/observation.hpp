// An observation (实际值): one figure for one indicator, in one region (or 全市), for one
// period, with where it came from. Revisions never overwrite: the store keeps each earlier
// value with who changed it and when.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/period.hpp"

namespace zhiyou::monitoring {

struct Observation {
  std::string indicator_id;
  std::string region;  // a registry region name ("鄞州区") or "全市"
  Period period;
  double value = 0;    // in the indicator's unit; for a cumulative [N] target, that year's flow
  std::string source;  // 来源: a statistics bulletin, a unit's report, a file name
  std::string reported_by;  // user or unit that reported it
  std::string reported_at;  // UTC, ISO 8601
};

// A reviewer's judgement (评审意见) on a qualitative target (完成上级下达指标, 与经济增长基本同步),
// which no number can settle.
enum class JudgementStatus { met, not_met };

struct Judgement {
  std::string indicator_id;
  std::string region;  // as in Observation
  Period period;
  JudgementStatus status = JudgementStatus::met;
  std::string reason;     // why, in the reviewer's words
  std::string judged_by;  // reviewer
  std::string judged_at;  // UTC, ISO 8601
};

// "met" / "not_met", and back.
std::string_view to_string(JudgementStatus status);
std::optional<JudgementStatus> judgement_status_from(std::string_view text);

}  // namespace zhiyou::monitoring
