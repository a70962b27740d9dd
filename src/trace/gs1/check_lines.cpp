#include "trace/gs1/check_lines.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <memory>

#include "core/json.hpp"

namespace zhiyou::trace::gs1 {

void append_json(std::string& out, const CheckResult& result) {
  if (result.ok) {
    out.append(R"({"ok":true,"ais":[)");
    for (std::size_t i = 0; i < result.ais.size(); ++i) {
      if (i > 0) out += ',';
      out += "[\"";
      out.append(result.ais[i].ai);  // digits only
      out += "\",";
      json::append_quoted(out, result.ais[i].value);
      out += ']';
    }
    out.append("]}");
  } else {
    out.append(R"({"ok":false,"error":)");
    json::append_quoted(out, result.error);
    out.append(",\"position\":");
    char digits[24];
    char* end = std::to_chars(digits, digits + sizeof digits, result.position).ptr;
    out.append(digits, end);
    out += '}';
  }
}

std::size_t LineChecker::check(std::string_view text, bool at_end, std::string& out) {
  std::size_t consumed = 0;
  out.append(check_view(text, at_end, consumed));
  return consumed;
}

std::string_view LineChecker::check_view(std::string_view text, bool at_end,
                                         std::size_t& consumed) {
  // The JSON lines are written through a cursor into buffer_, which only grows and is never
  // zero-filled.
  std::size_t used = 0;
  auto room = [&](std::size_t need) {
    if (capacity_ - used >= need) return;
    const std::size_t capacity = std::max(used + need, 2 * capacity_);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (used > 0) std::memcpy(bigger.get(), buffer_.get(), used);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  };
  auto one_line = [&](std::string_view line) {
    room(FastChecker::output_bound(line.size()) + 1);
    char* end = use_fast_path_ ? fast_.check(line, buffer_.get() + used) : nullptr;
    if (end != nullptr) {
      ++fast_lines_;
    } else {
      check_input(line, result_, options_);
      general_.clear();
      append_json(general_, result_);
      room(general_.size() + 1);
      end = std::copy(general_.begin(), general_.end(), buffer_.get() + used);
    }
    *end++ = '\n';
    used = static_cast<std::size_t>(end - buffer_.get());
    ++lines_;
  };
  std::size_t start = 0;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    if (nl == nullptr) break;
    const auto end = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
    one_line(text.substr(start, end - start));
    start = end + 1;
  }
  if (at_end && start < text.size()) {
    one_line(text.substr(start));
    start = text.size();
  }
  consumed = start;
  return {buffer_.get(), used};
}

}  // namespace zhiyou::trace::gs1
