#include "trace/epcis/raw_events.hpp"

#include <array>
#include <cstring>
#include <span>

namespace zhiyou::trace::epcis {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void skip_space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  bool consume(char c) {
    skip_space();
    if (at_ >= text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
  }

  [[nodiscard]] bool peek(char c) {
    skip_space();
    return at_ < text_.size() && text_[at_] == c;
  }

  // A string's content (between the quotes); `escaped` tells whether it holds a backslash.
  // Jumps from quote to quote with memchr: the documents are megabytes of mostly strings.
  bool string(std::string_view& content, bool& escaped) {
    if (!consume('"')) return false;
    const std::size_t start = at_;
    escaped = false;
    for (;;) {
      const void* quote = std::memchr(text_.data() + at_, '"', text_.size() - at_);
      if (quote == nullptr) return false;
      const auto end = static_cast<std::size_t>(static_cast<const char*>(quote) - text_.data());
      // Escaped when preceded by an odd number of backslashes.
      std::size_t backslashes = 0;
      while (end - backslashes > start && text_[end - backslashes - 1] == '\\') ++backslashes;
      if (backslashes > 0 || std::memchr(text_.data() + at_, '\\', end - at_) != nullptr) {
        escaped = true;
      }
      at_ = end + 1;
      if (backslashes % 2 == 0) {
        content = text_.substr(start, end - start);
        return true;
      }
    }
  }

  // Skips one value of any kind; its text is text_[start, at_).
  bool skip_value() {
    skip_space();
    if (at_ >= text_.size()) return false;
    const char c = text_[at_];
    if (c == '"') {
      std::string_view s;
      bool escaped = false;
      return string(s, escaped);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (at_ < text_.size()) {
        const char d = text_[at_];
        if (d == '"') {
          std::string_view s;
          bool escaped = false;
          if (!string(s, escaped)) return false;
          continue;
        }
        if (d == '{' || d == '[') ++depth;
        if (d == '}' || d == ']') --depth;
        ++at_;
        if (depth == 0) return true;
      }
      return false;
    }
    while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '}' && text_[at_] != ']' &&
           text_[at_] != ' ' && text_[at_] != '\t' && text_[at_] != '\n' && text_[at_] != '\r') {
      ++at_;
    }
    return true;
  }

  // Inside an object at its '{': moves to the value of member `name`. Fails when the member
  // is absent, appears twice, or a member name on the way is escaped.
  bool member(std::string_view name) {
    if (!consume('{')) return false;
    std::size_t found = std::string_view::npos;
    if (peek('}')) return false;
    for (;;) {
      std::string_view key;
      bool escaped = false;
      if (!string(key, escaped) || escaped || !consume(':')) return false;
      skip_space();
      if (key == name) {
        if (found != std::string_view::npos) return false;
        found = at_;
      }
      if (!skip_value()) return false;
      if (consume(',')) continue;
      if (consume('}')) break;
      return false;
    }
    if (found == std::string_view::npos) return false;
    at_ = found;
    return true;
  }

  // At an array: the text of each element.
  bool elements(std::vector<std::string_view>& out) {
    if (!consume('[')) return false;
    if (consume(']')) return true;
    for (;;) {
      skip_space();
      const std::size_t start = at_;
      if (!skip_value()) return false;
      out.push_back(text_.substr(start, at_ - start));
      if (consume(',')) continue;
      return consume(']');
    }
  }

  std::string_view trimmed() {
    skip_space();
    std::size_t end = text_.size();
    while (end > at_ && (text_[end - 1] == ' ' || text_[end - 1] == '\t' ||
                         text_[end - 1] == '\n' || text_[end - 1] == '\r')) {
      --end;
    }
    return text_.substr(at_, end - at_);
  }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::vector<std::string_view>> raw_events(std::string_view json_text,
                                                        DocumentShape shape) {
  Scanner s(json_text);
  if (shape == DocumentShape::single_event) {
    return std::vector<std::string_view>{s.trimmed()};
  }
  static constexpr std::array<std::string_view, 2> kDocumentPath{"epcisBody", "eventList"};
  static constexpr std::array<std::string_view, 4> kQueryPath{"epcisBody", "queryResults",
                                                              "resultsBody", "eventList"};
  const std::span<const std::string_view> path =
      shape == DocumentShape::document ? std::span<const std::string_view>(kDocumentPath)
                                       : std::span<const std::string_view>(kQueryPath);
  for (std::string_view name : path) {
    if (!s.member(name)) return std::nullopt;
  }
  std::vector<std::string_view> out;
  if (!s.elements(out)) return std::nullopt;
  return out;
}

}  // namespace zhiyou::trace::epcis
