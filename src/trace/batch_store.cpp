#include "trace/batch_store.hpp"

#include <soci/soci.h>

#include "store/database.hpp"

namespace zhiyou::trace {
namespace {

using store::Database;

constexpr const char* kBatchColumns =
    "SELECT gtin, lot, expiry, created_at, code_count FROM batches";

BatchSummary batch_from(const soci::row& row) {
  BatchSummary b;
  b.gtin = row.get<std::string>(0);
  b.lot = row.get<std::string>(1);
  if (row.get_indicator(2) == soci::i_ok) b.expiry = row.get<std::string>(2);
  b.created_at = row.get<std::string>(3);
  b.codes = row.get<long long>(4);
  return b;
}

}  // namespace

Result<std::vector<BatchSummary>> list_batches(Database& db, std::string_view gtin) {
  try {
    const std::string g(gtin);
    std::vector<BatchSummary> out;
    const soci::rowset<soci::row> rows =
        (db.session().prepare << std::string(kBatchColumns) +
                                     " WHERE gtin = :gtin ORDER BY created_at DESC, lot",
         soci::use(g));
    for (const soci::row& row : rows) out.push_back(batch_from(row));
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取批次: ") + e.what());
  }
}

Result<std::optional<BatchSummary>> find_batch(Database& db, std::string_view gtin,
                                               std::string_view lot) {
  try {
    const std::string g(gtin);
    const std::string l(lot);
    const soci::rowset<soci::row> rows =
        (db.session().prepare << std::string(kBatchColumns) + " WHERE gtin = :gtin AND lot = :lot",
         soci::use(g), soci::use(l));
    for (const soci::row& row : rows) return std::optional<BatchSummary>(batch_from(row));
    return std::optional<BatchSummary>();
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取批次: ") + e.what());
  }
}

Result<std::vector<std::pair<std::string, ProductCodeTotals>>> product_code_totals(Database& db) {
  try {
    std::vector<std::pair<std::string, ProductCodeTotals>> out;
    std::string gtin;
    ProductCodeTotals totals;
    soci::statement rows =
        (db.session().prepare << "SELECT gtin, COUNT(*), SUM(code_count) FROM batches"
                                 " GROUP BY gtin ORDER BY gtin",
         soci::into(gtin), soci::into(totals.batches), soci::into(totals.codes));
    rows.execute();
    while (rows.fetch()) out.emplace_back(gtin, totals);
    return out;
  } catch (const std::exception& e) {
    return make_error(std::string("无法统计产品的批次和赋码: ") + e.what());
  }
}

Status for_each_batch_serial(Database& db, std::string_view gtin, std::string_view lot,
                             std::size_t chunk,
                             const std::function<Status(std::span<const std::string>)>& each) {
  try {
    const std::string g(gtin);
    const std::string l(lot);
    std::string after;
    const long long limit = static_cast<long long>(std::max<std::size_t>(chunk, 1));
    // Page by key rather than holding one cursor open: each page is a short read, and on
    // PostgreSQL a cursor would need a transaction kept open for the whole download.
    for (;;) {
      std::vector<std::string> serials(static_cast<std::size_t>(limit));
      db.session() << "SELECT serial FROM codes WHERE gtin = :gtin AND lot = :lot"
                      " AND serial > :after ORDER BY serial LIMIT :n",
          soci::use(g), soci::use(l), soci::use(after), soci::use(limit), soci::into(serials);
      if (serials.empty()) return Ok{};
      if (Status s = each(serials); !s) return s;
      if (serials.size() < static_cast<std::size_t>(limit)) return Ok{};
      after = serials.back();
    }
  } catch (const std::exception& e) {
    return make_error(std::string("无法读取批次的码: ") + e.what());
  }
}

}  // namespace zhiyou::trace
