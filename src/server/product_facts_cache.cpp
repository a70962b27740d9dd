#include "server/product_facts_cache.hpp"

namespace zhiyou::server {

ProductFactsCache::Facts ProductFactsCache::find(const std::string& gtin, std::int64_t version) {
  return entries_.with(std::hash<std::string>{}(gtin), [&](Entries& entries) -> Facts {
    const auto it = entries.find(gtin);
    if (it == entries.end() || it->second.first != version) return nullptr;
    return it->second.second;
  });
}

void ProductFactsCache::put(const std::string& gtin, std::int64_t version, Facts facts) {
  entries_.with(std::hash<std::string>{}(gtin), [&](Entries& entries) {
    if (entries.size() >= kShardCapacity) entries.clear();
    auto& entry = entries[gtin];
    if (entry.second && entry.first > version) return;  // keep the newer one
    entry = {version, std::move(facts)};
  });
}

}  // namespace zhiyou::server
