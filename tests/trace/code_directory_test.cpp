// The scan resolver's in-memory directory of issued codes: every code added is found with its
// lot, no code that was not added is, whatever the serials look like.
#include "trace/resolver/code_directory.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "trace/gs1/cset82.hpp"

namespace zhiyou::trace::resolver {
namespace {

constexpr const char* kGtin = "09506000134352";
constexpr const char* kOtherGtin = "04006381333931";

TEST(CodeDirectory, FindsACodeWithItsLotAndNothingElse) {
  CodeDirectory codes;
  EXPECT_FALSE(codes.lot(kGtin, "1001").has_value());
  ASSERT_TRUE(codes.add(kGtin, "1001", "L2026"));
  ASSERT_TRUE(codes.add(kGtin, "1002", "L2027"));
  EXPECT_EQ(codes.lot(kGtin, "1001"), "L2026");
  EXPECT_EQ(codes.lot(kGtin, "1002"), "L2027");
  EXPECT_FALSE(codes.lot(kGtin, "1003").has_value());
  EXPECT_FALSE(codes.lot(kOtherGtin, "1001").has_value()) << "the same serial of another product";
  EXPECT_EQ(codes.size(), 2u);
  ASSERT_TRUE(codes.add(kGtin, "1001", "L2026"));  // again: still one code
  EXPECT_EQ(codes.size(), 2u);
}

// Serials are packed into numbers, not hashed: serials that differ only in length, in a
// character at either end, or just across the ten-character halves are different codes.
TEST(CodeDirectory, SerialsThatLookAlikeAreDifferentCodes) {
  const std::vector<std::string> serials{"0",
                                         "00",
                                         "000",
                                         "1",
                                         "01",
                                         "10",
                                         "!",
                                         "!!",
                                         "z",
                                         "zz",
                                         "ABCDEFGHIJ",
                                         "ABCDEFGHIJ!",
                                         "ABCDEFGHI",
                                         "ABCDEFGHIJK",
                                         "BCDEFGHIJK",
                                         "ABCDEFGHIJ0",
                                         "ABCDEFGHIJ00",
                                         "0ABCDEFGHIJ",
                                         std::string(20, 'z'),
                                         std::string(19, 'z'),
                                         std::string(20, '!'),
                                         std::string(10, '!') + "z",
                                         "a",
                                         "A"};
  CodeDirectory codes;
  for (std::size_t i = 0; i < serials.size(); ++i) {
    ASSERT_TRUE(codes.add(kGtin, serials[i], "L" + std::to_string(i))) << serials[i];
  }
  EXPECT_EQ(codes.size(), serials.size());
  for (std::size_t i = 0; i < serials.size(); ++i) {
    EXPECT_EQ(codes.lot(kGtin, serials[i]), "L" + std::to_string(i)) << serials[i];
  }
}

// No issued code has a serial outside AI (21)'s rules; such a serial is not held, and a scan
// of one is never found here (the database answers it).
TEST(CodeDirectory, SerialsNoCodeCanHaveAreNotHeld) {
  CodeDirectory codes;
  EXPECT_FALSE(codes.add(kGtin, "", "L1"));
  EXPECT_FALSE(codes.add(kGtin, std::string(21, '1'), "L1"));
  EXPECT_FALSE(codes.add(kGtin, "12 34", "L1"));        // space
  EXPECT_FALSE(codes.add(kGtin, "12#34", "L1"));        // not in set 82
  EXPECT_FALSE(codes.add(kGtin, "批次1", "L1"));        // not ASCII
  EXPECT_FALSE(codes.add("9506000134352", "1", "L1"));  // GTIN-13: keys are GTIN-14
  EXPECT_FALSE(codes.add("0950600013435X", "1", "L1"));
  EXPECT_EQ(codes.size(), 0u);
  EXPECT_FALSE(codes.lot(kGtin, std::string(21, '1')).has_value());
  EXPECT_FALSE(codes.lot(kGtin, "12 34").has_value());
}

// 20,000 random serials of every length over the whole character set, against a std::map:
// every one found with its lot, and as many strings that were not added never found.
TEST(CodeDirectory, AgreesWithAMapOnRandomSerials) {
  std::mt19937_64 random(20261124);  // NOLINT(cert-msc32-c,cert-msc51-cpp): the same draw each run
  auto draw = [&] {
    std::string s(1 + random() % 20, ' ');
    for (char& c : s) c = gs1::kCset82[random() % gs1::kCset82.size()];
    return s;
  };
  std::map<std::pair<std::string, std::string>, std::string> expected;
  CodeDirectory codes;
  for (int i = 0; i < 20000; ++i) {
    const std::string gtin = i % 3 == 0 ? kOtherGtin : kGtin;
    const std::string serial = draw();
    const std::string lot = "LOT" + std::to_string(random() % 40);
    if (!expected.emplace(std::pair(gtin, serial), lot).second) continue;
    ASSERT_TRUE(codes.add(gtin, serial, lot));
  }
  EXPECT_EQ(codes.size(), expected.size());
  for (const auto& [key, lot] : expected) {
    ASSERT_EQ(codes.lot(key.first, key.second), lot) << key.first << " " << key.second;
  }
  int absent = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string serial = draw();
    if (expected.contains(std::pair(std::string(kGtin), serial))) continue;
    ++absent;
    ASSERT_FALSE(codes.lot(kGtin, serial).has_value()) << serial;
  }
  EXPECT_GT(absent, 15000);  // short serials repeat: some drawn ones were added
}

// What /metrics reports as the directory's memory: tens of bytes a code, not hundreds, and
// nothing once cleared.
TEST(CodeDirectory, CountsItsMemory) {
  CodeDirectory codes;
  EXPECT_EQ(codes.bytes(), 0u);
  codes.reserve(kGtin, 100000);
  for (int i = 0; i < 100000; ++i) codes.add(kGtin, "S" + std::to_string(i), "L1");
  EXPECT_GE(codes.bytes(), 100000u * 24);
  EXPECT_LE(codes.bytes(), 100000u * 60);
  codes.clear();
  EXPECT_EQ(codes.bytes(), 0u);
  EXPECT_EQ(codes.size(), 0u);
  EXPECT_FALSE(codes.lot(kGtin, "S1").has_value());
}

// Scans read while codes issued meanwhile are added (the server does both at once).
TEST(CodeDirectory, ReadsAndAdditionsRunSideBySide) {
  CodeDirectory codes;
  for (int i = 0; i < 1000; ++i) codes.add(kGtin, "R" + std::to_string(i), "L1");
  std::thread writer([&] {
    for (int i = 0; i < 50000; ++i) codes.add(kGtin, "W" + std::to_string(i), "L2");
  });
  int wrong = 0;
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 1000; ++i) {
      if (codes.lot(kGtin, "R" + std::to_string(i)) != "L1") ++wrong;
    }
  }
  writer.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(codes.size(), 51000u);
  EXPECT_EQ(codes.lot(kGtin, "W49999"), "L2");
}

}  // namespace
}  // namespace zhiyou::trace::resolver
