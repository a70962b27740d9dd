// The `gs1 check` line loop: fed in two blocks cut anywhere, it must write the same as fed
// at once, one JSON line per input line, each of them valid JSON; and its fast path must
// write exactly what the general parsers write.
#include <boost/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "trace/gs1/check_lines.hpp"

namespace gs1 = zhiyou::trace::gs1;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  gs1::LineChecker whole;
  std::string expected;
  if (whole.check(text, true, expected) != size) std::abort();

  gs1::LineChecker general;
  general.set_use_fast_path(false);
  std::string general_out;
  general.check(text, true, general_out);
  if (general_out != expected) std::abort();

  const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
  gs1::LineChecker split;
  std::string got;
  std::string pending = text.substr(0, cut);
  pending.erase(0, split.check(pending, false, got));
  pending += text.substr(cut);
  if (split.check(pending, true, got) != pending.size()) std::abort();
  if (got != expected || split.lines() != whole.lines()) std::abort();

  std::size_t lines = 0;
  std::size_t start = 0;
  for (std::size_t nl = got.find('\n'); nl != std::string::npos; nl = got.find('\n', start)) {
    boost::system::error_code ec;
    const auto value = boost::json::parse(std::string_view(got).substr(start, nl - start), ec);
    if (ec || !value.is_object()) std::abort();
    ++lines;
    start = nl + 1;
  }
  if (start != got.size() || lines != whole.lines()) std::abort();
  return 0;
}
