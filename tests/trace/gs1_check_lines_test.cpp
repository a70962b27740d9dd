// The line loop of `zhiyou gs1 check`: however stdin arrives in blocks, every line gets
// exactly one JSON line, in order.
#include "trace/gs1/check_lines.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

namespace zhiyou::trace::gs1 {
namespace {

const std::string kInput =
    "(01)09506000134352(10)ABC\n"
    "]d20109506000134352\x1d"
    "10ABC\r\n"
    "https://id.gs1.org/01/09506000134352/10/ABC?17=261231\n"
    "(01)09506000134353\n"
    "ftp://id.gs1.org/01/09506000134352\n"
    "hello\n"
    "\n"
    "0109506000134352";  // the last line has no newline

std::string all_at_once(const std::string& input) {
  LineChecker checker;
  std::string out;
  EXPECT_EQ(checker.check(input, true, out), input.size());
  return out;
}

TEST(Gs1CheckLines, OneJsonLinePerInputLine) {
  const std::string out = all_at_once(kInput);
  std::vector<boost::json::object> lines;
  std::size_t start = 0;
  for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    lines.push_back(boost::json::parse(out.substr(start, nl - start)).as_object());
    start = nl + 1;
  }
  EXPECT_EQ(start, out.size());
  ASSERT_EQ(lines.size(), 8u);
  const auto ais = boost::json::parse(R"([["01","09506000134352"],["10","ABC"]])");
  EXPECT_EQ(lines[0].at("ais"), ais);
  EXPECT_EQ(lines[1].at("ais"), ais) << "raw with ]d2 and GS, CR ignored";
  EXPECT_EQ(lines[2].at("ais"),
            boost::json::parse(R"([["01","09506000134352"],["10","ABC"],["17","261231"]])"));
  EXPECT_EQ(lines[3].at("ok"), false);
  EXPECT_EQ(lines[3].at("position"), 17) << "the check digit";
  EXPECT_EQ(lines[4].at("ok"), false) << "only http and https";
  EXPECT_EQ(lines[5].at("ok"), false) << "no AI";
  EXPECT_EQ(lines[6].at("ok"), false) << "an empty line";
  EXPECT_EQ(lines[7].at("ok"), true);
}

TEST(Gs1CheckLines, BlockBoundariesDoNotMatter) {
  const std::string whole = all_at_once(kInput);
  for (std::size_t block = 1; block < 40; ++block) {
    LineChecker checker;
    std::string out;
    std::string pending;
    for (std::size_t at = 0; at < kInput.size(); at += block) {
      pending += kInput.substr(at, block);
      const bool end = at + block >= kInput.size();
      pending.erase(0, checker.check(pending, end, out));
    }
    EXPECT_TRUE(pending.empty());
    EXPECT_EQ(out, whole) << "block " << block;
    EXPECT_EQ(checker.lines(), 8u);
  }
}

TEST(Gs1CheckLines, UnfinishedLineIsKeptUntilTheEnd) {
  LineChecker checker;
  std::string out;
  EXPECT_EQ(checker.check("(01)09506000134352\n(10)AB", false, out), 19u);
  EXPECT_EQ(checker.lines(), 1u);
  EXPECT_EQ(checker.check("", true, out), 0u);
}

TEST(Gs1CheckLines, ValuesAndMessagesAreEscapedJson) {
  // A quote is allowed in a lot (CSET 82); a backslash is not and is quoted in the message.
  const std::string out = all_at_once("(01)09506000134352(10)A\"B\n(01)09506000134352(10)A\\B\n");
  const auto first = out.substr(0, out.find('\n'));
  const auto parsed = boost::json::parse(first).as_object();
  ASSERT_EQ(parsed.at("ok"), true) << first;
  EXPECT_EQ(parsed.at("ais").as_array()[1].as_array()[1], "A\"B");
  const auto second = boost::json::parse(out.substr(first.size() + 1)).as_object();
  EXPECT_EQ(second.at("ok"), false);
  EXPECT_NE(second.at("error").as_string().find("'\\'"), boost::json::string::npos);
  EXPECT_EQ(second.at("position"), 23);
}

TEST(Gs1CheckLines, MessagesStayValidUtf8WhateverBytesCameIn) {
  // Pieces of unreadable raw data are quoted in the message byte by byte, also when the
  // first two digits of an AI are followed by something else.
  const std::string out = all_at_once(
      "]d20109506000134352A\"\xef\xfa"
      "17261231\n]\xe6\x9d\xa1\n0109506000134352\xff\xfe\n"
      "0109506000134352310\xcd"
      "123456\n");
  std::size_t start = 0;
  int lines = 0;
  for (std::size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    boost::system::error_code ec;
    const auto line = out.substr(start, nl - start);
    const auto value = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << line;
    EXPECT_EQ(value.as_object().at("ok"), false) << line;
    ++lines;
    start = nl + 1;
  }
  EXPECT_EQ(lines, 4);
  EXPECT_NE(out.find(R"(A\"[0xEF][0xFA])"), std::string::npos) << out;
}

}  // namespace
}  // namespace zhiyou::trace::gs1
