#include "monitoring/index/treatment.hpp"

#include <algorithm>
#include <cmath>

#include "monitoring/index/framework.hpp"
#include "monitoring/index/statistics.hpp"

namespace zhiyou::monitoring::index {
namespace {

// R's three-valued OR over two comparisons that may be undefined.
std::optional<bool> either(double a, double a_limit, double b, double b_limit) {
  const bool a_known = !std::isnan(a);
  const bool b_known = !std::isnan(b);
  if (a_known && a < a_limit) return true;
  if (b_known && b < b_limit) return true;
  if (!a_known || !b_known) return std::nullopt;
  return false;
}

// The rows holding the extreme value, and the extreme value among the other rows.
struct Extreme {
  std::vector<std::size_t> rows;
  double next = kMissing;
};

Extreme find_extreme(const std::vector<double>& x, bool high) {
  Extreme e;
  double extreme = kMissing;
  for (const double v : x) {
    if (is_missing(v)) continue;
    if (is_missing(extreme) || (high ? v > extreme : v < extreme)) extreme = v;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (is_missing(x[i])) continue;
    if (x[i] == extreme) {
      e.rows.push_back(i);
    } else if (is_missing(e.next) || (high ? x[i] > e.next : x[i] < e.next)) {
      e.next = x[i];
    }
  }
  return e;
}

}  // namespace

std::optional<bool> passes_skew_kurtosis(std::span<const double> x, const TreatmentSpec& spec) {
  return either(std::abs(skewness(x)), spec.skew_threshold, kurtosis(x), spec.kurtosis_threshold);
}

Winsorised winsorise(std::vector<double> x, const TreatmentSpec& spec) {
  Winsorised out;
  std::optional<bool> passing = passes_skew_kurtosis(x, spec);
  // As COINr counts: the size of the last tie group moved at each end (every point moved
  // at one end ends up tied there, so this is the number of changed points).
  std::size_t high_rows = 0;
  std::size_t low_rows = 0;
  while (passing.has_value() && !*passing && out.points < spec.winmax) {
    const double skew = skewness(x);
    if (std::isnan(skew)) {
      out.defined = false;
      break;
    }
    const bool high = skew >= 0;
    const Extreme e = find_extreme(x, high);
    for (const std::size_t row : e.rows) x[row] = e.next;
    (high ? high_rows : low_rows) = e.rows.size();
    out.points = static_cast<int>(high_rows + low_rows);
    passing = passes_skew_kurtosis(x, spec);
  }
  if (!passing.has_value() && out.points < spec.winmax) out.defined = false;
  out.values = std::move(x);
  return out;
}

std::vector<double> log_transform(std::span<const double> x) {
  const std::vector<double> v = present_values(x);
  std::vector<double> out(x.begin(), x.end());
  if (v.empty()) return out;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  const double shift = 0.01 * (*hi - *lo);
  for (double& value : out) {
    if (!is_missing(value)) value = std::log(value - *lo + shift);
  }
  return out;
}

TreatedColumn treat_column(std::span<const double> x, const TreatmentSpec& spec) {
  TreatedColumn out;
  out.values.assign(x.begin(), x.end());
  ColumnTreatment& d = out.details;
  d.skewness_before = d.skewness_after = skewness(x);
  d.kurtosis_before = d.kurtosis_after = kurtosis(x);
  if (!spec.enabled) return out;
  const auto pass0 = passes_skew_kurtosis(x, spec);
  if (!pass0.has_value()) {
    d.outcome = TreatmentOutcome::not_treatable;
    return out;
  }
  if (*pass0) return out;

  Winsorised w = winsorise(out.values, spec);
  const auto pass1 = w.defined ? passes_skew_kurtosis(w.values, spec) : std::nullopt;
  std::vector<double> treated;
  if (!pass1.has_value()) {
    d.outcome = TreatmentOutcome::not_treatable;
    return out;
  }
  if (*pass1) {
    d.outcome = TreatmentOutcome::winsorised;
    d.winsorised_points = w.points;
    treated = std::move(w.values);
  } else {
    // COINr applies the second treatment to the original column, not the Winsorised one.
    treated = log_transform(x);
    const auto pass2 = passes_skew_kurtosis(treated, spec);
    if (!pass2.has_value()) {
      d.outcome = TreatmentOutcome::not_treatable;
      return out;
    }
    d.outcome = TreatmentOutcome::log_transformed;
    d.passes_after = *pass2;
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!is_missing(x[i]) && treated[i] != x[i]) d.changed_rows.push_back(i);
  }
  d.skewness_after = skewness(treated);
  d.kurtosis_after = kurtosis(treated);
  out.values = std::move(treated);
  return out;
}

}  // namespace zhiyou::monitoring::index
