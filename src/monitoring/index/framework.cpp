#include "monitoring/index/framework.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <set>

namespace zhiyou::monitoring::index {
namespace {

template <typename T>
std::optional<std::size_t> find_code(const std::vector<T>& items, const std::string& code) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].code == code) return i;
  }
  return std::nullopt;
}

Status check_node(const Node& node, const Framework& f) {
  const std::string place = "指标 " + node.code;
  if (node.direction != 1 && node.direction != -1) {
    return make_error(fmt::format("方向应为 1 或 -1，而不是 {}", node.direction), place);
  }
  if (!std::isfinite(node.weight) || node.weight < 0) {
    return make_error(fmt::format("权重应为非负数，而不是 {}", node.weight), place);
  }
  if (!node.denominator.empty()) {
    if (node.level != 1) return make_error("只有指标（第1层）可以有分母", place);
    if (!f.denominator_index(node.denominator)) {
      return make_error(fmt::format("分母 {} 未在元数据中声明为 Denominator", node.denominator),
                        place);
    }
  }
  if (node.parent.empty()) {
    if (node.level != f.top_level()) {
      return make_error(fmt::format("第 {} 层的指标必须有上级（Parent）", node.level), place);
    }
    return Ok{};
  }
  const auto parent = f.aggregate_index(node.parent);
  if (!parent) {
    return make_error(fmt::format("上级 {} 不是元数据中的聚合项（Aggregate）", node.parent), place);
  }
  if (f.aggregates[*parent].level != node.level + 1) {
    return make_error(fmt::format("上级 {} 在第 {} 层，应在第 {} 层", node.parent,
                                  f.aggregates[*parent].level, node.level + 1),
                      place);
  }
  return Ok{};
}

}  // namespace

int Framework::top_level() const {
  int top = 1;
  for (const Node& a : aggregates) top = std::max(top, a.level);
  return top;
}

std::optional<std::size_t> Framework::indicator_index(const std::string& code) const {
  return find_code(indicators, code);
}

std::optional<std::size_t> Framework::aggregate_index(const std::string& code) const {
  return find_code(aggregates, code);
}

std::optional<std::size_t> Framework::denominator_index(const std::string& code) const {
  for (std::size_t i = 0; i < denominator_columns.size(); ++i) {
    if (denominator_columns[i] == code) return i;
  }
  return std::nullopt;
}

Status validate(const Framework& f) {
  if (f.units.empty()) return make_error("数据表没有任何单位（行）");
  if (f.indicators.empty()) return make_error("元数据中没有任何指标（Type = Indicator）");
  std::set<std::string> codes;
  for (const Unit& u : f.units) {
    if (!codes.insert(u.code).second) return make_error("单位代码重复: " + u.code);
  }
  codes.clear();
  for (const auto* list : {&f.indicators, &f.aggregates}) {
    for (const Node& n : *list) {
      if (!codes.insert(n.code).second) return make_error("指标代码重复: " + n.code);
    }
  }
  for (const Node& n : f.indicators) {
    if (n.level != 1) return make_error("指标（Indicator）应在第 1 层", "指标 " + n.code);
    if (auto s = check_node(n, f); !s) return s;
  }
  for (const Node& n : f.aggregates) {
    if (n.level < 2) return make_error("聚合项（Aggregate）应在第 2 层或以上", "指标 " + n.code);
    if (auto s = check_node(n, f); !s) return s;
    const auto has_child = [&](const Node& c) { return c.parent == n.code; };
    if (std::none_of(f.indicators.begin(), f.indicators.end(), has_child) &&
        std::none_of(f.aggregates.begin(), f.aggregates.end(), has_child)) {
      return make_error("聚合项没有任何下级", "指标 " + n.code);
    }
  }
  const std::size_t n_units = f.units.size();
  if (f.values.size() != f.indicators.size() ||
      f.denominators.size() != f.denominator_columns.size()) {
    return make_error("数据列数与元数据不一致");
  }
  for (const auto* table : {&f.values, &f.denominators}) {
    for (const auto& column : *table) {
      if (column.size() != n_units) return make_error("数据行数与单位数不一致");
    }
  }
  return Ok{};
}

}  // namespace zhiyou::monitoring::index
