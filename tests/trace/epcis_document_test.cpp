// EPCIS capture documents: the standard's examples and OpenEPCIS's valid set are accepted,
// OpenEPCIS's invalid set is rejected naming the problem, and the rules the schema leaves out.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"
#include "trace/epcis/document.hpp"

namespace zhiyou::trace::epcis {
namespace {
namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> files_under(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(EpcisDocument, AcceptsEveryStandardExample) {
  const auto files = files_under(testing::peer_tests_dir() / "epcis" / "JSON", ".jsonld");
  ASSERT_EQ(files.size(), 47u);
  std::size_t events = 0;
  for (const fs::path& file : files) {
    auto doc = parse_document(read(file));
    ASSERT_TRUE(doc.ok()) << file << ": " << doc.error().describe();
    events += doc->events.size();
  }
  EXPECT_EQ(events, 56u);  // the README's count for the 47 examples
}

TEST(EpcisDocument, AcceptsOpenEpcisValidSet) {
  const auto files = files_under(testing::peer_tests_dir() / "epcis-openepcis" / "valid", ".json");
  ASSERT_EQ(files.size(), 38u);
  for (const fs::path& file : files) {
    auto doc = parse_document(read(file));
    EXPECT_TRUE(doc.ok()) << file << ": " << doc.error().describe();
  }
}

// Each invalid document with the field its problem is in.
TEST(EpcisDocument, RejectsOpenEpcisInvalidSetNamingTheProblem) {
  const std::vector<std::pair<std::string, std::string>> expected{
      {"Combination_of_events_with_missing_mandatory_fields", "eventList[0].action"},
      {"Combination_of_multiple_invalid_fields", "eventList[0].bizStep"},
      {"Combination_of_non_standard_bizStep_and_disposition", "eventList[0].bizStep"},
      {"EPCISDocument_without_context", "@context"},
      {"ObjectEvent_with_ilmd_field_without_namespace", "eventList[0].ilmd.materialType"},
      {"ObjectEvent_with_invalid_action", "eventList[0].action"},
      {"ObjectEvent_with_invalid_certificationInfo", "eventList[0].certificationInfo[0]"},
      {"ObjectEvent_with_invalid_eventTime_format", "eventList[0].eventTime"},
      {"ObjectEvent_with_non_standard_bizStep", "eventList[0].bizStep"},
      {"ObjectEvent_with_non_standard_bizStep_in_second_event", "eventList[1].bizStep"},
      {"ObjectEvent_with_non_standard_disposition", "eventList[0].disposition"},
      {"ObjectEvent_with_quantity_as_text", "eventList[0].quantityList[0].quantity"},
      {"ObjectEvent_with_unknown_field_in_quantityList", "eventList[0].quantityList[0].weight"},
      {"ObjectEvent_without_action_and_eventTime", "eventList[0].eventTime"},
      {"ObjectEvent_without_identifier_list", "eventList[0].epcList"},
  };
  const fs::path dir = testing::peer_tests_dir() / "epcis-openepcis" / "invalid";
  ASSERT_EQ(files_under(dir, ".json").size(), expected.size());
  for (const auto& [name, field] : expected) {
    auto doc = parse_document(read(dir / (name + ".json")));
    ASSERT_FALSE(doc.ok()) << name;
    EXPECT_TRUE(doc.error().place.ends_with(field))
        << name << ": " << doc.error().place << " — " << doc.error().message;
    EXPECT_FALSE(doc.error().message.empty());
  }
}

}  // namespace
}  // namespace zhiyou::trace::epcis
