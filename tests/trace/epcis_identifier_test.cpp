// EPC URNs and Digital Link URIs become one canonical Digital Link; the expected element
// strings are the GS1 EPC Tag Data Standard's worked examples (check digits recomputed by
// hand), CBV values in any of their three spellings, and RFC 3339 times.
#include <gtest/gtest.h>

#include "core/date_time.hpp"
#include "trace/epcis/cbv.hpp"
#include "trace/epcis/epc.hpp"
#include "trace/gs1/percent_encoding.hpp"

namespace zhiyou::trace::epcis {
namespace {

std::string canonical(std::string_view text) {
  auto c = canonical_identifier(text);
  EXPECT_TRUE(c.ok()) << text << ": " << (c.ok() ? "" : c.error().message);
  return c.ok() ? *c : std::string();
}

TEST(EpcIdentifier, UrnsOfEveryGs1SchemeBecomeDigitalLinks) {
  EXPECT_EQ(canonical("urn:epc:id:sgtin:0614141.112345.400"),
            "https://id.gs1.org/01/10614141123459/21/400");
  EXPECT_EQ(canonical("urn:epc:id:sscc:0614141.1234567890"),
            "https://id.gs1.org/00/106141412345678908");
  EXPECT_EQ(canonical("urn:epc:id:sgln:0614141.12345.400"),
            "https://id.gs1.org/414/0614141123452/254/400");
  EXPECT_EQ(canonical("urn:epc:id:sgln:0614141.12345.0"), "https://id.gs1.org/414/0614141123452");
  EXPECT_EQ(canonical("urn:epc:id:grai:0614141.12345.400"),
            "https://id.gs1.org/8003/00614141123452400");
  EXPECT_EQ(canonical("urn:epc:id:giai:0614141.12345400"),
            "https://id.gs1.org/8004/061414112345400");
  EXPECT_EQ(canonical("urn:epc:id:gsrn:0614141.1234567890"),
            "https://id.gs1.org/8018/061414112345678902");
  EXPECT_EQ(canonical("urn:epc:id:gdti:0614141.12345.400"),
            "https://id.gs1.org/253/0614141123452400");
  EXPECT_EQ(canonical("urn:epc:id:pgln:0614141.00001"), "https://id.gs1.org/417/0614141000012");
  EXPECT_EQ(canonical("urn:epc:class:lgtin:4012345.012345.998877"),
            "https://id.gs1.org/01/04012345123456/10/998877");
  // TDS escapes in serials ("%2F" is "/"), re-encoded the Digital Link way.
  EXPECT_EQ(canonical("urn:epc:id:sgtin:0614141.112345.A%2FB"),
            "https://id.gs1.org/01/10614141123459/21/A%2FB");
}

TEST(EpcIdentifier, DigitalLinksOnAnyHostMatchTheUrn) {
  EXPECT_EQ(canonical("https://example.com/shop/01/10614141123459/21/400"),
            canonical("urn:epc:id:sgtin:0614141.112345.400"));
  // The lot is not part of an SGTIN's identity but is kept for recall.
  auto with_lot = parse_epc("https://id.gs1.de/01/10614141123459/10/L7/21/400");
  ASSERT_TRUE(with_lot.ok());
  EXPECT_EQ(with_lot->uri(), "https://id.gs1.org/01/10614141123459/21/400");
  EXPECT_EQ(with_lot->lot, "L7");
  EXPECT_EQ(canonical("https://id.gs1.org/414/0614141123452/254/400"),
            canonical("urn:epc:id:sgln:0614141.12345.400"));
  // Not GS1 keys: kept as given.
  EXPECT_EQ(canonical("urn:epc:id:bic:CSQU3054383"), "urn:epc:id:bic:CSQU3054383");
  EXPECT_EQ(canonical("https://example.com/things/42"), "https://example.com/things/42");
}

TEST(EpcIdentifier, AnSgtinFromGtinAndSerialIsTheOneItsDigitalLinkNames) {
  // The resolver's scans find the events captured for the same unit, also for a serial with
  // characters a URI path escapes.
  for (const char* serial : {"400", "A/B%2", "a&b'(c)\"<>?"}) {
    const Epc made = sgtin_epc("10614141123459", serial);
    std::string path;
    gs1::percent_encode_append(path, serial, gs1::UriPart::path);
    auto parsed = parse_epc("https://id.gs1.org/01/10614141123459/21/" + path);
    ASSERT_TRUE(parsed.ok()) << serial;
    EXPECT_EQ(made.key, parsed->key) << serial;
    EXPECT_EQ(made.qualifier, parsed->qualifier) << serial;
    EXPECT_EQ(made.uri(), parsed->uri()) << serial;
  }
}

TEST(EpcIdentifier, PatternsAreOnlyForQueries) {
  EXPECT_FALSE(parse_epc("urn:epc:idpat:sgtin:0614141.112345.*").ok());
  auto p = parse_epc_or_pattern("urn:epc:idpat:sgtin:0614141.112345.*");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->pattern);
  EXPECT_EQ(p->key, "01/10614141123459");
  auto grai = parse_epc_or_pattern("urn:epc:idpat:grai:0614141.12345.*");
  ASSERT_TRUE(grai.ok());
  EXPECT_EQ(grai->key, "8003/00614141123452");  // every serial: a key prefix
  EXPECT_TRUE(grai->qualifier.empty());
}

TEST(EpcIdentifier, MalformedIdentifiersAreRejectedWithTheReason) {
  for (std::string_view bad : {"urn:epc:id:sgtin:0614141.11234.400",   // 12 digits, not 13
                               "urn:epc:id:sgtin:0614141.112345",      // no serial
                               "urn:epc:id:sscc:0614141.123456789",    // 16 digits
                               "urn:epc:id:sgtin:0614141.112345.a b",  // space in serial
                               "urn:epc:id:widget:1.2.3",              // unknown scheme
                               "urn:epc:thing:sgtin:1.2.3", "not a uri", "shipping", ""}) {
    auto epc = parse_epc(bad);
    EXPECT_FALSE(epc.ok()) << bad;
    if (!epc.ok()) {
      EXPECT_FALSE(epc.error().message.empty());
    }
  }
}

TEST(Cbv, StandardValuesInAnySpellingBecomeShortNames) {
  EXPECT_EQ(canonical_vocabulary(Vocabulary::biz_step, "shipping"), "shipping");
  EXPECT_EQ(canonical_vocabulary(Vocabulary::biz_step, "urn:epcglobal:cbv:bizstep:shipping"),
            "shipping");
  EXPECT_EQ(canonical_vocabulary(Vocabulary::biz_step, "https://ref.gs1.org/cbv/BizStep-shipping"),
            "shipping");
  EXPECT_EQ(canonical_vocabulary(Vocabulary::disposition, "urn:epcglobal:cbv:disp:retail_sold"),
            "retail_sold");
  // A user vocabulary is any URI outside the CBV's namespaces.
  EXPECT_EQ(canonical_vocabulary(Vocabulary::biz_step, "https://example.com/steps/x"),
            "https://example.com/steps/x");
  EXPECT_FALSE(canonical_vocabulary(Vocabulary::biz_step, "transforming"));
  EXPECT_FALSE(canonical_vocabulary(Vocabulary::biz_step, "urn:epcglobal:cbv:bizstep:dancing"));
  EXPECT_FALSE(canonical_vocabulary(Vocabulary::disposition, "in_transport"));
  EXPECT_FALSE(canonical_vocabulary(Vocabulary::source_destination_type, "place"));
}

TEST(EventTime, Rfc3339WithOffsetsFractionsAndCalendarChecks) {
  EXPECT_EQ(parse_date_time("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_date_time("1970-01-01T08:00:00.5+08:00"), 500);
  EXPECT_EQ(parse_date_time("2005-04-03T20:33:31.116-06:00"),
            parse_date_time("2005-04-04T02:33:31.116Z"));
  EXPECT_EQ(parse_date_time("2005-04-04T02:33:31.1169999Z"), 1112582011116);
  for (std::string_view bad : {"22-07-2026", "2024-02-30T00:00:00Z", "2024-01-01T00:00:00",
                               "2024-01-01 00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00Z",
                               "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+0800"}) {
    EXPECT_FALSE(parse_date_time(bad)) << bad;
  }
  EXPECT_EQ(format_utc(1112582011116), "2005-04-04T02:33:31.116Z");
  EXPECT_TRUE(is_time_zone_offset("+14:00"));
  EXPECT_TRUE(is_time_zone_offset("-06:00"));
  EXPECT_FALSE(is_time_zone_offset("+14:30"));
  EXPECT_FALSE(is_time_zone_offset("+8:00"));
}

}  // namespace
}  // namespace zhiyou::trace::epcis
