// A sliding-window limit per client: at most `limit` attempts in any `window`. Used for
// logins, so that passwords cannot be guessed at network speed. Thread-safe.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zhiyou::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

  // Counts an attempt by `client` at `now`; 0 s when it may go ahead, otherwise how long
  // until it may try again (the attempt is not counted then).
  std::chrono::seconds attempt(std::string_view client, Clock::time_point now = Clock::now());

 private:
  int limit_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> attempts_;
};

}  // namespace zhiyou::server
