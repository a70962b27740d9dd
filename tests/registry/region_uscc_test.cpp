// Built-in regions of Ningbo and Zhoushan, and the 统一社会信用代码 validator (GB 32100-2015).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "registry/region.hpp"
#include "registry/uscc.hpp"

namespace zhiyou::registry {
namespace {

// ---- regions ----
// Ningbo: 海曙 江北 镇海 北仑 鄞州 奉化 (区), 余姚 慈溪 (市), 宁海 象山 (县) = 10;
// Zhoushan: 定海 普陀 (区), 岱山 嵊泗 (县) = 4.

TEST(Regions, FourteenBuiltIn) {
  const auto regions = builtin_regions();
  EXPECT_EQ(regions.size(), 14U);
  const auto in_city = [&](std::string_view city) {
    return std::count_if(regions.begin(), regions.end(),
                         [&](const Region& r) { return r.city == city; });
  };
  EXPECT_EQ(in_city("宁波市"), 10);
  EXPECT_EQ(in_city("舟山市"), 4);
}

TEST(Regions, NamesShortNamesAndCodesAreUnique) {
  std::set<std::string_view> names;
  std::set<std::string_view> shorts;
  std::set<std::string_view> codes;
  for (const Region& r : builtin_regions()) {
    names.insert(r.name);
    shorts.insert(r.short_name);
    codes.insert(r.code);
    // Codes are stable ASCII identifiers.
    for (char c : r.code) EXPECT_TRUE(c >= 'a' && c <= 'z') << r.code;
  }
  EXPECT_EQ(names.size(), 14U);
  EXPECT_EQ(shorts.size(), 14U);
  EXPECT_EQ(codes.size(), 14U);
}

TEST(Regions, EveryNingboAndZhoushanDistrictIsThere) {
  for (const char* name : {"海曙区", "江北区", "镇海区", "北仑区", "鄞州区", "奉化区", "余姚市",
                           "慈溪市", "宁海县", "象山县"}) {
    const auto r = find_region(name);
    ASSERT_TRUE(r.has_value()) << name;
    EXPECT_EQ(r->city, "宁波市") << name;
  }
  for (const char* name : {"定海区", "普陀区", "岱山县", "嵊泗县"}) {
    const auto r = find_region(name);
    ASSERT_TRUE(r.has_value()) << name;
    EXPECT_EQ(r->city, "舟山市") << name;
  }
}

TEST(Regions, FindByNameShortNameOrCode) {
  const auto by_name = find_region("鄞州区");
  const auto by_short = find_region("鄞州");
  const auto by_code = find_region("yinzhou");
  ASSERT_TRUE(by_name && by_short && by_code);
  EXPECT_EQ(by_name->code, "yinzhou");
  EXPECT_EQ(by_short->name, "鄞州区");
  EXPECT_EQ(by_code->name, "鄞州区");
  EXPECT_EQ(by_code->short_name, "鄞州");
  EXPECT_EQ(find_region("嵊泗")->name, "嵊泗县");
  EXPECT_EQ(find_region("余姚")->name, "余姚市");
}

TEST(Regions, UnknownNamesAreNotFound) {
  EXPECT_FALSE(find_region("杭州").has_value());
  EXPECT_FALSE(find_region("").has_value());
  EXPECT_FALSE(find_region("全市").has_value());  // the whole city is not a region
  EXPECT_FALSE(find_region("鄞州区区").has_value());
}

// ---- USCC ----
// Alphabet 0-9 A-H J-N P-R T U W-Y (values 0..30: A=10 … H=17, J=18 … N=22, P=23 Q=24 R=25,
// T=26 U=27, W=28 X=29 Y=30). Weights W_i = 3^(i-1) mod 31 for positions 1..17:
//   1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
// Check value C18 = (31 - Σ(C_i·W_i) mod 31) mod 31.
//
// 91330200MA2H1B2C? : 9·1+1·3+3·9+3·27+0·19+2·26+0·16+0·17+M(21)·20+A(10)·29+2·25+H(17)·13
//   +1·8+B(11)·24+2·10+C(12)·30+3·28 = 9+3+27+81+0+52+0+0+420+290+50+221+8+264+20+360+84
//   = 1889; 1889 mod 31 = 29 (31·60 = 1860); 31-29 = 2 → check '2'.
// 91330203144071236? : 9+3+27+81+0+52+0+3·17+1·20+4·29+4·25+0·13+7·8+1·24+2·10+3·30+6·28
//   = 9+3+27+81+52+51+20+116+100+56+24+20+90+168 = 817; 817 mod 31 = 11 (31·26 = 806);
//   31-11 = 20 → 'L' (J=18, K=19, L=20).
// 12330200002937510? : 1+2·3+27+81+0+52+0+0+0+0+2·25+9·13+3·8+7·24+5·10+1·30+0·28
//   = 1+6+27+81+52+50+117+24+168+50+30 = 606; 606 mod 31 = 17 (31·19 = 589); 31-17 = 14 → 'E'.
// 91350100M000100Y4? : 1640; 1640 mod 31 = 28 (31·52 = 1612); 31-28 = 3 → '3' (the
//   specimen code printed in many guides, 91350100M000100Y43).
constexpr const char* kValid[] = {"91330200MA2H1B2C32", "91330203144071236L", "12330200002937510E",
                                  "91350100M000100Y43"};

TEST(Uscc, CheckCharacterComputedByHand) {
  EXPECT_EQ(uscc_check_character("91330200MA2H1B2C3"), '2');
  EXPECT_EQ(uscc_check_character("91330203144071236"), 'L');
  EXPECT_EQ(uscc_check_character("12330200002937510"), 'E');
  EXPECT_EQ(uscc_check_character("91350100M000100Y4"), '3');
}

TEST(Uscc, CheckCharacterRejectsCharactersOutsideTheSet) {
  EXPECT_FALSE(uscc_check_character("91330200MA2H1B2CI").has_value());
  EXPECT_FALSE(uscc_check_character("91330200MA2H1B2CO").has_value());
}

TEST(Uscc, ValidCodesAreAcceptedAndReturnedCanonical) {
  for (const char* code : kValid) {
    const auto r = validate_uscc(code);
    ASSERT_TRUE(r.ok()) << code << ": " << r.error().describe();
    EXPECT_EQ(*r, code);
  }
}

TEST(Uscc, LowerCaseAndSurroundingSpacesAccepted) {
  const auto r = validate_uscc("91330200ma2h1b2c32");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(*r, "91330200MA2H1B2C32");
  const auto l = validate_uscc(" 91330203144071236l ");
  ASSERT_TRUE(l.ok()) << l.error().describe();
  EXPECT_EQ(*l, "91330203144071236L");
}

TEST(Uscc, WrongCheckCharacterRejected) {
  for (const char* code :
       {"91330200MA2H1B2C33", "91330203144071236K", "12330200002937510F", "91350100M000100Y40"}) {
    const auto r = validate_uscc(code);
    EXPECT_FALSE(r.ok()) << code;
    if (!r.ok()) {
      EXPECT_FALSE(r.error().message.empty());
    }
  }
}

TEST(Uscc, WrongLengthRejected) {
  EXPECT_FALSE(validate_uscc("91330200MA2H1B2C3").ok());    // 17
  EXPECT_FALSE(validate_uscc("91330200MA2H1B2C322").ok());  // 19
  EXPECT_FALSE(validate_uscc("").ok());
  const auto r = validate_uscc("9133");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("18"), std::string::npos) << r.error().message;
}

TEST(Uscc, LettersOutsideTheAlphabetRejected) {
  // Same positions as a valid code, with I, O, Z, S, V (not in the set) put in place of 'H'.
  for (const char letter : {'I', 'O', 'Z', 'S', 'V'}) {
    std::string code = "91330200MA2H1B2C32";
    code[11] = letter;
    EXPECT_FALSE(validate_uscc(code).ok()) << code;
  }
  // …and in the check position.
  for (const char letter : {'I', 'O', 'Z', 'S', 'V'}) {
    std::string code = "91330200MA2H1B2C3";
    code += letter;
    EXPECT_FALSE(validate_uscc(code).ok()) << code;
  }
}

TEST(Uscc, NonDigitAdministrativeDivisionRejected) {
  // Positions 3–8 are the 行政区划码 and must be digits. "91A30200MA2H1B2C3": the sum above
  // with position 3 changed from 3·9 to A(10)·9 = 1889 - 27 + 90 = 1952; 1952 mod 31 = 30;
  // 31-30 = 1 → check '1'. The check character is right, so only the division rule rejects it.
  EXPECT_EQ(uscc_check_character("91A30200MA2H1B2C3"), '1');
  EXPECT_FALSE(validate_uscc("91A30200MA2H1B2C31").ok());
  EXPECT_FALSE(validate_uscc("9133020AMA2H1B2C3" +
                             std::string(1, *uscc_check_character("9133020AMA2H1B2C3")))
                   .ok());
}

}  // namespace
}  // namespace zhiyou::registry
