// Evaluation (达标 / 序时进度 / 预警): one indicator × one region × one period against the
// plan's targets. Pure functions over plain values; the numbers behind every status are kept
// so that a user can see why.
//
// The method (README, "评估与报告 / Evaluation and reports", says the same in Chinese):
//
// Time is measured in fractional years at period ends: a year Y ends at Y+1.0, 2024Q2 at
// 2024.5, 2024-06 at 2024.5. The baseline sits at the end of its year (t0), a target at the
// end of its year (t1).
//
// 1. The target due at a period is the first target whose year is not before the period's
//    year (the last target once all are past). Its level T is: `level` → its value;
//    `increment` (新增 N) → b + N; `change` (比2020年下降15%) → r·(1 + value/100), with r the
//    region's figure for the reference year (the plan's baseline when its year matches and the
//    region is 全市); `cumulative` ([N]) → N, compared with the sum of the yearly flows since
//    the start of the plan period (year-to-date for quarters and months).
// 2. The baseline b: for 全市 the plan's printed baseline (a level); otherwise the region's
//    figure for the period ending at the baseline year's end; otherwise the region's first
//    figure in the plan period (t0 moves to that period's end). A district never borrows the
//    city's baseline. Cumulative targets start from 0 at the start of the plan period.
// 3. `met` when the value satisfies T with the target's comparator (≥ > ≤ <; `=` / 左右 means
//    within the tolerance of T; no comparator: ≥ when higher is better, ≤ when lower is).
// 4. Otherwise the expected value (序时进度) is the straight line through (t0, b) and every
//    later target (t_k, T_k) — intermediate targets (2023 and 2025) make it piecewise — read
//    at the period's end: e(t) = b + (T − b)·(t − t0)/(t1 − t0) on each segment, b before
//    t0, and T itself from the due target's year-end on.
// 5. The better side: ≥ / > → higher, ≤ / < → lower; otherwise the indicator's direction
//    (lower is better for `down`), and for `none` the side of T from b. gap = value − e(t).
//    `on_track` when the value is on the better side of e(t) (or on it); `lagging` when behind
//    by no more than the tolerance; `off_track` beyond. Tolerance = fraction × |T − b|
//    (default 10 %, per plan configurable); when T = b, fraction × |T|.
// 6. A qualitative target due (完成上级下达指标) takes a reviewer's judgement: met → `met`,
//    not met → `off_track`; without one the status is `qualitative`.
// 7. No figure for the period (or no reference-year figure for a change target) → `no_data`.
// 8. Warning colours: green for met / on_track (and a judged met), yellow for lagging, red for
//    off_track and for overdue data (no_data once the period ended more than the reporting lag
//    before the evaluation date); none (grey) for an unjudged qualitative target and for data
//    not yet due.
// 9. Growth view (CAGR, as open-sdg's progress measure, method 2): observed annual growth
//    (v/b)^(1/(t−t0)) − 1 against the growth that reaches the target on time
//    (T/b)^(1/(t1−t0)) − 1; ratio R = s·d·observed/|required| (s = sign of b, d = +1 when
//    higher is better), categories target_achieved / substantial (R ≥ 0.95) / moderate
//    (0.6 ≤ R < 0.95) / limited (0 ≤ R < 0.6) / deterioration (R < 0). Given for level,
//    increment and change targets when b, v and T share a non-zero sign.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "monitoring/observation.hpp"
#include "plans/plan.hpp"

namespace zhiyou::monitoring {

enum class Status { met, on_track, lagging, off_track, qualitative, no_data };
enum class Warning { green, yellow, red, none };
enum class BaselineSource { none, plan, observation, first_observation, plan_start };
enum class GrowthCategory { target_achieved, substantial, moderate, limited, deterioration };

std::string_view to_string(Status status);  // "met", "on_track", …
std::string_view chinese_name(Status status);  // 达标, 符合序时进度, 滞后, 严重滞后, 待评审, 缺数据
std::string_view to_string(Warning warning);        // "green", "yellow", "red", "none"
std::string_view chinese_name(Warning warning);     // 绿, 黄, 红, —
std::string_view to_string(BaselineSource source);  // "plan", "observation", …
std::string_view to_string(GrowthCategory category);

struct EvaluationOptions {
  double tolerance = 0.10;  // fraction of |T − b| a value may fall behind e(t) and be lagging
  // Evaluation date as a fractional year (2025.5 = end of June 2025); unset: nothing overdue.
  std::optional<double> as_of;
  int reporting_lag_months = 3;  // a period's figure is overdue this long after it ends
};

// The plan period. Baseline year = start − 1. Without a period in the title: the year after
// the indicators' baseline year, else the issue year, else the earliest target year; the end
// is the latest target year.
struct PlanWindow {
  int start_year = 0;
  int end_year = 0;
};
PlanWindow plan_window(const plans::Plan& plan);

// One figure of a series (one indicator in one region), sorted by period.
struct SeriesPoint {
  Period period;
  double value = 0;
};

struct GrowthView {
  double observed = 0;  // annual rate, 0.05 = 5 %
  double required = 0;
  double ratio = 0;
  GrowthCategory category = GrowthCategory::limited;
};

// The numbers behind one status. Optional fields are absent when the rule did not need them.
struct Assessment {
  Status status = Status::no_data;
  Warning warning = Warning::none;
  std::optional<std::size_t> target_index;  // the target due, into Indicator::targets
  std::optional<double> value;              // the figure (cumulative: the sum of flows so far)
  std::optional<double> baseline;           // b (cumulative: 0)
  double baseline_at = 0;                   // t0
  BaselineSource baseline_source = BaselineSource::none;
  std::optional<double> target;     // T as a level in the indicator's unit
  double target_at = 0;             // t1 of the target due
  std::optional<double> expected;   // e(t)
  std::optional<double> gap;        // value − expected
  std::optional<double> tolerance;  // in the indicator's unit
  // sense·(value − expected)/|T − b| clamped to [−1, 1]: > 0 ahead, < 0 behind. For rankings.
  std::optional<double> normalised_gap;
  std::optional<GrowthView> growth;
  std::optional<Judgement> judgement;         // the reviewer's, for a qualitative target
  std::optional<int> missing_reference_year;  // change target without its reference figure
  std::vector<int> missing_years;             // cumulative: years with no flow, counted as 0
  bool overdue = false;
};

// An indicator prepared for evaluation: its targets by year, the plan period.
struct IndicatorRule {
  const plans::Indicator* indicator = nullptr;
  PlanWindow window;
  int baseline_year = 0;
  std::optional<double> printed_baseline;    // the plan's baseline when it is a level
  std::vector<std::size_t> targets_by_year;  // indices into indicator->targets
};
IndicatorRule make_rule(const plans::Plan& plan, const plans::Indicator& indicator);
// The same with the plan period already worked out (plan_window() reads every indicator).
IndicatorRule make_rule(const PlanWindow& window, const plans::Indicator& indicator);

// Evaluates one series at `period`. `series` holds the region's figures for the indicator,
// sorted by period; `whole_city` says whether the region is 全市 (only then is the printed
// baseline used); `judgement` is the reviewer's for this indicator × region × period, if any.
Assessment assess(const IndicatorRule& rule, std::span<const SeriesPoint> series,
                  const Period& period, bool whole_city, const Judgement* judgement,
                  const EvaluationOptions& options);

// One row of an evaluation: the assessment with what it is about.
struct Evaluation {
  const plans::Indicator* indicator = nullptr;  // points into the plan evaluated
  std::string region;
  Period period;
  Assessment assessment;
};

// Evaluates every indicator of `plan` at `period` for each region in `regions` (names as in
// observations: "全市", "鄞州区"). Observations and judgements of other plans are ignored.
std::vector<Evaluation> evaluate_plan(const plans::Plan& plan,
                                      std::span<const Observation> observations,
                                      std::span<const Judgement> judgements, const Period& period,
                                      std::span<const std::string> regions,
                                      const EvaluationOptions& options);

// 全市 followed by every region that reported a figure for the plan, in registry order.
std::vector<std::string> regions_reported(const plans::Plan& plan,
                                          std::span<const Observation> observations);

// One sentence in Chinese saying why: "实际 51，序时进度 55，落后 4（容差 1.56）".
std::string explain(const Evaluation& evaluation);

}  // namespace zhiyou::monitoring
