// Names of the evaluation's enums and the one-sentence explanation of a status.
#include <fmt/core.h>
#include <fmt/format.h>

#include <cmath>

#include "monitoring/evaluation.hpp"
#include "monitoring/number_text.hpp"

namespace zhiyou::monitoring {

std::string_view to_string(Status status) {
  switch (status) {
    case Status::met:
      return "met";
    case Status::on_track:
      return "on_track";
    case Status::lagging:
      return "lagging";
    case Status::off_track:
      return "off_track";
    case Status::qualitative:
      return "qualitative";
    case Status::no_data:
      return "no_data";
  }
  return "no_data";
}

std::string_view chinese_name(Status status) {
  switch (status) {
    case Status::met:
      return "达标";
    case Status::on_track:
      return "符合序时进度";
    case Status::lagging:
      return "滞后";
    case Status::off_track:
      return "严重滞后";
    case Status::qualitative:
      return "待评审";
    case Status::no_data:
      return "缺数据";
  }
  return "缺数据";
}

std::string_view to_string(Warning warning) {
  switch (warning) {
    case Warning::green:
      return "green";
    case Warning::yellow:
      return "yellow";
    case Warning::red:
      return "red";
    case Warning::none:
      return "none";
  }
  return "none";
}

std::string_view chinese_name(Warning warning) {
  switch (warning) {
    case Warning::green:
      return "绿";
    case Warning::yellow:
      return "黄";
    case Warning::red:
      return "红";
    case Warning::none:
      return "—";
  }
  return "—";
}

std::string_view to_string(BaselineSource source) {
  switch (source) {
    case BaselineSource::none:
      return "none";
    case BaselineSource::plan:
      return "plan";
    case BaselineSource::observation:
      return "observation";
    case BaselineSource::first_observation:
      return "first_observation";
    case BaselineSource::plan_start:
      return "plan_start";
  }
  return "none";
}

std::string_view to_string(GrowthCategory category) {
  switch (category) {
    case GrowthCategory::target_achieved:
      return "target_achieved";
    case GrowthCategory::substantial:
      return "substantial_progress";
    case GrowthCategory::moderate:
      return "moderate_progress";
    case GrowthCategory::limited:
      return "limited_progress";
    case GrowthCategory::deterioration:
      return "deterioration";
  }
  return "limited_progress";
}

std::string explain(const Evaluation& evaluation) {
  const Assessment& a = evaluation.assessment;
  const plans::Indicator& indicator = *evaluation.indicator;
  const plans::Target* target =
      a.target_index ? &indicator.targets[*a.target_index] : static_cast<plans::Target*>(nullptr);
  std::string text;
  switch (a.status) {
    case Status::no_data:
      if (a.missing_reference_year) {
        text = fmt::format("缺少{}年参照值，无法换算「{}」", *a.missing_reference_year,
                           target != nullptr ? target->expression.text : "");
      } else {
        text = fmt::format("缺少{}数据", evaluation.period.to_string());
      }
      if (a.overdue) {
        text += "（已逾期未报）";
      }
      return text;
    case Status::qualitative:
      return fmt::format("定性目标「{}」，待评审",
                         target != nullptr ? target->expression.text : "无目标值");
    default:
      break;
  }
  if (a.judgement) {
    return fmt::format("评审意见：{}（{}：{}）",
                       a.judgement->status == JudgementStatus::met ? "达标" : "未达标",
                       a.judgement->judged_by, a.judgement->reason);
  }
  const std::string value = number_text(a.value);
  if (a.status == Status::met) {
    text = fmt::format("实际 {}，已达到{}年目标 {}", value, target != nullptr ? target->year : 0,
                       number_text(a.target));
  } else {
    const double behind = a.gap ? std::fabs(*a.gap) : 0;
    if (a.status == Status::on_track) {
      text = fmt::format("实际 {}，序时进度 {}，{} {}", value, number_text(a.expected),
                         behind == 0 ? "持平" : "超前", behind == 0 ? "" : number_text(behind));
      if (behind == 0) {
        text.pop_back();
      }
    } else {
      text = fmt::format("实际 {}，序时进度 {}，落后 {}（容差 {}）", value, number_text(a.expected),
                         number_text(behind), number_text(a.tolerance));
    }
  }
  if (a.baseline_source == BaselineSource::first_observation) {
    text += "；以首个实际值作基数";
  }
  if (!a.missing_years.empty()) {
    text += fmt::format("；{}年无数据，按0计", fmt::join(a.missing_years, "、"));
  }
  return text;
}

}  // namespace zhiyou::monitoring
