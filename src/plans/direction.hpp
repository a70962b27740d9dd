// Whether more or less of an indicator is better, inferred the way a reader of the plan
// would: from what the targets say (≥, <, 下降), then from the name (失业率, 能耗, 倍差 …);
// otherwise more is better. A user can override it (Indicator::direction_overridden).
#pragma once

#include "plans/plan.hpp"

namespace zhiyou::plans {

Direction infer_direction(const Indicator& indicator);

// Plain numbers ("35") state no comparator; once the direction is known they mean
// "at least" (up) or "at most" (down). Fills every empty comparator of targets.
void resolve_comparators(Indicator& indicator);

// A user's decision on the direction: recorded as overridden, and comparators that only
// followed from the old direction (a plain "35") follow the new one.
void override_direction(Indicator& indicator, Direction direction);

}  // namespace zhiyou::plans
