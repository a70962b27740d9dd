#include "plans/direction.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "core/text.hpp"

namespace zhiyou::plans {
namespace {

// Names that measure a reduction: more reduction is better.
constexpr std::array<std::string_view, 5> kReductionWords{"降低率", "降低比例", "降低", "下降率",
                                                          "减少"};
// Quantities where less is better.
constexpr std::array<std::string_view, 12> kLowerIsBetter{"失业率",   "死亡率", "能耗",   "倍差",
                                                          "排放",     "近视率", "发生率", "事故",
                                                          "不合格率", "差距",   "投诉率", "空置率"};

bool any_in(std::string_view name, const auto& words) {
  return std::ranges::any_of(words, [&](std::string_view w) { return text::contains(name, w); });
}

}  // namespace

Direction infer_direction(const Indicator& indicator) {
  bool all_qualitative = !indicator.targets.empty();
  for (const Target& t : indicator.targets) {
    all_qualitative = all_qualitative && t.expression.kind == TargetKind::qualitative;
  }
  if (all_qualitative) return Direction::none;

  for (const Target& t : indicator.targets) {
    const Expression& e = t.expression;
    if (e.kind == TargetKind::change && e.value)
      return *e.value < 0 ? Direction::down : Direction::up;
    if (e.kind != TargetKind::level || !e.op) continue;
    if (*e.op == Comparator::ge || *e.op == Comparator::gt) return Direction::up;
    if (*e.op == Comparator::le || *e.op == Comparator::lt) return Direction::down;
  }
  if (any_in(indicator.name, kReductionWords)) return Direction::up;
  if (any_in(indicator.name, kLowerIsBetter)) return Direction::down;

  // A target below the baseline does not mean lower is better (a growth rate may be
  // planned to slow), so the baseline is not consulted.
  return Direction::up;
}

void resolve_comparators(Indicator& indicator) {
  for (Target& t : indicator.targets) {
    Expression& e = t.expression;
    if (e.op || e.kind == TargetKind::qualitative) continue;
    switch (indicator.direction) {
      case Direction::up:
        e.op = Comparator::ge;
        break;
      case Direction::down:
        e.op = Comparator::le;
        break;
      case Direction::none:
        e.op = Comparator::eq;
        break;
    }
  }
}

void override_direction(Indicator& indicator, Direction direction) {
  indicator.direction = direction;
  indicator.direction_overridden = true;
  for (Target& t : indicator.targets) {
    if (t.expression.kind == TargetKind::level && !t.expression.text.empty() &&
        t.expression.text.find_first_of("<>≥≤") == std::string::npos &&
        t.expression.text.find("以") == std::string::npos) {
      t.expression.op.reset();
    }
  }
  resolve_comparators(indicator);
}

}  // namespace zhiyou::plans
