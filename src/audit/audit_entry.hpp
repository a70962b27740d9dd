// The audit log's entries and their hash chain (pure: no I/O). Each entry records who
// changed what, when, and the before → after JSON; it carries the hash of the entry before
// it and its own hash over a canonical serialisation, so editing, deleting or reordering
// any entry breaks the chain at that entry. The hash is SM3 (GB/T 32905, which Chinese
// government systems are asked to use) when OpenSSL provides it, SHA-256 otherwise; each
// entry names its algorithm, so a log written on one machine verifies on another.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhiyou::audit {

enum class HashAlgorithm { sm3, sha256 };

std::string_view algorithm_name(HashAlgorithm algorithm);  // "sm3", "sha256"
std::optional<HashAlgorithm> algorithm_from(std::string_view name);
// SM3 when this OpenSSL offers it, else SHA-256.
HashAlgorithm preferred_algorithm();
// Lower-case hex digest; nullopt when this OpenSSL lacks the algorithm.
std::optional<std::string> digest_hex(HashAlgorithm algorithm, std::string_view data);

// What a caller records. before/after are JSON texts ("null" when there is none): the
// subject as it was and as it is now.
struct Change {
  std::string actor;    // a username, or "cli:<os user>" for the command line
  std::string action;   // "plan.import", "user.add", "indicator.direction", …
  std::string subject;  // the id or name of what changed
  std::string before_json = "null";
  std::string after_json = "null";
};

struct Entry {
  long long seq = 0;  // 1, 2, 3, … with no gaps
  std::string at;     // UTC, ISO 8601
  Change change;
  HashAlgorithm algorithm = HashAlgorithm::sha256;
  std::string prev_hash;  // the previous entry's hash; kGenesisHash for entry 1
  std::string hash;
};

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// A JSON array of every field but `hash`, in a fixed order, strings escaped one way only.
std::string canonical_form(const Entry& entry);

// The entry that follows `previous` (nullptr for the first), hashed with `algorithm`.
Entry next_entry(const Entry* previous, Change change, std::string at, HashAlgorithm algorithm);

// Where a chain first goes wrong.
struct Break {
  long long seq = 0;   // the first entry that does not verify (or the one found missing)
  std::string reason;  // Chinese, for the user
};

// Checks entries one by one in seq order; remembers only the previous entry.
class ChainVerifier {
 public:
  // The first problem at or before `entry`, or nullopt while the chain holds.
  std::optional<Break> check(const Entry& entry);
  [[nodiscard]] long long checked() const { return checked_; }

 private:
  long long expected_seq_ = 1;
  std::string previous_hash_{kGenesisHash};
  long long checked_ = 0;
};

}  // namespace zhiyou::audit
