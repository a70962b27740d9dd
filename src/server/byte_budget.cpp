#include "server/byte_budget.hpp"

#include <utility>

namespace zhiyou::server {

ByteBudget::Share::Share(Share&& other) noexcept
    : budget_(std::exchange(other.budget_, nullptr)), bytes_(other.bytes_) {}

ByteBudget::Share& ByteBudget::Share::operator=(Share&& other) noexcept {
  if (this != &other) {
    if (budget_ != nullptr) budget_->in_use_.fetch_sub(bytes_);
    budget_ = std::exchange(other.budget_, nullptr);
    bytes_ = other.bytes_;
  }
  return *this;
}

ByteBudget::Share::~Share() {
  if (budget_ != nullptr) budget_->in_use_.fetch_sub(bytes_);
}

std::optional<ByteBudget::Share> ByteBudget::try_take(std::size_t bytes) {
  std::size_t used = in_use_.load();
  do {
    if (bytes > total_ || used > total_ - bytes) return std::nullopt;
  } while (!in_use_.compare_exchange_weak(used, used + bytes));
  return Share(*this, bytes);
}

}  // namespace zhiyou::server
