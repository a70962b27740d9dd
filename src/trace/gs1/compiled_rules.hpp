// The AI table's association and Digital Link qualifier rules turned into numbers once, for
// the fast path of `gs1 check` (fast_check.hpp). The table writes them as text ("01,02;21",
// "31nn", "22,10,21|235"), which is easy to read and check against the General
// Specifications but slow to split for every scanned line.
//
// Same verdicts as check_associations() and the Digital Link parser; tests compare them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trace/gs1/ai_table.hpp"

namespace zhiyou::trace::gs1 {

// An AI as a number that orders like its text: its characters packed big-endian and
// zero-padded ("01" → 0x30310000, "3103" → 0x33313033), so "30" < "3103" < "37" < "400".
using AiCode = std::uint32_t;

// Precondition: 1-4 characters.
constexpr AiCode ai_code(std::string_view ai) {
  AiCode code = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    code = (code << 8) | (i < ai.size() ? static_cast<unsigned char>(ai[i]) : 0U);
  }
  return code;
}

// An AI pattern of the table ("31nn"): matches an AI whose masked code equals `value`. A
// wildcard digit keeps only the high nibble ('0'-'9' all start 0x3), so an AI shorter than
// the pattern (a zero byte there) does not match.
struct AiPattern {
  AiCode value = 0;
  AiCode mask = 0;
  [[nodiscard]] bool matches(AiCode ai) const { return (ai & mask) == value; }
};

// One alternative of a requisite group: all of these AIs ("01+21").
struct AllOf {
  std::array<AiPattern, 4> patterns{};
  std::uint8_t count = 0;
};

struct RequisiteGroup {
  std::uint16_t begin = 0;  // its alternatives: CompiledRules::alternatives[begin, end)
  std::uint16_t end = 0;
  std::string_view text;  // as the table writes it ("01,02,03,8006,8026")
  std::string readable;   // as messages write it (readable_requisites())
};

struct CompiledRules {
  // Requisites: every group must hold; a group holds when one of its alternatives does.
  std::vector<RequisiteGroup> requisites;
  std::vector<AllOf> alternatives;
  std::vector<AiPattern> excludes;
  // For a Digital Link primary key: its qualifier sequences in order ("22,10,21" then "235").
  std::vector<std::vector<AiCode>> qualifier_sequences;
};

// The rules of `entry`, a row of ai_table(). O(1); built on first use.
const CompiledRules& compiled_rules(const AiEntry& entry);

// The first rule check_associations() would find broken, in its order: a repeated AI with
// another value, then for each AI a missing requisite or an excluded AI. The digital
// signature rule for (8030) is not checked: callers leave such data to check_associations().
struct BrokenAssociation {
  enum class Kind { repeated, missing, excluded };
  Kind kind = Kind::repeated;
  std::size_t element = 0;  // the AI the message names (its position is reported)
  std::size_t other = 0;    // repeated: the earlier one; excluded: the one it excludes
  const RequisiteGroup* group = nullptr;  // missing: the requisite group
};

// `codes[i]` is the AI of element i, `entries[i]` its row, `values[i]` its value.
std::optional<BrokenAssociation> first_broken_association(std::span<const AiCode> codes,
                                                          std::span<const AiEntry* const> entries,
                                                          std::span<const std::string_view> values);

}  // namespace zhiyou::trace::gs1
