#include "server/response_cache.hpp"

namespace zhiyou::server {

std::optional<Response> ResponseCache::find(const std::string& key, std::int64_t version) {
  std::shared_ptr<const Response> found;
  {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.version != version) {
      ++misses_;
      return std::nullopt;
    }
    ++hits_;
    recent_.splice(recent_.begin(), recent_, it->second.age);
    found = it->second.response;
  }
  return *found;  // copied outside the lock
}

void ResponseCache::put(const std::string& key, std::int64_t version, const Response& response) {
  auto copy = std::make_shared<const Response>(response);
  std::lock_guard lock(mutex_);
  put_locked(key, version, std::move(copy));
}

void ResponseCache::put_if_offered_before(const std::string& key, std::int64_t version,
                                          const Response& response) {
  if (offered_.empty()) return;
  // A hash that shares a slot with another pushes it out: that key is then kept on its next
  // offer instead. Either way nothing wrong is served; find() compares whole keys.
  const std::size_t hash = std::hash<std::string>{}(key) | 1;  // 0 marks an empty slot
  {
    std::lock_guard lock(mutex_);
    std::size_t& slot = offered_[hash % offered_.size()];
    if (slot != hash) {
      slot = hash;
      return;
    }
  }
  put(key, version, response);
}

void ResponseCache::put_locked(const std::string& key, std::int64_t version,
                               std::shared_ptr<const Response> copy) {
  if (const auto it = entries_.find(key); it != entries_.end()) {
    // A slower request computed from older data must not replace a newer entry.
    if (it->second.version > version) return;
    it->second.version = version;
    it->second.response = std::move(copy);
    recent_.splice(recent_.begin(), recent_, it->second.age);
    return;
  }
  if (entries_.size() >= capacity_ && !recent_.empty()) {
    entries_.erase(recent_.back());
    recent_.pop_back();
  }
  recent_.push_front(key);
  entries_.emplace(key, Entry{version, std::move(copy), recent_.begin()});
}

std::uint64_t ResponseCache::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::uint64_t ResponseCache::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace zhiyou::server
