#include "trace/code_store.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <future>
#include <unordered_set>

#include "store/bulk_load.hpp"
#include "store/database.hpp"

namespace zhiyou::trace {
namespace {

using store::Database;
using store::Engine;

constexpr std::size_t kChunk = 10'000;  // codes per bulk insert and per progress step

// Makes sure the batch exists and agrees with the request; fills in a stored expiry.
Status ensure_batch(Database& db, IssueRequest& request) {
  soci::indicator expiry_ind = soci::i_null;
  std::string stored_expiry;
  int found = 0;
  db.session() << "SELECT COUNT(*) FROM batches WHERE gtin = :gtin AND lot = :lot",
      soci::use(request.gtin), soci::use(request.lot), soci::into(found);
  if (found == 0) {
    std::string at = store::utc_timestamp();
    soci::indicator ind = request.expiry ? soci::i_ok : soci::i_null;
    std::string expiry = request.expiry.value_or("");
    db.session() << "INSERT INTO batches (gtin, lot, expiry, created_at)"
                    " VALUES (:gtin, :lot, :expiry, :at)",
        soci::use(request.gtin), soci::use(request.lot), soci::use(expiry, ind), soci::use(at);
    return Ok{};
  }
  db.session() << "SELECT expiry FROM batches WHERE gtin = :gtin AND lot = :lot",
      soci::use(request.gtin), soci::use(request.lot), soci::into(stored_expiry, expiry_ind);
  const std::optional<std::string> stored =
      expiry_ind == soci::i_ok ? std::optional<std::string>(stored_expiry) : std::nullopt;
  if (!request.expiry) {
    request.expiry = stored;
  } else if (request.expiry != stored) {
    return make_error("批次 " + request.lot + " 已登记，有效期为 " + stored.value_or("（无）") +
                          "，与本次的 " + *request.expiry + " 不同",
                      "--expiry");
  }
  return Ok{};
}

// Draws serials for one chunk and stores them; a serial already taken (by an earlier
// issue, or drawn twice) is replaced until the chunk is complete.
class ChunkWriter {
 public:
  ChunkWriter(Database& db, const IssueRequest& request, std::function<std::string()> next)
      : db_(db),
        request_(request),
        next_(std::move(next)),
        insert_(db, "codes", {"gtin", "serial", "lot"}) {
    exists_ = std::make_unique<soci::statement>(
        (db_.session().prepare << "SELECT COUNT(*) FROM codes WHERE gtin = :gtin AND serial = :s",
         soci::use(gtin_), soci::use(probe_), soci::into(found_)));
    gtin_ = request.gtin;
  }

  // Stores `n` more codes and appends their serials to `issued`.
  Status write(std::size_t n, std::vector<std::string>& issued) {
    serials_.resize(n);
    for (std::string& s : serials_) s = next_();
    // Fast path: the whole chunk in one go. Collisions are all but impossible for random
    // serials, so the careful path below almost never runs; its savepoint undoes the attempt.
    const Status fast = db_.transaction([&]() -> Status {
      return insert_.insert(rows()) ? Status(Ok{}) : make_error("collision");
    });
    if (!fast) {
      replace_taken();
      if (!insert_.insert(rows())) {
        return make_error("序列号 " + request_.gtin + " 冲突：请重试（另一进程同时在赋码？）");
      }
    }
    issued.insert(issued.end(), serials_.begin(), serials_.end());
    return Ok{};
  }

  [[nodiscard]] const std::vector<std::string>& last_chunk() const { return serials_; }

 private:
  // gtin, serial, lot for every serial of the chunk.
  std::span<const std::string_view> rows() {
    values_.clear();
    for (const std::string& s : serials_) {
      values_.emplace_back(request_.gtin);
      values_.emplace_back(s);
      values_.emplace_back(request_.lot);
    }
    return values_;
  }

  bool taken(const std::string& serial) {
    probe_ = serial;
    exists_->execute(true);
    return found_ > 0;
  }

  // Drops serials already taken (in the database, or earlier in this chunk) and draws
  // replacements, keeping the order of what remains (sequential serials stay ascending).
  void replace_taken() {
    const std::size_t n = serials_.size();
    std::unordered_set<std::string> seen;
    std::vector<std::string> kept;
    kept.reserve(n);
    for (std::string& s : serials_) {
      if (!taken(s) && seen.insert(s).second) kept.push_back(std::move(s));
    }
    while (kept.size() < n) {
      std::string s = next_();
      if (!taken(s) && seen.insert(s).second) kept.push_back(std::move(s));
    }
    serials_ = std::move(kept);
  }

  Database& db_;
  const IssueRequest& request_;
  std::function<std::string()> next_;
  store::BulkInsert insert_;
  std::vector<std::string> serials_;
  std::vector<std::string_view> values_;
  std::string gtin_, probe_;
  long long found_ = 0;
  std::unique_ptr<soci::statement> exists_;
};

}  // namespace

Result<std::vector<std::string>> issue_codes(Database& db, IssueRequest& request,
                                             const SerialSource& random_source,
                                             const IssueProgress& progress) {
  IssueHooks hooks;
  hooks.progress = progress;
  return issue_codes(db, request, random_source, hooks);
}

Result<std::vector<std::string>> issue_codes(Database& db, IssueRequest& request,
                                             const SerialSource& random_source,
                                             const IssueHooks& hooks) {
  std::vector<std::string> issued;
  try {
    Status status = db.transaction([&]() -> Status {
      issued.clear();
      issued.reserve(request.count);
      long long next_serial = 0;
      soci::indicator ind = soci::i_null;
      db.session() << std::string("SELECT next_serial FROM products WHERE gtin = :gtin") +
                          (db.engine() == Engine::postgresql ? " FOR UPDATE" : ""),
          soci::use(request.gtin), soci::into(next_serial, ind);
      if (!db.session().got_data()) {
        return make_error("GTIN " + request.gtin + " 未登记为产品：请先用 zhiyou product add 登记",
                          "--gtin");
      }
      if (Status s = ensure_batch(db, request); !s) return s;
      std::function<std::string()> next = random_source;
      if (request.serials == SerialKind::sequential) {
        next = [&next_serial] { return std::to_string(next_serial++); };
      }
      if (request.serials == SerialKind::random) {
        // Draw every serial first and insert them in key order: B-tree pages then fill one
        // after the other instead of being revisited at random (tens of times faster on
        // SQLite for a million codes). Random serials have no meaningful order to keep.
        auto drawn = std::make_shared<std::vector<std::string>>();
        drawn->reserve(request.count);
        for (std::size_t i = 0; i < request.count; ++i) drawn->push_back(random_source());
        std::sort(drawn->begin(), drawn->end());
        auto at = std::make_shared<std::size_t>(0);
        next = [drawn, at, random_source] {
          return *at < drawn->size() ? std::move((*drawn)[(*at)++]) : random_source();
        };
      }
      if (db.engine() == Engine::sqlite) {
        // A larger page cache for this connection (256 MiB): the codes index outgrows the
        // 2 MiB default after a few hundred thousand codes.
        db.session() << "PRAGMA cache_size = -262144";
      }
      ChunkWriter writer(db, request, next);
      // Each chunk's `stored` hook (the CSV rows) runs on a second thread while the next
      // chunk goes into the database: on PostgreSQL the server indexes while we format,
      // on SQLite the two cores share the work.
      std::future<Status> storing;
      auto stored_so_far = [&storing]() -> Status {
        return storing.valid() ? storing.get() : Status(Ok{});
      };
      for (std::size_t done = 0; done < request.count;) {
        const std::size_t n = std::min(kChunk, request.count - done);
        if (Status s = writer.write(n, issued); !s) return s;
        done += n;
        if (Status s = stored_so_far(); !s) return s;
        if (hooks.stored) {
          storing = std::async(std::launch::async, [&hooks, chunk = writer.last_chunk()] {
            return hooks.stored(chunk);
          });
        }
        if (hooks.progress) hooks.progress(done, request.count);
      }
      if (Status s = stored_so_far(); !s) return s;
      const auto added = static_cast<long long>(issued.size());
      db.session() << "UPDATE batches SET code_count = code_count + :n"
                      " WHERE gtin = :gtin AND lot = :lot",
          soci::use(added), soci::use(request.gtin), soci::use(request.lot);
      if (request.serials == SerialKind::sequential) {
        db.session() << "UPDATE products SET next_serial = :next WHERE gtin = :gtin",
            soci::use(next_serial), soci::use(request.gtin);
      }
      if (hooks.before_commit) return hooks.before_commit();
      return Ok{};
    });
    if (!status) return status.error();
  } catch (const std::exception& e) {
    return make_error(std::string("无法保存赋码（未写入任何码）: ") + e.what());
  }
  return issued;
}

Result<long long> count_codes(Database& db, std::string_view gtin,
                              std::optional<std::string_view> lot) {
  try {
    long long count = 0;
    const std::string g(gtin);
    if (lot) {
      const std::string l(*lot);
      db.session() << "SELECT COUNT(*) FROM codes WHERE gtin = :gtin AND lot = :lot", soci::use(g),
          soci::use(l), soci::into(count);
    } else {
      db.session() << "SELECT COUNT(*) FROM codes WHERE gtin = :gtin", soci::use(g),
          soci::into(count);
    }
    return count;
  } catch (const std::exception& e) {
    return make_error(std::string("无法统计赋码数量: ") + e.what());
  }
}

Result<std::optional<std::string>> find_code_lot(Database& db, std::string_view gtin,
                                                 std::string_view serial) {
  try {
    const std::string g(gtin);
    const std::string s(serial);
    std::string lot;
    db.session() << "SELECT lot FROM codes WHERE gtin = :gtin AND serial = :serial", soci::use(g),
        soci::use(s), soci::into(lot);
    if (!db.session().got_data()) return std::optional<std::string>();
    return std::optional<std::string>(lot);
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取赋码: ") + e.what());
  }
}

Result<std::vector<StoredCode>> codes_after(Database& db, const std::string& gtin,
                                            const std::string& serial, std::size_t limit) {
  try {
    std::vector<std::string> gtins(limit);
    std::vector<std::string> serials(limit);
    std::vector<std::string> lots(limit);
    const auto n = static_cast<long long>(limit);
    // Row values: one range of the primary key on both engines.
    soci::statement select = (db.session().prepare << "SELECT gtin, serial, lot FROM codes"
                                                      " WHERE (gtin, serial) > (:gtin, :serial)"
                                                      " ORDER BY gtin, serial LIMIT :n",
                              soci::use(gtin), soci::use(serial), soci::use(n), soci::into(gtins),
                              soci::into(serials), soci::into(lots));
    select.execute(true);
    std::vector<StoredCode> out;
    out.reserve(gtins.size());
    for (std::size_t i = 0; i < gtins.size(); ++i) {
      out.push_back({std::move(gtins[i]), std::move(serials[i]), std::move(lots[i])});
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取赋码: ") + e.what());
  }
}

}  // namespace zhiyou::trace
