// `zhiyou plan import|list|show|export|load|direction`.
#include <fmt/core.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "audit/plan_audit.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/input_file.hpp"
#include "core/json.hpp"
#include "plans/direction.hpp"
#include "plans/plan_json.hpp"
#include "plans/plan_text_parser.hpp"
#include "store/plan_list_json.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::cli {
namespace {

struct PlanOptions {
  std::string db;
  std::vector<std::string> files;
  std::string id;
  std::string direction;
  bool json = false;
  bool facts_only = false;
};

std::string target_summary(const plans::Indicator& ind) {
  std::string out;
  for (const plans::Target& t : ind.targets) {
    if (!out.empty()) out += "；";
    out += fmt::format("{}年 {}", t.year, t.expression.text);
  }
  return out;
}

void print_plan_line(const plans::Plan& plan) {
  fmt::print("{}  {}  {}\n    指标 {} 项，任务 {} 项{}\n", plan.id,
             plan.doc_number.empty() ? "（无文号）" : plan.doc_number, plan.title,
             plan.indicators.size(), plan.tasks.size(),
             plan.kind == "report" ? "（据新闻报道整理，非正式文本）" : "");
}

void import_files(const PlanOptions& options) {
  auto db = open_database(options.db);
  std::vector<plans::Plan> imported;
  int failures = 0;
  for (const std::string& path : options.files) {
    const auto content = read_input_file(path);
    if (!content) {
      fmt::print(stderr, "错误: {}\n", content.error().message);
      ++failures;
      continue;
    }
    const std::string name = std::filesystem::path(path).filename().string();
    auto parsed = plans::parse_plan_text(*content, path, name);
    if (!parsed.ok()) {
      fmt::print(stderr, "错误: {}（该文件未写入任何内容）\n", parsed.error().describe());
      ++failures;
      continue;
    }
    for (const std::string& repair : parsed->repairs) fmt::print(stderr, "提示: {}\n", repair);
    if (auto saved = audit::save_plans_audited(*db, parsed->plans, audit::command_line_actor(),
                                               "plan.import");
        !saved.ok()) {
      fmt::print(stderr, "错误: {}: 保存失败：{}（该文件未写入任何内容）\n", path,
                 saved.error().describe());
      ++failures;
      continue;
    }
    for (plans::Plan& plan : parsed->plans) imported.push_back(std::move(plan));
  }
  if (options.json) {
    fmt::print("{}\n", json::serialize(plans::plans_to_json(imported), 2));
  } else if (!imported.empty() || failures == 0) {
    fmt::print("已导入 {} 个规划/方案：\n", imported.size());
    for (const plans::Plan& plan : imported) print_plan_line(plan);
  }
  if (failures > 0) throw UserError{fmt::format("{} 个文件导入失败", failures)};
}

void list_plans(const PlanOptions& options) {
  auto db = open_database(options.db);
  auto plans = store::list_plans(*db);
  if (!plans.ok()) throw UserError{plans.error().describe()};
  if (options.json) {
    fmt::print("{}\n", json::serialize(store::plan_list_json(*plans), 2));
    return;
  }
  if (plans->empty()) {
    fmt::print("数据库中还没有规划。用 zhiyou plan import 文件.txt 导入。\n");
    return;
  }
  for (const store::PlanSummary& p : *plans) {
    // A news report about a plan (seed 001) is kept for its text; say so, or it reads as an
    // official plan that lost its indicators.
    const std::string source = p.kind == "report"
                                   ? "新闻报道（非正式文件）"
                                   : fmt::format("{} {}", p.issuer, p.issued_on.value_or(""));
    fmt::print("{}  {}  {}\n    {}  指标 {} 项，任务 {} 项\n", p.id,
               p.doc_number.empty() ? "（无文号）" : p.doc_number, p.title, source,
               p.indicator_count, p.task_count);
  }
}

plans::Plan find_plan(store::Database& db, const std::string& id) {
  auto plan = store::load_plan(db, id);
  if (!plan.ok()) throw UserError{plan.error().describe()};
  if (!plan.value())
    throw UserError{fmt::format("找不到规划「{}」（可用 zhiyou plan list 查看编号）", id)};
  return std::move(*plan.value());
}

void show_plan(const PlanOptions& options) {
  auto db = open_database(options.db);
  const plans::Plan plan = find_plan(*db, options.id);
  if (options.json) {
    fmt::print("{}\n", json::serialize(plans::plans_to_json({plan}), 2));
    return;
  }
  fmt::print("{}\n文号：{}  发文机关：{}  印发日期：{}\n", plan.title,
             plan.doc_number.empty() ? "无" : plan.doc_number,
             plan.issuer.empty() ? "—" : plan.issuer, plan.issued_on.value_or("—"));
  std::string domain = "\x01";
  for (const plans::Indicator& ind : plan.indicators) {
    if (ind.domain != domain) {
      domain = ind.domain;
      fmt::print("\n【{}】\n", domain.empty() ? "指标" : domain);
    }
    std::string baseline;
    if (ind.baseline)
      baseline = fmt::format("  基期({}) {}", ind.baseline->year, ind.baseline->expression.text);
    fmt::print("  {}  {}{}{}  目标 {}  {}\n", ind.id, ind.name,
               ind.unit ? "(" + *ind.unit + ")" : "", baseline, target_summary(ind),
               fmt::join(ind.lead_units, "、"));
  }
  if (!plan.tasks.empty()) fmt::print("\n【任务】\n");
  for (const plans::Task& task : plan.tasks) {
    fmt::print("  {}  {}  牵头：{}{}\n", task.id, task.title,
               task.lead_units.empty() ? "—" : fmt::format("{}", fmt::join(task.lead_units, "、")),
               task.supporting_units.empty()
                   ? ""
                   : fmt::format("  配合：{}", fmt::join(task.supporting_units, "、")));
  }
}

void export_plans(const PlanOptions& options) {
  auto db = open_database(options.db);
  auto plans = store::load_all_plans(*db);
  if (!plans.ok()) throw UserError{plans.error().describe()};
  if (options.facts_only) {
    // Facts and figures only: the sentences quoted from the official text stay out, so the
    // export can be shipped as demo data without copying the documents.
    for (plans::Plan& plan : *plans) {
      for (plans::Indicator& ind : plan.indicators) {
        for (plans::Target& t : ind.targets) t.sentence.clear();
      }
    }
  }
  fmt::print("{}\n", json::serialize(plans::plans_to_json(*plans), 1));
}

void load_plans(const PlanOptions& options) {
  auto db = open_database(options.db);
  std::size_t count = 0;
  for (const std::string& path : options.files) {
    const std::string content = path == "-"
                                    ? std::string(std::istreambuf_iterator<char>(std::cin), {})
                                    : read_input_file_or_fail(path);
    auto plans = plans::plans_from_json(content, path);
    if (!plans.ok()) throw UserError{plans.error().describe() + "（未写入任何内容）"};
    if (auto saved =
            audit::save_plans_audited(*db, *plans, audit::command_line_actor(), "plan.load");
        !saved.ok())
      throw UserError{saved.error().describe()};
    count += plans->size();
  }
  fmt::print("已载入 {} 个规划/方案\n", count);
}

void set_direction(const PlanOptions& options) {
  const auto direction = plans::direction_from(options.direction);
  if (!direction)
    throw UserError{fmt::format("方向应为 up、down 或 none，而不是「{}」", options.direction)};
  auto db = open_database(options.db);
  Status changed =
      audit::override_direction_audited(*db, options.id, *direction, audit::command_line_actor());
  if (!changed.ok()) throw UserError{changed.error().message};
  fmt::print("已将指标 {} 的方向设为 {}\n", options.id, options.direction);
}

}  // namespace

void add_plan_commands(CLI::App& app) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* plan = app.add_subcommand("plan", "规划、方案与指标 / plans, indicators and tasks");
  plan->require_subcommand(1);

  CLI::App* import =
      plan->add_subcommand("import", "从正式文本导入规划（UTF-8 文本，可含多个文件）");
  import->add_option("files", options->files, "规划文本文件")->required();
  add_database_option(*import, options->db);
  import->add_flag("--json", options->json, "以 JSON 输出导入结果");
  import->callback([options] { import_files(*options);
});

CLI::App* list = plan->add_subcommand("list", "列出已导入的规划");
add_database_option(*list, options->db);
list->add_flag("--json", options->json, "以 JSON 输出");
list->callback([options] { list_plans(*options); });

CLI::App* show = plan->add_subcommand("show", "显示一个规划的指标与任务");
show->add_option("id", options->id, "规划编号或文号")->required();
add_database_option(*show, options->db);
show->add_flag("--json", options->json, "以 JSON 输出");
show->callback([options] { show_plan(*options); });

CLI::App* exporter = plan->add_subcommand("export", "以 JSON 导出全部规划（可用 plan load 载入）");
add_database_option(*exporter, options->db);
exporter->add_flag("--json", options->json, "JSON（唯一格式，为与其他命令一致而保留）");
exporter->add_flag("--facts-only", options->facts_only,
                   "只导出事实与数字，不含引自原文的句子（用于演示数据）");
exporter->callback([options] { export_plans(*options); });

CLI::App* load = plan->add_subcommand("load", "载入 plan export 导出的 JSON（- 表示标准输入）");
load->add_option("files", options->files, "JSON 文件")->required();
add_database_option(*load, options->db);
load->callback([options] { load_plans(*options); });

CLI::App* direction =
    plan->add_subcommand("direction", "人工指定指标方向（up 越大越好 / down 越小越好 / none）");
direction->add_option("indicator", options->id, "指标编号")->required();
direction->add_option("direction", options->direction, "up | down | none")->required();
add_database_option(*direction, options->db);
direction->callback([options] { set_direction(*options); });
}  // namespace zhiyou::cli

}  // namespace zhiyou::cli
