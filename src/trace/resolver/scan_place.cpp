#include "trace/resolver/scan_place.hpp"

#include "core/text.hpp"
#include "registry/region.hpp"

namespace zhiyou::trace::resolver {

std::string scan_place(std::string_view declared) {
  if (text::find_invalid_utf8(declared)) return {};
  const std::string_view trimmed = text::trim(declared);
  if (const auto region = registry::find_region(trimmed)) return std::string(region->code);
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < trimmed.size();) {
    const auto lead = static_cast<unsigned char>(trimmed[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (lead < 0x20 || lead == 0x7F || lead == ' ' || lead == '\t') {
      space = true;  // control characters and runs of blanks become one space
      ++i;
      continue;
    }
    if (chars + (space ? 1 : 0) + 1 > kMaxPlaceChars) break;
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    out.append(trimmed.substr(i, length));
    ++chars;
    i += length;
  }
  return out;
}

}  // namespace zhiyou::trace::resolver
