// What every scan of a GTIN shares (trace::resolver::ProductFacts), kept in memory while the
// trace data version (store/data_version.hpp) is the one it was read at.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "server/sharded.hpp"
#include "trace/resolver/resolver_store.hpp"

namespace zhiyou::server {

class ProductFactsCache {
 public:
  using Facts = std::shared_ptr<const trace::resolver::ProductFacts>;

  // nullptr when none is kept for `gtin` at `version`.
  Facts find(const std::string& gtin, std::int64_t version);
  void put(const std::string& gtin, std::int64_t version, Facts facts);

 private:
  static constexpr std::size_t kShards = 8;
  static constexpr std::size_t kShardCapacity = 10000 / kShards;  // products; cleared when full
  using Entries = std::unordered_map<std::string, std::pair<std::int64_t, Facts>>;
  Sharded<Entries, kShards> entries_;  // by GTIN hash
};

}  // namespace zhiyou::server
