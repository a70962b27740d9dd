#include "core/json.hpp"

#include <fmt/core.h>

#include <cmath>

namespace zhiyou::json {
namespace {

void write(std::string& out, const boost::json::value& v, int indent, int depth);

void newline(std::string& out, int indent, int depth) {
  if (indent == 0) return;
  out.push_back('\n');
  out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth), ' ');
}

bool needs_escape(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c < 0x20 || c == '"' || c == '\\';
}

void write_string_impl(std::string& out, std::string_view s) {
  out.push_back('"');
  // Nearly all text needs no escape: checked over every byte with no early exit (so the
  // compiler can check many bytes at once), then appended in one go.
  unsigned escape = 0;
  for (const char ch : s) escape |= static_cast<unsigned>(needs_escape(ch));
  if (escape == 0) {
    out.append(s);
    out.push_back('"');
    return;
  }
  std::size_t i = 0;
  while (i < s.size()) {
    // The text between escapes goes in as one run.
    std::size_t run = i;
    while (run < s.size() && !needs_escape(s[run])) ++run;
    out.append(s.data() + i, run - i);
    if (run == s.size()) break;
    i = run + 1;
    const auto c = static_cast<unsigned char>(s[run]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:  // the other control characters
        out += fmt::format("\\u{:04x}", c);
    }
  }
  out.push_back('"');
}

void write_double(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
  } else if (d == std::trunc(d) && std::fabs(d) < 9e15) {
    out += fmt::format("{}", static_cast<long long>(d));
  } else {
    out += fmt::format("{}", d);
  }
}

void write(std::string& out, const boost::json::value& v, int indent, int depth) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      break;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::int64:
      out += fmt::format("{}", v.get_int64());
      break;
    case boost::json::kind::uint64:
      out += fmt::format("{}", v.get_uint64());
      break;
    case boost::json::kind::double_:
      write_double(out, v.get_double());
      break;
    case boost::json::kind::string:
      write_string_impl(out, v.get_string());
      break;
    case boost::json::kind::array: {
      const auto& a = v.get_array();
      out.push_back('[');
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i > 0) out.push_back(',');
        newline(out, indent, depth + 1);
        write(out, a[i], indent, depth + 1);
      }
      if (!a.empty()) newline(out, indent, depth);
      out.push_back(']');
      break;
    }
    case boost::json::kind::object: {
      const auto& o = v.get_object();
      out.push_back('{');
      bool first = true;
      for (const auto& [key, value] : o) {
        if (!first) out.push_back(',');
        first = false;
        newline(out, indent, depth + 1);
        write_string_impl(out, key);
        out += indent > 0 ? ": " : ":";
        write(out, value, indent, depth + 1);
      }
      if (!o.empty()) newline(out, indent, depth);
      out.push_back('}');
      break;
    }
  }
}

}  // namespace

void append_quoted(std::string& out, std::string_view s) { write_string_impl(out, s); }

std::string serialize(const boost::json::value& value, int indent) {
  std::string out;
  write(out, value, indent, 0);
  return out;
}

boost::json::value number(double value) {
  if (value == std::trunc(value) && std::fabs(value) < 9e15)
    return static_cast<std::int64_t>(value);
  return value;
}

boost::json::value optional_number(const std::optional<double>& value) {
  return value ? number(*value) : boost::json::value(nullptr);
}

boost::json::value optional_string(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value string_or_null(std::string_view value) {
  return value.empty() ? boost::json::value(nullptr) : boost::json::value(value);
}

}  // namespace zhiyou::json
