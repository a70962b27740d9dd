// The data versions (store/data_version.hpp) as the server's caches use them, read from the
// database at most once per `max_age`. Reading them is a read transaction, with its file
// locks; on the resolver's hot path that one query cost more than the cached answer it
// guards. So a change made by another process (the CLI, psql, a second server) is seen within
// `max_age`, and one made through this server as soon as its request is done: every request
// that may write calls mark_stale(). A max_age of zero reads them on every call.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>

#include "store/data_version.hpp"

namespace zhiyou::store {
class Database;
}

namespace zhiyou::server {

class VersionWatch {
 public:
  explicit VersionWatch(std::chrono::milliseconds max_age) : max_age_(max_age) {}

  // The versions as read within max_age and since the last mark_stale(), if so.
  [[nodiscard]] std::optional<store::DataVersions> recent() const;
  // Reads them now through `db`. Throws as store::data_versions does.
  store::DataVersions read(store::Database& db);
  // The next current() reads the database.
  void mark_stale() {
    stale_marks_.fetch_add(1, std::memory_order_acq_rel);
    read_at_.store(kNever, std::memory_order_release);
  }

 private:
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();

  const std::chrono::milliseconds max_age_;
  // When the last read that counts began (steady_clock ticks).
  std::atomic<std::int64_t> read_at_{kNever};
  std::atomic<std::uint64_t> stale_marks_{0};
  // Each counter only grows, and each cache uses one of them: they are kept apart, and a
  // read never lowers one (two reads may finish out of order).
  std::atomic<std::int64_t> monitoring_{0};
  std::atomic<std::int64_t> people_{0};
  std::atomic<std::int64_t> trace_{0};
  std::atomic<std::int64_t> scans_{0};
};

}  // namespace zhiyou::server
