// Product batches (批次) as an enterprise sees them: each batch with its expiry and how many
// codes were issued for it, and a batch's codes read back for printing labels. Issuing codes
// is code_store.hpp; the tables are batches and codes (migrations 4 and 14).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::trace {

struct BatchSummary {
  std::string gtin;
  std::string lot;
  std::optional<std::string> expiry;  // YYMMDD, AI (17)
  std::string created_at;             // when its first codes were issued
  long long codes = 0;
};

// The batches of one product, newest first.
Result<std::vector<BatchSummary>> list_batches(store::Database& db, std::string_view gtin);

// The batch (gtin, lot), or nullopt when no code was ever issued for it.
Result<std::optional<BatchSummary>> find_batch(store::Database& db, std::string_view gtin,
                                               std::string_view lot);

// How many batches and codes each product has, by GTIN (products with none are absent).
struct ProductCodeTotals {
  long long batches = 0;
  long long codes = 0;
};
Result<std::vector<std::pair<std::string, ProductCodeTotals>>> product_code_totals(
    store::Database& db);

// The serials of the batch in order, handed over `chunk` at a time so that a batch of
// millions is never held whole. An error from `each` stops the reading and is returned.
Status for_each_batch_serial(store::Database& db, std::string_view gtin, std::string_view lot,
                             std::size_t chunk,
                             const std::function<Status(std::span<const std::string>)>& each);

}  // namespace zhiyou::trace
