// The place a scan declares: one district spelled three ways is one place, and free text is
// kept short and clean.
#include "trace/resolver/scan_place.hpp"

#include <gtest/gtest.h>

namespace zhiyou::trace::resolver {
namespace {

TEST(ScanPlace, ADistrictByNameShortNameOrCodeIsOnePlace) {
  EXPECT_EQ(scan_place("鄞州区"), "yinzhou");
  EXPECT_EQ(scan_place("鄞州"), "yinzhou");
  EXPECT_EQ(scan_place(" yinzhou "), "yinzhou");
  EXPECT_EQ(scan_place("定海区"), "dinghai");
}

TEST(ScanPlace, FreeTextIsTrimmedAndBlankRunsBecomeOneSpace) {
  EXPECT_EQ(scan_place("  杭州市\t\t西湖区  "), "杭州市 西湖区");
  EXPECT_EQ(scan_place("Shanghai\nPudong"), "Shanghai Pudong");
  EXPECT_EQ(scan_place("   "), "");
  EXPECT_EQ(scan_place(""), "");
}

TEST(ScanPlace, LongTextIsCutAtWholeCharacters) {
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "浙";  // 3 bytes each
  const std::string kept = scan_place(long_name);
  EXPECT_EQ(kept.size(), kMaxPlaceChars * 3);
  EXPECT_EQ(kept, long_name.substr(0, kMaxPlaceChars * 3));
}

TEST(ScanPlace, BrokenUtf8IsNoPlace) {
  EXPECT_EQ(scan_place("\xE4\xB8"), "");
  EXPECT_EQ(scan_place("ab\xFF"), "");
}

}  // namespace
}  // namespace zhiyou::trace::resolver
