#include "trace/gs1/check_lines.hpp"

#include <charconv>
#include <cstring>

#include "core/json.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// Values and messages rarely need escapes (UTF-8 is written as is); quote those with one
// append.
void append_quoted_fast(std::string& out, std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || c == '"' || c == '\\') {
      json::append_quoted(out, s);
      return;
    }
  }
  out += '"';
  out.append(s);
  out += '"';
}

}  // namespace

void append_json(std::string& out, const CheckResult& result) {
  if (result.ok) {
    out.append("{\"ok\":true,\"ais\":[");
    for (std::size_t i = 0; i < result.ais.size(); ++i) {
      if (i > 0) out += ',';
      out += "[\"";
      out.append(result.ais[i].ai);  // digits only
      out += "\",";
      append_quoted_fast(out, result.ais[i].value);
      out += ']';
    }
    out.append("]}");
  } else {
    out.append("{\"ok\":false,\"error\":");
    append_quoted_fast(out, result.error);
    out.append(",\"position\":");
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, result.position).ptr;
    out.append(digits, end);
    out += '}';
  }
}

std::size_t LineChecker::check(std::string_view text, bool at_end, std::string& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    if (nl == nullptr) break;
    const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
    check_input(text.substr(start, end - start), result_, options_);
    append_json(out, result_);
    out += '\n';
    ++lines_;
    start = end + 1;
  }
  if (at_end && start < text.size()) {
    check_input(text.substr(start), result_, options_);
    append_json(out, result_);
    out += '\n';
    ++lines_;
    start = text.size();
  }
  return start;
}

}  // namespace zhiyou::trace::gs1
