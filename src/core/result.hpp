// Errors a user can cause are values, not exceptions. A Result<T> holds either a T or an
// Error whose message is written for the user (Chinese first) and whose place says where
// the problem is: "file:line", a field name, a GS1 AI.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace zhiyou {

struct Error {
  std::string message;  // user-facing, Chinese first
  std::string place;    // "plans.txt:12", "field indicator_id", "AI (17)"; may be empty

  // "plans.txt:12: 无法识别的目标值" — the form printed on stderr. A message that already
  // begins with its place ("AI (01) 校验位错误") is not prefixed with it again.
  [[nodiscard]] std::string describe() const {
    if (place.empty() || message.starts_with(place)) return message;
    return place + ": " + message;
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  [[nodiscard]] const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

inline Error make_error(std::string message, std::string place = {}) {
  return Error{std::move(message), std::move(place)};
}

}  // namespace zhiyou
