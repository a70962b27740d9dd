#include "monitoring/report.hpp"

namespace zhiyou::monitoring {

Report build_report(const plans::Plan& plan, std::vector<Evaluation> evaluations,
                    const Period& period, std::string region, double tolerance,
                    std::string generated_on) {
  Report report;
  report.plan = &plan;
  report.period = period;
  report.region = std::move(region);
  report.tolerance = tolerance;
  report.generated_on = std::move(generated_on);
  report.evaluations = std::move(evaluations);
  for (const Evaluation& e : report.evaluations) {
    if (e.region != report.region) {
      continue;
    }
    report.rows.push_back(&e);
    const int status = static_cast<int>(e.assessment.status);
    ++report.counts[status];
    const std::string domain = e.indicator->domain.empty() ? "指标" : e.indicator->domain;
    if (report.domains.empty() || report.domains.back().domain != domain) {
      report.domains.push_back(DomainSummary{domain, {}});
    }
    ++report.domains.back().counts[status];
  }
  report.scorecards = build_scorecards(report.evaluations, report.region);
  report.ranking = rank_regions(report.evaluations);
  return report;
}

}  // namespace zhiyou::monitoring
