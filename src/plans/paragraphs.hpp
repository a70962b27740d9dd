// Prose of a document as paragraphs: PDF extraction breaks paragraphs at page and column
// ends ("…持" / "续全面提升…"); here they are joined again, and headings are told apart.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "plans/source_text.hpp"

namespace zhiyou::plans {

struct Paragraph {
  int line = 0;      // first line
  std::string text;  // PDF spaces removed (text::join_wrapped)
  // Where each joined source line starts in `text`: {byte offset, line number}, ascending.
  std::vector<std::pair<std::size_t, int>> line_starts;

  // The source line holding byte `offset` of `text`, so a sentence in a paragraph broken
  // across lines points at its own line.
  [[nodiscard]] int line_at(std::size_t offset) const;
};

// Paragraphs of lines[begin, end); table lines (any line with a tab) are skipped.
std::vector<Paragraph> build_paragraphs(const std::vector<SourceLine>& lines, std::size_t begin,
                                        std::size_t end);

// "一、" — a top-level heading marker.
bool starts_with_section_marker(const std::string& text);
// "(一)" or "1." / "1、" — a numbered item or sub-heading marker; returns its byte length.
std::size_t item_marker_length(const std::string& text);

}  // namespace zhiyou::plans
