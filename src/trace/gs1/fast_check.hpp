// The fast path of `zhiyou gs1 check`: the common shapes of input — bracketed and raw
// element strings and plain http(s) Digital Link URIs — checked without allocating, their
// JSON line written straight into the caller's buffer.
//
// It decides a line only when it is sure to say exactly what check_input() + append_json()
// would: valid lines, and lines whose first problem is a value that breaks its AI's format
// (the message then comes from check_value(), as in the general parsers). Everything else —
// association errors, unknown AIs, odd URIs, escapes, options it does not cover — is left
// to the general path. Tests and the gs1_check_lines fuzz target compare both paths.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/compiled_rules.hpp"
#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

class FastChecker {
 public:
  explicit FastChecker(const Options& options = {});

  // The room check() may need at `out` for a line of `line_size` bytes.
  static constexpr std::size_t output_bound(std::size_t line_size) { return 2048 + 4 * line_size; }

  // Checks `line` (without its "\n"; a trailing CR is ignored) and writes its JSON line
  // (without "\n") at `out`, which has room for output_bound(line.size()) bytes. Returns
  // the end of what was written, or nullptr when the general path must decide the line
  // (nothing useful was written then).
  char* check(std::string_view line, char* out);

 private:
  static constexpr std::size_t kMaxItems = 64;
  static constexpr std::size_t kMaxSegments = 64;

  char* bracketed(std::string_view line, char* out);
  char* raw(std::string_view line, char* out);
  char* digital_link(std::string_view line, char* out);
  // Records an AI found at `ai_at` with its value; false when there are too many.
  bool push(std::string_view ai, const AiEntry* entry, std::string_view value, std::size_t ai_at);
  // The value at `value_at` breaks its AI's format: the error line check_value() explains.
  // `exact_offset` is false when the value was decoded or padded (position: its start).
  static char* value_error(std::string_view ai, const AiEntry& entry, std::string_view value,
                           std::size_t value_at, bool exact_offset, char* out);
  // Associations, then canonical order and the JSON line. `path_count`: how many of the
  // AIs came from a Digital Link path (the rest from its query).
  char* finish(std::size_t path_count, char* out);
  char* association_error(std::size_t path_count, char* out);

  bool enabled_;
  bool check_associations_;
  bool permit_zero_suppressed_gtin_;
  // The AIs of the current line in input order, one array per field (the association
  // check reads codes alone).
  std::size_t count_ = 0;
  std::array<AiCode, kMaxItems> codes_{};
  std::array<const AiEntry*, kMaxItems> entries_{};
  std::array<std::string_view, kMaxItems> ais_{};
  std::array<std::string_view, kMaxItems> values_{};
  std::array<std::size_t, kMaxItems> positions_{};
  std::string scratch_;  // decoded and padded Digital Link values of the current line
  std::string message_;  // an error message built on the fast path
  Elements elements_;    // the AIs for check_associations() when they break a rule
};

}  // namespace zhiyou::trace::gs1
