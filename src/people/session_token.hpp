// Session tokens: 256 random bits (OpenSSL RAND_bytes) as 64 hex digits. The database keeps
// only their SHA-256 digest.
#pragma once

#include <string>
#include <string_view>

namespace zhiyou::people {

std::string new_session_token();
// The digest stored in sessions.token_hash.
std::string token_digest(std::string_view token);
// "u_" + 16 random hex digits.
std::string new_account_id();

}  // namespace zhiyou::people
