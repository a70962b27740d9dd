// The real `zhiyou` binary: trace capture / events / recall, exit codes and messages.
#include <gtest/gtest.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "support/test_support.hpp"
#include "tabular/xlsx_reader.hpp"

namespace zhiyou::testing {
namespace {
namespace json = boost::json;

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

constexpr std::string_view kDocument = R"({
  "@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
  "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",
  "epcisBody": {"eventList": [
    {"type": "ObjectEvent", "eventID": "urn:uuid:1", "eventTime": "2024-05-01T08:00:00+08:00",
     "eventTimeZoneOffset": "+08:00", "action": "ADD", "bizStep": "commissioning",
     "epcList": ["urn:epc:id:sgtin:9506000.013435.1001", "urn:epc:id:sgtin:9506000.013435.1002"],
     "ilmd": {"cbvmda:lotNumber": "L1"}},
    {"type": "ObjectEvent", "eventID": "urn:uuid:2", "eventTime": "2024-05-02T08:00:00+08:00",
     "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", "bizStep": "retail_selling",
     "disposition": "retail_sold", "epcList": ["https://id.gs1.org/01/09506000134352/21/1002"],
     "bizLocation": {"id": "urn:epc:id:sgln:9506001.00002.0"}}
  ]}})";

// kDocument with eventIDs of its own ("urn:uuid:<digit>1", …): other events.
std::string other_events(char digit) {
  std::string text(kDocument);
  for (auto at = text.find("urn:uuid:"); at != std::string::npos;
       at = text.find("urn:uuid:", at + 10)) {
    text.insert(at + 9, 1, digit);
  }
  return text;
}

class TraceEventCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db() const { return " --db " + quoted(dir.path() / "zhiyou.db"); }
  CommandResult run(const std::string& args) { return run_zhiyou(args + db()); }
  std::filesystem::path write(const std::string& name, std::string_view text) {
    auto path = dir.path() / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::size_t stored_events() {
    const auto r = run("trace events --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out).at("events").as_array().size();
  }
};

// More events than one page holds (EventQuery::kMaxPerPage, 10,000): the listing goes on
// page after page, each event once and in capture order, in both forms.
TEST_F(TraceEventCli, ListingGoesOnPastOnePage) {
  constexpr int kEvents = 10'050;
  std::string doc =
      R"({"@context": "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",)"
      R"( "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-05-01T08:00:00Z",)"
      R"( "epcisBody": {"eventList": [)";
  for (int i = 1; i <= kEvents; ++i) {
    if (i > 1) doc += ',';
    doc += R"({"type": "ObjectEvent", "eventID": "urn:uuid:)" + std::to_string(i) +
           R"(", "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",)"
           R"( "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:9506000.013435.)" +
           std::to_string(i) + R"("]})";
  }
  doc += "]}}";
  auto r = run("trace capture " + quoted(write("many.json", doc)));
  ASSERT_EQ(r.exit_code, 0) << r.err;

  r = run("trace events --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::array events = json::parse(r.out).at("events").as_array();
  ASSERT_EQ(events.size(), static_cast<std::size_t>(kEvents));
  for (int i = 0; i < kEvents; ++i) {
    ASSERT_EQ(events[i].at("eventID").as_string(), "urn:uuid:" + std::to_string(i + 1))
        << "第 " << i << " 个";
  }
  r = run("trace events");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("共 10050 个事件"), std::string::npos);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), kEvents + 1);
}

// Output that cannot be written (a full disk: /dev/full) is an error, not a silent exit 0,
// whether it shows while printing (a long listing) or only when stdout is flushed at exit.
TEST_F(TraceEventCli, OutputToAFullDiskExitsOneSayingSo) {
  std::vector<std::string> events;
  for (int i = 1; i <= 200; ++i) {
    events.push_back(
        R"({"type": "ObjectEvent", "eventID": "urn:uuid:)" + std::to_string(i) +
        R"(", "eventTime": "2024-05-01T08:00:00+08:00", "eventTimeZoneOffset": "+08:00",)"
        R"( "action": "OBSERVE", "epcList": ["urn:epc:id:sgtin:9506000.013435.)" +
        std::to_string(i) + R"("]})");
  }
  ASSERT_EQ(run("trace capture " + quoted(write("many.json", epcis_document(events)))).exit_code,
            0);
  for (const std::string args : {"trace events --json", "trace events --type AggregationEvent"}) {
    const CommandResult r = run_zhiyou(args + db(), {}, "/dev/full");
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.err.find("错误"), std::string::npos) << args << ": " << r.err;
    EXPECT_EQ(r.err.find("terminate"), std::string::npos) << args << ": " << r.err;
  }
}

TEST_F(TraceEventCli, CaptureThenQueryReturnsEventsAsCaptured) {
  const auto file = write("events.json", kDocument);
  auto r = run("trace capture " + quoted(file));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已存储 2 个事件"), std::string::npos) << r.out;

  r = run("trace events --epc urn:epc:id:sgtin:9506000.013435.1002 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::array events = json::parse(r.out).at("events").as_array();
  ASSERT_EQ(events.size(), 2u);
  const json::value sent = json::parse(kDocument);
  EXPECT_EQ(events[0], sent.at("epcisBody").at("eventList").at(0));
  EXPECT_EQ(events[1], sent.at("epcisBody").at("eventList").at(1));

  r = run("trace events --biz-step retail_selling --type ObjectEvent --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out).at("events").as_array().size(), 1u);

  r = run("trace capture " + quoted(file));  // again: nothing new
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 个已存在"), std::string::npos) << r.out;
  EXPECT_EQ(stored_events(), 2u);
}

TEST_F(TraceEventCli, EachCaptureIsInTheAuditLog) {
  const auto file = write("events.json", kDocument);
  ASSERT_EQ(run("trace capture " + quoted(file)).exit_code, 0);
  ASSERT_EQ(run("trace capture " + quoted(file)).exit_code, 0);
  std::string bad(kDocument);
  bad.replace(bad.find("\"retail_sold\""), 13, "\"sold_out\"");
  ASSERT_EQ(run("trace capture " + quoted(write("bad.json", bad))).exit_code, 1);

  // The file's SHA-256 as coreutils computes it.
  const auto sum = dir.path() / "sum.txt";
  const std::string command = "sha256sum " + quoted(file) + " > " + quoted(sum);
  ASSERT_EQ(std::system(command.c_str()), 0);  // NOLINT(cert-env33-c): a test's reference tool
  const std::string sha256 = read_file(sum).substr(0, 64);

  const auto r = run("audit list --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::array entries = json::parse(r.out).at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u) << r.out;  // the rejected file added none
  for (const json::value& e : entries) {
    EXPECT_EQ(e.at("action"), "epcis.capture");
    EXPECT_TRUE(std::string(e.at("actor").as_string()).starts_with("cli:")) << e;
    EXPECT_EQ(e.at("subject").as_string(), sha256);
    EXPECT_EQ(e.at("after").at("events"), 2);
  }
  EXPECT_EQ(entries[0].at("after").at("captured"), 2);
  EXPECT_EQ(entries[0].at("after").at("duplicates"), 0);
  EXPECT_EQ(entries[1].at("after").at("captured"), 0);
  EXPECT_EQ(entries[1].at("after").at("duplicates"), 2);
  EXPECT_EQ(run("audit verify").exit_code, 0);
}

TEST_F(TraceEventCli, BadDocumentExitsOneNamingEventAndFieldAndStoresNothing) {
  std::string text(kDocument);
  text.replace(text.find("\"retail_sold\""), 13, "\"sold_out\"");
  const auto r = run("trace capture " + quoted(write("bad.json", text)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("第 2 个事件"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("epcisBody.eventList[1].disposition"), std::string::npos) << r.err;
  EXPECT_EQ(stored_events(), 0u);
}

TEST_F(TraceEventCli, ManyFilesAreStoredInOrderUntilTheFirstBadOne) {
  std::string bad(kDocument);
  bad.replace(bad.find("\"retail_sold\""), 13, "\"sold_out\"");
  const std::string other = other_events('9');
  const auto r = run("trace capture " + quoted(write("a.json", kDocument)) + " " +
                     quoted(write("b.json", bad)) + " " + quoted(write("c.json", other)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("a.json: 已存储 2 个事件"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("b.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("第 2 个事件"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("c.json"), std::string::npos) << r.out;
  EXPECT_EQ(stored_events(), 2u);  // a.json's; c.json was read ahead but not stored

  const auto rest = run("trace capture " + quoted(write("c.json", other)));
  ASSERT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_EQ(stored_events(), 4u);
}

// `zhiyou trace capture` stores several files in one transaction (capture speed). A file the
// database then fails to store undoes that transaction; the files before it are stored all the
// same, each reported, and the failure is named as that file's; the files after it are not
// begun. The failure is made by a trigger on b.json's events, two ways: a broken constraint
// (the capture's own error message) and a statement failing as it runs (the database's).
TEST_F(TraceEventCli, AFileTheDatabaseCannotStoreIsNamedAndTheFilesBeforeItAreStored) {
  struct Failure {
    const char* trigger_body;
    const char* message;
  };
  for (const Failure& failure :
       {Failure{"SELECT RAISE(ABORT, 'refused')", "另一采集同时写入了相同的事件序号"},
        Failure{"SELECT json('{')", "malformed JSON"}}) {
    SCOPED_TRACE(failure.trigger_body);
    std::filesystem::remove_all(dir.path());
    std::filesystem::create_directories(dir.path());
    {
      auto setup = store::Database::open((dir.path() / "zhiyou.db").string());
      ASSERT_TRUE(setup.ok()) << setup.error().describe();
      soci::session& sql = (*setup)->session();
      sql << std::string("CREATE TRIGGER refuse_b BEFORE INSERT ON epcis_events") +
                 " WHEN NEW.event_id LIKE 'urn:uuid:8%' BEGIN " + failure.trigger_body + "; END";
    }
    const auto r = run("trace capture " + quoted(write("a.json", kDocument)) + " " +
                       quoted(write("b.json", other_events('8'))) + " " +
                       quoted(write("c.json", other_events('9'))));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("a.json: 已存储 2 个事件\n"), std::string::npos) << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
    EXPECT_NE(r.err.find("b.json: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(failure.message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("该文件的事件均未存储"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("c.json"), std::string::npos) << r.err;
    EXPECT_EQ(stored_events(), 2U);  // a.json's

    const auto audit = run("audit list --json");
    ASSERT_EQ(audit.exit_code, 0) << audit.err;
    EXPECT_EQ(json::parse(audit.out).at("entries").as_array().size(), 1U) << audit.out;
  }
}

// Another program holding the database's write lock (a long import, say). Reading goes on:
// opening a current database takes no write lock (it did, and every command failed after the
// 5 s busy timeout). A capture stops at the first file after that timeout, saying in Chinese
// why, that none of that file was stored and that the files after it were not begun.
TEST_F(TraceEventCli, ADatabaseHeldByAnotherWriterCanBeReadButNotWritten) {
  auto holder = store::Database::open((dir.path() / "zhiyou.db").string());
  ASSERT_TRUE(holder.ok()) << holder.error().describe();
  (*holder)->session() << "BEGIN IMMEDIATE";
  const auto listed = run("trace events --json");
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, "{\"events\":[]}\n");
  const auto r = run("trace capture " + quoted(write("a.json", kDocument)) + " " +
                     quoted(write("b.json", kDocument)));
  (*holder)->session() << "ROLLBACK";
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("a.json: 数据库正被其他程序占用"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("该文件的事件均未存储，其后的文件未处理"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("database is locked"), std::string::npos) << r.err;  // SQLite's words
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(stored_events(), 0U);
}

TEST_F(TraceEventCli, MissingFileIsAUserErrorAndBadQueryToo) {
  EXPECT_EQ(run("trace capture " + quoted(dir.path() / "none.json")).exit_code, 1);
  const auto r = run("trace events --biz-step transforming --json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("EQ_bizStep"), std::string::npos) << r.err;
  EXPECT_EQ(run("trace").exit_code, 2);
}

TEST_F(TraceEventCli, RecallAsCsvAndJson) {
  ASSERT_EQ(run("trace capture " + quoted(write("events.json", kDocument))).exit_code, 0);
  auto r = run("trace recall --gtin 09506000134352 --lot L1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("epc,lot,case,pallet,location,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("https://id.gs1.org/01/09506000134352/21/1002,L1,,,"
                       "https://id.gs1.org/414/9506001000021,"),
            std::string::npos)
      << r.out;
  r = run("trace recall --gtin 09506000134352 --lot L1 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json::value scope = json::parse(r.out);
  EXPECT_EQ(scope.at("summary").at("units"), 2);
  EXPECT_EQ(scope.at("summary").at("reached_consumers"), 1);
  EXPECT_EQ(run("trace recall --gtin 123 --lot L1").exit_code, 1);

  // For Excel: a workbook whose first sheet sums the scope up; it needs a file to go to.
  const auto book = dir.path() / "召回.xlsx";
  r = run("trace recall --gtin 09506000134352 --lot L1 --format xlsx --out " + quoted(book));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 个单品"), std::string::npos) << r.err;
  auto table = tabular::parse_xlsx(read_file(book));
  ASSERT_TRUE(table.ok()) << table.error().describe();
  ASSERT_GE(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[1].cells, (std::vector<std::string>{"GTIN", "09506000134352"}));
  EXPECT_EQ(table->rows[3].cells, (std::vector<std::string>{"受影响单品", "2"}));
  r = run("trace recall --gtin 09506000134352 --lot L1 --format xlsx");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("--out"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace zhiyou::testing
