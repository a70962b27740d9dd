#include "audit/audit_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace zhiyou::audit {
namespace {

constexpr const char* kColumns =
    "seq, at, actor, action, subject, before_json, after_json, algorithm, prev_hash, hash";

// One row; `algorithm_text` is kept as stored so that an unknown name can be reported.
struct Row {
  long long seq = 0;
  std::string at, actor, action, subject, before_json, after_json, algorithm_text, prev_hash, hash;

  [[nodiscard]] Entry entry() const {
    Entry e;
    e.seq = seq;
    e.at = at;
    e.change = Change{actor, action, subject, before_json, after_json};
    e.algorithm = algorithm_from(algorithm_text).value_or(HashAlgorithm::sha256);
    e.prev_hash = prev_hash;
    e.hash = hash;
    return e;
  }
};

// Walks rows with seq > after_seq in order, calling fn(row) until it returns false.
template <typename Fn>
void each_row(store::Database& db, long long after_seq, long long limit, Fn&& fn) {
  Row row;
  soci::statement select =
      (db.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit",
       soci::use(after_seq), soci::use(limit), soci::into(row.seq), soci::into(row.at),
       soci::into(row.actor), soci::into(row.action), soci::into(row.subject),
       soci::into(row.before_json), soci::into(row.after_json), soci::into(row.algorithm_text),
       soci::into(row.prev_hash), soci::into(row.hash));
  select.execute();
  while (select.fetch()) {
    if (!fn(row)) break;
  }
}

std::optional<Entry> last_entry(store::Database& db) {
  std::optional<Entry> last;
  long long max_seq = 0;
  soci::indicator ind = soci::i_null;
  db.session() << "SELECT MAX(seq) FROM audit_log", soci::into(max_seq, ind);
  if (ind != soci::i_ok) return last;
  each_row(db, max_seq - 1, 1, [&](const Row& row) {
    last = row.entry();
    return false;
  });
  return last;
}

}  // namespace

Status append(store::Database& db, const Change& change) {
  try {
    return db.transaction([&]() -> Status {
      if (db.engine() == store::Engine::postgresql) {
        // Held to the end of the outermost transaction: appenders take turns reading the
        // last hash. SQLite's BEGIN IMMEDIATE already serialises writers.
        db.session() << "SELECT pg_advisory_xact_lock(7306298436143188)";
      }
      const std::optional<Entry> last = last_entry(db);
      Entry e = next_entry(last ? &*last : nullptr, change, store::utc_timestamp(),
                           preferred_algorithm());
      if (e.hash.empty()) return make_error("无法计算审计记录的哈希");
      std::string algorithm(algorithm_name(e.algorithm));
      db.session() << std::string("INSERT INTO audit_log (") + kColumns +
                          ") VALUES (:seq, :at, :actor, :action, :subject, :before_json,"
                          " :after_json, :algorithm, :prev_hash, :hash)",
          soci::use(e.seq), soci::use(e.at), soci::use(e.change.actor), soci::use(e.change.action),
          soci::use(e.change.subject), soci::use(e.change.before_json),
          soci::use(e.change.after_json), soci::use(algorithm), soci::use(e.prev_hash),
          soci::use(e.hash);
      return Ok{};
    });
  } catch (const std::exception& e) {
    return make_error(std::string("无法写入审计日志: ") + e.what());
  }
}

Result<std::vector<Entry>> list_entries(store::Database& db, long long after_seq, int limit) {
  try {
    std::vector<Entry> entries;
    each_row(db, after_seq, limit, [&](const Row& row) {
      entries.push_back(row.entry());
      return true;
    });
    return entries;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取审计日志: ") + e.what());
  }
}

Result<Verification> verify(store::Database& db) {
  try {
    Verification result;
    ChainVerifier verifier;
    long long after = 0;
    constexpr long long kBatch = 5000;
    bool more = true;
    while (more && !result.first_break) {
      long long rows = 0;
      each_row(db, after, kBatch, [&](const Row& row) {
        ++rows;
        after = row.seq;
        if (!algorithm_from(row.algorithm_text)) {
          result.first_break =
              Break{row.seq, "第 " + std::to_string(row.seq) + " 条审计记录的哈希算法「" +
                                 row.algorithm_text + "」无法识别（记录被改动）"};
          return false;
        }
        result.first_break = verifier.check(row.entry());
        return !result.first_break;
      });
      more = rows == kBatch;
    }
    db.session() << "SELECT COUNT(*) FROM audit_log", soci::into(result.entries);
    return result;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取审计日志: ") + e.what());
  }
}

}  // namespace zhiyou::audit
