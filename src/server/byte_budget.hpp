// A number of bytes shared by requests at once: the capture route's bodies may be 256 MiB
// each, and every body a connection has begun to receive stays in memory until its
// document is stored. Taking a share before reading a body bounds what all of them hold
// together, however many clients send at once.
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>

namespace zhiyou::server {

class ByteBudget {
 public:
  // A share taken from the budget, given back when destroyed.
  class Share {
   public:
    Share(const Share&) = delete;
    Share& operator=(const Share&) = delete;
    Share(Share&& other) noexcept;
    Share& operator=(Share&& other) noexcept;
    ~Share();

   private:
    friend class ByteBudget;
    Share(ByteBudget& budget, std::size_t bytes) : budget_(&budget), bytes_(bytes) {}
    ByteBudget* budget_;
    std::size_t bytes_;
  };

  explicit ByteBudget(std::size_t total) : total_(total) {}
  ByteBudget(const ByteBudget&) = delete;
  ByteBudget& operator=(const ByteBudget&) = delete;

  // nullopt when `bytes` more would exceed the total. Safe from any thread.
  std::optional<Share> try_take(std::size_t bytes);
  [[nodiscard]] std::size_t in_use() const { return in_use_.load(); }
  [[nodiscard]] std::size_t total() const { return total_; }

 private:
  const std::size_t total_;
  std::atomic<std::size_t> in_use_{0};
};

}  // namespace zhiyou::server
