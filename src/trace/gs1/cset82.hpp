// GS1 AI encodable character set 82 (General Specifications, figure 7.11-1): the characters
// of most alphanumeric AI values (batch/lot, serial, …), in the standard's own order.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace zhiyou::trace::gs1 {

inline constexpr std::string_view kCset82 =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

// A character's place in kCset82 plus one, for every byte; 0 for bytes outside the set.
inline constexpr std::array<std::uint8_t, 256> kCset82Rank = [] {
  std::array<std::uint8_t, 256> rank{};
  for (std::size_t i = 0; i < kCset82.size(); ++i) {
    rank[static_cast<unsigned char>(kCset82[i])] = static_cast<std::uint8_t>(i + 1);
  }
  return rank;
}();

}  // namespace zhiyou::trace::gs1
