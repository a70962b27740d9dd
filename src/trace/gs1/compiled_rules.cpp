#include "trace/gs1/compiled_rules.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text.hpp"
#include "trace/gs1/associations.hpp"

namespace zhiyou::trace::gs1 {
namespace {

AiPattern compile_pattern(std::string_view pattern) {
  AiPattern p;
  for (std::size_t i = 0; i < 4; ++i) {
    p.value <<= 8;
    p.mask <<= 8;
    if (i >= pattern.size()) {
      p.mask |= 0xFF;  // the AI must end here too
    } else if (pattern[i] == 'n') {
      p.value |= 0x30;
      p.mask |= 0xF0;
    } else {
      p.value |= static_cast<unsigned char>(pattern[i]);
      p.mask |= 0xFF;
    }
  }
  return p;
}

CompiledRules compile(const AiEntry& entry) {
  CompiledRules rules;
  text::for_each_piece(entry.requisites, ';', [&](std::string_view group) {
    if (group.empty()) return;
    RequisiteGroup compiled;
    compiled.text = group;
    compiled.readable = readable_requisites(group);
    compiled.begin = static_cast<std::uint16_t>(rules.alternatives.size());
    text::for_each_piece(group, ',', [&](std::string_view alternative) {
      AllOf& all = rules.alternatives.emplace_back();
      text::for_each_piece(alternative, '+', [&](std::string_view ai) {
        if (all.count == all.patterns.size()) throw std::logic_error("AI table: long requisite");
        all.patterns[all.count++] = compile_pattern(ai);
      });
    });
    compiled.end = static_cast<std::uint16_t>(rules.alternatives.size());
    rules.requisites.push_back(compiled);
  });
  text::for_each_piece(entry.excludes, ',', [&](std::string_view pattern) {
    if (!pattern.empty()) rules.excludes.push_back(compile_pattern(pattern));
  });
  if (entry.qualifiers.empty()) return rules;
  text::for_each_piece(entry.qualifiers, '|', [&](std::string_view sequence) {
    auto& codes = rules.qualifier_sequences.emplace_back();
    text::for_each_piece(sequence, ',', [&](std::string_view ai) {
      if (!ai.empty()) codes.push_back(ai_code(ai));
    });
  });
  return rules;
}

struct AllRules {
  const AiEntry* first_row = ai_table().data();
  std::vector<CompiledRules> rows;
  AllRules() {
    rows.reserve(ai_table().size());
    for (const AiEntry& entry : ai_table()) rows.push_back(compile(entry));
  }
};

bool present(std::span<const AiCode> codes, AiPattern pattern) {
  return std::any_of(codes.begin(), codes.end(),
                     [pattern](AiCode code) { return pattern.matches(code); });
}

}  // namespace

const CompiledRules& compiled_rules(const AiEntry& entry) {
  static const AllRules all;
  return all.rows[static_cast<std::size_t>(&entry - all.first_row)];
}

std::optional<BrokenAssociation> first_broken_association(
    std::span<const AiCode> codes, std::span<const AiEntry* const> entries,
    std::span<const std::string_view> values) {
  using Kind = BrokenAssociation::Kind;
  const std::size_t n = codes.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (codes[i] == codes[j] && values[i] != values[j]) {
        return BrokenAssociation{Kind::repeated, i, j, {}};
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const CompiledRules& rules = compiled_rules(*entries[i]);
    for (const RequisiteGroup& group : rules.requisites) {
      bool satisfied = false;
      for (std::size_t a = group.begin; a < group.end && !satisfied; ++a) {
        const AllOf& all = rules.alternatives[a];
        satisfied = true;
        for (std::size_t k = 0; k < all.count && satisfied; ++k) {
          satisfied = present(codes, all.patterns[k]);
        }
      }
      if (!satisfied) return BrokenAssociation{Kind::missing, i, 0, &group};
    }
    for (const AiPattern p : rules.excludes) {
      for (std::size_t k = 0; k < n; ++k) {
        if (codes[k] != codes[i] && p.matches(codes[k])) {
          return BrokenAssociation{Kind::excluded, i, k, {}};
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace zhiyou::trace::gs1
