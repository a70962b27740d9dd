// Descriptive statistics over the non-missing values of a column, with the definitions
// COINr uses (so that outlier treatment decides exactly as it does). Each returns NaN when
// it is undefined: too few values, or no spread.
#pragma once

#include <span>
#include <vector>

namespace zhiyou::monitoring::index {

// The non-missing values, in order.
std::vector<double> present_values(std::span<const double> x);

double mean(std::span<const double> x);
// Sample standard deviation (denominator n − 1), as R's sd().
double standard_deviation(std::span<const double> x);
// Sample skewness G1 = √(n(n−1))/(n−2) · m3/m2^{3/2} (e1071 type 2, Excel's SKEW); needs n ≥ 3.
double skewness(std::span<const double> x);
// Sample excess kurtosis G2 = ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)), r = m4/m2² (e1071 type 2,
// Excel's KURT); needs n ≥ 4.
double kurtosis(std::span<const double> x);

// R's quantile type 7: linear interpolation between order statistics; NaN when empty.
double quantile(std::vector<double> values, double probability);

// Ranks with ties given the smallest rank (R's rank(ties.method = "min")), highest value
// first when `descending`; missing values get NaN.
std::vector<double> ranks(std::span<const double> x, bool descending);

}  // namespace zhiyou::monitoring::index
