#include "monitoring/index/statistics.hpp"

#include <algorithm>
#include <cmath>

#include "monitoring/index/framework.hpp"

namespace zhiyou::monitoring::index {
namespace {

// Sums of the second, third and fourth powers of deviations from the mean.
struct Moments {
  double n = 0;
  double m2 = 0;
  double m3 = 0;
  double m4 = 0;
};

Moments central_moments(std::span<const double> x) {
  const std::vector<double> v = present_values(x);
  Moments m;
  m.n = static_cast<double>(v.size());
  const double mu = mean(v);
  for (const double value : v) {
    const double d = value - mu;
    m.m2 += d * d;
    m.m3 += d * d * d;
    m.m4 += d * d * d * d;
  }
  return m;
}

}  // namespace

std::vector<double> present_values(std::span<const double> x) {
  std::vector<double> out;
  out.reserve(x.size());
  for (const double v : x) {
    if (!is_missing(v)) out.push_back(v);
  }
  return out;
}

double mean(std::span<const double> x) {
  double sum = 0;
  std::size_t n = 0;
  for (const double v : x) {
    if (is_missing(v)) continue;
    sum += v;
    ++n;
  }
  if (n == 0) return kMissing;
  // A second pass corrects rounding in the first, as R's mean() does.
  const double first = sum / static_cast<double>(n);
  double correction = 0;
  for (const double v : x) {
    if (!is_missing(v)) correction += v - first;
  }
  return first + correction / static_cast<double>(n);
}

double standard_deviation(std::span<const double> x) {
  const Moments m = central_moments(x);
  if (m.n < 2) return kMissing;
  return std::sqrt(m.m2 / (m.n - 1));
}

double skewness(std::span<const double> x) {
  const Moments m = central_moments(x);
  if (m.n < 3) return kMissing;
  const double n = m.n;
  const double g = std::sqrt(n) * m.m3 / std::pow(m.m2, 1.5);
  return g * std::sqrt(n * (n - 1)) / (n - 2);
}

double kurtosis(std::span<const double> x) {
  const Moments m = central_moments(x);
  if (m.n < 4) return kMissing;
  const double n = m.n;
  const double r = n * m.m4 / (m.m2 * m.m2);
  return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3));
}

double quantile(std::vector<double> values, double probability) {
  if (values.empty()) return kMissing;
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1) * probability;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

std::vector<double> ranks(std::span<const double> x, bool descending) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!is_missing(x[i])) order.push_back(i);
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return descending ? x[a] > x[b] : x[a] < x[b]; });
  std::vector<double> out(x.size(), kMissing);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const bool tied = k > 0 && x[order[k]] == x[order[k - 1]];
    out[order[k]] = tied ? out[order[k - 1]] : static_cast<double>(k + 1);
  }
  return out;
}

}  // namespace zhiyou::monitoring::index
