#include "monitoring/observation_store.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "registry/region.hpp"
#include "store/database.hpp"

namespace zhiyou::monitoring {
namespace {

std::string describe(const std::string& indicator_id, const std::string& region,
                     const Period& period) {
  return "指标 " + indicator_id + "，" + region + "，" + period.to_string();
}

Period stored_period(const std::string& text) {
  auto period = Period::parse(text);
  if (!period) {
    throw std::runtime_error("数据库中的期间无法识别: " + text);
  }
  return *period;
}

// Indicator positions of one plan, for ordering what is read back.
std::map<std::string, int> indicator_positions(soci::session& sql, const std::string& plan_id) {
  std::map<std::string, int> positions;
  std::string id;
  int position = 0;
  soci::statement select =
      (sql.prepare << "SELECT id, position FROM indicators WHERE plan_id = :plan",
       soci::use(plan_id), soci::into(id), soci::into(position));
  select.execute();
  while (select.fetch()) positions[id] = position;
  return positions;
}

// Orders rows by indicator position, region rank, period; sorting here rather than in SQL
// because text collation differs between the engines.
template <typename Row>
void sort_rows(std::vector<Row>& rows, const std::map<std::string, int>& positions) {
  const auto key = [&](const Row& r) {
    return std::tuple(positions.at(r.indicator_id), region_rank(r.region), r.region, r.period.year,
                      r.period.kind, r.period.index);
  };
  std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return key(a) < key(b); });
}

struct Current {
  double value = 0;
  std::string source;
};

std::optional<Current> current_value(soci::session& sql, const Observation& o,
                                     const std::string& period) {
  Current current;
  sql << "SELECT value, source FROM observations"
         " WHERE indicator_id = :i AND region = :r AND period = :p",
      soci::use(o.indicator_id), soci::use(o.region), soci::use(period), soci::into(current.value),
      soci::into(current.source);
  if (!sql.got_data()) return std::nullopt;
  return current;
}

void record_revision(soci::session& sql, const Observation& o, const std::string& period,
                     const std::optional<Current>& before, const std::string& at) {
  int last = 0;
  soci::indicator last_ind = soci::i_null;
  sql << "SELECT MAX(revision) FROM observation_revisions"
         " WHERE indicator_id = :i AND region = :r AND period = :p",
      soci::use(o.indicator_id), soci::use(o.region), soci::use(period), soci::into(last, last_ind);
  int number = (last_ind == soci::i_ok ? last : 0) + 1;
  double old_value = before ? before->value : 0;
  soci::indicator old_ind = before ? soci::i_ok : soci::i_null;
  std::string old_source = before ? before->source : std::string();
  sql << "INSERT INTO observation_revisions (indicator_id, region, period, revision, old_value,"
         " new_value, old_source, new_source, changed_by, changed_at)"
         " VALUES (:i, :r, :p, :n, :old, :new, :old_source, :new_source, :by, :at)",
      soci::use(o.indicator_id), soci::use(o.region), soci::use(period), soci::use(number),
      soci::use(old_value, old_ind), soci::use(o.value), soci::use(old_source), soci::use(o.source),
      soci::use(o.reported_by), soci::use(at);
}

// Writes one observation; returns which of SaveCounts it adds to.
int& write_one(soci::session& sql, const Observation& o, SaveCounts& counts) {
  const std::string period = o.period.to_string();
  const std::string at = o.reported_at.empty() ? store::utc_timestamp() : o.reported_at;
  const auto before = current_value(sql, o, period);
  if (before && before->value == o.value) {
    return counts.unchanged;
  }
  if (before) {
    sql << "UPDATE observations SET value = :v, source = :s, reported_by = :by,"
           " reported_at = :at WHERE indicator_id = :i AND region = :r AND period = :p",
        soci::use(o.value), soci::use(o.source), soci::use(o.reported_by), soci::use(at),
        soci::use(o.indicator_id), soci::use(o.region), soci::use(period);
  } else {
    sql << "INSERT INTO observations (indicator_id, region, period, value, source, reported_by,"
           " reported_at) VALUES (:i, :r, :p, :v, :s, :by, :at)",
        soci::use(o.indicator_id), soci::use(o.region), soci::use(period), soci::use(o.value),
        soci::use(o.source), soci::use(o.reported_by), soci::use(at);
  }
  record_revision(sql, o, period, before, at);
  return before ? counts.revised : counts.inserted;
}

}  // namespace

int region_rank(std::string_view region) {
  if (region == registry::kWholeCity) return 0;
  const auto regions = registry::builtin_regions();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].name == region) return static_cast<int>(i) + 1;
  }
  return static_cast<int>(regions.size()) + 1;
}

Result<SaveCounts> save_observations(store::Database& db,
                                     const std::vector<Observation>& observations) {
  SaveCounts counts;
  const Observation* current = nullptr;
  try {
    Status saved = db.transaction([&]() -> Status {
      for (const Observation& o : observations) {
        current = &o;
        if (o.indicator_id.empty() || o.region.empty()) {
          return make_error("无法保存监测数据: 指标编号或区县为空");
        }
        ++write_one(db.session(), o, counts);
      }
      return Ok{};
    });
    if (!saved) return saved.error();
  } catch (const std::exception& e) {
    std::string what = current != nullptr
                           ? describe(current->indicator_id, current->region, current->period)
                           : std::string();
    return make_error("无法保存监测数据（" + what + "）: " + e.what());
  }
  return counts;
}

Result<std::vector<Observation>> load_observations(store::Database& db, std::string_view plan_id) {
  try {
    soci::session& sql = db.session();
    const std::string plan(plan_id);
    std::vector<Observation> out;
    Observation row;
    std::string period;
    soci::statement select =
        (sql.prepare << "SELECT o.indicator_id, o.region, o.period, o.value, o.source,"
                        " o.reported_by, o.reported_at FROM observations o"
                        " JOIN indicators i ON i.id = o.indicator_id WHERE i.plan_id = :plan",
         soci::use(plan), soci::into(row.indicator_id), soci::into(row.region), soci::into(period),
         soci::into(row.value), soci::into(row.source), soci::into(row.reported_by),
         soci::into(row.reported_at));
    select.execute();
    while (select.fetch()) {
      row.period = stored_period(period);
      out.push_back(row);
    }
    sort_rows(out, indicator_positions(sql, plan));
    return out;
  } catch (const std::exception& e) {
    return make_error("无法读取规划 " + std::string(plan_id) + " 的监测数据: " + e.what());
  }
}

Result<std::vector<Revision>> observation_history(store::Database& db,
                                                  std::string_view indicator_id,
                                                  std::string_view region, const Period& period) {
  try {
    const std::string indicator(indicator_id);
    const std::string region_name(region);
    const std::string period_text = period.to_string();
    std::vector<Revision> out;
    Revision row;
    double old_value = 0;
    soci::indicator old_ind = soci::i_null;
    soci::statement select =
        (db.session().prepare << "SELECT revision, old_value, new_value, old_source, new_source,"
                                 " changed_by, changed_at FROM observation_revisions"
                                 " WHERE indicator_id = :i AND region = :r AND period = :p"
                                 " ORDER BY revision",
         soci::use(indicator), soci::use(region_name), soci::use(period_text),
         soci::into(row.number), soci::into(old_value, old_ind), soci::into(row.new_value),
         soci::into(row.old_source), soci::into(row.new_source), soci::into(row.changed_by),
         soci::into(row.changed_at));
    select.execute();
    while (select.fetch()) {
      row.old_value = old_ind == soci::i_ok ? std::optional(old_value) : std::nullopt;
      out.push_back(row);
    }
    return out;
  } catch (const std::exception& e) {
    return make_error("无法读取修改记录（" +
                      describe(std::string(indicator_id), std::string(region), period) +
                      "）: " + e.what());
  }
}

Status save_judgement(store::Database& db, const Judgement& j) {
  if (j.indicator_id.empty() || j.region.empty()) {
    return make_error("无法保存评审意见: 指标编号或区县为空");
  }
  try {
    return db.transaction([&]() -> Status {
      const std::string period = j.period.to_string();
      const std::string status(to_string(j.status));
      const std::string at = j.judged_at.empty() ? store::utc_timestamp() : j.judged_at;
      // INSERT … ON CONFLICT … DO UPDATE is spelled the same in SQLite and PostgreSQL.
      db.session() << "INSERT INTO judgements (indicator_id, region, period, status, reason,"
                      " judged_by, judged_at) VALUES (:i, :r, :p, :s, :reason, :by, :at)"
                      " ON CONFLICT (indicator_id, region, period) DO UPDATE SET"
                      " status = excluded.status, reason = excluded.reason,"
                      " judged_by = excluded.judged_by, judged_at = excluded.judged_at",
          soci::use(j.indicator_id), soci::use(j.region), soci::use(period), soci::use(status),
          soci::use(j.reason), soci::use(j.judged_by), soci::use(at);
      return Ok{};
    });
  } catch (const std::exception& e) {
    return make_error("无法保存评审意见（" + describe(j.indicator_id, j.region, j.period) +
                      "）: " + e.what());
  }
}

Result<std::vector<Judgement>> load_judgements(store::Database& db, std::string_view plan_id) {
  try {
    soci::session& sql = db.session();
    const std::string plan(plan_id);
    std::vector<Judgement> out;
    Judgement row;
    std::string period;
    std::string status;
    soci::statement select =
        (sql.prepare << "SELECT j.indicator_id, j.region, j.period, j.status, j.reason,"
                        " j.judged_by, j.judged_at FROM judgements j"
                        " JOIN indicators i ON i.id = j.indicator_id WHERE i.plan_id = :plan",
         soci::use(plan), soci::into(row.indicator_id), soci::into(row.region), soci::into(period),
         soci::into(status), soci::into(row.reason), soci::into(row.judged_by),
         soci::into(row.judged_at));
    select.execute();
    while (select.fetch()) {
      row.period = stored_period(period);
      const auto parsed = judgement_status_from(status);
      if (!parsed) throw std::runtime_error("数据库中的评审结论无法识别: " + status);
      row.status = *parsed;
      out.push_back(row);
    }
    sort_rows(out, indicator_positions(sql, plan));
    return out;
  } catch (const std::exception& e) {
    return make_error("无法读取规划 " + std::string(plan_id) + " 的评审意见: " + e.what());
  }
}

}  // namespace zhiyou::monitoring
