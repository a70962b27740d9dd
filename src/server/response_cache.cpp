#include "server/response_cache.hpp"

#include <algorithm>

namespace zhiyou::server {

ResponseCache::ResponseCache(std::size_t capacity)
    : shard_capacity_(std::max<std::size_t>(
          1, (capacity + decltype(shards_)::size() - 1) / decltype(shards_)::size())),
      offered_(capacity * 8) {}

std::optional<Response> ResponseCache::find(const std::string& key, std::int64_t version) {
  const std::shared_ptr<const Response> found =
      shards_.with(std::hash<std::string>{}(key), [&](Shard& s) -> std::shared_ptr<const Response> {
        const auto it = s.entries.find(key);
        if (it == s.entries.end() || it->second.version != version) {
          ++s.misses;
          return nullptr;
        }
        ++s.hits;
        s.recent.splice(s.recent.begin(), s.recent, it->second.age);
        return it->second.response;
      });
  if (!found) return std::nullopt;
  return *found;  // copied outside the lock
}

void ResponseCache::put(const std::string& key, std::int64_t version, const Response& response) {
  put_hashed(std::hash<std::string>{}(key), key, version, response);
}

void ResponseCache::put_if_offered_before(const std::string& key, std::int64_t version,
                                          const Response& response) {
  if (offered_.empty()) return;
  // A hash that shares a slot with another pushes it out: that key is then kept on its next
  // offer instead. Either way nothing wrong is served; find() compares whole keys.
  const std::size_t hash = std::hash<std::string>{}(key);
  const std::size_t tag = hash | 1;  // 0 marks an empty slot
  std::atomic<std::size_t>& slot = offered_[tag % offered_.size()];
  if (slot.load(std::memory_order_relaxed) != tag) {
    slot.store(tag, std::memory_order_relaxed);
    return;
  }
  put_hashed(hash, key, version, response);
}

void ResponseCache::put_hashed(std::size_t hash, const std::string& key, std::int64_t version,
                               const Response& response) {
  auto copy = std::make_shared<const Response>(response);
  shards_.with(hash, [&](Shard& s) {
    if (const auto it = s.entries.find(key); it != s.entries.end()) {
      // A slower request computed from older data must not replace a newer entry.
      if (it->second.version > version) return;
      it->second.version = version;
      it->second.response = std::move(copy);
      s.recent.splice(s.recent.begin(), s.recent, it->second.age);
      return;
    }
    if (s.entries.size() >= shard_capacity_ && !s.recent.empty()) {
      s.entries.erase(s.recent.back());
      s.recent.pop_back();
    }
    s.recent.push_front(key);
    s.entries.emplace(key, Entry{version, std::move(copy), s.recent.begin()});
  });
}

std::uint64_t ResponseCache::hits() const {
  std::uint64_t total = 0;
  shards_.for_each([&](const Shard& s) { total += s.hits; });
  return total;
}

std::uint64_t ResponseCache::misses() const {
  std::uint64_t total = 0;
  shards_.for_each([&](const Shard& s) { total += s.misses; });
  return total;
}

}  // namespace zhiyou::server
