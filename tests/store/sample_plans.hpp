// Hand-built plans for the store tests, and a field-by-field comparison of two plans.
#pragma once

#include <string>

#include "plans/plan.hpp"

namespace zhiyou::store::testing {

// A plan with every field of plans/plan.hpp populated, including the optional ones, plus an
// indicator and a target that leave every optional empty. Ids are derived from `id`.
plans::Plan full_plan(const std::string& id = "plan_quality_2025");

// A small plan: one indicator with one target, one task.
plans::Plan small_plan(const std::string& id, const std::string& title,
                       const std::string& issued_on);

// Adds a GoogleTest failure for every field of plans/plan.hpp where the two differ; doubles
// must be exactly equal.
void expect_same_plan(const plans::Plan& expected, const plans::Plan& actual);

}  // namespace zhiyou::store::testing
