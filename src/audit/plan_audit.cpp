#include "audit/plan_audit.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

#include "audit/audit_store.hpp"
#include "core/json.hpp"
#include "plans/direction.hpp"
#include "plans/plan_json.hpp"
#include "store/database.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::audit {

Status save_plans_audited(store::Database& db, const std::vector<plans::Plan>& plans,
                          std::string_view actor, std::string_view action) {
  return db.transaction([&]() -> Status {
    for (const plans::Plan& plan : plans) {
      auto before = store::load_plan(db, plan.id);
      if (!before.ok()) return before.error();
      const std::string before_json =
          *before ? json::serialize(plans::to_json(**before)) : std::string("null");
      if (Status saved = store::save_plan(db, plan); !saved.ok()) return saved;
      // Read back, so the entry shows what is stored (ids, overrides kept on re-import).
      auto after = store::load_plan(db, plan.id);
      if (!after.ok()) return after.error();
      const std::string after_json = *after ? json::serialize(plans::to_json(**after)) : "null";
      if (after_json == before_json) continue;
      Status logged = append(
          db, Change{std::string(actor), std::string(action), plan.id, before_json, after_json});
      if (!logged.ok()) return logged;
    }
    return Ok{};
  });
}

Status override_direction_audited(store::Database& db, std::string_view indicator_id,
                                  plans::Direction direction, std::string_view actor) {
  return db.transaction([&]() -> Status {
    auto all = store::load_all_plans(db);
    if (!all.ok()) return all.error();
    for (plans::Plan& plan : *all) {
      for (plans::Indicator& indicator : plan.indicators) {
        if (indicator.id != indicator_id) continue;
        const std::string before = json::serialize(plans::to_json(indicator));
        plans::override_direction(indicator, direction);
        if (Status saved = store::save_plan(db, plan); !saved.ok()) return saved;
        return append(db, Change{std::string(actor), "indicator.direction", indicator.id, before,
                                 json::serialize(plans::to_json(indicator))});
      }
    }
    return make_error("找不到指标「" + std::string(indicator_id) + "」", "indicator_id");
  });
}

std::string command_line_actor() {
  const char* user = std::getenv("USER");
  if (user == nullptr || *user == '\0') user = std::getenv("LOGNAME");
  if (user == nullptr || *user == '\0') {
    const passwd* entry = getpwuid(geteuid());  // NOLINT(concurrency-mt-unsafe): CLI only
    if (entry != nullptr) user = entry->pw_name;
  }
  return std::string("cli:") + (user != nullptr && *user != '\0' ? user : "unknown");
}

}  // namespace zhiyou::audit
