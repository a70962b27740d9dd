// What `zhiyou eval` and `zhiyou report` share: the plan, its observations and judgements from
// the database, the period and region asked for, and the evaluation options.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"
#include "monitoring/evaluation_input.hpp"

namespace CLI {
class App;
}

namespace zhiyou::cli {

struct EvaluationArguments {
  std::string db;
  std::string plan;
  std::string period;
  std::string region;  // empty: 全市 and every district that reported
  std::optional<double> tolerance;
  std::string as_of;  // YYYY-MM-DD; empty: today
};

// Adds --plan, --period, --region, --tolerance, --as-of and --db to `command`.
void add_evaluation_options(CLI::App& command, EvaluationArguments& arguments);

using monitoring::EvaluationInput;

// Reads everything from the database; throws UserError naming what is wrong.
EvaluationInput load_evaluation_input(const EvaluationArguments& arguments);

}  // namespace zhiyou::cli
