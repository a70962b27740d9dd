#include "plans/paragraphs.hpp"

#include <algorithm>
#include <array>
#include <regex>

#include "core/text.hpp"

namespace zhiyou::plans {
namespace {

bool ends_a_paragraph(const std::string& text) {
  static constexpr std::array<std::string_view, 9> kEnds{"。", "！", "？", "；", "：",
                                                         "”",  ")",  "」", "…"};
  return std::ranges::any_of(kEnds, [&](std::string_view e) { return text.ends_with(e); });
}

bool starts_new_block(const std::string& text) {
  return starts_with_section_marker(text) || item_marker_length(text) > 0 ||
         text.starts_with("——") || text.starts_with("附件") || text.starts_with("注：") ||
         text.starts_with("-");
}

// A short line without a comma or full stop is a heading or a title, never the first half
// of a broken paragraph.
bool looks_like_heading(const std::string& text) {
  return text::length(text) < 20 && !text::contains(text, "，") && !text::contains(text, "。");
}

}  // namespace

bool starts_with_section_marker(const std::string& text) {
  static const std::regex kSection("^(一|二|三|四|五|六|七|八|九|十)+、");
  return std::regex_search(text, kSection);
}

std::size_t item_marker_length(const std::string& text) {
  static const std::regex kItem(
      R"(^(\((一|二|三|四|五|六|七|八|九|十)+\)|\d{1,2}(\.|、|．)(?!\d)))");
  std::smatch m;
  if (std::regex_search(text, m, kItem)) return static_cast<std::size_t>(m.length(0));
  return 0;
}

int Paragraph::line_at(std::size_t offset) const {
  int found = line;
  for (const auto& [start, number] : line_starts) {
    if (start > offset) break;
    found = number;
  }
  return found;
}

std::vector<Paragraph> build_paragraphs(const std::vector<SourceLine>& lines, std::size_t begin,
                                        std::size_t end) {
  std::vector<Paragraph> paragraphs;
  bool open = false;  // the last paragraph may continue on the next line
  for (std::size_t i = begin; i < end; ++i) {
    if (lines[i].text.find('\t') != std::string::npos) {
      open = false;
      continue;
    }
    std::string text = text::join_wrapped(lines[i].text);
    if (text.empty()) continue;
    if (open && !starts_new_block(text)) {
      Paragraph& paragraph = paragraphs.back();
      paragraph.line_starts.emplace_back(paragraph.text.size(), lines[i].number);
      paragraph.text += text;
    } else {
      paragraphs.push_back({lines[i].number, std::move(text), {{0, lines[i].number}}});
    }
    const std::string& last = paragraphs.back().text;
    open = !ends_a_paragraph(last) && !looks_like_heading(last);
  }
  return paragraphs;
}

}  // namespace zhiyou::plans
