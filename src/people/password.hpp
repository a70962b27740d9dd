// Password hashes: Argon2id (RFC 9106) through libargon2, stored in the PHC string form
// ($argon2id$v=19$m=…,t=…,p=…$salt$hash) that records its own parameters, so the
// parameters can be raised later without invalidating stored hashes.
#pragma once

#include <string>
#include <string_view>

namespace zhiyou::people {

// A fresh 16-byte random salt; m = 19 MiB, t = 2, p = 1 (OWASP's baseline for Argon2id).
// Costs tens of milliseconds by design. Throws std::runtime_error only on resource failure.
std::string hash_password(std::string_view password);

// True when `password` matches `encoded`; false for a wrong password or a malformed hash.
bool verify_password(std::string_view encoded, std::string_view password);

// Spends the same time as a real verification; called when the username does not exist,
// so that response times do not reveal which usernames do.
void verify_password_decoy(std::string_view password);

// A random password of 20 characters from an alphabet without look-alikes (0/O, 1/l/I), for
// the first admin account.
std::string random_password();

}  // namespace zhiyou::people
