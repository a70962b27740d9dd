// Unit scorecards (考核): what each responsible unit (责任单位) is answerable for and how it
// stands.
//
// Rule (README says the same): a unit's indicators are those naming it in their lead units;
// the first unit listed leads (牵头), the others share (共同负责). Each evaluated item earns
// points — met 100, on_track 90, lagging 60, off_track 30, no_data 0 (a figure not reported
// counts against the unit) — weighted 1 when the unit leads and 0.5 when it shares. The score
// is the weighted mean, 0–100; unjudged qualitative items are listed but not scored. Lagging
// items are the lagging and off_track ones, with their numbers.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "monitoring/evaluation.hpp"

namespace zhiyou::monitoring {

enum class UnitRole { lead, shared };

struct ScorecardItem {
  const Evaluation* evaluation = nullptr;  // into the evaluations the card was built from
  UnitRole role = UnitRole::lead;
};

struct Scorecard {
  std::string unit;
  std::vector<ScorecardItem> items;
  std::array<int, 6> counts{};  // by Status, in enum order
  std::optional<double> score;  // absent when nothing could be scored
  std::vector<ScorecardItem> lagging;

  [[nodiscard]] int count(Status status) const { return counts[static_cast<int>(status)]; }
};

// Points an item earns by the rule above; nullopt for an unjudged qualitative item.
std::optional<double> scorecard_points(Status status);

// One card per unit, over the evaluations of `region` (usually 全市), highest score first
// (ties and unscored cards in the order units first appear in the plan). The cards point
// into `evaluations`, which must outlive them.
std::vector<Scorecard> build_scorecards(std::span<const Evaluation> evaluations,
                                        std::string_view region);

}  // namespace zhiyou::monitoring
