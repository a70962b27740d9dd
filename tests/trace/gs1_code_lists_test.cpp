// The code lists and coupon layouts AI values must follow (iso3166, iso3166999, iso3166alpha2,
// iso4217, packagetype, couponcode, couponposoffer). Every verdict below was compared with
// GS1's Barcode Syntax Engine; the list sizes also with Debian's iso-codes (ISO 3166-1).
#include <gtest/gtest.h>

#include <string>

#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/code_lists.hpp"
#include "trace/gs1/element_string.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// Values only: associations (422 wants 01 beside it, ...) are another test's business.
Result<Elements> parse(const std::string& text) {
  Options options;
  options.check_associations = false;
  return parse_bracketed(text, options);
}

// The error message for `text`, or "" when it parses.
std::string error_of(const std::string& text) {
  auto parsed = parse(text);
  return parsed.ok() ? std::string() : parsed.error().message;
}

std::string three_digits(int n) {
  std::string s = std::to_string(n);
  return std::string(3 - s.size(), '0') + s;
}

TEST(Gs1CodeLists, CountryOfOriginMustBeAnIso3166NumericCode) {
  EXPECT_TRUE(parse("(422)156").ok());
  EXPECT_TRUE(parse("(422)004").ok());  // Afghanistan, the first code
  EXPECT_TRUE(parse("(422)894").ok());  // Zambia, the last
  EXPECT_EQ(error_of("(422)999"), "AI (422) 的国家代码 999 不是 ISO 3166-1 数字代码");
  EXPECT_FALSE(parse("(422)000").ok());
  EXPECT_TRUE(parse("(424)158").ok());
  EXPECT_FALSE(parse("(424)157").ok());
  // Each country of a list is checked; the error points at the bad one.
  EXPECT_TRUE(parse("(423)156276840").ok());
  auto bad = parse("(01)09506000134352(423)156999840");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "AI (423) 的国家代码 999 不是 ISO 3166-1 数字代码");
  // (421): the country, then a postal code that is not checked against any list.
  EXPECT_TRUE(parse("(421)156315000").ok());
  EXPECT_FALSE(parse("(421)159315000").ok());
}

TEST(Gs1CodeLists, ProcessorCountryMayAlsoBe999) {
  EXPECT_TRUE(parse("(7030)156ABC").ok());
  EXPECT_TRUE(parse("(7030)999ABC").ok());  // several countries
  EXPECT_EQ(error_of("(7030)998ABC"),
            "AI (7030) 的国家代码 998 不是 ISO 3166-1 数字代码，也不是 999");
  EXPECT_FALSE(parse("(422)999").ok());  // only the processor AIs take 999
}

TEST(Gs1CodeLists, ShipToCountryMustBeAnIso3166Alpha2Code) {
  EXPECT_TRUE(parse("(4307)CN").ok());
  EXPECT_TRUE(parse("(4317)DE").ok());
  EXPECT_EQ(error_of("(4307)ZZ"), "AI (4307) 的国家代码 ZZ 不是 ISO 3166-1 二位字母代码");
  EXPECT_FALSE(parse("(4307)cn").ok());  // upper case only
  EXPECT_FALSE(parse("(4307)EU").ok());  // reserved, not a country
  EXPECT_FALSE(parse("(4317)UK").ok());  // the United Kingdom is GB
}

TEST(Gs1CodeLists, AmountCurrencyMustBeAnIso4217NumericCode) {
  EXPECT_TRUE(parse("(3910)156123").ok());
  EXPECT_TRUE(parse("(3932)978100").ok());  // euro
  EXPECT_EQ(error_of("(3910)000123"), "AI (3910) 的货币代码 000 不是 ISO 4217 数字代码");
  EXPECT_FALSE(parse("(3910)191100").ok());  // the Croatian kuna, withdrawn in 2023
  EXPECT_TRUE(parse("(3910)924100").ok());   // the Zimbabwe gold (ZWG), added in 2024
  // A country code that is not a currency code: Taiwan's currency is TWD 901, not 158.
  EXPECT_FALSE(parse("(3910)158100").ok());
}

TEST(Gs1CodeLists, FreightUnitTypeMustBeAPackageTypeCode) {
  EXPECT_TRUE(parse("(7041)BX").ok());
  EXPECT_TRUE(parse("(7041)8").ok());
  EXPECT_TRUE(parse("(7041)200").ok());  // a GS1 addition to UN/ECE Recommendation 21
  EXPECT_EQ(error_of("(7041)BXX"), "AI (7041) 的包装类型代码 BXX 不在 GS1 包装类型代码表中");
  EXPECT_FALSE(parse("(7041)bx").ok());
  EXPECT_FALSE(parse("(7041)8D").ok());
}

TEST(Gs1CodeLists, ListsHaveTheirPublishedSizes) {
  int countries = 0;
  int currencies = 0;
  for (int n = 0; n < 1000; ++n) {
    countries += is_iso3166_numeric(three_digits(n)) ? 1 : 0;
    currencies += is_iso4217_numeric(three_digits(n)) ? 1 : 0;
  }
  EXPECT_EQ(countries, 249);
  EXPECT_EQ(currencies, 179);
  int alpha2 = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) alpha2 += is_iso3166_alpha2(std::string{a, b}) ? 1 : 0;
  }
  EXPECT_EQ(alpha2, 249);
  int packages = 0;
  const std::string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const char a : chars) {
    packages += is_package_type(std::string{a}) ? 1 : 0;
    for (const char b : chars) {
      packages += is_package_type(std::string{a, b}) ? 1 : 0;
      for (const char c : chars) packages += is_package_type(std::string{a, b, c}) ? 1 : 0;
    }
  }
  EXPECT_EQ(packages, 431);
  for (const char* odd : {"", "1", "15", "1560", "15a", " 156", "CNN", "C", "c"}) {
    EXPECT_FALSE(is_iso3166_numeric(odd)) << odd;
    EXPECT_FALSE(is_iso3166_alpha2(odd)) << odd;
    EXPECT_FALSE(is_iso4217_numeric(odd)) << odd;
  }
  EXPECT_FALSE(is_package_type(""));
  EXPECT_FALSE(is_package_type("BXXX"));
  EXPECT_FALSE(is_package_type("B-"));
}

// A coupon: company prefix 061414 (VLI 0), offer 123456, save value 50 (VLI 2), first
// purchase requirement 1 (VLI 1), code 0, family 123.
const std::string kCoupon = "0061414123456250110123";

TEST(Gs1CodeLists, CouponCodesFollowTheirLayout) {
  EXPECT_TRUE(parse("(8110)" + kCoupon).ok());
  // Optional fields: second purchase without company prefix (VLI 9), then dates, misc.
  EXPECT_TRUE(parse("(8110)" + kCoupon + "111012019").ok());
  EXPECT_TRUE(parse("(8110)" + kCoupon + "3251231" + "4250101").ok());
  EXPECT_TRUE(parse("(8110)" + kCoupon + "90101").ok());
  EXPECT_EQ(error_of("(8110)" + kCoupon + "3250101" + "4251231"),
            "AI (8110) 优惠券代码：到期日期早于开始日期");
  EXPECT_EQ(error_of("(8110)" + kCoupon + "90701"),
            "AI (8110) 优惠券代码：优惠适用商品代码无效（应为 0-2）");
  EXPECT_EQ(error_of("(8110)7" + kCoupon.substr(1)),
            "AI (8110) 优惠券代码：厂商识别代码长度指示符无效（应为 0-6）");
  // A tag out of order, or an unknown one, is data left over.
  EXPECT_EQ(error_of("(8110)" + kCoupon + "7"),
            "AI (8110) 优惠券代码：含有多余数据（可选字段须按 1、2、3、4、5、6、9 的顺序）");
  EXPECT_FALSE(parse("(8110)" + kCoupon + "90101" + "3251231").ok());
  EXPECT_FALSE(parse("(8110)" + kCoupon + "11").ok());
  // The position is that of the bad field: "(8110)", the coupon, the tag "3", then the date.
  Options options;
  options.check_associations = false;
  std::size_t position = 0;
  auto bad = parse_bracketed("(8110)" + kCoupon + "3251331", options, &position);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "AI (8110) 优惠券代码：到期日期无效");
  EXPECT_EQ(position, 6 + kCoupon.size() + 1);
}

TEST(Gs1CodeLists, PaperlessCouponOffersFollowTheirLayout) {
  EXPECT_TRUE(parse("(8112)000614141234560123456").ok());
  EXPECT_EQ(error_of("(8112)200614141234560123456"),
            "AI (8112) 无纸优惠券：格式代码无效（应为 0 或 1）");
  EXPECT_EQ(error_of("(8112)00061414123456012345"), "AI (8112) 无纸优惠券：序列号不完整");
  EXPECT_FALSE(parse("(8112)000614141234560123456789").ok());
}

// The fast path's verdicts (value_fits) on every code of each list, for every AI using it.
TEST(Gs1CodeLists, ValueFitsAgreesWithCheckValueOnEveryCode) {
  const std::string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa";
  std::size_t accepted = 0;
  std::size_t values = 0;
  auto both = [&](const std::string& ai, const std::string& value) {
    const AiEntry* entry = find_ai(ai);
    ASSERT_NE(entry, nullptr) << ai;
    const bool fits = value_fits(ai, *entry, value);
    EXPECT_EQ(fits, !check_value(ai, *entry, value).has_value()) << ai << " " << value;
    accepted += fits ? 1 : 0;
    ++values;
  };
  for (int n = 0; n < 1000; ++n) {
    const std::string code = three_digits(n);
    for (const char* ai : {"422", "424", "426"}) both(ai, code);
    both("421", code + "315000");
    both("423", "156" + code);
    both("425", code + "840");
    both("7030", code + "ABC");
    both("3910", code + "12345");
    both("3935", code + "1");
  }
  for (const char a : chars) {
    for (const char b : chars) {
      both("4307", std::string{a, b});
      both("4317", std::string{a, b});
      both("7041", std::string{a, b});
      both("7041", std::string{a});
      for (const char c : chars) both("7041", std::string{a, b, c});
    }
  }
  EXPECT_GT(accepted, 3000u);
  EXPECT_GT(values - accepted, 3000u);
}

}  // namespace
}  // namespace zhiyou::trace::gs1
