// The fill-in workbook (填报模板) a responsible unit receives: its indicators × the whole city
// and each district, with name, unit, baseline and targets shown and an empty 数值 column.
// Filled in and sent back, it imports with `zhiyou data import` as it is (the 指标编号
// column identifies each indicator even where names repeat across plans).
#pragma once

#include <optional>
#include <string>

#include "core/period.hpp"
#include "core/result.hpp"
#include "plans/plan.hpp"
#include "tabular/xlsx_writer.hpp"

namespace zhiyou::monitoring {

struct TemplateRequest {
  Period period;
  std::optional<std::string> unit;  // 责任单位: only indicators it leads; nullopt for all
};

// Fails, saying why, when no indicator of the plan is led by `unit` (the message lists the
// units that lead some indicator) or none may be reported for `period`.
Result<tabular::xlsx::Workbook> observation_template(const plans::Plan& plan,
                                                     const TemplateRequest& request);

}  // namespace zhiyou::monitoring
