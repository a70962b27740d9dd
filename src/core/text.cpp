#include "core/text.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace zhiyou::text {
namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// The full-width forms we fold: digits, letters, brackets and the signs numbers carry.
// Chinese sentence punctuation stays, because it is how the documents separate clauses.
char32_t fold_full_width(char32_t c) {
  if (c >= U'０' && c <= U'９') return c - U'０' + U'0';
  if (c >= U'Ａ' && c <= U'Ｚ') return c - U'Ａ' + U'A';
  if (c >= U'ａ' && c <= U'ｚ') return c - U'ａ' + U'a';
  switch (c) {
    case U'（':
      return U'(';
    case U'）':
      return U')';
    case U'［':
      return U'[';
    case U'］':
      return U']';
    case U'｛':
      return U'{';
    case U'｝':
      return U'}';
    case U'％':
      return U'%';
    case U'＜':
      return U'<';
    case U'＞':
      return U'>';
    case U'＝':
      return U'=';
    case U'＋':
      return U'+';
    case U'－':
      return U'-';
    case U'．':
      return U'.';
    case U'／':
      return U'/';
    case U'＊':
      return U'*';
    case U'　':      // ideographic space
    case U'\u00A0':  // no-break space
      return U' ';
    default:
      return c;
  }
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    // ASCII (every path, key and number on the hot paths) is valid byte by byte.
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + pos),
                                    static_cast<utf8proc_ssize_t>(s.size() - pos), &cp);
    if (n <= 0) {
      return pos;
    }
    pos += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

std::string normalize(std::string_view s) {
  std::string nfc;
  if (utf8proc_uint8_t* composed = nullptr;
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &composed,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE)) >= 0) {
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(composed, &std::free);
    nfc.assign(reinterpret_cast<const char*>(composed));
  } else {
    nfc.assign(s);
  }
  std::string out;
  out.reserve(nfc.size());
  std::size_t pos = 0;
  while (pos < nfc.size()) {
    append_utf8(out, fold_full_width(next_code_point(nfc, pos)));
  }
  return out;
}

std::string join_wrapped(std::string_view s) {
  s = trim(s);
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  char32_t previous = 0;
  bool pending_space = false;
  while (pos < s.size()) {
    const char32_t c = next_code_point(s, pos);
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r') {
      pending_space = true;
      continue;
    }
    if (pending_space && is_ascii_alnum(previous) && is_ascii_alnum(c)) {
      out.push_back(' ');
    }
    pending_space = false;
    append_utf8(out, c);
    previous = c;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

std::vector<std::string> split_any(std::string_view s,
                                   const std::vector<std::string_view>& separators) {
  std::vector<std::string> parts;
  std::string current;
  std::size_t pos = 0;
  while (pos < s.size()) {
    bool matched = false;
    for (const std::string_view sep : separators) {
      if (!sep.empty() && s.substr(pos, sep.size()) == sep) {
        if (!trim(current).empty()) parts.emplace_back(trim(current));
        current.clear();
        pos += sep.size();
        matched = true;
        break;
      }
    }
    if (!matched) {
      current.push_back(s[pos++]);
    }
  }
  if (!trim(current).empty()) parts.emplace_back(trim(current));
  return parts;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.starts_with(prefix); }
bool ends_with(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  const auto cont = [&](std::size_t i) -> char32_t {
    return i < s.size() ? static_cast<unsigned char>(s[i]) & 0x3F : 0;
  };
  if (b0 < 0x80) {
    pos += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    const char32_t c = ((b0 & 0x1F) << 6) | cont(pos + 1);
    pos += 2;
    return c;
  }
  if (b0 < 0xF0) {
    const char32_t c = ((b0 & 0x0F) << 12) | (cont(pos + 1) << 6) | cont(pos + 2);
    pos += 3;
    return c;
  }
  const char32_t c =
      ((b0 & 0x07) << 18) | (cont(pos + 1) << 12) | (cont(pos + 2) << 6) | cont(pos + 3);
  pos += 4;
  return c;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size(); ++n) {
    next_code_point(s, pos);
  }
  return n;
}

bool is_cjk(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF);
}

bool is_ascii_alnum(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace zhiyou::text
