// The plan model: a policy document (规划 / 方案 / 实施意见) with its indicators (指标),
// their baselines and targets, and its tasks (任务) with responsible units. Plain values;
// parsing lives in plan_text_parser.hpp, persistence in store/plan_store.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace zhiyou::plans {

// How a target is stated (glossary: 目标值 and its kinds).
enum class TargetKind {
  level,        // 35, 99.5 以上, ≥50
  increment,    // 新增 50: an increase over the baseline
  cumulative,   // [90]: a sum of yearly flows over the plan period
  change,       // 比2020年下降15%: a relative change against a reference year, in %
  qualitative,  // 与经济增长基本同步, 完成上级下达指标: needs a person's judgement
};

// The comparison a value must satisfy. `eq` is used for "40%左右" (about).
enum class Comparator { ge, gt, le, lt, eq };

enum class Direction { up, down, none };  // higher is better / lower is better / neither

enum class Attribute { expected, binding };  // 预期性 / 约束性

// A parsed value expression, used for targets and baselines alike.
struct Expression {
  TargetKind kind = TargetKind::level;
  std::optional<Comparator> op;
  std::optional<double> value;        // in the indicator's unit, magnitudes applied
  std::optional<int> reference_year;  // for `change`
  std::vector<double> parts;          // "99.6 /99.22": one value per sub-item
  std::string text;                   // as printed, whitespace-normalised
};

struct Target {
  int year = 0;
  Expression expression;
  std::string sentence;  // the sentence it was read from, when it came from prose
};

struct Baseline {
  int year = 0;
  Expression expression;
};

struct SourceRef {
  std::string file;  // file name as imported (no directory)
  int line = 0;      // 1-based; 0 when unknown
};

struct Indicator {
  std::string id;
  std::string domain;  // 质量领域 / 指标类别; empty when the table has none
  std::string name;
  std::optional<std::string> unit;
  std::optional<Baseline> baseline;
  std::vector<Target> targets;
  Direction direction = Direction::up;
  bool direction_overridden = false;
  std::optional<Attribute> attribute;
  std::vector<std::string> lead_units;
  std::vector<std::string> notes;
  SourceRef source;
};

struct Task {
  std::string id;
  std::string title;
  std::vector<std::string> lead_units;
  std::vector<std::string> supporting_units;
  SourceRef source;
};

struct Plan {
  std::string id;
  std::string title;
  std::string doc_number;  // 甬政办发〔2023〕1号; empty when the text has none
  std::string issuer;
  std::optional<std::string> issued_on;  // YYYY-MM-DD
  std::string kind = "official";         // "official" text, or "report" (a news report on a plan)
  std::optional<int> start_year;         // plan period, when the title states it
  std::optional<int> end_year;
  SourceRef source;
  std::vector<Indicator> indicators;
  std::vector<Task> tasks;
};

std::string_view to_string(TargetKind kind);
std::string_view to_string(Comparator op);
std::string_view to_string(Direction direction);
std::string_view to_string(Attribute attribute);
std::optional<TargetKind> target_kind_from(std::string_view text);
std::optional<Comparator> comparator_from(std::string_view text);
std::optional<Direction> direction_from(std::string_view text);
std::optional<Attribute> attribute_from(std::string_view text);

}  // namespace zhiyou::plans
