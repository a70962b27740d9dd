// The 完成情况 report: what `zhiyou report` writes as HTML or XLSX. build_report() gathers
// everything (summary counts, the focus region's rows by domain, unit scorecards, district
// ranking); the renderers only lay it out.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/evaluation.hpp"
#include "monitoring/region_ranking.hpp"
#include "monitoring/scorecard.hpp"

namespace zhiyou::monitoring {

struct DomainSummary {
  std::string domain;  // "指标" when the table had none
  std::array<int, 6> counts{};
};

// Move-only: rows and scorecards point into `evaluations`.
class Report {
 public:
  Report() = default;
  Report(const Report&) = delete;
  Report& operator=(const Report&) = delete;
  Report(Report&&) = default;
  Report& operator=(Report&&) = default;
  ~Report() = default;

  const plans::Plan* plan = nullptr;
  Period period;
  std::string region;                   // the report's subject: 全市 or one district
  double tolerance = 0.1;               // as evaluated
  std::string generated_on;             // YYYY-MM-DD
  std::vector<Evaluation> evaluations;  // every region evaluated
  std::vector<const Evaluation*> rows;  // the subject region's, in plan order
  std::array<int, 6> counts{};          // of rows, by Status
  std::vector<DomainSummary> domains;   // in plan order
  std::vector<Scorecard> scorecards;    // over rows
  std::vector<RegionRank> ranking;      // over every district evaluated
};

Report build_report(const plans::Plan& plan, std::vector<Evaluation> evaluations,
                    const Period& period, std::string region, double tolerance,
                    std::string generated_on);

// A self-contained HTML page (inline CSS and SVG charts, no external assets).
std::string render_html(const Report& report);

// Writes the report as an .xlsx workbook (numbers stay numbers), or says why it could not.
zhiyou::Status write_xlsx(const Report& report, const std::string& path);

}  // namespace zhiyou::monitoring
