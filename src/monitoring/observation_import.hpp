// Checking a table of reported figures (CSV or XLSX, as a tabular::Table) against the plans
// before anything is stored. Pure: plans and table in, observations and row errors out.
//
// Columns are found by header, Chinese or English (any order, extra columns ignored):
//   指标 / indicator (the name as printed in the plan, or its id), 指标编号 / indicator_id,
//   区县 / region, 期间 / period, 数值 / value, 来源 / source (optional), 单位 / unit
//   (optional). One of 指标 and 指标编号 is required, and 区县, 期间, 数值.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "monitoring/observation.hpp"
#include "plans/plan.hpp"
#include "tabular/csv.hpp"

namespace zhiyou::monitoring {

struct ImportOptions {
  std::string default_source;          // 来源 when the row gives none (the file name)
  std::string reported_by;             // who sends the file
  std::string reported_at;             // UTC, ISO 8601; may be empty (the store fills it)
  std::optional<std::string> plan_id;  // only this plan's indicators are matched
};

struct RowError {
  std::size_t row = 0;  // as the file shows it: CSV line, Excel row number
  std::string reason;   // Chinese, for the user
};

struct ImportCheck {
  std::vector<Observation> observations;  // the good rows, in file order
  std::vector<std::size_t> rows;          // the row each observation came from
  std::vector<RowError> errors;           // every bad row, in file order
  std::size_t empty_rows = 0;             // rows whose 数值 is blank (a template not filled in)
};

// Every data row is checked, not just the first bad one. A row is bad when its indicator is
// unknown or ambiguous, its region is not a registry region or 全市, its period cannot be
// read or lies outside the plan period (baseline year to last target year), its value is no
// number, a percentage exceeds 100, its unit does not fit the indicator's (亿元 for an
// indicator in 万元 is converted; 家 for one in % is not), a cumulative [N] indicator is
// given a quarter or month (it is reported per year), or it repeats an earlier row's
// indicator × region × period.
// An error (not a row error) when the table is empty or required columns are missing; it
// names the missing columns.
Result<ImportCheck> check_observations(const std::vector<plans::Plan>& plans,
                                       const tabular::Table& table, const ImportOptions& options);

// The years a plan's indicator may be reported for: from the earliest of the plan's start,
// the baseline year and any reference year (or, with none of these, the year before the plan
// was issued) to the later of the plan's end and the last target year. nullopt ends mean
// unbounded.
struct YearRange {
  std::optional<int> first;
  std::optional<int> last;
};
YearRange reporting_years(const plans::Plan& plan, const plans::Indicator& indicator);

// Whether `indicator` may be reported for `period`: inside reporting_years(), and a year
// when the indicator has a cumulative [N] target. The error says why not.
Status check_reporting_period(const Period& period, const plans::Plan& plan,
                              const plans::Indicator& indicator);

}  // namespace zhiyou::monitoring
