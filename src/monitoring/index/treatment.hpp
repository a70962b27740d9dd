// Outlier treatment as COINr does it by default (Treat() with winsorise → log_CT →
// check_SkewKurt): a column fails when |skewness| ≥ 2 and kurtosis ≥ 3.5; a failing column
// is Winsorised point by point (the most extreme value, on the side the skew points to,
// takes its neighbour's value) until it passes or N points have been changed; if it still
// fails, the original column is log-transformed instead: log(x − min + 0.01·(max − min)).
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace zhiyou::monitoring::index {

struct TreatmentSpec {
  bool enabled = false;
  int winmax = 5;  // COINr's default; `--treat winsorise:6` sets 6
  double skew_threshold = 2;
  double kurtosis_threshold = 3.5;
};

enum class TreatmentOutcome {
  not_needed,       // passed the check as it was
  winsorised,       // passes after Winsorisation
  log_transformed,  // Winsorisation was not enough
  not_treatable,    // skewness/kurtosis undefined (fewer than 4 values, or no spread)
};

struct ColumnTreatment {
  TreatmentOutcome outcome = TreatmentOutcome::not_needed;
  int winsorised_points = 0;              // COINr's nwin
  std::vector<std::size_t> changed_rows;  // rows whose value the treatment changed
  double skewness_before = 0;
  double kurtosis_before = 0;
  double skewness_after = 0;
  double kurtosis_after = 0;
  bool passes_after = true;  // false when even the log transform did not pass
};

struct TreatedColumn {
  std::vector<double> values;
  ColumnTreatment details;
};

// |skewness| < skew_threshold OR kurtosis < kurtosis_threshold, in three-valued logic:
// nullopt when neither comparison holds and one of them is undefined (as R's NA).
std::optional<bool> passes_skew_kurtosis(std::span<const double> x, const TreatmentSpec& spec);

struct Winsorised {
  std::vector<double> values;
  int points = 0;       // COINr's count: the points tied at the treated extremes
  bool defined = true;  // false when skewness/kurtosis became undefined on the way
};
Winsorised winsorise(std::vector<double> x, const TreatmentSpec& spec);

// COINr's log_CT: log(x − min + 0.01·(max − min)); missing values stay missing.
std::vector<double> log_transform(std::span<const double> x);

TreatedColumn treat_column(std::span<const double> x, const TreatmentSpec& spec);

}  // namespace zhiyou::monitoring::index
