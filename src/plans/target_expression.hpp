// Target and baseline expressions as the indicator tables print them, read into a typed
// Expression: "35", "99.5 以上", "≥50", ">99", "<3.5", "新增 50", "[90]", "8000 万",
// "比2020年 下降15%", "与经济增长基本同步", "99.6 /99.22", "—".
#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "plans/plan.hpp"

namespace zhiyou::plans {

struct ParsedExpression {
  Expression expression;
  bool percent = false;  // the text carried a "%": the unit is per cent
};

// nullopt for an empty cell or a dash ("—", "-"), meaning "no value". An Error when the
// text is neither a value nor a recognisable qualitative phrase; its message says why.
// Comparators the text does not state are left empty (see resolve_comparators).
Result<std::optional<ParsedExpression>> parse_expression(std::string_view raw);

// True for phrases that need a person's judgement ("与经济增长基本同步").
bool is_qualitative_phrase(std::string_view text);

}  // namespace zhiyou::plans
