// The seed plans as the importer reads them, for tests that need real indicator names:
// 000 (质优宁波, no plan period, targets for 2025) and 004 (which holds the 2021–2025 plans
// with baselines, among them 腾笼换鸟 and 公共服务发展“十四五”规划).
#pragma once

#include <string>
#include <vector>

#include "plans/plan.hpp"

namespace zhiyou::monitoring::testing {

// Seeds 000 and 004, parsed once.
const std::vector<plans::Plan>& seed_plans();

// The plan whose title contains `title_part`; fails the test when there is none.
const plans::Plan& plan_titled(const std::string& title_part);
// The indicator of `plan` named `name`; fails the test when there is none.
const plans::Indicator& indicator_named(const plans::Plan& plan, const std::string& name);

}  // namespace zhiyou::monitoring::testing
