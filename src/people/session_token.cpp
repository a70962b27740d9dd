#include "people/session_token.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

#include "core/hash.hpp"

namespace zhiyou::people {
namespace {

template <std::size_t N>
std::string random_hex() {
  std::array<unsigned char, N> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(N)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  for (const unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0f]);
  }
  return out;
}

}  // namespace

std::string new_session_token() { return random_hex<32>(); }

std::string token_digest(std::string_view token) { return sha256_hex(token); }

std::string new_account_id() { return "u_" + random_hex<8>(); }

}  // namespace zhiyou::people
