// The one entry point for "is this GS1 data valid?", used by `zhiyou gs1 check`, which reads
// lines and prints one JSON line for each:
//   {"ok":true,"ais":[["01","09506000134352"],["10","ABC"]]}
//   {"ok":false,"error":"AI (01) 校验位错误：应为 2","position":17}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

enum class InputForm { unknown, bracketed, raw, digital_link };

struct CheckResult {
  bool ok = false;
  InputForm form = InputForm::unknown;
  Elements ais;              // canonical order (see canonical_order) when ok
  std::string error;         // Chinese-first reason when not ok
  std::size_t position = 0;  // 0-based character position of the problem in the line
};

// Detects the form of `line` and checks it:
//   "(" first                        → bracketed element string
//   "]" first, a GS (0x1D) anywhere,
//   or a digit first                 → raw scanner data; "]Q1", "]d1" or "]J0" followed by a
//                                      URI is read as a Digital Link
//   "scheme:" first                  → Digital Link URI (http/https only)
// anything else, and an empty line, is an error. A trailing CR/LF is ignored.
CheckResult check_input(std::string_view line, const Options& options = {});
// The same, reusing `result`'s storage (for loops over many lines).
void check_input(std::string_view line, CheckResult& result, const Options& options = {});

// Canonical order: a Digital Link primary key first, then its qualifiers in qualifier order,
// then all other AIs by AI number; exact repeats are dropped. The three input forms of the
// same data therefore give the same list.
void canonical_order(Elements& elements);

// The JSON line for `result` (no trailing newline).
std::string to_json(const CheckResult& result);

}  // namespace zhiyou::trace::gs1
