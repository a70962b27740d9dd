#include "trace/recall_workbook.hpp"

#include <fmt/format.h>

#include "core/date_time.hpp"
#include "trace/resolver/resolution.hpp"

namespace zhiyou::trace {
namespace {

using tabular::xlsx::CellValue;
using tabular::xlsx::Column;
using tabular::xlsx::Sheet;

std::string yes_no(bool value) { return value ? "是" : "否"; }

// "零售售出（retail_sold）": the label a clerk reads, with the value a system sends.
std::string labelled(const std::string& label, const std::string& value) {
  if (value.empty()) return "";
  return label.empty() || label == value ? value : label + "（" + value + "）";
}

CellValue count(std::size_t n) { return static_cast<double>(n); }

// The columns about where a unit or container is now, shared by both sheets.
void add_whereabouts_columns(std::vector<Column>& columns) {
  columns.push_back({"最后位置", 34, "最后一个事件的业务地点（或读取点）"});
  columns.push_back({"最后记录时间（北京时间）", 22});
  columns.push_back({"最后环节", 22, "最后一个事件的业务步骤（CBV bizStep）"});
  columns.push_back({"状态", 18, "最后一个事件的处置状态（CBV disposition）"});
  columns.push_back({"持有方", 30, "最后记录的 possessing party / 目的地"});
}

void add_whereabouts_cells(std::vector<CellValue>& row, const Whereabouts& w) {
  row.emplace_back(w.location);
  row.emplace_back(beijing_time(w.seen_at));
  row.emplace_back(labelled(resolver::biz_step_label(w.last_biz_step), w.last_biz_step));
  row.emplace_back(labelled(resolver::disposition_label(w.disposition), w.disposition));
  row.emplace_back(w.custodian.empty() ? w.owner : w.custodian);
}

Sheet summary_sheet(const RecallScope& scope) {
  Sheet sheet{"汇总", {{"项目", 24}, {"值", 40}}, {}, {}, false};
  const std::string lots = fmt::format("{}", fmt::join(scope.request.lots, "、"));
  const std::vector<std::pair<std::string, CellValue>> rows{
      {"GTIN", scope.request.gtin},
      {"批号", lots},
      {"受影响单品", count(scope.units.size())},
      {"已到达消费者", count(scope.reached_consumers)},
      {"尚未售出", count(scope.units.size() - scope.reached_consumers)},
      {"所在箱/托", count(scope.containers.size())},
      {"本平台赋码", count(scope.issued_units)},
      {"无流通记录", count(scope.never_seen)},
      {"批次级事件（无序列号）", count(scope.lot_level_events)},
  };
  for (const auto& [label, value] : rows) sheet.rows.push_back({label, value});
  return sheet;
}

Sheet unit_sheet(const RecallScope& scope) {
  Sheet sheet;
  sheet.name = "受影响单品";
  sheet.columns = {{"单品（数字链接）", 60}, {"批号", 12}, {"所在箱", 40}, {"所在托", 40}};
  add_whereabouts_columns(sheet.columns);
  sheet.columns.push_back({"已售出", 8, "最后状态为零售售出等已到达消费者的状态"});
  sheet.columns.push_back({"本平台赋码", 10, "该码由本平台为此批次发放（trace issue）"});
  for (const RecallUnit& u : scope.units) {
    std::vector<CellValue> row{u.epc, u.lot, u.containers.empty() ? "" : u.containers.front(),
                               u.containers.size() > 1 ? u.containers.back() : ""};
    add_whereabouts_cells(row, u.whereabouts);
    row.emplace_back(yes_no(u.reached_consumer));
    row.emplace_back(yes_no(u.issued));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Sheet container_sheet(const RecallScope& scope) {
  Sheet sheet;
  sheet.name = "箱托";
  sheet.columns = {{"箱/托", 44}, {"外层", 44}, {"受影响单品", 12, "其中（含多层）受影响单品数"}};
  sheet.columns[2].number_format = "#,##0";
  add_whereabouts_columns(sheet.columns);
  for (const RecallContainer& c : scope.containers) {
    std::vector<CellValue> row{c.epc, c.parent, count(c.affected_units)};
    add_whereabouts_cells(row, c.whereabouts);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace

tabular::xlsx::Workbook recall_workbook(const RecallScope& scope) {
  tabular::xlsx::Workbook book;
  book.sheets.push_back(summary_sheet(scope));
  book.sheets.push_back(unit_sheet(scope));
  book.sheets.push_back(container_sheet(scope));
  return book;
}

}  // namespace zhiyou::trace
