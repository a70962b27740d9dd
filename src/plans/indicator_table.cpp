#include "plans/indicator_table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <set>

#include "core/text.hpp"
#include "plans/indicator_name.hpp"
#include "plans/target_expression.hpp"

namespace zhiyou::plans {
namespace {

enum class Role { domain, seq, name, baseline, target, attribute, units, other };

struct Column {
  Role role = Role::other;
  int year = 0;
  std::string title;
};

struct Header {
  std::vector<Column> columns;
  std::size_t left_slots = 0;  // cells before the first value column
  std::size_t value_count = 0;
  std::vector<Role> tail;  // roles after the value columns, left to right
  bool has_domain = false;
};

std::vector<std::string> cells_of(std::string_view line) {
  std::vector<std::string> cells;
  for (const std::string_view cell : text::split(line, '\t')) cells.emplace_back(text::trim(cell));
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

std::optional<int> year_in(std::string_view cell) {
  static const std::regex kYear(R"((19|20|21)\d{2})");
  std::cmatch m;
  if (std::regex_search(cell.begin(), cell.end(), m, kYear)) return std::stoi(m.str());
  return std::nullopt;
}

std::optional<Header> read_header(const std::vector<std::string>& cells) {
  if (cells.size() < 2) return std::nullopt;
  bool has_name = false;
  bool has_value = false;
  Header header;
  std::vector<std::size_t> bare_years;
  for (const std::string& raw : cells) {
    const std::string cell = text::join_wrapped(raw);
    Column column;
    column.title = cell;
    const auto year = year_in(cell);
    if (year && (text::contains(cell, "基期") || text::contains(cell, "基数") ||
                 text::contains(cell, "基准"))) {
      column = {Role::baseline, *year, cell};
    } else if (year && text::contains(cell, "目标")) {
      column = {Role::target, *year, cell};
    } else if (year) {
      column = {Role::target, *year, cell};
      bare_years.push_back(header.columns.size());
    } else if (text::contains(cell, "领域") || text::contains(cell, "类别")) {
      column.role = Role::domain;
      header.has_domain = true;
    } else if (text::contains(cell, "序号")) {
      column.role = Role::seq;
    } else if (text::contains(cell, "指标")) {
      column.role = Role::name;
      has_name = true;
    } else if (text::contains(cell, "属性")) {
      column.role = Role::attribute;
    } else if (text::contains(cell, "单位") || text::contains(cell, "部门")) {
      column.role = Role::units;
    }
    has_value = has_value || year.has_value();
    header.columns.push_back(std::move(column));
  }
  if (!has_name || !has_value) return std::nullopt;
  // "2020年 | 2025年": with no explicit base column, the earliest year is the baseline.
  const bool explicit_baseline =
      std::any_of(header.columns.begin(), header.columns.end(),
                  [](const Column& c) { return c.role == Role::baseline; });
  if (!explicit_baseline && bare_years.size() >= 2)
    header.columns[bare_years.front()].role = Role::baseline;

  std::size_t first_value = header.columns.size();
  std::size_t last_value = 0;
  for (std::size_t i = 0; i < header.columns.size(); ++i) {
    const Role r = header.columns[i].role;
    if (r == Role::baseline || r == Role::target) {
      first_value = std::min(first_value, i);
      last_value = i;
      ++header.value_count;
    }
  }
  header.left_slots = first_value;
  for (std::size_t i = last_value + 1; i < header.columns.size(); ++i) {
    header.tail.push_back(header.columns[i].role);
  }
  return header;
}

struct Row {
  int line = 0;
  std::string domain;  // as printed on this row; empty when carried down
  std::string name_cell;
  std::string sub_label;  // 学前段
  std::vector<std::string> values;
  std::string attribute;
  std::string units;
};

struct RowIndicator {
  Indicator indicator;
  bool labelled = false;  // this row printed its domain label
};

class TableReader {
 public:
  TableReader(std::string_view file_label, std::string_view file_name, TableParse& out)
      : file_label_(file_label), file_name_(file_name), out_(out) {}

  void start(Header header) {
    header_ = std::move(header);
    rows_.clear();
    domain_.clear();
    parent_ = {};
  }

  // A line that looks like a domain label and nothing else.
  Status add_line(const SourceLine& line) {
    std::vector<std::string> cells = cells_of(line.text);
    if (cells.empty()) return Ok{};
    Row row;
    row.line = line.number;
    // Tail columns (属性, 责任单位) are the last cells.
    for (auto it = header_.tail.rbegin();
         it != header_.tail.rend() && cells.size() > header_.value_count; ++it) {
      if (*it == Role::attribute) row.attribute = cells.back();
      if (*it == Role::units) row.units = cells.back();
      cells.pop_back();
    }
    if (cells.size() == 1 && header_.has_domain && header_.value_count > 0) {
      domain_ = text::join_wrapped(cells.front());  // a label on a row of its own
      return Ok{};
    }
    if (cells.size() < header_.value_count + 1) {
      return make_error(fmt::format("指标表这一行只有 {} 列，少于表头要求的名称和 {} 个数值列",
                                    cells.size(), header_.value_count),
                        place(line.number));
    }
    row.values.assign(cells.end() - static_cast<std::ptrdiff_t>(header_.value_count), cells.end());
    cells.resize(cells.size() - header_.value_count);
    if (cells.size() > header_.left_slots && cells.size() >= 2) {
      row.sub_label = text::join_wrapped(cells.back());
      cells.pop_back();
    }
    std::vector<std::string> texts;
    for (const std::string& cell : cells) {
      if (text::is_digits(cell)) continue;  // 序号, wherever it slid to
      texts.push_back(cell);
    }
    while (!texts.empty() && texts.back().empty()) texts.pop_back();
    std::vector<std::string> non_empty;
    std::copy_if(texts.begin(), texts.end(), std::back_inserter(non_empty),
                 [](const std::string& s) { return !s.empty(); });
    if (header_.has_domain && non_empty.size() >= 2) {
      row.domain = text::join_wrapped(non_empty[0]);
      row.name_cell = non_empty[1];
    } else if (!non_empty.empty()) {
      row.name_cell = non_empty.back();  // alone, it is the name, even in the domain column
    }
    return add_row(row);
  }

  void finish() {
    repair_slid_labels();
    for (RowIndicator& r : rows_) out_.indicators.push_back(std::move(r.indicator));
    rows_.clear();
  }

 private:
  [[nodiscard]] std::string place(int line) const {
    return fmt::format("{}:{}", file_label_, line);
  }

  Status add_row(const Row& row) {
    IndicatorName name = read_indicator_name(row.name_cell);
    if (name.name.empty()) {
      if (row.sub_label.empty() || parent_.name.empty()) {
        return make_error("指标表这一行没有指标名称", place(row.line));
      }
      name = parent_;
    } else {
      parent_ = name;
    }
    RowIndicator r;
    Indicator& ind = r.indicator;
    if (!row.domain.empty()) {
      domain_ = row.domain;
      r.labelled = true;
    }
    ind.domain = domain_;
    ind.name = row.sub_label.empty() ? name.name : name.name + "(" + row.sub_label + ")";
    ind.unit = name.unit;
    ind.source = {std::string(file_name_), row.line};
    if (name.resident_basis) ind.notes.emplace_back("常住人口口径");
    bool percent = false;
    std::size_t v = 0;
    for (const Column& column : header_.columns) {
      if (column.role != Role::baseline && column.role != Role::target) continue;
      auto parsed = parse_expression(row.values[v++]);
      if (!parsed.ok()) {
        return make_error(fmt::format("「{}」列：{}", column.title, parsed.error().message),
                          place(row.line));
      }
      if (!parsed.value()) continue;
      percent = percent || parsed.value()->percent;
      if (column.role == Role::baseline) {
        ind.baseline = Baseline{column.year, std::move(parsed.value()->expression)};
      } else {
        if (parsed.value()->expression.kind == TargetKind::cumulative &&
            std::find(ind.notes.begin(), ind.notes.end(), "5年累计值") == ind.notes.end()) {
          ind.notes.emplace_back("5年累计值");
        }
        ind.targets.push_back(Target{column.year, std::move(parsed.value()->expression), {}});
      }
    }
    if (!ind.unit && percent) ind.unit = "%";
    if (!row.attribute.empty()) {
      const std::string a = text::join_wrapped(row.attribute);
      if (a == "预期性") ind.attribute = Attribute::expected;
      if (a == "约束性") ind.attribute = Attribute::binding;
    }
    ind.lead_units = split_units(row.units);
    for (Indicator& part : split_parts(std::move(ind))) {
      rows_.push_back({std::move(part), r.labelled});
      r.labelled = false;
    }
    return Ok{};
  }

  // "99.6 /99.22" against a name listing two subsidies: two indicators.
  static std::vector<Indicator> split_parts(Indicator ind) {
    std::size_t count = 0;
    if (ind.baseline) count = std::max(count, ind.baseline->expression.parts.size());
    for (const Target& t : ind.targets) count = std::max(count, t.expression.parts.size());
    if (count < 2) return {std::move(ind)};
    const std::vector<std::string> names = split_sub_items(ind.name, count);
    if (names.empty()) return {std::move(ind)};
    std::vector<Indicator> parts;
    for (std::size_t i = 0; i < names.size(); ++i) {
      Indicator part = ind;
      part.name = names[i];
      const auto pick = [i](Expression& e) {
        if (e.parts.size() > i) {
          e.value = e.parts[i];
          e.parts.clear();
        }
      };
      if (part.baseline) pick(part.baseline->expression);
      for (Target& t : part.targets) pick(t.expression);
      parts.push_back(std::move(part));
    }
    return parts;
  }

  // PDF extraction sometimes prints a merged domain cell's label one row too low. The label
  // belongs to the next row when the labelled row's units all belong to the group above
  // and to none of the rows below it.
  void repair_slid_labels() {
    std::size_t group_start = 0;
    for (std::size_t i = 1; i < rows_.size(); ++i) {
      if (!rows_[i].labelled) continue;
      const std::string prev_domain = rows_[group_start].indicator.domain;
      const std::string new_domain = rows_[i].indicator.domain;
      std::set<std::string> above;
      for (std::size_t k = group_start; k < i; ++k) {
        above.insert(rows_[k].indicator.lead_units.begin(), rows_[k].indicator.lead_units.end());
      }
      std::set<std::string> below;
      std::size_t k = i + 1;
      for (; k < rows_.size() && !rows_[k].labelled; ++k) {
        below.insert(rows_[k].indicator.lead_units.begin(), rows_[k].indicator.lead_units.end());
      }
      const auto& units = rows_[i].indicator.lead_units;
      const bool belongs_above =
          !units.empty() && k > i + 1 && prev_domain != new_domain &&
          std::all_of(units.begin(), units.end(),
                      [&](const std::string& u) { return above.contains(u); }) &&
          std::none_of(units.begin(), units.end(),
                       [&](const std::string& u) { return below.contains(u); });
      if (belongs_above) {
        rows_[i].indicator.domain = prev_domain;
        rows_[i].labelled = false;
        rows_[i + 1].labelled = true;
        out_.repairs.push_back(
            fmt::format("{}: 领域「{}」的标签错位到了「{}」一行，已将该行归入「{}」",
                        place(rows_[i].indicator.source.line), new_domain, rows_[i].indicator.name,
                        prev_domain));
        group_start = i + 1;
        continue;
      }
      group_start = i;
    }
  }

  std::string file_label_;
  std::string file_name_;
  TableParse& out_;
  Header header_;
  std::vector<RowIndicator> rows_;
  std::string domain_;
  IndicatorName parent_;
};

bool is_table_line(const SourceLine& line) { return line.text.find('\t') != std::string::npos; }

}  // namespace

Result<TableParse> parse_indicator_tables(const std::vector<SourceLine>& lines, std::size_t begin,
                                          std::size_t end, std::string_view file_label,
                                          std::string_view file_name) {
  TableParse out;
  TableReader reader(file_label, file_name, out);
  std::size_t i = begin;
  while (i < end) {
    const auto header =
        is_table_line(lines[i]) ? read_header(cells_of(lines[i].text)) : std::nullopt;
    if (!header) {
      ++i;
      continue;
    }
    reader.start(*header);
    out.table_lines.push_back(i);
    std::size_t j = i + 1;
    for (; j < end; ++j) {
      const SourceLine& line = lines[j];
      if (text::trim(line.text).empty()) continue;  // blank lines inside a table
      if (!is_table_line(line)) break;
      out.table_lines.push_back(j);
      if (read_header(cells_of(line.text))) continue;  // header repeated after a page break
      if (auto status = reader.add_line(line); !status.ok()) return status.error();
    }
    reader.finish();
    i = j;
  }
  return out;
}

}  // namespace zhiyou::plans
