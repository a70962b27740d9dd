#include "server/version_watch.hpp"

namespace zhiyou::server {
namespace {

void raise_to(std::atomic<std::int64_t>& counter, std::int64_t value) {
  std::int64_t seen = counter.load(std::memory_order_relaxed);
  while (seen < value && !counter.compare_exchange_weak(seen, value, std::memory_order_acq_rel)) {
  }
}

}  // namespace

std::optional<store::DataVersions> VersionWatch::recent() const {
  const std::int64_t read_at = read_at_.load(std::memory_order_acquire);
  if (read_at == kNever) return std::nullopt;
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  if (std::chrono::steady_clock::duration(now - read_at) >= max_age_) return std::nullopt;
  return store::DataVersions{
      monitoring_.load(std::memory_order_acquire), people_.load(std::memory_order_acquire),
      trace_.load(std::memory_order_acquire), scans_.load(std::memory_order_acquire)};
}

store::DataVersions VersionWatch::read(store::Database& db) {
  const std::int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  const std::uint64_t marks = stale_marks_.load(std::memory_order_acquire);
  const store::DataVersions fresh = store::data_versions(db);
  raise_to(monitoring_, fresh.monitoring);
  raise_to(people_, fresh.people);
  raise_to(trace_, fresh.trace);
  raise_to(scans_, fresh.scans);
  // A read that began before a write of this server finished does not count as fresh: if a
  // mark came in meanwhile, whichever of the two stores to read_at_ comes last leaves it
  // stale.
  if (stale_marks_.load(std::memory_order_acquire) != marks) return fresh;
  std::int64_t seen = read_at_.load(std::memory_order_relaxed);
  while ((seen == kNever || seen < now) &&
         !read_at_.compare_exchange_weak(seen, now, std::memory_order_acq_rel)) {
  }
  if (stale_marks_.load(std::memory_order_acquire) != marks) {
    read_at_.store(kNever, std::memory_order_release);
  }
  return fresh;
}

}  // namespace zhiyou::server
