// Who holds each bearer token, kept in memory so that a request does not look its session
// up in the database. An entry is used only while the people data version
// (store/data_version.hpp) is the one it was read at — any login, logout, disabled account
// or password change, from any process, moves it — and the session has not expired.
// Keyed by the token's digest, as the database is: memory holds no usable token.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "people/account.hpp"

namespace zhiyou::server {

class SessionCache {
 public:
  explicit SessionCache(std::size_t capacity = 10000) : capacity_(capacity) {}

  // The account for `digest` if it was stored at `version` and `now` (UTC, ISO 8601, as
  // sessions.expires_at) is before it expires.
  std::optional<people::Account> find(const std::string& digest, std::int64_t version,
                                      const std::string& now);

  void put(const std::string& digest, std::int64_t version, const people::Account& account,
           const std::string& expires_at);

 private:
  struct Entry {
    std::int64_t version = 0;
    people::Account account;
    std::string expires_at;
  };

  std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace zhiyou::server
