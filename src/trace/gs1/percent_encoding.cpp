#include "trace/gs1/percent_encoding.hpp"
#include "core/text.hpp"

namespace zhiyou::trace::gs1 {
namespace {

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

void percent_encode_append(std::string& out, std::string_view text, UriPart part) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : text) {
    if (unreserved(c)) {
      out += c;
    } else if (c == ' ' && part == UriPart::query) {
      out += '+';
    } else {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
}

std::string percent_encode(std::string_view text, UriPart part) {
  std::string out;
  out.reserve(text.size());
  percent_encode_append(out, text, part);
  return out;
}

void percent_decode_into(std::string& out, std::string_view text, UriPart part) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int hi = text::hex_digit_value(text[i + 1]);
      const int lo = text::hex_digit_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (c == '+' && part == UriPart::query) ? ' ' : c;
  }
}

std::string percent_decode(std::string_view text, UriPart part) {
  std::string out;
  percent_decode_into(out, text, part);
  return out;
}

}  // namespace zhiyou::trace::gs1
