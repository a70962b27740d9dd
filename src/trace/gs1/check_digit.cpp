#include "trace/gs1/check_digit.hpp"

#include <array>
#include <cstdint>

#include "trace/gs1/cset82.hpp"

namespace zhiyou::trace::gs1 {
namespace {

constexpr std::string_view kCset32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// The first 97 primes: the weights of the check character pair, rightmost character first.
constexpr std::uint16_t kPrimes[] = {
    2,   3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,  43,  47,  53,  59,
    61,  67,  71,  73,  79,  83,  89,  97,  101, 103, 107, 109, 113, 127, 131, 137, 139,
    149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223, 227, 229, 233,
    239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337,
    347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439,
    443, 449, 457, 461, 463, 467, 479, 487, 491, 499, 503, 509};

}  // namespace

char check_digit(std::string_view digits) {
  unsigned sum = 0;
  // Weights 3, 1, 3, … counted from the right: the digit next to the check digit weighs 3.
  bool triple = digits.size() % 2 == 1;
  for (const char c : digits) {
    const auto d = static_cast<unsigned>(c - '0');
    sum += triple ? 3 * d : d;
    triple = !triple;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool has_valid_check_digit(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
  }
  return check_digit(key.substr(0, key.size() - 1)) == key.back();
}

std::array<char, 2> check_character_pair(std::string_view data) {
  if (data.size() > std::size(kPrimes)) return {0, 0};
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const std::uint8_t w = kCset82Rank[static_cast<unsigned char>(data[i])];
    if (w == 0) return {0, 0};
    sum += static_cast<std::uint32_t>(w - 1) * kPrimes[data.size() - 1 - i];
  }
  sum %= 1021;
  return {kCset32[sum >> 5], kCset32[sum & 31]};
}

bool has_valid_check_character_pair(std::string_view value) {
  if (value.size() < 2) return false;
  const auto pair = check_character_pair(value.substr(0, value.size() - 2));
  return pair[0] != 0 && pair[0] == value[value.size() - 2] && pair[1] == value.back();
}

}  // namespace zhiyou::trace::gs1
