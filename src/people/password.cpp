#include "people/password.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace zhiyou::people {
namespace {

constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kParallelism = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

void random_bytes(unsigned char* out, std::size_t n) {
  if (RAND_bytes(out, static_cast<int>(n)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
}

}  // namespace

std::string hash_password(std::string_view password) {
  std::array<unsigned char, kSaltBytes> salt{};
  random_bytes(salt.data(), salt.size());
  const std::size_t length =
      argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(length, '\0');
  const int rc =
      argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                            salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    throw std::runtime_error(std::string("argon2id_hash_encoded: ") + argon2_error_message(rc));
  }
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  const std::string zero_terminated(encoded);
  return argon2id_verify(zero_terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void verify_password_decoy(std::string_view password) {
  // A hash with the same parameters, computed once; nothing can match it by accident that
  // matters, since no account owns it.
  static const std::string decoy = hash_password("decoy password, never an account's");
  (void)verify_password(decoy, password);
}

std::string random_password() {
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  while (out.size() < 20) {
    std::array<unsigned char, 32> bytes{};
    random_bytes(bytes.data(), bytes.size());
    for (const unsigned char b : bytes) {
      // Rejection sampling keeps every character equally likely.
      if (b < 256 - (256 % kAlphabet.size()) && out.size() < 20) {
        out.push_back(kAlphabet[b % kAlphabet.size()]);
      }
    }
  }
  return out;
}

}  // namespace zhiyou::people
