#include "monitoring/seed_plans.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "plans/plan_text_parser.hpp"
#include "support/test_support.hpp"

namespace zhiyou::monitoring::testing {
namespace {

std::vector<plans::Plan> parse_seeds() {
  std::vector<plans::Plan> all;
  for (const char* prefix : {"000", "004"}) {
    const auto path = zhiyou::testing::seed(prefix);
    const std::string text = zhiyou::testing::read_file(path);
    auto parsed = plans::parse_plan_text(text, path.string(), path.filename().string());
    if (!parsed) throw std::runtime_error(parsed.error().describe());
    for (plans::Plan& plan : parsed->plans) all.push_back(std::move(plan));
  }
  return all;
}

}  // namespace

const std::vector<plans::Plan>& seed_plans() {
  static const std::vector<plans::Plan> plans = parse_seeds();
  return plans;
}

const plans::Plan& plan_titled(const std::string& title_part) {
  for (const plans::Plan& plan : seed_plans()) {
    if (plan.title.find(title_part) != std::string::npos) return plan;
  }
  ADD_FAILURE() << "no seed plan titled …" << title_part << "…";
  throw std::runtime_error("no plan " + title_part);
}

const plans::Indicator& indicator_named(const plans::Plan& plan, const std::string& name) {
  for (const plans::Indicator& indicator : plan.indicators) {
    if (indicator.name == name) return indicator;
  }
  ADD_FAILURE() << "no indicator " << name << " in " << plan.title;
  throw std::runtime_error("no indicator " + name);
}

}  // namespace zhiyou::monitoring::testing
