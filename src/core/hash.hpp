// Content hashes used to derive stable ids from names (for example organisation ids).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace zhiyou {

// The SHA-256 digest of `data` as 64 lower-case hex digits. Deterministic across runs and
// machines, so ids derived from it survive re-imports. Throws std::runtime_error only if
// OpenSSL itself fails (resource failure, not bad input).
std::string sha256_hex(std::string_view data);

// Bytes as lower-case hex digits, two per byte.
std::string to_hex(std::span<const unsigned char> bytes);

}  // namespace zhiyou
