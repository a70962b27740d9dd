// `zhiyou gs1 check` without the I/O: a stream of lines in, one JSON line out per line.
// The command feeds it large blocks of stdin and writes what it appends; keeping the loop
// here lets the tests and the fuzzer drive exactly what the command runs.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "trace/gs1/check.hpp"
#include "trace/gs1/fast_check.hpp"

namespace zhiyou::trace::gs1 {

// Appends the JSON line for `result` (no newline) to `out`; to_json() without the
// temporary.
void append_json(std::string& out, const CheckResult& result);

class LineChecker {
 public:
  explicit LineChecker(const Options& options = {}) : options_(options), fast_(options) {}

  // Checks every line of `text` that ends in "\n" (a CR before it is ignored) and appends
  // its JSON line and "\n" to `out`, through FastChecker when it can decide the line and
  // check_input() otherwise. Returns how many bytes of `text` were consumed: the caller
  // keeps the unfinished last line and passes it again with more data. With `at_end` the
  // unfinished rest, when not empty, is checked as a last line too.
  std::size_t check(std::string_view text, bool at_end, std::string& out);
  // The same, returning the JSON lines in storage of the checker that stays valid until the
  // next call (no copy for the command, which writes them out at once); `consumed` receives
  // what check() returns.
  std::string_view check_view(std::string_view text, bool at_end, std::size_t& consumed);

  // Off: every line goes through check_input() (for tests that compare the two paths).
  void set_use_fast_path(bool use) { use_fast_path_ = use; }

  // Lines checked so far, and how many of them the fast path decided.
  [[nodiscard]] std::size_t lines() const { return lines_; }
  [[nodiscard]] std::size_t fast_lines() const { return fast_lines_; }

 private:
  Options options_;
  FastChecker fast_;
  bool use_fast_path_ = true;
  std::string general_;             // the general path's JSON line
  std::unique_ptr<char[]> buffer_;  // the JSON lines of one check() call
  std::size_t capacity_ = 0;
  CheckResult result_;  // reused: the parsers keep its storage between lines
  std::size_t lines_ = 0;
  std::size_t fast_lines_ = 0;
};

}  // namespace zhiyou::trace::gs1
