// State that every request touches, split into independently locked shards. With one mutex,
// the server's threads queued on it whenever the thread holding it was preempted (the
// machine's cores are shared with the clients): half a futex call per resolver scan. A shard
// is picked by a key's hash or by the calling thread, so two threads rarely meet.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <utility>

namespace zhiyou::server {

template <class State, std::size_t Count>
class Sharded {
 public:
  static_assert(Count > 0);
  static constexpr std::size_t size() { return Count; }

  // Runs fn(State&) under the lock of shard `hash % Count`; returns what fn returns.
  template <class Fn>
  decltype(auto) with(std::size_t hash, Fn&& fn) {
    Shard& shard = shards_[hash % Count];
    std::lock_guard lock(shard.mutex);
    return fn(shard.state);
  }
  template <class Fn>
  decltype(auto) with(std::size_t hash, Fn&& fn) const {
    const Shard& shard = shards_[hash % Count];
    std::lock_guard lock(shard.mutex);
    return fn(static_cast<const State&>(shard.state));
  }

  // The shard of the calling thread: threads are numbered in the order they first ask, so
  // up to Count threads each get a shard of their own.
  template <class Fn>
  decltype(auto) with_own(Fn&& fn) {
    return with(thread_number(), std::forward<Fn>(fn));
  }

  // fn(const State&) for every shard in turn, each under its lock: for totals.
  template <class Fn>
  void for_each(Fn&& fn) const {
    for (const Shard& shard : shards_) {
      std::lock_guard lock(shard.mutex);
      fn(static_cast<const State&>(shard.state));
    }
  }
  // The same, with write access.
  template <class Fn>
  void for_each(Fn&& fn) {
    for (Shard& shard : shards_) {
      std::lock_guard lock(shard.mutex);
      fn(shard.state);
    }
  }

 private:
  // A cache line each, so that two threads writing to neighbouring shards do not contend.
  struct alignas(64) Shard {
    mutable std::mutex mutex;
    State state;
  };

  static std::size_t thread_number() {
    static std::atomic<std::size_t> next{0};
    thread_local const std::size_t mine = next.fetch_add(1, std::memory_order_relaxed);
    return mine;
  }

  std::array<Shard, Count> shards_;
};

}  // namespace zhiyou::server
