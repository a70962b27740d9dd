// `zhiyou gs1 check` without the I/O: a stream of lines in, one JSON line out per line.
// The command feeds it large blocks of stdin and writes what it appends; keeping the loop
// here lets the tests and the fuzzer drive exactly what the command runs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "trace/gs1/check.hpp"

namespace zhiyou::trace::gs1 {

// Appends the JSON line for `result` (no newline) to `out`; to_json() without the
// temporary.
void append_json(std::string& out, const CheckResult& result);

class LineChecker {
 public:
  explicit LineChecker(const Options& options = {}) : options_(options) {}

  // Checks every line of `text` that ends in "\n" (a CR before it is ignored) and appends
  // its JSON line and "\n" to `out`. Returns how many bytes of `text` were consumed: the
  // caller keeps the unfinished last line and passes it again with more data. With
  // `at_end` the unfinished rest, when not empty, is checked as a last line too.
  std::size_t check(std::string_view text, bool at_end, std::string& out);

  // Lines checked so far.
  [[nodiscard]] std::size_t lines() const { return lines_; }

 private:
  Options options_;
  CheckResult result_;  // reused: the parsers keep its storage between lines
  std::size_t lines_ = 0;
};

}  // namespace zhiyou::trace::gs1
