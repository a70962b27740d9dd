// Plans as stored: saving an imported plan (re-import replaces it in place) and reading it
// back exactly as it was saved. Every call reports SQL and data errors as Result values with
// a Chinese message; none throws for bad data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "plans/plan.hpp"
#include "store/organisation_store.hpp"

namespace zhiyou::store {

class Database;

// One row of `zhiyou plan list`.
struct PlanSummary {
  std::string id;
  std::string title;
  std::string doc_number;
  std::string issuer;
  std::optional<std::string> issued_on;
  std::string kind;  // plans::Plan::kind: "official", or "report" (a news report on a plan)
  int indicator_count = 0;
  int task_count = 0;
};

// Saves `plan` in one transaction: an organisation row for every lead and supporting unit
// named, the plan row inserted or updated in place, and its indicators, targets, units and
// tasks replaced by the given ones (their ids are the domain's, so a re-import keeps them).
// On failure nothing is written. Nests inside an outer Database::transaction().
Status save_plan(Database& db, const plans::Plan& plan);

// Saves every plan, or none of them.
Status save_plans(Database& db, const std::vector<plans::Plan>& plans);

// Every plan, ordered by issued_on (plans without a date last), then title, then id.
Result<std::vector<PlanSummary>> list_plans(Database& db);

// The plan whose id — or failing that, whose doc_number (文号) — is `id_or_doc_number`, with
// every field as saved; nullopt when there is none. Fails when a doc_number names several.
Result<std::optional<plans::Plan>> load_plan(Database& db, std::string_view id_or_doc_number);

// Every plan, in list_plans() order.
Result<std::vector<plans::Plan>> load_all_plans(Database& db);

}  // namespace zhiyou::store
