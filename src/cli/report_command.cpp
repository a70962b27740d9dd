// `zhiyou report --plan ID --period 2025 --format html|xlsx [--region 鄞州] --out FILE`:
// the 完成情况 report (monitoring/report.hpp).
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/app.hpp"
#include "cli/evaluation_input.hpp"
#include "cli/output_file.hpp"
#include "monitoring/report.hpp"
#include "registry/region.hpp"

namespace zhiyou::cli {
namespace {

struct ReportOptions {
  EvaluationArguments arguments;
  std::string format;  // html | xlsx; empty: from --out's extension
  std::string out;
};

std::string today() {
  const auto d = std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

std::string report_format(const ReportOptions& options) {
  if (!options.format.empty()) {
    return options.format;
  }
  const std::string ext = std::filesystem::path(options.out).extension().string();
  if (ext == ".html" || ext == ".htm") {
    return "html";
  }
  if (ext == ".xlsx") {
    return "xlsx";
  }
  throw UserError{
      fmt::format("--format: 请指定 html 或 xlsx（无法从「{}」的扩展名判断）", options.out)};
}

void run_report(const ReportOptions& options) {
  const std::string format = report_format(options);
  EvaluationInput input = load_evaluation_input(options.arguments);
  const std::string subject =
      input.region.empty() ? std::string(registry::kWholeCity) : input.region;
  std::vector<std::string> regions = input.regions;
  if (std::find(regions.begin(), regions.end(), subject) == regions.end()) {
    regions.push_back(subject);
  }
  auto evaluations = monitoring::evaluate_plan(input.plan, input.observations, input.judgements,
                                               input.period, regions, input.options);
  const monitoring::Report report = monitoring::build_report(
      input.plan, std::move(evaluations), input.period, subject, input.options.tolerance, today());

  OutputFile out(options.out);  // whole or not at all
  if (format == "html") {
    std::ofstream file(out.write_path(), std::ios::binary | std::ios::trunc);
    file << monitoring::render_html(report);
    file.close();
    if (!file) {
      throw UserError{fmt::format("{}: 无法写入（目录不存在、没有权限或磁盘已满）", options.out)};
    }
  } else if (auto written = monitoring::write_xlsx(report, out.write_path()); !written.ok()) {
    throw UserError{fmt::format("{}: {}", options.out, written.error().message)};
  }
  if (Status committed = out.commit(); !committed) throw UserError{committed.error().message};
  fmt::print("已生成 {} 报告：{}（{} 项指标，{}）\n", format == "html" ? "HTML" : "XLSX",
             options.out, report.rows.size(), subject);
}

}  // namespace

void add_report_commands(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  CLI::App* report = app.add_subcommand(
      "report", "生成指标完成情况报告（HTML 或 XLSX）/ write the progress report");
  add_evaluation_options(*report, options->arguments);
  report->add_option("--format", options->format, "html 或 xlsx（默认按 --out 的扩展名）")
      ->check(CLI::IsMember({"html", "xlsx"}));
  report->add_option("--out", options->out, "输出文件")->required();
  report->callback([options] { run_report(*options); });
}

}  // namespace zhiyou::cli
