#include "monitoring/observation.hpp"

namespace zhiyou::monitoring {

std::string_view to_string(JudgementStatus status) {
  return status == JudgementStatus::met ? "met" : "not_met";
}

std::optional<JudgementStatus> judgement_status_from(std::string_view text) {
  if (text == "met") return JudgementStatus::met;
  if (text == "not_met") return JudgementStatus::not_met;
  return std::nullopt;
}

}  // namespace zhiyou::monitoring
