#include <gtest/gtest.h>

#include "trace/gs1/digital_link.hpp"
#include "trace/gs1/element_string.hpp"

namespace gs1 = zhiyou::trace::gs1;

TEST(Gs1DigitalLink, ParsesPathQueryAndOtherParameters) {
  auto r = gs1::parse_digital_link(
      "https://example.org/01/09506000134352/10/ABC/21/123?17=261231&linkType=gs1:pip");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->stem, "https://example.org");
  EXPECT_EQ(gs1::to_bracketed(r->elements()), "(01)09506000134352(10)ABC(21)123(17)261231");
  ASSERT_EQ(r->other_parameters.size(), 1u);
  EXPECT_EQ(r->other_parameters[0].name, "linkType");
  EXPECT_EQ(r->other_parameters[0].value, "gs1:pip");
  EXPECT_EQ(gs1::to_uri(*r), "https://example.org/01/09506000134352/10/ABC/21/123?17=261231");
}

TEST(Gs1DigitalLink, PadsShortGtins) {
  for (const char* gtin : {"9506000134352", "950600013435"}) {
    auto r = gs1::parse_digital_link(std::string("https://e.org/01/") + gtin);
    if (std::string(gtin).size() == 13) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ(r->path[0].value, "09506000134352");
    }
  }
  auto ean8 = gs1::parse_digital_link("https://e.org/01/02345673");
  ASSERT_TRUE(ean8.ok());
  EXPECT_EQ(ean8->path[0].value, "00000002345673");
  gs1::Options strict;
  strict.permit_zero_suppressed_gtin = false;
  EXPECT_FALSE(gs1::parse_digital_link("https://e.org/01/9506000134352", strict).ok());
}

TEST(Gs1DigitalLink, PercentEncodingBothWays) {
  auto r = gs1::parse_digital_link("https://e.org/01/09506000134352/10/A%2FB%25?99=x%20y");
  ASSERT_FALSE(r.ok());  // space is not in CSET 82
  r = gs1::parse_digital_link("https://e.org/01/09506000134352/10/A%2FB%25?99=x%2By");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->path[1].value, "A/B%");
  EXPECT_EQ(r->attributes[0].value, "x+y");
  EXPECT_EQ(gs1::to_uri(*r), "https://e.org/01/09506000134352/10/A%2FB%25?99=x%2By");
}

TEST(Gs1DigitalLink, RejectsWithReasonAndPosition) {
  std::size_t pos = 0;
  auto r = gs1::parse_digital_link("ftp://e.org/01/09506000134352", {}, &pos);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("http"), std::string::npos);
  r = gs1::parse_digital_link("https://e.org/01/09506000134353", {}, &pos);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "AI (01) 校验位错误：应为 2");
  EXPECT_EQ(pos, 30u);
  r = gs1::parse_digital_link("https://e.org/01/09506000134352/21/1/10/A", {}, &pos);
  ASSERT_FALSE(r.ok());  // qualifiers out of order
  EXPECT_EQ(pos, 37u);
  for (const char* bad : {"",
                          "https:",
                          "https://",
                          "https://e.org",
                          "https://e.org/",
                          "https://e.org/01",
                          "https://e.org/01/",
                          "https://e.org/xx/09506000134352",
                          "https://e.org/01/09506000134352/",
                          "https://e.org/01/09506000134352?10=A",
                          "https://e.org/01/09506000134352?22=A",
                          "https://e.org/01/09506000134352?99=",
                          "https://e.org/01/09506000134352?99=A&99=A",
                          "https://e.org/01/09506000134352?999=A",
                          "https://e_x.org/01/09506000134352",
                          "https://e.org/01/09506000134352 x",
                          "mailto:x@e.org",
                          "HtTpS://e.org/01/09506000134352",
                          "https://[fe80::1%25eth0]/01/09506000134352",
                          "https://[::1/01/09506000134352"}) {
    EXPECT_FALSE(gs1::parse_digital_link(bad).ok()) << bad;
  }
}

// A resolver's host: a name or an IP address, as RFC 3986 writes them. IPvFuture literals
// ("[v1.x]", either case) are valid URI syntax but no address a phone can reach.
TEST(Gs1DigitalLink, HostsAreNamesOrIpAddresses) {
  for (const char* good :
       {"http://[2001:db8::1]:8080/01/09506000134352", "https://192.0.2.1/01/09506000134352",
        "https://user@e.org:/01/09506000134352"}) {
    EXPECT_TRUE(gs1::parse_digital_link(good).ok()) << good;
  }
  for (const char* bad : {"https://[v1.x]/01/09506000134352", "https://[V1.x]/01/09506000134352"}) {
    auto r = gs1::parse_digital_link(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().message, "URI 的主机名无效") << bad;
  }
}

TEST(Gs1DigitalLink, OtherKeysAndQualifiers) {
  EXPECT_TRUE(gs1::parse_digital_link("https://e.org/414/9520123456788/254/32a%2Fb").ok());
  EXPECT_TRUE(gs1::parse_digital_link("https://e.org/00/106141411234567897").ok());
  EXPECT_TRUE(gs1::parse_digital_link("https://e.org/8004/95201234ABC").ok());
  EXPECT_FALSE(gs1::parse_digital_link("https://e.org/414/9520123456788/10/A").ok());
}

TEST(Gs1DigitalLink, BuildsFromElements) {
  auto e = gs1::parse_bracketed("(17)261231(10)ABC(01)09506000134352(21)1/2(3103)000195");
  ASSERT_TRUE(e.ok()) << e.error().message;
  auto uri = gs1::build_digital_link(*e, "https://example.org/");
  ASSERT_TRUE(uri.ok()) << uri.error().message;
  EXPECT_EQ(*uri, "https://example.org/01/09506000134352/10/ABC/21/1%2F2?17=261231&3103=000195");
  auto back = gs1::parse_digital_link(*uri);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->elements().size(), 5u);
  auto nokey = gs1::parse_bracketed("(400)ORDER");
  ASSERT_TRUE(nokey.ok());
  EXPECT_FALSE(gs1::build_digital_link(*nokey).ok());
}
