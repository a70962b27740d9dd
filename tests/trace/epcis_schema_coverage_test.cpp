// Our own validator against the standard's JSON schema, read at test time from
// ../shared/peer-tests/epcis/EPCIS-JSON-Schema.json: for each event type, every field the
// schema requires is required by us (removing it rejects the event naming that field), and
// every field the schema allows is known to us (a value of the wrong type is reported as a
// wrong value, not as an unknown field).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "support/test_support.hpp"
#include "trace/epcis/document.hpp"

namespace zhiyou::trace::epcis {
namespace {
namespace json = boost::json;

json::object schema_definitions() {
  std::ifstream in(testing::peer_tests_dir() / "epcis" / "EPCIS-JSON-Schema.json");
  std::ostringstream s;
  s << in.rdbuf();
  return json::parse(s.str()).at("definitions").as_object();
}

// A valid minimal event of each type.
json::object minimal(std::string_view type) {
  json::object e{
      {"type", type}, {"eventTime", "2024-05-01T00:00:00Z"}, {"eventTimeZoneOffset", "+00:00"}};
  const json::array epcs{"urn:epc:id:sgtin:9506000.013435.1"};
  if (type == "ObjectEvent") {
    e["action"] = "ADD";
    e["epcList"] = epcs;
  } else if (type == "AggregationEvent" || type == "AssociationEvent") {
    e["action"] = "ADD";
    e["parentID"] = "urn:epc:id:sscc:9506000.0000000011";
    e["childEPCs"] = epcs;
  } else if (type == "TransactionEvent") {
    e["action"] = "ADD";
    e["epcList"] = epcs;
    e["bizTransactionList"] = json::array{json::object{{"bizTransaction", "urn:example:po:1"}}};
  } else {
    e["inputEPCList"] = epcs;
    e["outputEPCList"] = json::array{"urn:epc:id:sgtin:9506000.013435.2"};
  }
  return e;
}

Result<Document> read(json::object event) {
  event["@context"] = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
  return parse_document(json::serialize(event));
}

// The object schema inside a type's allOf that lists its fields.
const json::object& fields_part(const json::object& definitions, std::string_view type) {
  for (const json::value& part : definitions.at(type).at("allOf").as_array()) {
    if (part.as_object().contains("propertyNames")) return part.as_object();
  }
  throw std::runtime_error("no field list for " + std::string(type));
}

class SchemaCoverage : public ::testing::TestWithParam<const char*> {};

TEST_P(SchemaCoverage, RequiredFieldsAreRequired) {
  const json::object definitions = schema_definitions();
  const std::string type = GetParam();
  ASSERT_TRUE(read(minimal(type)).ok()) << read(minimal(type)).error().describe();
  std::set<std::string> required;
  for (const json::value& r : definitions.at("Event").at("required").as_array()) {
    required.emplace(r.as_string());
  }
  for (const json::value& r : fields_part(definitions, type).at("required").as_array()) {
    required.emplace(r.as_string());
  }
  ASSERT_GE(required.size(), 3u);
  for (const std::string& field : required) {
    json::object e = minimal(type);
    e.erase(field);
    auto result = read(e);
    ASSERT_FALSE(result.ok()) << type << " without " << field;
    if (field != "type") {  // without a type it is no event at all
      EXPECT_TRUE(result.error().place.ends_with(field))
          << type << " without " << field << ": " << result.error().describe();
    }
  }
}

TEST_P(SchemaCoverage, EveryFieldTheSchemaAllowsIsKnown) {
  const json::object definitions = schema_definitions();
  const std::string type = GetParam();
  std::vector<std::string> names;
  for (const json::value& any :
       fields_part(definitions, type).at("propertyNames").at("anyOf").as_array()) {
    if (const json::value* list = any.as_object().if_contains("enum")) {
      for (const json::value& n : list->as_array()) names.emplace_back(n.as_string());
    }
  }
  for (const json::value& n :
       definitions.at("common-event-properties").at("anyOf").at(0).at("enum").as_array()) {
    names.emplace_back(n.as_string());
  }
  ASSERT_GT(names.size(), 10u);
  for (const std::string& name : names) {
    if (name == "@context" || name == "type") continue;
    json::object e = minimal(type);
    e[name] = 12345;  // a number is the wrong type for every EPCIS event field
    auto result = read(e);
    ASSERT_FALSE(result.ok()) << type << "." << name << " = 12345 accepted";
    EXPECT_EQ(result.error().message.find("不是本结构允许的字段"), std::string::npos)
        << type << "." << name << ": " << result.error().message;
  }
}

INSTANTIATE_TEST_SUITE_P(EventTypes, SchemaCoverage,
                         ::testing::Values("ObjectEvent", "AggregationEvent", "TransactionEvent",
                                           "TransformationEvent", "AssociationEvent"));

}  // namespace
}  // namespace zhiyou::trace::epcis
