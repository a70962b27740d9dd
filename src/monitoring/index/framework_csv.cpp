#include "monitoring/index/framework_csv.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "core/text.hpp"
#include "tabular/csv.hpp"

namespace zhiyou::monitoring::index {
namespace {

bool is_na(std::string_view cell) { return cell.empty() || cell == "NA"; }

std::optional<double> to_number(std::string_view cell) {
  double v = 0;
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, v);
  if (ec != std::errc{} || ptr != end || !std::isfinite(v)) return std::nullopt;
  return v;
}

// One table with its header: cells by column name, errors with file:line and column.
class Sheet {
 public:
  Sheet(tabular::Table table, std::string name) : table_(std::move(table)), name_(std::move(name)) {
    const auto& header = table_.rows.front().cells;
    for (std::size_t c = 0; c < header.size(); ++c) {
      columns_.emplace(std::string(text::trim(header[c])), c);
    }
  }

  [[nodiscard]] std::size_t rows() const { return table_.rows.size() - 1; }
  [[nodiscard]] const std::vector<std::string>& header() const { return table_.rows.front().cells; }
  [[nodiscard]] std::optional<std::size_t> column(const std::string& name) const {
    const auto it = columns_.find(name);
    return it == columns_.end() ? std::nullopt : std::optional(it->second);
  }
  [[nodiscard]] std::string_view cell(std::size_t row, std::size_t column) const {
    const auto& cells = table_.rows[row + 1].cells;
    return column < cells.size() ? text::trim(cells[column]) : std::string_view{};
  }
  [[nodiscard]] std::string place(std::size_t row) const {
    return fmt::format("{}:{}", name_, table_.rows[row + 1].line);
  }
  [[nodiscard]] Error error_at(std::size_t row, std::size_t column, std::string_view what) const {
    return make_error(
        fmt::format("第 {} 列 {}：{}", column + 1, text::trim(header()[column]), what), place(row));
  }
  [[nodiscard]] Error header_error(std::string_view what) const {
    return make_error(std::string(what), fmt::format("{}:{}", name_, table_.rows.front().line));
  }
  // A number or missing; anything else is an error naming the cell.
  [[nodiscard]] Result<double> number(std::size_t row, std::size_t column) const {
    const std::string_view c = cell(row, column);
    if (is_na(c)) return kMissing;
    const auto v = to_number(c);
    if (!v) return error_at(row, column, fmt::format("“{}” 不是数字", c));
    return *v;
  }

 private:
  tabular::Table table_;
  std::string name_;
  std::map<std::string, std::size_t> columns_;
};

Result<Sheet> open_sheet(std::string_view csv, const std::string& name) {
  auto table = tabular::parse_csv(csv);
  if (!table) return make_error(table.error().message, name + " " + table.error().place);
  if (table->rows.empty()) return make_error("文件是空的", name);
  return Sheet(std::move(*table), name);
}

struct MetaRow {
  std::string type;
  Node node;
};

Result<std::vector<MetaRow>> read_meta(const Sheet& meta) {
  std::set<std::string> headers;
  for (std::size_t c = 0; c < meta.header().size(); ++c) {
    const std::string h(text::trim(meta.header()[c]));
    if (!h.empty() && !headers.insert(h).second) {
      return meta.header_error(fmt::format("第 {} 列 {} 与前面的列重名", c + 1, h));
    }
  }
  for (const char* required : {"Level", "iCode", "Direction", "Weight", "Parent", "Type"}) {
    if (!meta.column(required)) {
      return meta.header_error(
          fmt::format("元数据缺少必需的列 {}（COINr 格式：Level, iCode, iName, "
                      "Direction, Weight, Unit, Target, Denominator, Parent, Type）",
                      required));
    }
  }
  const auto col = [&](const char* name) { return meta.column(name); };
  const auto text_of = [&](std::size_t r, std::optional<std::size_t> c) {
    if (!c) return std::string{};
    const std::string_view v = meta.cell(r, *c);
    return v == "NA" ? std::string{} : std::string(v);
  };
  std::vector<MetaRow> out;
  std::set<std::string> codes;
  for (std::size_t r = 0; r < meta.rows(); ++r) {
    MetaRow row;
    row.type = text_of(r, col("Type"));
    Node& n = row.node;
    n.code = text_of(r, col("iCode"));
    if (n.code.empty()) return meta.error_at(r, *col("iCode"), "指标代码为空");
    if (!codes.insert(n.code).second)
      return meta.error_at(r, *col("iCode"), "指标代码 " + n.code + " 重复");
    if (row.type == "Group" || row.type == "Denominator" || row.type == "Other") {
      out.push_back(std::move(row));
      continue;
    }
    if (row.type != "Indicator" && row.type != "Aggregate") {
      return meta.error_at(
          r, *col("Type"),
          fmt::format("类型 “{}” 应为 Indicator、Aggregate、Group、Denominator 或 Other",
                      row.type));
    }
    n.name = text_of(r, col("iName"));
    if (n.name.empty()) n.name = n.code;
    n.unit = text_of(r, col("Unit"));
    n.denominator = text_of(r, col("Denominator"));
    n.parent = text_of(r, col("Parent"));
    auto level = meta.number(r, *col("Level"));
    if (!level) return level.error();
    if (is_missing(*level) || *level < 1 || *level > 100 || *level != std::floor(*level)) {
      return meta.error_at(r, *col("Level"), "层级应为 1 到 100 之间的整数");
    }
    n.level = static_cast<int>(*level);
    auto direction = meta.number(r, *col("Direction"));
    if (!direction) return direction.error();
    if (*direction != 1 && *direction != -1) {
      return meta.error_at(r, *col("Direction"), "方向应为 1（越大越好）或 -1（越小越好）");
    }
    n.direction = static_cast<int>(*direction);
    auto weight = meta.number(r, *col("Weight"));
    if (!weight) return weight.error();
    if (is_missing(*weight) || *weight < 0)
      return meta.error_at(r, *col("Weight"), "权重应为非负数");
    n.weight = *weight;
    const auto optional_number = [&](const char* name, std::optional<double>& into) -> Status {
      const auto c = col(name);
      if (!c) return Ok{};
      auto v = meta.number(r, *c);
      if (!v) return v.error();
      if (!is_missing(*v)) into = *v;
      return Ok{};
    };
    for (const auto& [name, into] :
         {std::pair{"Target", &n.target}, std::pair{"goalpost_lower", &n.goalpost_lower},
          std::pair{"goalpost_upper", &n.goalpost_upper}}) {
      if (auto s = optional_number(name, *into); !s) return s.error();
    }
    out.push_back(std::move(row));
  }
  // Parents and denominators point at rows of the right kind, named at the referring row.
  std::map<std::string, const MetaRow*> by_code;
  for (const MetaRow& row : out) by_code[row.node.code] = &row;
  for (std::size_t r = 0; r < out.size(); ++r) {
    const MetaRow& row = out[r];
    if (row.type != "Indicator" && row.type != "Aggregate") continue;
    const Node& n = row.node;
    if (!n.parent.empty()) {
      const auto it = by_code.find(n.parent);
      if (it == by_code.end() || it->second->type != "Aggregate") {
        return meta.error_at(r, *col("Parent"),
                             "上级 " + n.parent + " 不是元数据中的聚合项（Aggregate）");
      }
      if (it->second->node.level != n.level + 1) {
        return meta.error_at(r, *col("Parent"),
                             fmt::format("上级 {} 在第 {} 层，应在第 {} 层", n.parent,
                                         it->second->node.level, n.level + 1));
      }
    }
    if (!n.denominator.empty()) {
      const auto it = by_code.find(n.denominator);
      if (it == by_code.end() || it->second->type != "Denominator") {
        return meta.error_at(r, *col("Denominator"),
                             "分母 " + n.denominator + " 未在元数据中声明为 Denominator");
      }
    }
  }
  return out;
}

}  // namespace

Result<Framework> read_framework(std::string_view data_csv, const std::string& data_name,
                                 std::string_view meta_csv, const std::string& meta_name) {
  auto meta = open_sheet(meta_csv, meta_name);
  if (!meta) return meta.error();
  auto rows = read_meta(*meta);
  if (!rows) return rows.error();
  auto data = open_sheet(data_csv, data_name);
  if (!data) return data.error();

  Framework f;
  std::map<std::string, std::string> type_of;
  for (MetaRow& row : *rows) {
    type_of[row.node.code] = row.type;
    if (row.type == "Indicator") f.indicators.push_back(std::move(row.node));
    if (row.type == "Aggregate") f.aggregates.push_back(std::move(row.node));
    if (row.type == "Group") f.group_columns.push_back(row.node.code);
    if (row.type == "Denominator") f.denominator_columns.push_back(row.node.code);
  }
  std::stable_sort(f.aggregates.begin(), f.aggregates.end(),
                   [](const Node& a, const Node& b) { return a.level < b.level; });

  // Every data column must be known, and every indicator, group and denominator present.
  const auto code_column = data->column("uCode");
  if (!code_column) return data->header_error("数据表缺少 uCode 列（单位代码）");
  const auto name_column = data->column("uName");
  std::set<std::string> headers;
  for (std::size_t c = 0; c < data->header().size(); ++c) {
    const std::string h(text::trim(data->header()[c]));
    if (!headers.insert(h).second) {
      return data->header_error(fmt::format("第 {} 列 {} 与前面的列重名", c + 1, h));
    }
    if (h == "uCode" || h == "uName" || h == "Time") continue;
    const auto it = type_of.find(h);
    if (it == type_of.end()) {
      return data->header_error(
          fmt::format("第 {} 列 {} 不在元数据中（元数据 {} 没有这个 iCode）", c + 1, h, meta_name));
    }
    if (it->second == "Aggregate") {
      return data->header_error(
          fmt::format("第 {} 列 {} 是聚合项，聚合项由指标计算，不应出现在数据表中", c + 1, h));
    }
  }
  const auto require = [&](const std::string& code) -> Result<std::size_t> {
    const auto c = data->column(code);
    if (!c) return data->header_error(fmt::format("数据表缺少元数据中的列 {}", code));
    return *c;
  };

  std::set<std::string> seen;
  for (std::size_t r = 0; r < data->rows(); ++r) {
    Unit u;
    u.code = std::string(data->cell(r, *code_column));
    if (u.code.empty() || u.code == "NA") return data->error_at(r, *code_column, "单位代码为空");
    if (!seen.insert(u.code).second) {
      return data->error_at(r, *code_column, "单位代码 " + u.code + " 重复（每个单位只能有一行）");
    }
    u.name = name_column ? std::string(data->cell(r, *name_column)) : u.code;
    if (u.name.empty()) u.name = u.code;
    for (const std::string& g : f.group_columns) {
      auto c = require(g);
      if (!c) return c.error();
      const std::string_view label = data->cell(r, *c);
      if (!is_na(label)) u.groups[g] = std::string(label);
    }
    f.units.push_back(std::move(u));
  }
  const auto read_columns = [&](const std::vector<std::string>& codes,
                                std::vector<std::vector<double>>& into) -> Status {
    for (const std::string& code : codes) {
      auto c = require(code);
      if (!c) return c.error();
      std::vector<double> column;
      for (std::size_t r = 0; r < data->rows(); ++r) {
        auto v = data->number(r, *c);
        if (!v) return v.error();
        column.push_back(*v);
      }
      into.push_back(std::move(column));
    }
    return Ok{};
  };
  std::vector<std::string> indicator_codes;
  for (const Node& n : f.indicators) indicator_codes.push_back(n.code);
  if (auto s = read_columns(f.denominator_columns, f.denominators); !s) return s.error();
  if (auto s = read_columns(indicator_codes, f.values); !s) return s.error();
  if (auto s = validate(f); !s)
    return make_error(s.error().message, meta_name + " " + s.error().place);
  return f;
}

}  // namespace zhiyou::monitoring::index
