// Normalisation of one indicator column to a common scale (OECD/JRC Handbook step 5), with
// COINr's formulas. Direction-aware: a lower-is-better indicator is multiplied by −1 first,
// so a high normalised value is always good.
//   minmax(l,u)   (x − min)/(max − min)·(u − l) + l
//   zscore(m,s)   (x − mean)/sd·s + m
//   target(scale) (x − min)/(T − min), capped at 1, times scale (COINr n_dist2targ: the
//                 distance from the worst unit to the target; T·direction for −1)
//   rank          rank among units, lowest 1, ties the lowest rank (COINr n_rank)
//   goalposts     (x − L)/(U − L) truncated to [0, 1], times scale; (U − x)/(U − L) when
//                 lower is better
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::monitoring::index {

struct NormalisationSpec {
  enum class Kind { minmax, zscore, target, rank, goalposts };
  Kind kind = Kind::minmax;
  double a = 0;     // minmax: l; zscore: mean; target, goalposts: scale
  double b = 100;   // minmax: u; zscore: sd
  bool cap = true;  // target: cap at the target

  static NormalisationSpec minmax(double l = 0, double u = 100) { return {Kind::minmax, l, u}; }
  static NormalisationSpec zscore(double m = 10, double s = 2) { return {Kind::zscore, m, s}; }
  static NormalisationSpec target(double scale = 100) { return {Kind::target, scale, 0}; }
  static NormalisationSpec rank() { return {Kind::rank, 0, 0}; }
  static NormalisationSpec goalposts(double scale = 100) { return {Kind::goalposts, scale, 0}; }
};

// "minmax:0,100", "zscore:10,2", "target", "target:1", "rank", "goalposts:100".
Result<NormalisationSpec> parse_normalisation(std::string_view text);
std::string describe(const NormalisationSpec& spec);  // Chinese, for the method statement

// What an indicator brings to its normalisation besides its values.
struct IndicatorScale {
  int direction = 1;
  std::optional<double> target;
  std::optional<double> goalpost_lower;
  std::optional<double> goalpost_upper;
};

// Missing values stay missing. A column with no spread gives all-missing under minmax and
// zscore (there is nothing to scale). Errors: no target / goalposts for a method that needs
// them, or (uncapped) a target no better than the worst value.
Result<std::vector<double>> normalise(std::span<const double> x, const IndicatorScale& scale,
                                      const NormalisationSpec& spec);

}  // namespace zhiyou::monitoring::index
