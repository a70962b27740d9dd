#include "monitoring/evaluation_settings_store.hpp"

#include <fmt/core.h>
#include <soci/soci.h>

#include "store/database.hpp"

namespace zhiyou::monitoring {

Result<std::optional<EvaluationSettings>> load_evaluation_settings(store::Database& db,
                                                                   std::string_view plan_id) {
  try {
    const std::string id(plan_id);
    double tolerance = 0;
    int lag = 0;
    soci::indicator found = soci::i_null;
    db.session() << "SELECT tolerance, reporting_lag_months FROM evaluation_settings"
                    " WHERE plan_id = :id",
        soci::into(tolerance, found), soci::into(lag), soci::use(id);
    if (!db.session().got_data() || found == soci::i_null) {
      return std::optional<EvaluationSettings>();
    }
    return std::optional<EvaluationSettings>(EvaluationSettings{tolerance, lag});
  } catch (const std::exception& e) {
    return make_error(fmt::format("无法读取规划 {} 的评估设置: {}", plan_id, e.what()));
  }
}

zhiyou::Status save_evaluation_settings(store::Database& db, std::string_view plan_id,
                                        const EvaluationSettings& settings) {
  if (!(settings.tolerance >= 0 && settings.tolerance <= 10)) {
    return make_error(fmt::format("容差应在 0 到 10 之间（占 |目标−基数| 的比例），而不是 {}",
                                  settings.tolerance),
                      "tolerance");
  }
  if (settings.reporting_lag_months < 0 || settings.reporting_lag_months > 36) {
    return make_error(
        fmt::format("报送期限应在 0 到 36 个月之间，而不是 {}", settings.reporting_lag_months),
        "reporting_lag_months");
  }
  try {
    return db.transaction([&]() -> zhiyou::Status {
      const std::string id(plan_id);
      db.session() << "INSERT INTO evaluation_settings (plan_id, tolerance, reporting_lag_months)"
                      " VALUES (:id, :t, :lag) ON CONFLICT (plan_id) DO UPDATE SET"
                      " tolerance = excluded.tolerance,"
                      " reporting_lag_months = excluded.reporting_lag_months",
          soci::use(id), soci::use(settings.tolerance), soci::use(settings.reporting_lag_months);
      return Ok{};
    });
  } catch (const std::exception& e) {
    return make_error(fmt::format("无法保存规划 {} 的评估设置: {}", plan_id, e.what()));
  }
}

}  // namespace zhiyou::monitoring
