#include "audit/audit_entry.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "core/hash.hpp"
#include "core/json.hpp"

namespace zhiyou::audit {
namespace {

struct MdFree {
  void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};

// Fetched once: SM3 lives in OpenSSL 3's default provider, but a build or a FIPS
// configuration may leave it out.
const EVP_MD* digest_for(HashAlgorithm algorithm) {
  static const std::unique_ptr<EVP_MD, MdFree> sm3(EVP_MD_fetch(nullptr, "SM3", nullptr));
  static const std::unique_ptr<EVP_MD, MdFree> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr));
  return algorithm == HashAlgorithm::sm3 ? sm3.get() : sha256.get();
}

}  // namespace

std::string_view algorithm_name(HashAlgorithm algorithm) {
  return algorithm == HashAlgorithm::sm3 ? "sm3" : "sha256";
}

std::optional<HashAlgorithm> algorithm_from(std::string_view name) {
  if (name == "sm3") return HashAlgorithm::sm3;
  if (name == "sha256") return HashAlgorithm::sha256;
  return std::nullopt;
}

HashAlgorithm preferred_algorithm() {
  return digest_for(HashAlgorithm::sm3) != nullptr ? HashAlgorithm::sm3 : HashAlgorithm::sha256;
}

std::optional<std::string> digest_hex(HashAlgorithm algorithm, std::string_view data) {
  const EVP_MD* md = digest_for(algorithm);
  if (md == nullptr) return std::nullopt;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, md, nullptr) != 1) {
    return std::nullopt;
  }
  return to_hex(std::span(digest.data(), length));
}

std::string canonical_form(const Entry& entry) {
  // before/after stay the exact texts stored, as strings: re-serialising parsed JSON could
  // change spacing or number spelling and break verification for no real change.
  std::string out = "[" + std::to_string(entry.seq);
  for (std::string_view field :
       {std::string_view{entry.at}, std::string_view{entry.change.actor},
        std::string_view{entry.change.action}, std::string_view{entry.change.subject},
        std::string_view{entry.change.before_json}, std::string_view{entry.change.after_json},
        algorithm_name(entry.algorithm), std::string_view{entry.prev_hash}}) {
    out.push_back(',');
    json::append_quoted(out, field);
  }
  out.push_back(']');
  return out;
}

Entry next_entry(const Entry* previous, Change change, std::string at, HashAlgorithm algorithm) {
  Entry entry;
  entry.seq = previous == nullptr ? 1 : previous->seq + 1;
  entry.at = std::move(at);
  entry.change = std::move(change);
  entry.algorithm = algorithm;
  entry.prev_hash = previous == nullptr ? std::string(kGenesisHash) : previous->hash;
  entry.hash = digest_hex(algorithm, canonical_form(entry)).value_or("");
  return entry;
}

std::optional<Break> ChainVerifier::check(const Entry& entry) {
  const long long seq = entry.seq;
  const auto label = [](long long n) { return "第 " + std::to_string(n) + " 条审计记录"; };
  if (seq != expected_seq_) {
    if (seq > expected_seq_) {
      return Break{expected_seq_, label(expected_seq_) + "缺失（被删除），其后一条是第 " +
                                      std::to_string(seq) + " 条"};
    }
    return Break{seq, label(seq) + "的序号重复或次序错乱"};
  }
  if (entry.prev_hash != previous_hash_) {
    return Break{seq, label(seq) + "记载的前一条哈希与" +
                          (seq == 1 ? std::string("链首") : label(seq - 1)) +
                          "不符（前一条被改动、替换或删除）"};
  }
  const auto recomputed = digest_hex(entry.algorithm, canonical_form(entry));
  if (!recomputed) {
    return Break{seq, label(seq) + "使用的哈希算法 " +
                          std::string(algorithm_name(entry.algorithm)) + " 在本机不可用，无法校验"};
  }
  if (*recomputed != entry.hash) {
    return Break{seq, label(seq) + "的内容与其哈希不符（记录被改动）"};
  }
  previous_hash_ = entry.hash;
  ++expected_seq_;
  ++checked_;
  return std::nullopt;
}

}  // namespace zhiyou::audit
