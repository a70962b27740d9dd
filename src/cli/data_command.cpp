// `zhiyou data import|template|list|history|judge`: reported figures (监测数据) in and out.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>

#include "audit/observation_audit.hpp"
#include "audit/plan_audit.hpp"
#include "cli/app.hpp"
#include "cli/database_option.hpp"
#include "cli/output_file.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "monitoring/observation_import.hpp"
#include "monitoring/observation_store.hpp"
#include "monitoring/observation_template.hpp"
#include "registry/region.hpp"
#include "store/database.hpp"
#include "store/plan_store.hpp"
#include "tabular/read_table.hpp"
#include "tabular/xlsx_writer.hpp"

namespace zhiyou::cli {
namespace {

struct DataOptions {
  std::string db;
  std::string file;
  std::string plan;
  std::string period;
  std::string unit;
  std::string out;
  std::string indicator;
  std::string region;
  std::string status;
  std::string reason;
  std::string by;
  bool partial = false;
  bool json = false;
};

std::string default_reporter() {
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "命令行";
}

std::string number_text(double value) { return json::serialize(json::number(value)); }

std::vector<plans::Plan> all_plans(store::Database& db) {
  auto plans = store::load_all_plans(db);
  if (!plans) throw UserError{plans.error().describe()};
  if (plans->empty()) throw UserError{"数据库中还没有规划。先用 zhiyou plan import 导入规划。"};
  return std::move(plans).value();
}

plans::Plan one_plan(store::Database& db, const std::string& id) {
  auto plan = store::load_plan(db, id);
  if (!plan) throw UserError{plan.error().describe()};
  if (!*plan) throw UserError{"没有编号或文号为 " + id + " 的规划（zhiyou plan list 可查看）"};
  return std::move(**plan);
}

Period period_or_throw(const std::string& text) {
  const auto period = Period::parse(text);
  if (!period) throw UserError{"期间“" + text + "”无法识别（应为 2024、2024Q2 或 2024-06）"};
  return *period;
}

std::string region_or_throw(const std::string& text) {
  if (text == registry::kWholeCity) return text;
  const auto region = registry::find_region(text);
  if (!region) throw UserError{"未知区县“" + text + "”（全市数据用“全市”）"};
  return std::string(region->name);
}

// The indicator with id `id` and its plan; `plans` must outlive the result.
std::pair<const plans::Plan*, const plans::Indicator*> find_indicator(
    const std::vector<plans::Plan>& plans, const std::string& id) {
  for (const plans::Plan& plan : plans) {
    for (const plans::Indicator& ind : plan.indicators) {
      if (ind.id == id) return {&plan, &ind};
    }
  }
  throw UserError{"没有编号为 " + id + " 的指标（zhiyou plan show 规划编号 可查看指标编号）"};
}

// ---- data import ----

boost::json::object import_json(const std::string& file, const monitoring::ImportCheck& check,
                                const monitoring::SaveCounts& counts, bool written) {
  boost::json::array errors;
  for (const auto& e : check.errors) {
    errors.push_back(boost::json::object{{"row", e.row}, {"reason", e.reason}});
  }
  return {{"file", file},
          {"written", written},
          {"rows_ok", check.observations.size()},
          {"inserted", counts.inserted},
          {"revised", counts.revised},
          {"unchanged", counts.unchanged},
          {"empty_rows", check.empty_rows},
          {"errors", std::move(errors)}};
}

void import_file(const DataOptions& options) {
  auto table = tabular::read_table(options.file);
  if (!table) throw UserError{table.error().describe()};
  auto db = open_database(options.db);
  monitoring::ImportOptions import;
  import.default_source = std::filesystem::path(options.file).filename().string();
  import.reported_by = options.by.empty() ? default_reporter() : options.by;
  import.reported_at = store::utc_timestamp();
  if (!options.plan.empty()) import.plan_id = one_plan(*db, options.plan).id;
  auto check = monitoring::check_observations(all_plans(*db), table->table, import);
  if (!check) {
    throw UserError{fmt::format("{} {}: {}（未写入任何数据）", options.file, check.error().place,
                                check.error().message)};
  }
  for (const auto& e : check->errors) {
    fmt::print(stderr, "{} 第{}行: {}\n", options.file, e.row, e.reason);
  }
  const bool write = check->errors.empty() || options.partial;
  monitoring::SaveCounts counts;
  if (write && !check->observations.empty()) {
    const std::string subject = import.plan_id.value_or("*") + " " + import.default_source;
    auto saved = audit::import_observations_audited(*db, check->observations,
                                                    audit::command_line_actor(), subject);
    if (!saved)
      throw UserError{options.file + ": " + saved.error().describe() + "（未写入任何数据）"};
    counts = *saved;
  }
  if (options.json) {
    fmt::print("{}\n", json::serialize(import_json(options.file, *check, counts, write), 2));
  } else if (write) {
    fmt::print("{}（{}）: 导入 {} 行 — 新增 {} 条，修改 {} 条，与库中相同 {} 条", options.file,
               table->format == tabular::FileFormat::xlsx
                   ? std::string("xlsx")
                   : "CSV " + std::string(tabular::to_string(table->encoding)),
               check->observations.size(), counts.inserted, counts.revised, counts.unchanged);
    if (check->empty_rows > 0) fmt::print("；{} 行未填数值，已跳过", check->empty_rows);
    fmt::print("\n");
  }
  if (!check->errors.empty()) {
    throw UserError{options.partial
                        ? fmt::format("{} 行有错误，未导入；其余 {} 行已写入", check->errors.size(),
                                      check->observations.size())
                        : fmt::format("{} 行有错误，整个文件未写入（改正后重新导入，或用 --partial "
                                      "只导入正确的行）",
                                      check->errors.size())};
  }
}

// ---- data template ----

void write_template(const DataOptions& options) {
  auto db = open_database(options.db);
  const plans::Plan plan = one_plan(*db, options.plan);
  monitoring::TemplateRequest request{period_or_throw(options.period), std::nullopt};
  if (!options.unit.empty()) request.unit = options.unit;
  auto workbook = monitoring::observation_template(plan, request);
  if (!workbook) throw UserError{workbook.error().describe()};
  OutputFile out(options.out);  // whole or not at all
  if (Status written = tabular::xlsx::write_xlsx(out.write_path(), *workbook); !written) {
    throw UserError{fmt::format("{}: {}", options.out, written.error().message)};
  }
  if (Status committed = out.commit(); !committed) throw UserError{committed.error().message};
  fmt::print("已生成填报模板 {}：{} 行（{}，{}{}）\n", options.out,
             workbook->sheets.front().rows.size(), plan.title, request.period.to_string(),
             request.unit ? "，" + *request.unit : "");
}

// ---- data list ----

void list_data(const DataOptions& options) {
  auto db = open_database(options.db);
  const plans::Plan plan = one_plan(*db, options.plan);
  std::optional<Period> period;
  if (!options.period.empty()) period = period_or_throw(options.period);
  auto observations = monitoring::load_observations(*db, plan.id);
  if (!observations) throw UserError{observations.error().describe()};
  auto judgements = monitoring::load_judgements(*db, plan.id);
  if (!judgements) throw UserError{judgements.error().describe()};
  std::map<std::string, const plans::Indicator*> by_id;
  for (const plans::Indicator& ind : plan.indicators) by_id[ind.id] = &ind;
  const auto name_of = [&](const std::string& id) {
    const auto it = by_id.find(id);
    return it == by_id.end() ? id : it->second->name;
  };
  boost::json::array rows;
  boost::json::array judged;
  if (!options.json) fmt::print("{}  {}\n", plan.id, plan.title);
  std::size_t shown = 0;
  for (const monitoring::Observation& o : *observations) {
    if (period && o.period != *period) continue;
    ++shown;
    if (options.json) {
      rows.push_back(boost::json::object{{"indicator_id", o.indicator_id},
                                         {"indicator", name_of(o.indicator_id)},
                                         {"region", o.region},
                                         {"period", o.period.to_string()},
                                         {"value", json::number(o.value)},
                                         {"source", o.source},
                                         {"reported_by", o.reported_by},
                                         {"reported_at", o.reported_at}});
    } else {
      const auto it = by_id.find(o.indicator_id);
      const std::string unit = it != by_id.end() ? it->second->unit.value_or("") : "";
      fmt::print("  {}  {}  {}  {}{}  （{}，{} {}）\n", name_of(o.indicator_id), o.region,
                 o.period.to_string(), number_text(o.value), unit, o.source, o.reported_by,
                 o.reported_at);
    }
  }
  for (const monitoring::Judgement& j : *judgements) {
    if (period && j.period != *period) continue;
    if (options.json) {
      judged.push_back(boost::json::object{{"indicator_id", j.indicator_id},
                                           {"indicator", name_of(j.indicator_id)},
                                           {"region", j.region},
                                           {"period", j.period.to_string()},
                                           {"status", monitoring::to_string(j.status)},
                                           {"reason", j.reason},
                                           {"judged_by", j.judged_by},
                                           {"judged_at", j.judged_at}});
    } else {
      fmt::print("  [评审] {}  {}  {}  {}：{}（{} {}）\n", name_of(j.indicator_id), j.region,
                 j.period.to_string(),
                 j.status == monitoring::JudgementStatus::met ? "达标" : "未达标", j.reason,
                 j.judged_by, j.judged_at);
    }
  }
  if (options.json) {
    fmt::print("{}\n", json::serialize(boost::json::object{{"plan_id", plan.id},
                                                           {"observations", std::move(rows)},
                                                           {"judgements", std::move(judged)}},
                                       2));
  } else if (shown == 0) {
    fmt::print(
        "  （还没有监测数据。用 zhiyou data template 生成填报模板，填好后 zhiyou data import "
        "导入。）\n");
  }
}

// ---- data history ----

void show_history(const DataOptions& options) {
  auto db = open_database(options.db);
  const auto plans = all_plans(*db);
  const auto [plan, indicator] = find_indicator(plans, options.indicator);
  const std::string region = region_or_throw(options.region);
  const Period period = period_or_throw(options.period);
  auto history = monitoring::observation_history(*db, indicator->id, region, period);
  if (!history) throw UserError{history.error().describe()};
  if (options.json) {
    boost::json::array list;
    for (const auto& r : *history) {
      list.push_back(boost::json::object{{"revision", r.number},
                                         {"old_value", json::optional_number(r.old_value)},
                                         {"new_value", json::number(r.new_value)},
                                         {"old_source", json::string_or_null(r.old_source)},
                                         {"new_source", r.new_source},
                                         {"changed_by", r.changed_by},
                                         {"changed_at", r.changed_at}});
    }
    fmt::print("{}\n", json::serialize(boost::json::object{{"indicator_id", indicator->id},
                                                           {"indicator", indicator->name},
                                                           {"region", region},
                                                           {"period", period.to_string()},
                                                           {"revisions", std::move(list)}},
                                       2));
    return;
  }
  fmt::print("{}（{}），{}，{}\n", indicator->name, plan->title, region, period.to_string());
  if (history->empty()) {
    fmt::print("  没有填报记录\n");
    return;
  }
  for (const auto& r : *history) {
    if (!r.old_value) {
      fmt::print("  {}. {} {} 首次填报 {}（{}）\n", r.number, r.changed_at, r.changed_by,
                 number_text(r.new_value), r.new_source);
    } else {
      fmt::print("  {}. {} {} 修改 {} → {}（来源 {} → {}）\n", r.number, r.changed_at, r.changed_by,
                 number_text(*r.old_value), number_text(r.new_value), r.old_source, r.new_source);
    }
  }
}

// ---- data judge ----

void judge(const DataOptions& options) {
  auto db = open_database(options.db);
  const auto plans = all_plans(*db);
  const auto [plan, indicator] = find_indicator(plans, options.indicator);
  const bool qualitative = std::any_of(
      indicator->targets.begin(), indicator->targets.end(),
      [](const plans::Target& t) { return t.expression.kind == plans::TargetKind::qualitative; });
  if (!qualitative) {
    throw UserError{"指标“" + indicator->name + "”没有定性目标，按数值评价，无需评审"};
  }
  monitoring::Judgement j;
  j.indicator_id = indicator->id;
  j.region = region_or_throw(options.region);
  j.period = period_or_throw(options.period);
  if (Status in_plan = monitoring::check_reporting_period(j.period, *plan, *indicator); !in_plan) {
    throw UserError{in_plan.error().message};
  }
  const auto status = monitoring::judgement_status_from(options.status);
  if (!status) throw UserError{"--status 应为 met（达标）或 not_met（未达标）"};
  j.status = *status;
  j.reason = options.reason;
  if (text::trim(j.reason).empty()) throw UserError{"--reason 不能为空：请写明评审依据"};
  j.judged_by = options.by;
  if (Status saved = audit::save_judgement_audited(*db, plan->id, j, audit::command_line_actor());
      !saved) {
    throw UserError{saved.error().describe()};
  }
  fmt::print("已记录评审意见：{}，{}，{}：{}（{}）\n", indicator->name, j.region,
             j.period.to_string(), *status == monitoring::JudgementStatus::met ? "达标" : "未达标",
             j.reason);
}

}  // namespace

void add_data_commands(CLI::App& app) {
  auto options = std::make_shared<DataOptions>();
  CLI::App* data =
      app.add_subcommand("data", "监测数据：导入、填报模板、查询、修改记录、评审 / observations");
  data->require_subcommand(1);

  CLI::App* import =
      data->add_subcommand("import", "导入监测数据（CSV：UTF-8 或 GB18030；或 .xlsx）");
  import->add_option("file", options->file, "CSV 或 xlsx 文件")->required();
  add_database_option(*import, options->db);
  import->add_option("--plan", options->plan, "只匹配该规划的指标（编号或文号）");
  import->add_flag("--partial", options->partial, "有错误行时仍写入正确的行（默认整份不写入）");
  import->add_option("--by", options->by, "填报人或单位（默认当前用户）");
  import->add_flag("--json", options->json, "以 JSON 输出结果");
  import->callback([options] { import_file(*options);
});

CLI::App* tmpl = data->add_subcommand("template", "生成某单位的填报模板（xlsx）");
tmpl->add_option("--plan", options->plan, "规划编号或文号")->required();
tmpl->add_option("--period", options->period, "报告期：2025、2025Q2、2025-06")->required();
tmpl->add_option("--unit", options->unit, "牵头单位，如 市经信局（默认全部指标）");
tmpl->add_option("--out", options->out, "输出的 .xlsx 文件")->required();
add_database_option(*tmpl, options->db);
tmpl->callback([options] { write_template(*options); });

CLI::App* list = data->add_subcommand("list", "列出一个规划的监测数据与评审意见");
list->add_option("--plan", options->plan, "规划编号或文号")->required();
list->add_option("--period", options->period, "只列该期间");
add_database_option(*list, options->db);
list->add_flag("--json", options->json, "以 JSON 输出");
list->callback([options] { list_data(*options); });

CLI::App* history = data->add_subcommand("history", "一条监测数据的填报与修改记录");
history->add_option("--indicator", options->indicator, "指标编号")->required();
history->add_option("--region", options->region, "区县或“全市”")->required();
history->add_option("--period", options->period, "期间")->required();
add_database_option(*history, options->db);
history->add_flag("--json", options->json, "以 JSON 输出");
history->callback([options] { show_history(*options); });

CLI::App* judge_cmd =
    data->add_subcommand("judge", "定性目标的评审结论（达标 met / 未达标 not_met）");
judge_cmd->add_option("--indicator", options->indicator, "指标编号")->required();
judge_cmd->add_option("--region", options->region, "区县或“全市”")->required();
judge_cmd->add_option("--period", options->period, "期间")->required();
judge_cmd->add_option("--status", options->status, "met | not_met")->required();
judge_cmd->add_option("--reason", options->reason, "评审依据")->required();
judge_cmd->add_option("--by", options->by, "评审人")->required();
add_database_option(*judge_cmd, options->db);
judge_cmd->callback([options] { judge(*options); });
}  // namespace zhiyou::cli

}  // namespace zhiyou::cli
