#include "server/rate_limiter.hpp"

#include <algorithm>

namespace zhiyou::server {

std::chrono::seconds RateLimiter::attempt(std::string_view client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  // Forget quiet clients now and then, so the table stays as small as the active ones.
  if (attempts_.size() > 10000) {
    std::erase_if(attempts_, [&](const auto& entry) {
      return entry.second.empty() || now - entry.second.back() >= window_;
    });
  }
  auto& times = attempts_[std::string(client)];
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_) {
    const auto wait = window_ - (now - times.front());
    return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(wait));
  }
  times.push_back(now);
  return std::chrono::seconds(0);
}

}  // namespace zhiyou::server
