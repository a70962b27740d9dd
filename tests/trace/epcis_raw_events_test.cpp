// Events are kept as the bytes sent: raw_events finds each event's text in the document, and
// gives up (the reader then serialises) where the event list is ambiguous.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "trace/epcis/document.hpp"
#include "trace/epcis/raw_events.hpp"

namespace zhiyou::trace::epcis {
namespace {

constexpr std::string_view kPretty = R"({
  "@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
  "epcisHeader": {"note": "a ] and a } in a string, an escaped \" too"},
  "epcisBody": {
    "eventList": [
      {"type": "ObjectEvent", "eventTime": "2024-05-01T08:00:00Z",
       "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
       "epcList": ["urn:epc:id:sgtin:9506000.013435.1"]} ,
      {"type": "ObjectEvent", "eventTime": "2024-05-02T08:00:00.5Z",
       "eventTimeZoneOffset": "+00:00", "action": "OBSERVE",
       "epcList": ["urn:epc:id:sgtin:9506000.013435.2"], "bizStep": "shipping"}
    ]
  }
}
)";

TEST(EpcisRawEvents, EachEventIsItsOwnTextAsSent) {
  const auto raw = raw_events(kPretty, DocumentShape::document);
  ASSERT_TRUE(raw.has_value());
  ASSERT_EQ(raw->size(), 2u);
  EXPECT_TRUE((*raw)[0].starts_with("{\"type\": \"ObjectEvent\", \"eventTime\": \"2024-05-01"));
  EXPECT_TRUE((*raw)[0].ends_with("9506000.013435.1\"]}")) << (*raw)[0];
  EXPECT_TRUE((*raw)[1].ends_with("\"bizStep\": \"shipping\"}")) << (*raw)[1];

  // The reader stores those bytes, whitespace and all.
  auto document = parse_document(kPretty);
  ASSERT_TRUE(document.ok()) << document.error().describe();
  EXPECT_EQ(document->events[1].json, std::string((*raw)[1]));
  EXPECT_NE(document->events[1].json.find("\n       \"eventTimeZoneOffset\""), std::string::npos);
}

TEST(EpcisRawEvents, AnAmbiguousEventListFallsBackToSerialising) {
  // A member name written with an escape, or given twice: the scanner cannot be sure which
  // list Boost.JSON read, so it declines.
  std::string escaped(kPretty);
  escaped.replace(escaped.find("\"eventList\""), 11, R"("event\u004cist")");
  EXPECT_FALSE(raw_events(escaped, DocumentShape::document).has_value());
  auto document = parse_document(escaped);
  ASSERT_TRUE(document.ok()) << document.error().describe();
  EXPECT_EQ(boost::json::parse(document->events[0].json),
            boost::json::parse(R"({"type":"ObjectEvent","eventTime":"2024-05-01T08:00:00Z",
              "eventTimeZoneOffset":"+00:00","action":"OBSERVE",
              "epcList":["urn:epc:id:sgtin:9506000.013435.1"]})"));

  std::string twice(kPretty);
  twice.replace(twice.find("\"epcisBody\""), 0, R"("epcisBody": {"eventList": []}, )");
  EXPECT_FALSE(raw_events(twice, DocumentShape::document).has_value());
}

TEST(EpcisRawEvents, ASingleEventIsTheWholeTextTrimmed) {
  const auto raw = raw_events("  \n{\"type\":\"ObjectEvent\"}\n", DocumentShape::single_event);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->front(), "{\"type\":\"ObjectEvent\"}");
}

}  // namespace
}  // namespace zhiyou::trace::epcis
