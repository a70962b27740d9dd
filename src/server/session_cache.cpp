#include "server/session_cache.hpp"

namespace zhiyou::server {

std::optional<people::Account> SessionCache::find(const std::string& digest, std::int64_t version,
                                                  const std::string& now) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(digest);
  if (it == entries_.end() || it->second.version != version || it->second.expires_at <= now) {
    return std::nullopt;
  }
  return it->second.account;
}

void SessionCache::put(const std::string& digest, std::int64_t version,
                       const people::Account& account, const std::string& expires_at) {
  std::lock_guard lock(mutex_);
  // Entries of an older version can never be used again; drop them all at once.
  if (entries_.size() >= capacity_ ||
      (!entries_.empty() && entries_.begin()->second.version != version)) {
    entries_.clear();
  }
  entries_[digest] = Entry{version, account, expires_at};
}

}  // namespace zhiyou::server
