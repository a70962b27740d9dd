#include "monitoring/evaluation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "registry/region.hpp"

namespace zhiyou::monitoring {
namespace {

using plans::Comparator;
using plans::TargetKind;

constexpr double kTimeEpsilon = 1e-9;

double relative_epsilon(double reference) { return 1e-9 * std::max(1.0, std::fabs(reference)); }

const SeriesPoint* find_point(std::span<const SeriesPoint> series, const Period& period) {
  const auto it =
      std::lower_bound(series.begin(), series.end(), period,
                       [](const SeriesPoint& point, const Period& p) { return point.period < p; });
  return it != series.end() && it->period == period ? &*it : nullptr;
}

// The figure for the period that ends at `t` (a year, its Q4 or its December), the year first.
const SeriesPoint* point_ending_at(std::span<const SeriesPoint> series, double t) {
  const SeriesPoint* best = nullptr;
  for (const SeriesPoint& point : series) {
    if (std::fabs(point.period.end_as_year() - t) > kTimeEpsilon) {
      continue;
    }
    if (best == nullptr || point.period.kind < best->period.kind) {
      best = &point;
    }
  }
  return best;
}

// The earliest figure in the plan period that ends no later than `t`.
const SeriesPoint* first_in_window(std::span<const SeriesPoint> series, int start_year, double t) {
  const SeriesPoint* best = nullptr;
  for (const SeriesPoint& point : series) {
    const double end = point.period.end_as_year();
    if (point.period.year < start_year || end > t + kTimeEpsilon) {
      continue;
    }
    if (best == nullptr || end < best->period.end_as_year() - kTimeEpsilon ||
        (std::fabs(end - best->period.end_as_year()) <= kTimeEpsilon &&
         point.period.kind < best->period.kind)) {
      best = &point;
    }
  }
  return best;
}

// Sum of one year's flows: the annual figure, else its quarters, else its months.
std::optional<double> yearly_flow(std::span<const SeriesPoint> series, int year) {
  double quarters = 0;
  double months = 0;
  bool any_quarter = false;
  bool any_month = false;
  for (const SeriesPoint& point : series) {
    if (point.period.year != year) {
      continue;
    }
    switch (point.period.kind) {
      case Period::Kind::year:
        return point.value;
      case Period::Kind::quarter:
        quarters += point.value;
        any_quarter = true;
        break;
      case Period::Kind::month:
        months += point.value;
        any_month = true;
        break;
    }
  }
  if (any_quarter) {
    return quarters;
  }
  if (any_month) {
    return months;
  }
  return std::nullopt;
}

// Cumulative [N]: the flows of the plan period's past years plus this year to date.
std::optional<double> cumulative_value(std::span<const SeriesPoint> series, const Period& period,
                                       int start_year, std::vector<int>& missing_years) {
  const SeriesPoint* current = find_point(series, period);
  if (current == nullptr) {
    return std::nullopt;
  }
  double total = 0;
  for (int year = start_year; year < period.year; ++year) {
    if (const auto flow = yearly_flow(series, year)) {
      total += *flow;
    } else {
      missing_years.push_back(year);
    }
  }
  if (period.kind == Period::Kind::year) {
    return total + current->value;
  }
  for (const SeriesPoint& point : series) {
    if (point.period.kind == period.kind && point.period.year == period.year &&
        point.period.index <= period.index) {
      total += point.value;
    }
  }
  return total;
}

struct Baseline {
  double value = 0;
  double at = 0;
  BaselineSource source = BaselineSource::none;
};

std::optional<Baseline> find_baseline(const IndicatorRule& rule,
                                      std::span<const SeriesPoint> series, bool whole_city,
                                      double t) {
  const double baseline_end = rule.baseline_year + 1.0;
  if (whole_city && rule.printed_baseline) {
    return Baseline{*rule.printed_baseline, baseline_end, BaselineSource::plan};
  }
  if (const SeriesPoint* point = point_ending_at(series, baseline_end)) {
    return Baseline{point->value, baseline_end, BaselineSource::observation};
  }
  if (const SeriesPoint* point = first_in_window(series, rule.window.start_year, t)) {
    return Baseline{point->value, point->period.end_as_year(), BaselineSource::first_observation};
  }
  return std::nullopt;
}

// The reference-year figure of a change target.
std::optional<double> reference_value(const IndicatorRule& rule,
                                      std::span<const SeriesPoint> series, bool whole_city,
                                      int reference_year) {
  if (whole_city && rule.printed_baseline && rule.baseline_year == reference_year) {
    return rule.printed_baseline;
  }
  if (const SeriesPoint* point = point_ending_at(series, reference_year + 1.0)) {
    return point->value;
  }
  return std::nullopt;
}

// A target as a level in the indicator's unit; nullopt for a qualitative target or a change
// target whose reference figure is missing.
std::optional<double> target_level(const IndicatorRule& rule, const plans::Target& target,
                                   double baseline, std::span<const SeriesPoint> series,
                                   bool whole_city) {
  const plans::Expression& e = target.expression;
  if (!e.value || e.kind == TargetKind::qualitative) {
    return std::nullopt;
  }
  switch (e.kind) {
    case TargetKind::level:
    case TargetKind::cumulative:
      return *e.value;
    case TargetKind::increment:
      return baseline + *e.value;
    case TargetKind::change: {
      const int year = e.reference_year.value_or(rule.baseline_year);
      const auto reference = reference_value(rule, series, whole_city, year);
      if (!reference) {
        return std::nullopt;
      }
      return *reference * (1.0 + *e.value / 100.0);
    }
    case TargetKind::qualitative:
      break;
  }
  return std::nullopt;
}

struct Anchor {
  double at = 0;
  double value = 0;
};

// The 序时进度 line's points; plans have a handful of targets, so no heap allocation (the
// benchmark evaluates hundreds of millions of series points).
class Line {
 public:
  void add(double at, double value) {
    if (size_ < points_.size()) {
      points_[size_++] = Anchor{at, value};
    }
  }
  [[nodiscard]] double read(double t) const {
    if (t <= points_[0].at) {
      return points_[0].value;
    }
    for (std::size_t k = 1; k < size_; ++k) {
      const Anchor& from = points_[k - 1];
      const Anchor& to = points_[k];
      if (t <= to.at) {
        return from.value + (to.value - from.value) * (t - from.at) / (to.at - from.at);
      }
    }
    return points_[size_ - 1].value;
  }

 private:
  std::array<Anchor, 16> points_{};  // a baseline and up to 15 targets
  std::size_t size_ = 0;
};

// +1 when higher values are better for this target, −1 when lower are.
int better_sense(const plans::Indicator& indicator, std::optional<Comparator> op, double target,
                 double baseline) {
  if (op == Comparator::ge || op == Comparator::gt) {
    return 1;
  }
  if (op == Comparator::le || op == Comparator::lt) {
    return -1;
  }
  if (op == Comparator::eq) {
    return target >= baseline ? 1 : -1;
  }
  switch (indicator.direction) {
    case plans::Direction::up:
      return 1;
    case plans::Direction::down:
      return -1;
    case plans::Direction::none:
      break;
  }
  return target >= baseline ? 1 : -1;
}

bool satisfies(double value, std::optional<Comparator> op, int sense, double target,
               double tolerance) {
  const double eps = relative_epsilon(target);
  if (!op) {
    op = sense > 0 ? Comparator::ge : Comparator::le;
  }
  switch (*op) {
    case Comparator::ge:
      return value >= target - eps;
    case Comparator::gt:
      return value > target;
    case Comparator::le:
      return value <= target + eps;
    case Comparator::lt:
      return value < target;
    case Comparator::eq:
      return std::fabs(value - target) <= tolerance + eps;
  }
  return false;
}

std::optional<GrowthView> growth_view(double baseline, double value, double target, double t0,
                                      double t, double t1, int sense, bool met) {
  const bool same_sign =
      (baseline > 0 && value > 0 && target > 0) || (baseline < 0 && value < 0 && target < 0);
  if (!same_sign || t <= t0 + kTimeEpsilon || t1 <= t0 + kTimeEpsilon) {
    return std::nullopt;
  }
  GrowthView view;
  view.observed = std::pow(value / baseline, 1.0 / (t - t0)) - 1.0;
  view.required = std::pow(target / baseline, 1.0 / (t1 - t0)) - 1.0;
  if (std::fabs(view.required) < 1e-12) {
    return std::nullopt;
  }
  const double sign = baseline < 0 ? -1.0 : 1.0;
  view.ratio = sign * sense * view.observed / std::fabs(view.required);
  if (met) {
    view.category = GrowthCategory::target_achieved;
  } else if (view.ratio >= 0.95) {
    view.category = GrowthCategory::substantial;
  } else if (view.ratio >= 0.6) {
    view.category = GrowthCategory::moderate;
  } else if (view.ratio >= 0) {
    view.category = GrowthCategory::limited;
  } else {
    view.category = GrowthCategory::deterioration;
  }
  return view;
}

Warning warning_for(Status status) {
  switch (status) {
    case Status::met:
    case Status::on_track:
      return Warning::green;
    case Status::lagging:
      return Warning::yellow;
    case Status::off_track:
      return Warning::red;
    case Status::qualitative:
    case Status::no_data:
      break;
  }
  return Warning::none;
}

void mark_no_data(Assessment& a, const Period& period, const EvaluationOptions& options) {
  a.status = Status::no_data;
  const double due = period.end_as_year() + options.reporting_lag_months / 12.0;
  a.overdue = options.as_of && *options.as_of >= due - kTimeEpsilon;
  a.warning = a.overdue ? Warning::red : Warning::none;
}

std::size_t due_target(const IndicatorRule& rule, const Period& period) {
  const auto& targets = rule.indicator->targets;
  for (const std::size_t index : rule.targets_by_year) {
    if (targets[index].year >= period.year) {
      return index;
    }
  }
  return rule.targets_by_year.back();
}

void judge_qualitative(Assessment& a, const Judgement* judgement) {
  if (judgement == nullptr) {
    a.status = Status::qualitative;
    a.warning = Warning::none;
    return;
  }
  a.judgement = *judgement;
  a.status = judgement->status == JudgementStatus::met ? Status::met : Status::off_track;
  a.warning = warning_for(a.status);
}

}  // namespace

PlanWindow plan_window(const plans::Plan& plan) {
  int earliest_target = std::numeric_limits<int>::max();
  int latest_target = 0;
  std::optional<int> baseline_year;
  for (const plans::Indicator& indicator : plan.indicators) {
    if (indicator.baseline && !baseline_year) {
      baseline_year = indicator.baseline->year;
    }
    for (const plans::Target& target : indicator.targets) {
      earliest_target = std::min(earliest_target, target.year);
      latest_target = std::max(latest_target, target.year);
    }
  }
  PlanWindow window;
  if (plan.start_year) {
    window.start_year = *plan.start_year;
  } else if (baseline_year) {
    window.start_year = *baseline_year + 1;
  } else if (plan.issued_on && plan.issued_on->size() >= 4) {
    window.start_year = std::stoi(plan.issued_on->substr(0, 4));
  } else if (latest_target > 0) {
    window.start_year = earliest_target;
  }
  window.end_year = plan.end_year.value_or(std::max(latest_target, window.start_year));
  return window;
}

IndicatorRule make_rule(const plans::Plan& plan, const plans::Indicator& indicator) {
  return make_rule(plan_window(plan), indicator);
}

IndicatorRule make_rule(const PlanWindow& window, const plans::Indicator& indicator) {
  IndicatorRule rule;
  rule.indicator = &indicator;
  rule.window = window;
  rule.baseline_year = indicator.baseline ? indicator.baseline->year : rule.window.start_year - 1;
  if (indicator.baseline && indicator.baseline->expression.kind == TargetKind::level) {
    rule.printed_baseline = indicator.baseline->expression.value;
  }
  for (std::size_t i = 0; i < indicator.targets.size(); ++i) {
    rule.targets_by_year.push_back(i);
  }
  std::stable_sort(rule.targets_by_year.begin(), rule.targets_by_year.end(),
                   [&](std::size_t a, std::size_t b) {
                     return indicator.targets[a].year < indicator.targets[b].year;
                   });
  return rule;
}

Assessment assess(const IndicatorRule& rule, std::span<const SeriesPoint> series,
                  const Period& period, bool whole_city, const Judgement* judgement,
                  const EvaluationOptions& options) {
  Assessment a;
  const double t = period.end_as_year();
  if (const SeriesPoint* point = find_point(series, period)) {
    a.value = point->value;
  }
  if (rule.targets_by_year.empty()) {  // nothing to measure against: a person must say
    judge_qualitative(a, judgement);
    return a;
  }
  const std::size_t due = due_target(rule, period);
  const plans::Target& target = rule.indicator->targets[due];
  a.target_index = due;
  a.target_at = target.year + 1.0;
  if (target.expression.kind == TargetKind::qualitative || !target.expression.value) {
    judge_qualitative(a, judgement);
    return a;
  }

  const bool cumulative = target.expression.kind == TargetKind::cumulative;
  Baseline baseline;
  if (cumulative) {
    a.value = cumulative_value(series, period, rule.window.start_year, a.missing_years);
    baseline =
        Baseline{0.0, static_cast<double>(rule.window.start_year), BaselineSource::plan_start};
  }
  if (!a.value) {
    mark_no_data(a, period, options);
    return a;
  }
  if (!cumulative) {
    const auto found = find_baseline(rule, series, whole_city, t);
    baseline = found.value_or(Baseline{*a.value, t, BaselineSource::first_observation});
  }
  a.baseline = baseline.value;
  a.baseline_at = baseline.at;
  a.baseline_source = baseline.source;

  a.target = target_level(rule, target, baseline.value, series, whole_city);
  if (!a.target) {
    a.missing_reference_year = target.expression.reference_year.value_or(rule.baseline_year);
    mark_no_data(a, period, options);
    return a;
  }

  // 序时进度: baseline, then every later target of the same family, in year order.
  Line line;
  line.add(baseline.at, baseline.value);
  for (const std::size_t index : rule.targets_by_year) {
    const plans::Target& k = rule.indicator->targets[index];
    const bool same_family = (k.expression.kind == TargetKind::cumulative) == cumulative;
    if (!same_family || k.year + 1.0 <= baseline.at + kTimeEpsilon) {
      continue;
    }
    const auto level =
        index == due ? a.target : target_level(rule, k, baseline.value, series, whole_city);
    if (level) {
      line.add(k.year + 1.0, *level);
    }
  }
  // From the due target's year-end on, only the target itself is expected — even when the
  // baseline is a first figure that leaves no room for a line.
  a.expected = t >= a.target_at - kTimeEpsilon ? *a.target : line.read(t);

  const double T = *a.target;
  const double b = baseline.value;
  const double v = *a.value;
  const int sense = better_sense(*rule.indicator, target.expression.op, T, b);
  const double scale = std::fabs(T - b) > relative_epsilon(T) ? std::fabs(T - b) : std::fabs(T);
  a.tolerance = options.tolerance * scale;
  a.gap = v - *a.expected;
  const double ahead = sense * *a.gap;
  if (scale > 0) {
    a.normalised_gap = std::clamp(ahead / scale, -1.0, 1.0);
  }

  const bool met = satisfies(v, target.expression.op, sense, T, *a.tolerance);
  if (met) {
    a.status = Status::met;
  } else if (ahead >= -relative_epsilon(*a.expected)) {
    a.status = Status::on_track;
  } else if (-ahead <= *a.tolerance + relative_epsilon(*a.expected)) {
    a.status = Status::lagging;
  } else {
    a.status = Status::off_track;
  }
  a.warning = warning_for(a.status);
  if (!cumulative) {
    a.growth = growth_view(b, v, T, baseline.at, t, a.target_at, sense, met);
  }
  return a;
}

std::vector<std::string> regions_reported(const plans::Plan& plan,
                                          std::span<const Observation> observations) {
  std::unordered_set<std::string_view> ids;
  for (const plans::Indicator& indicator : plan.indicators) {
    ids.insert(indicator.id);
  }
  std::unordered_set<std::string_view> seen;
  for (const Observation& o : observations) {
    if (ids.contains(o.indicator_id)) {
      seen.insert(o.region);
    }
  }
  std::vector<std::string> regions{std::string(registry::kWholeCity)};
  for (const registry::Region& region : registry::builtin_regions()) {
    if (seen.contains(region.name)) {
      regions.emplace_back(region.name);
    }
  }
  // Names the registry does not know (a development zone) come last, in name order.
  std::vector<std::string> others;
  for (const std::string_view name : seen) {
    if (name != registry::kWholeCity && !registry::find_region(name)) {
      others.emplace_back(name);
    }
  }
  std::sort(others.begin(), others.end());
  regions.insert(regions.end(), others.begin(), others.end());
  return regions;
}

std::vector<Evaluation> evaluate_plan(const plans::Plan& plan,
                                      std::span<const Observation> observations,
                                      std::span<const Judgement> judgements, const Period& period,
                                      std::span<const std::string> regions,
                                      const EvaluationOptions& options) {
  const auto key = [](std::string_view indicator, std::string_view region) {
    std::string k(indicator);
    k.push_back('\x1f');
    k.append(region);
    return k;
  };
  std::unordered_map<std::string, std::vector<SeriesPoint>> series;
  for (const Observation& o : observations) {
    series[key(o.indicator_id, o.region)].push_back(SeriesPoint{o.period, o.value});
  }
  for (auto& [k, points] : series) {
    std::sort(points.begin(), points.end(),
              [](const SeriesPoint& x, const SeriesPoint& y) { return x.period < y.period; });
  }
  std::unordered_map<std::string, const Judgement*> judged;
  for (const Judgement& j : judgements) {
    if (j.period == period) {
      judged[key(j.indicator_id, j.region)] = &j;
    }
  }

  std::vector<Evaluation> out;
  out.reserve(plan.indicators.size() * regions.size());
  const std::vector<SeriesPoint> empty;
  const PlanWindow window = plan_window(plan);
  for (const plans::Indicator& indicator : plan.indicators) {
    const IndicatorRule rule = make_rule(window, indicator);
    for (const std::string& region : regions) {
      const std::string k = key(indicator.id, region);
      const auto s = series.find(k);
      const auto j = judged.find(k);
      out.push_back(Evaluation{&indicator, region, period,
                               assess(rule, s == series.end() ? empty : s->second, period,
                                      region == registry::kWholeCity,
                                      j == judged.end() ? nullptr : j->second, options)});
    }
  }
  return out;
}

}  // namespace zhiyou::monitoring
