#include "store/migrations.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "registry/region.hpp"
#include "store/data_version.hpp"
#include "store/database.hpp"
#include "store/epcis_schema.hpp"

namespace zhiyou::store {
namespace {

void run(Database& db, std::span<const char* const> statements) {
  for (const char* sql : statements) {
    db.session() << sql;
  }
}

// Migration 1: the reference data and the plan model.
//
// Citus: every table here is small and read everywhere, so each becomes a reference table
// (SELECT create_reference_table('…')). The large trace tables added later are distributed
// by GS1 company prefix / GTIN instead.
//
// Portable types only: TEXT, INTEGER and DOUBLE PRECISION (PostgreSQL's REAL is 4 bytes).
// Ids are TEXT chosen by the domain, so no engine-specific identity columns are needed.
constexpr std::array<const char*, 13> kPlanModel{
    // Citus: reference table.
    "CREATE TABLE regions ("
    " code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " short_name TEXT NOT NULL,"
    " city TEXT NOT NULL)",

    // Citus: reference table. Rows are created on first mention by a plan; id is
    // "org_" + the first 12 hex digits of SHA-256(name).
    "CREATE TABLE organisations ("
    " id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " created_at TEXT NOT NULL)",

    // Citus: reference table.
    "CREATE TABLE plans ("
    " id TEXT PRIMARY KEY,"
    " title TEXT NOT NULL,"
    " doc_number TEXT NOT NULL,"  // '' when the text has none
    " issuer TEXT NOT NULL,"
    " issued_on TEXT,"  // YYYY-MM-DD
    " kind TEXT NOT NULL,"
    " start_year INTEGER,"  // plan period, when the title states it
    " end_year INTEGER,"
    " source_file TEXT NOT NULL,"
    " source_line INTEGER NOT NULL,"
    " imported_at TEXT NOT NULL)",
    "CREATE INDEX plans_doc_number ON plans (doc_number)",

    // Citus: reference table (co-located with plans through plan_id).
    "CREATE TABLE indicators ("
    " id TEXT PRIMARY KEY,"
    " plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " domain TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " unit TEXT,"
    " baseline_json TEXT,"  // {"year", "kind", "op", "value", "reference_year", "parts", "text"}
    " direction TEXT NOT NULL,"
    " direction_overridden INTEGER NOT NULL,"
    " attribute TEXT,"
    " notes_json TEXT NOT NULL,"  // ["…", …]
    " source_file TEXT NOT NULL,"
    " source_line INTEGER NOT NULL,"
    " UNIQUE (plan_id, position))",  // also the index for plan_id

    // Citus: reference table.
    "CREATE TABLE targets ("
    " indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " year INTEGER NOT NULL,"
    " kind TEXT NOT NULL,"
    " op TEXT,"
    " value DOUBLE PRECISION,"
    " reference_year INTEGER,"
    " parts_json TEXT NOT NULL,"  // [99.6, 99.22]
    " text TEXT NOT NULL,"
    " sentence TEXT NOT NULL,"
    " PRIMARY KEY (indicator_id, position))",

    // Citus: reference table.
    "CREATE TABLE indicator_units ("
    " indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
    " organisation_id TEXT NOT NULL REFERENCES organisations (id),"
    " role TEXT NOT NULL CHECK (role IN ('lead')),"
    " position INTEGER NOT NULL,"
    " PRIMARY KEY (indicator_id, role, position))",
    "CREATE INDEX indicator_units_organisation ON indicator_units (organisation_id)",

    // Citus: reference table.
    "CREATE TABLE tasks ("
    " id TEXT PRIMARY KEY,"
    " plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,"
    " position INTEGER NOT NULL,"
    " title TEXT NOT NULL,"
    " source_file TEXT NOT NULL,"
    " source_line INTEGER NOT NULL,"
    " UNIQUE (plan_id, position))",

    // Citus: reference table.
    "CREATE TABLE task_units ("
    " task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,"
    " organisation_id TEXT NOT NULL REFERENCES organisations (id),"
    " role TEXT NOT NULL CHECK (role IN ('lead', 'supporting')),"
    " position INTEGER NOT NULL,"
    " PRIMARY KEY (task_id, role, position))",
    "CREATE INDEX task_units_organisation ON task_units (organisation_id)",

    "CREATE INDEX targets_year ON targets (year)",
    "CREATE INDEX plans_issued_on ON plans (issued_on)",
};

void create_plan_model(Database& db) {
  run(db, kPlanModel);
  std::string code;
  std::string name;
  std::string short_name;
  std::string city;
  soci::statement insert =
      (db.session().prepare << "INSERT INTO regions (code, name, short_name, city)"
                               " VALUES (:code, :name, :short_name, :city)",
       soci::use(code), soci::use(name), soci::use(short_name), soci::use(city));
  for (const registry::Region& region : registry::builtin_regions()) {
    code = region.code;
    name = region.name;
    short_name = region.short_name;
    city = region.city;
    insert.execute(true);
  }
}

// Migration 4: market entities, products, batches and issued codes (赋码).
//
// Citus: entities and products are reference tables; batches and codes are distributed by
// gtin (co-located). codes is the big table (150万 units and more): one narrow row per unit,
// no derived columns (element string and URI are rebuilt from gtin, lot and serial).
constexpr std::array<const char*, 4> kCodes{
    "CREATE TABLE entities ("
    " uscc TEXT PRIMARY KEY,"  // 统一社会信用代码, canonical upper case
    " name TEXT NOT NULL,"
    " region_code TEXT NOT NULL REFERENCES regions (code),"
    " created_at TEXT NOT NULL)",

    "CREATE TABLE products ("
    " gtin TEXT PRIMARY KEY,"  // GTIN-14
    " name TEXT NOT NULL,"
    " entity_uscc TEXT NOT NULL REFERENCES entities (uscc),"
    " quality_marks_json TEXT NOT NULL,"  // ["品字标浙江制造", …]
    " next_serial BIGINT NOT NULL,"       // the next sequential serial number to issue
    " created_at TEXT NOT NULL)",

    "CREATE TABLE batches ("
    " gtin TEXT NOT NULL REFERENCES products (gtin),"
    " lot TEXT NOT NULL,"
    " expiry TEXT,"  // YYMMDD as in AI (17)
    " created_at TEXT NOT NULL,"
    " PRIMARY KEY (gtin, lot))",

    "CREATE INDEX codes_gtin_lot ON codes (gtin, lot)",  // recall: every unit of a batch
};

void create_codes(Database& db) {
  // No foreign key to batches: the issuer writes the batch in the same transaction, and a
  // per-row check would slow down inserting millions of codes. The primary key is the scan's
  // lookup (gtin + serial); on SQLite the table is that key's B-tree itself (WITHOUT ROWID),
  // one tree fewer to write per code.
  db.session() << std::string(
                      "CREATE TABLE codes ("
                      " gtin TEXT NOT NULL,"
                      " serial TEXT NOT NULL,"
                      " lot TEXT NOT NULL,"
                      " PRIMARY KEY (gtin, serial))") +
                      (db.engine() == Engine::sqlite ? " WITHOUT ROWID" : "");
  run(db, kCodes);
}

// Migration 2: observations (实际值), their revisions and reviewers' judgements
// (monitoring/observation_store.hpp). No foreign key to indicators: a plan re-import
// replaces its indicator rows and the reported figures must outlive that.
//
// Citus: observations and observation_revisions are distributed by indicator_id (every read
// is per plan, i.e. per set of indicators); judgements are small, a reference table.
constexpr std::array<const char*, 4> kObservations{
    "CREATE TABLE observations ("
    " indicator_id TEXT NOT NULL,"
    " region TEXT NOT NULL,"  // registry region name ("鄞州区") or '全市'
    " period TEXT NOT NULL,"  // canonical Period text: 2024, 2024Q2, 2024-06
    " value DOUBLE PRECISION NOT NULL,"
    " source TEXT NOT NULL,"
    " reported_by TEXT NOT NULL,"
    " reported_at TEXT NOT NULL,"
    " PRIMARY KEY (indicator_id, region, period))",

    "CREATE TABLE observation_revisions ("
    " indicator_id TEXT NOT NULL,"
    " region TEXT NOT NULL,"
    " period TEXT NOT NULL,"
    " revision INTEGER NOT NULL,"   // 1 = first report
    " old_value DOUBLE PRECISION,"  // NULL for the first report
    " new_value DOUBLE PRECISION NOT NULL,"
    " old_source TEXT NOT NULL,"
    " new_source TEXT NOT NULL,"
    " changed_by TEXT NOT NULL,"
    " changed_at TEXT NOT NULL,"
    " PRIMARY KEY (indicator_id, region, period, revision))",

    "CREATE TABLE judgements ("
    " indicator_id TEXT NOT NULL,"
    " region TEXT NOT NULL,"
    " period TEXT NOT NULL,"
    " status TEXT NOT NULL CHECK (status IN ('met', 'not_met')),"
    " reason TEXT NOT NULL,"
    " judged_by TEXT NOT NULL,"
    " judged_at TEXT NOT NULL,"
    " PRIMARY KEY (indicator_id, region, period))",

    "CREATE INDEX observations_period ON observations (period)",
};

void create_observations(Database& db) { run(db, kObservations); }

// Migration 3: per-plan evaluation settings (monitoring/evaluation_settings_store.hpp). A
// small reference table under Citus.
constexpr std::array<const char*, 1> kEvaluationSettings{
    "CREATE TABLE evaluation_settings ("
    " plan_id TEXT PRIMARY KEY,"
    " tolerance DOUBLE PRECISION NOT NULL,"  // fraction of |T − b|
    " reporting_lag_months INTEGER NOT NULL)",
};

void create_evaluation_settings(Database& db) { run(db, kEvaluationSettings); }

// Migration 6: people and the audit log.
//
// Citus: users and sessions are small reference tables; audit_log is one chain and must stay
// on one node (a reference table) so that its entries keep a single order.
constexpr std::array<const char*, 5> kPeopleAndAudit{
    "CREATE TABLE users ("
    " id TEXT PRIMARY KEY,"
    " username TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL CHECK (role IN"
    " ('admin', 'office', 'unit_reporter', 'inspector', 'enterprise')),"
    " unit TEXT,"                    // 责任单位, for unit_reporter
    " entity TEXT,"                  // USCC, for enterprise
    " password_hash TEXT NOT NULL,"  // Argon2id, encoded with its parameters
    " disabled INTEGER NOT NULL,"
    " created_at TEXT NOT NULL,"
    " updated_at TEXT NOT NULL)",

    // Only a digest of each token is kept: a copy of the database opens no session.
    "CREATE TABLE sessions ("
    " token_hash TEXT PRIMARY KEY,"
    " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
    " created_at TEXT NOT NULL,"
    " expires_at TEXT NOT NULL,"
    " revoked_at TEXT)",
    "CREATE INDEX sessions_user ON sessions (user_id)",

    "CREATE TABLE audit_log ("
    " seq BIGINT PRIMARY KEY,"
    " at TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " before_json TEXT NOT NULL,"
    " after_json TEXT NOT NULL,"
    " algorithm TEXT NOT NULL,"  // sm3 | sha256
    " prev_hash TEXT NOT NULL,"
    " hash TEXT NOT NULL)",
    "CREATE INDEX audit_log_subject ON audit_log (subject)",
};

// The audit log refuses UPDATE and DELETE, so that no code path changes it by mistake; the
// hash chain catches whoever drops these triggers first.
void create_people_and_audit(Database& db) {
  run(db, kPeopleAndAudit);
  if (db.engine() == Engine::sqlite) {
    db.session() << "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                    " BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END";
    db.session() << "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                    " BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END";
  } else {
    db.session() << "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
                    " $$ BEGIN RAISE EXCEPTION '审计日志只能追加，不能修改或删除'; END $$";
    db.session() << "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log"
                    " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()";
  }
}

// Migration 7: what a scan shows besides the code itself — announced recalls (召回公告),
// spot-check results (抽检结果) — and where each serial was scanned (假冒信号).
//
// Citus: recalls and spot_checks are small reference tables; scan_places is distributed by
// gtin, co-located with codes.
constexpr std::array<const char*, 5> kScanFacts{
    "CREATE TABLE recalls ("
    " id TEXT PRIMARY KEY,"
    " gtin TEXT NOT NULL,"
    " lots_json TEXT NOT NULL,"  // ["L1", …]; [] = every lot
    " reason TEXT NOT NULL,"
    " announced_by TEXT NOT NULL,"
    " announced_at TEXT NOT NULL)",
    "CREATE INDEX recalls_gtin ON recalls (gtin)",

    "CREATE TABLE spot_checks ("
    " id TEXT PRIMARY KEY,"
    " gtin TEXT NOT NULL,"
    " lot TEXT,"                  // NULL: the product, no particular batch
    " sampled_on TEXT NOT NULL,"  // YYYY-MM-DD
    " agency TEXT NOT NULL,"      // 检验机构
    " conclusion TEXT NOT NULL CHECK (conclusion IN ('合格', '不合格')),"
    " failed_items TEXT NOT NULL,"  // 不合格项目, "" when none
    " report_no TEXT NOT NULL,"     // 报告编号
    " recorded_by TEXT NOT NULL,"
    " recorded_at TEXT NOT NULL)",
    "CREATE INDEX spot_checks_gtin ON spot_checks (gtin, sampled_on)",

    // One row per serial and place it was scanned from; count says how often.
    "CREATE TABLE scan_places ("
    " gtin TEXT NOT NULL,"
    " serial TEXT NOT NULL,"
    " place TEXT NOT NULL,"
    " first_at TEXT NOT NULL,"
    " last_at TEXT NOT NULL,"
    " scans BIGINT NOT NULL,"
    " PRIMARY KEY (gtin, serial, place))",
};

void create_scan_facts(Database& db) { run(db, kScanFacts); }

// Migration 14: each batch counts its codes, so that an enterprise's product list and
// batch table need not count millions of code rows on every view. trace::issue_codes adds
// to the count in the transaction that stores the codes; existing batches are counted once.
void count_codes_per_batch(Database& db) {
  db.session() << "ALTER TABLE batches ADD COLUMN code_count BIGINT NOT NULL DEFAULT 0";
  db.session() << "UPDATE batches SET code_count = (SELECT COUNT(*) FROM codes"
                  " WHERE codes.gtin = batches.gtin AND codes.lot = batches.lot)";
}

// Migration 15: a product's events, newest first, straight from the identifier rows. Without
// this index a product page gathered every event key of the GTIN before showing fifty (1.1 s
// per page for a GTIN of 1,000,000 events). Rows of a GTIN arrive in event_key order, so the
// index grows at its end: capture pays a sequential insert, not a random one.
void index_identifiers_by_event(Database& db) {
  db.session() << "CREATE INDEX epcis_event_epcs_newest ON epcis_event_epcs (epc_key, event_key)";
}

constexpr std::array<Migration, 16> kMigrations{{
    {1, "plan model and regions", &create_plan_model},
    {2, "observations, revisions and judgements", &create_observations},
    {3, "per-plan evaluation settings", &create_evaluation_settings},
    {4, "entities, products, batches and codes", &create_codes},
    {5, "EPCIS events", &create_epcis_events},
    {6, "users, sessions and the audit log", &create_people_and_audit},
    {7, "recalls, spot checks and scan places", &create_scan_facts},
    {8, "EPCIS capture jobs and a leaner event table", &upgrade_epcis_capture},
    {9, "data versions for response caching", &create_data_versions},
    {10, "captured events raise the trace version once per capture",
     &stop_raising_per_captured_event},
    {11, "EPCIS events indexed by time and eventID together", &index_events_by_time_and_id},
    {12, "EPCIS error declarations beside the events they correct", &record_error_declarations},
    {13, "scan places counted apart from what a scan shows", &count_scans_apart},
    {14, "batches count their codes", &count_codes_per_batch},
    {15, "a product's EPCIS events found newest first", &index_identifiers_by_event},
    {16, "EPCIS identifier rows keyed by the number of their GS1 key", &key_identifiers_by_term},
}};

// Serialises migrating processes on PostgreSQL for the rest of the current transaction.
// SQLite needs nothing: transaction() begins with BEGIN IMMEDIATE, which takes the write lock.
void lock_for_migration(Database& db) {
  if (db.engine() == Engine::postgresql) {
    db.session() << "SELECT pg_advisory_xact_lock(7306298436143187)";  // arbitrary, fixed
  }
}

bool applied(Database& db, int version) {
  int count = 0;
  db.session() << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(version),
      soci::into(count);
  return count > 0;
}

// Every migration this code knows is applied, read without a write lock: opening a database
// that is already current must not wait behind, or fail after the busy timeout behind,
// another process's write (a capture or an issue of codes in progress). False also when the
// table does not exist yet.
bool up_to_date(Database& db) {
  std::set<int> versions;
  try {
    const soci::rowset<int> rows =
        (db.session().prepare << "SELECT version FROM schema_migrations");
    versions.insert(rows.begin(), rows.end());
  } catch (const soci::soci_error&) {
    return false;  // a new database: migrate() creates the table under the lock
  }
  return std::ranges::all_of(kMigrations,
                             [&](const Migration& m) { return versions.contains(m.version); });
}

Status apply(Database& db, const Migration& migration) {
  return db.transaction([&]() -> Status {
    lock_for_migration(db);
    if (applied(db, migration.version)) {
      return Ok{};  // another process got here first
    }
    migration.apply(db);
    int version = migration.version;
    std::string name(migration.name);
    std::string at = utc_timestamp();
    db.session() << "INSERT INTO schema_migrations (version, name, applied_at)"
                    " VALUES (:version, :name, :at)",
        soci::use(version), soci::use(name), soci::use(at);
    return Ok{};
  });
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

Status migrate(Database& db) {
  if (up_to_date(db)) return Ok{};
  try {
    Status created = db.transaction([&]() -> Status {
      lock_for_migration(db);
      db.session() << "CREATE TABLE IF NOT EXISTS schema_migrations ("
                      " version INTEGER PRIMARY KEY,"
                      " name TEXT NOT NULL,"
                      " applied_at TEXT NOT NULL)";
      return Ok{};
    });
    if (!created) {
      return created;
    }
  } catch (const std::exception& e) {
    return make_error(std::string("无法创建 schema_migrations 表: ") + e.what());
  }
  // An existing database being upgraded: each migration says so on stderr, since one may
  // rebuild a table of millions of rows (migration 16: about 5 s per million identifier rows)
  // while the command or server that opened the database seems to wait for nothing.
  long long already = 0;
  db.session() << "SELECT COUNT(*) FROM schema_migrations", soci::into(already);
  for (const Migration& migration : kMigrations) {
    try {
      // Each version is checked on its own: branches add migrations with reserved numbers,
      // so a database may hold 6 before 2..5 exist in the code that opens it.
      if (applied(db, migration.version)) {
        continue;
      }
      const auto began = std::chrono::steady_clock::now();
      if (already > 0) {
        fmt::print(stderr, "数据库升级：迁移 {}（{}）……\n", migration.version, migration.name);
      }
      if (Status status = apply(db, migration); !status) {
        return status;
      }
      if (already > 0) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
        fmt::print(stderr, "数据库升级：迁移 {} 完成，用时 {:.1f} 秒\n", migration.version,
                   took.count());
      }
    } catch (const std::exception& e) {
      return make_error("数据库迁移 " + std::to_string(migration.version) + "（" +
                        std::string(migration.name) + "）失败: " + e.what());
    }
  }
  return Ok{};
}

}  // namespace zhiyou::store
