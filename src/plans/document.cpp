#include "plans/document.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <regex>

#include "core/text.hpp"

namespace zhiyou::plans {
namespace {

bool all_cjk(std::string_view s) {
  if (s.empty()) return false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (!text::is_cjk(text::next_code_point(s, pos))) return false;
  }
  return true;
}

// The header line "宁波市人民政府办公厅文件" names the issuer.
std::optional<std::string> issuer_header(std::string_view line) {
  const std::string joined = text::join_wrapped(line);
  std::string_view s = joined;
  if (s.ends_with("文件") && text::length(s) <= 24 && all_cjk(s)) {
    s.remove_suffix(std::string_view("文件").size());
    return std::string(s);
  }
  return std::nullopt;
}

std::size_t previous_non_empty(const std::vector<SourceLine>& lines, std::size_t i,
                               std::size_t floor) {
  while (i > floor) {
    --i;
    if (!text::trim(lines[i].text).empty()) return i;
  }
  return std::string::npos;
}

std::size_t next_non_empty(const std::vector<SourceLine>& lines, std::size_t i) {
  for (++i; i < lines.size(); ++i) {
    if (!text::trim(lines[i].text).empty()) return i;
  }
  return std::string::npos;
}

std::string strip_book_marks(std::string s) {
  for (const std::string_view mark : {"《", "》"}) {
    for (std::size_t p = s.find(mark); p != std::string::npos; p = s.find(mark)) {
      s.erase(p, mark.size());
    }
  }
  return s;
}

// "…关于印发《X》的通知" → X; otherwise the heading itself is the plan's title.
void read_title(Document& doc) {
  const std::string& heading = doc.heading;
  const std::size_t about = heading.find("关于");
  if (about != std::string::npos && about > 0) doc.issuer = heading.substr(0, about);
  const std::size_t issue = heading.find("关于印发");
  if (issue != std::string::npos && heading.ends_with("的通知")) {
    const std::size_t from = issue + std::string_view("关于印发").size();
    doc.title = strip_book_marks(
        heading.substr(from, heading.size() - from - std::string_view("的通知").size()));
  } else {
    doc.title = heading;
  }
}

bool names_a_plan(std::string_view title) {
  static constexpr std::array<std::string_view, 5> kNotPlans{"规定", "办法", "细则", "任职",
                                                             "免职"};
  for (const auto w : kNotPlans) {
    if (title.ends_with(w) || text::contains(title, std::string(w) + "的通知")) return false;
  }
  static constexpr std::array<std::string_view, 7> kPlans{"规划", "方案", "意见",    "行动计划",
                                                          "纲要", "计划", "实施意见"};
  return std::ranges::any_of(kPlans, [&](std::string_view w) { return text::contains(title, w); });
}

void read_period(Document& doc) {
  static const std::regex kRange(R"((\d{4})\s*(?:-|—|–|－|至|~)+\s*(\d{4})\s*年)");
  std::smatch m;
  if (std::regex_search(doc.title, m, kRange)) {
    doc.start_year = std::stoi(m[1]);
    doc.end_year = std::stoi(m[2]);
  } else if (text::contains(doc.title, "十四五")) {
    doc.start_year = 2021;
    doc.end_year = 2025;
  } else if (text::contains(doc.title, "十五五")) {
    doc.start_year = 2026;
    doc.end_year = 2030;
  }
}

void read_date(Document& doc, const std::vector<SourceLine>& lines) {
  for (std::size_t i = doc.begin; i < doc.end; ++i) {
    if (auto date = date_in(lines[i].text)) {
      doc.issued_on = std::move(date);
      return;
    }
  }
}

// A news report has no document number; it names the plan it reports on: "出台《…实施意见》".
std::optional<Document> reported_plan(const std::vector<SourceLine>& lines) {
  static const std::regex kCited(
      R"((?:出台|印发|发布)(?:了)?《(.{4,240}?(?:实施意见|规划|方案|行动计划|意见))》)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    const std::string joined = text::join_wrapped(lines[i].text);
    if (std::regex_search(joined, m, kCited)) {
      Document doc;
      doc.begin = 0;
      doc.end = lines.size();
      doc.title_line = lines[i].number;
      doc.heading = m[1];
      doc.title = m[1];
      doc.is_plan = true;
      doc.is_report = true;
      return doc;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string document_number_in(std::string_view raw) {
  std::string joined = text::join_wrapped(raw);  // returned (moved) when it is one
  std::string_view s = joined;
  if (!s.ends_with("号")) return {};
  s.remove_suffix(std::string_view("号").size());
  struct Brackets {
    std::string_view open, close;
  };
  static constexpr std::array<Brackets, 4> kBrackets{
      {{"〔", "〕"}, {"[", "]"}, {"(", ")"}, {"【", "】"}}};
  for (const auto& [open, close] : kBrackets) {
    const std::size_t o = s.find(open);
    const std::size_t c = s.find(close);
    if (o == std::string_view::npos || c == std::string_view::npos || c < o) continue;
    const std::string_view prefix = s.substr(0, o);
    const std::string_view year = s.substr(o + open.size(), c - o - open.size());
    const std::string_view serial = s.substr(c + close.size());
    if (all_cjk(prefix) && text::length(prefix) <= 12 && year.size() == 4 &&
        text::is_digits(year) && text::is_digits(serial)) {
      return fmt::format("{}〔{}〕{}号", prefix, year, serial);
    }
  }
  // Orders of the mayor: "政府令第260号".
  const std::size_t order = s.find("令第");
  if (order != std::string_view::npos &&
      all_cjk(s.substr(0, order + std::string_view("令").size())) &&
      text::is_digits(s.substr(order + std::string_view("令第").size()))) {
    return joined;
  }
  return {};
}

std::optional<std::string> date_in(std::string_view raw) {
  static const std::regex kDate(R"(^(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发|发布)?$)");
  const std::string joined = text::join_wrapped(raw);
  std::smatch m;
  if (!std::regex_match(joined, m, kDate)) return std::nullopt;
  const int month = std::stoi(m[2]);
  const int day = std::stoi(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return fmt::format("{}-{:02}-{:02}", m[1].str(), month, day);
}

std::vector<Document> find_documents(const std::vector<SourceLine>& lines) {
  std::vector<Document> docs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string number = document_number_in(lines[i].text);
    if (number.empty()) continue;
    Document doc;
    doc.doc_number = std::move(number);
    doc.begin = i;
    const std::size_t floor = docs.empty() ? 0 : docs.back().begin + 1;
    const std::size_t before = previous_non_empty(lines, i, floor);
    std::optional<std::string> header;
    if (before != std::string::npos) header = issuer_header(lines[before].text);
    std::size_t title_index = before;
    if (before == std::string::npos || header) {
      // Red-header layout: "X文件", then the number, then the title below it.
      title_index = next_non_empty(lines, i);
      if (header) doc.begin = before;
    } else {
      doc.begin = before;
    }
    if (title_index == std::string::npos) continue;
    doc.title_line = lines[title_index].number;
    doc.heading = text::join_wrapped(lines[title_index].text);
    read_title(doc);
    if (header && doc.issuer.empty()) doc.issuer = *header;
    doc.is_plan = names_a_plan(doc.title);
    if (!docs.empty()) docs.back().end = doc.begin;
    docs.push_back(std::move(doc));
  }
  if (!docs.empty()) docs.back().end = lines.size();
  if (docs.empty()) {
    if (auto reported = reported_plan(lines)) docs.push_back(std::move(*reported));
  }
  for (Document& doc : docs) {
    read_period(doc);
    read_date(doc, lines);
  }
  return docs;
}

}  // namespace zhiyou::plans
