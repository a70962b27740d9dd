// The hash chain on its own (no database): the SM3 test vector, the canonical form, and a
// verifier that names the first entry that was edited, removed or moved.
#include <gtest/gtest.h>

#include <vector>

#include "audit/audit_entry.hpp"

namespace zhiyou::audit {
namespace {

std::vector<Entry> chain_of(int n) {
  std::vector<Entry> entries;
  for (int i = 0; i < n; ++i) {
    Change change{"admin1", "user.add", "user" + std::to_string(i), "null", R"({"role":"office"})"};
    entries.push_back(next_entry(entries.empty() ? nullptr : &entries.back(), change,
                                 "2026-01-01T00:00:0" + std::to_string(i) + "Z",
                                 HashAlgorithm::sm3));
  }
  return entries;
}

std::optional<Break> verify(const std::vector<Entry>& entries) {
  ChainVerifier verifier;
  for (const Entry& e : entries) {
    if (auto broken = verifier.check(e)) return broken;
  }
  return std::nullopt;
}

TEST(AuditChain, Sm3MatchesTheStandardsTestVector) {
  // GB/T 32905-2016, example 1: SM3("abc").
  EXPECT_EQ(digest_hex(HashAlgorithm::sm3, "abc"),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  EXPECT_EQ(digest_hex(HashAlgorithm::sha256, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(preferred_algorithm(), HashAlgorithm::sm3) << "Debian's OpenSSL 3 has SM3";
}

TEST(AuditChain, CanonicalFormIsAFixedOrderJsonArray) {
  Entry e;
  e.seq = 7;
  e.at = "2026-01-01T00:00:00Z";
  e.change = {"admin1", "user.add", "张\"三", "null", R"({"a":1})"};
  e.algorithm = HashAlgorithm::sha256;
  e.prev_hash = "ab";
  EXPECT_EQ(
      canonical_form(e),
      R"([7,"2026-01-01T00:00:00Z","admin1","user.add","张\"三","null","{\"a\":1}","sha256","ab"])");
}

TEST(AuditChain, EntriesLinkToTheirPredecessor) {
  const auto entries = chain_of(3);
  EXPECT_EQ(entries[0].seq, 1);
  EXPECT_EQ(entries[0].prev_hash, kGenesisHash);
  EXPECT_EQ(entries[1].prev_hash, entries[0].hash);
  EXPECT_EQ(entries[2].prev_hash, entries[1].hash);
  EXPECT_EQ(entries[2].hash.size(), 64u);
  EXPECT_FALSE(verify(entries));
}

TEST(AuditChain, AnEditedFieldBreaksThatEntry) {
  auto entries = chain_of(4);
  entries[2].change.after_json = R"({"role":"admin"})";
  const auto broken = verify(entries);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->seq, 3);
  EXPECT_NE(broken->reason.find("被改动"), std::string::npos);
}

TEST(AuditChain, AnEditWithARecomputedHashBreaksTheNextEntry) {
  auto entries = chain_of(4);
  entries[1].change.actor = "someone else";
  entries[1].hash = *digest_hex(entries[1].algorithm, canonical_form(entries[1]));
  const auto broken = verify(entries);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChain, ARemovedEntryIsNamed) {
  auto entries = chain_of(4);
  entries.erase(entries.begin() + 1);
  const auto broken = verify(entries);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->seq, 2);
  EXPECT_NE(broken->reason.find("缺失"), std::string::npos);
}

TEST(AuditChain, SwappedContentsAreCaught) {
  auto entries = chain_of(4);
  std::swap(entries[1].change, entries[2].change);
  const auto broken = verify(entries);
  ASSERT_TRUE(broken);
  EXPECT_EQ(broken->seq, 2);
}

TEST(AuditChain, AlgorithmsMayDifferPerEntry) {
  std::vector<Entry> entries = chain_of(2);
  entries.push_back(next_entry(&entries.back(), Change{"a", "b", "c"}, "2026-01-02T00:00:00Z",
                               HashAlgorithm::sha256));
  EXPECT_FALSE(verify(entries));
  entries.back().algorithm = HashAlgorithm::sm3;  // claiming another algorithm breaks it
  EXPECT_TRUE(verify(entries));
}

}  // namespace
}  // namespace zhiyou::audit
