#include "server/product_facts_cache.hpp"

namespace zhiyou::server {

ProductFactsCache::Facts ProductFactsCache::find(const std::string& gtin, std::int64_t version) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(gtin);
  if (it == entries_.end() || it->second.first != version) return nullptr;
  return it->second.second;
}

void ProductFactsCache::put(const std::string& gtin, std::int64_t version, Facts facts) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= kCapacity) entries_.clear();
  auto& entry = entries_[gtin];
  if (entry.second && entry.first > version) return;  // keep the newer one
  entry = {version, std::move(facts)};
}

}  // namespace zhiyou::server
