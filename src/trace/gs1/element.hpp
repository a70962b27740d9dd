// The vocabulary shared by every GS1 parser: an AI with its value, the options that relax
// GS1's rules the way some scanners and resolvers need, and how failures are reported.
//
// Every parser returns zhiyou::Result. On failure Error::message says why, Chinese first
// ("AI (01) 校验位错误：应为 2"), Error::place names the AI ("AI (01)") when one is
// concerned, and the optional `error_position` out-parameter receives the 0-based character
// position of the problem within the text that was parsed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace zhiyou::trace::gs1 {

struct Element {
  std::string ai;            // 2-4 digits, e.g. "01"
  std::string value;         // the value as encoded in the barcode (never percent-encoded)
  std::size_t position = 0;  // where the AI started in the parsed text (not compared)

  friend bool operator==(const Element& a, const Element& b) {
    return a.ai == b.ai && a.value == b.value;
  }
};

using Elements = std::vector<Element>;

struct Options {
  // Check mandatory associations (02 needs 37, ...), invalid pairs (01 with 02, ...) and
  // repeated AIs with different values. Off, only each value's own format is checked.
  bool check_associations = true;
  // Accept AIs GS1 has not defined in bracketed input and Digital Link URIs (value X..90).
  // Raw data cannot carry them: without the table the value's end is unknown.
  bool permit_unknown_ais = false;
  // With permit_unknown_ais: also accept them as Digital Link query attributes.
  bool permit_unknown_ai_dl_attributes = false;
  // Pad GTIN-8/12/13 given for AI (01) in a Digital Link URI to GTIN-14 (GS1 Digital Link
  // 1.x allows resolvers to accept them).
  bool permit_zero_suppressed_gtin = true;
  // Accept the Digital Link 1.0 convenience alphas ("/gtin/…", "/ser/…") in the path.
  bool permit_convenience_alphas = false;
};

}  // namespace zhiyou::trace::gs1
