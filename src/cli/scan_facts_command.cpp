// `zhiyou trace notice` and `zhiyou trace spot-check import`: what a scan shows besides the
// code — recall notices and spot-check results — from the command line.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <memory>

#include "audit/plan_audit.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "store/database.hpp"
#include "tabular/read_table.hpp"
#include "trace/resolver/resolver_store.hpp"

namespace zhiyou::cli {
namespace {

namespace resolver = trace::resolver;

struct ScanFactsOptions {
  std::string db;
  std::string gtin;
  std::vector<std::string> lots;
  std::string reason;
  std::string file;
};

void announce(const ScanFactsOptions& o) {
  auto db = open_database(o.db);
  resolver::Recall recall;
  recall.gtin = o.gtin;
  recall.lots = o.lots;
  recall.reason = o.reason;
  recall.announced_by = audit::command_line_actor();
  auto saved = resolver::announce_recall(*db, recall);
  if (!saved) throw UserError{saved.error().describe()};
  fmt::print("已发布召回公告 {}：{} {}，原因：{}\n", saved->id, saved->gtin,
             saved->lots.empty() ? std::string("全部批次")
                                 : fmt::format("批号 {}", fmt::join(saved->lots, "、")),
             saved->reason);
}

// The columns of a spot-check sheet, by their Chinese header.
const std::map<std::string, std::string resolver::SpotCheck::*>& columns() {
  static const std::map<std::string, std::string resolver::SpotCheck::*> kColumns{
      {"商品条码", &resolver::SpotCheck::gtin},
      {"批号", &resolver::SpotCheck::lot},
      {"抽样日期", &resolver::SpotCheck::sampled_on},
      {"检验机构", &resolver::SpotCheck::agency},
      {"结论", &resolver::SpotCheck::conclusion},
      {"不合格项目", &resolver::SpotCheck::failed_items},
      {"报告编号", &resolver::SpotCheck::report_no},
  };
  return kColumns;
}

// Every row or none: the first bad row names its line and field, and nothing is written.
void import_spot_checks(const ScanFactsOptions& o) {
  auto table = tabular::read_table(o.file);
  if (!table) throw UserError{table.error().describe()};
  const auto& rows = table->table.rows;
  if (rows.empty()) throw UserError{o.file + ": 文件是空的"};
  std::vector<std::pair<std::size_t, std::string resolver::SpotCheck::*>> layout;
  for (std::size_t i = 0; i < rows.front().cells.size(); ++i) {
    const auto it = columns().find(rows.front().cells[i]);
    if (it != columns().end()) layout.emplace_back(i, it->second);
  }
  for (const char* required : {"商品条码", "抽样日期", "检验机构", "结论", "报告编号"}) {
    const auto member = columns().at(required);
    if (std::none_of(layout.begin(), layout.end(),
                     [&](const auto& c) { return c.second == member; })) {
      throw UserError{fmt::format(
          "{}: "
          "缺少「{}"
          "」列（表头应有：商品条码、批号、抽样日期、检验机构、结论、不合格项目、报告编号）",
          o.file, required)};
    }
  }
  auto db = open_database(o.db);
  std::size_t added = 0;
  Status saved = db->transaction([&]() -> Status {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      resolver::SpotCheck check;
      for (const auto& [index, member] : layout) {
        if (index < rows[r].cells.size()) check.*member = rows[r].cells[index];
      }
      auto result = resolver::add_spot_check(*db, check, audit::command_line_actor());
      if (!result) {
        return make_error(result.error().message,
                          fmt::format("{} 第{}行 {}", o.file, rows[r].line, result.error().place));
      }
      ++added;
    }
    return Ok{};
  });
  if (!saved) throw UserError{saved.error().describe() + "（整个文件未写入）"};
  fmt::print("{}: 已登记 {} 条抽检结果\n", o.file, added);
}

}  // namespace

void add_scan_facts_commands(CLI::App& trace) {
  auto o = std::make_shared<ScanFactsOptions>();
  CLI::App* notice = trace.add_subcommand("notice", "发布召回公告（扫码页显示红色召回警示）");
  notice->add_option("--gtin", o->gtin, "GTIN-14")->required();
  notice->add_option("--lot", o->lots, "批号，可多次给出；不给出则为全部批次");
  notice->add_option("--reason", o->reason, "召回原因")->required();
  add_database_option(*notice, o->db);
  notice->callback([o] { announce(*o); });

  CLI::App* checks = trace.add_subcommand("spot-check", "抽检结果");
  CLI::App* import = checks->add_subcommand(
      "import",
      "导入抽检结果（CSV 或 "
      "xlsx；表头：商品条码、批号、抽样日期、检验机构、结论、不合格项目、报告编号）");
  import->add_option("file", o->file, "CSV 或 xlsx 文件")->required();
  add_database_option(*import, o->db);
  import->callback([o] { import_spot_checks(*o);
});
checks->require_subcommand(1);
}  // namespace zhiyou::cli

}  // namespace zhiyou::cli
