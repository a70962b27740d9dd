#include "tabular/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <memory>

#include "core/text.hpp"

namespace zhiyou::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::size_t line_of(std::string_view bytes, std::size_t offset) {
  // In GB18030 a trailing byte is never 0x0A, so counting newline bytes is safe.
  return 1 + static_cast<std::size_t>(std::count(
                 bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// GB18030 → UTF-8; on failure, the byte offset where decoding stopped.
Result<std::string> gb18030_to_utf8(std::string_view bytes, std::size_t& bad_offset) {
  iconv_t raw = iconv_open("UTF-8", "GB18030");
  if (raw == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr): iconv API
    return make_error("系统不支持 GB18030 编码转换（iconv）");
  }
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out;
  out.resize(bytes.size() * 2 + 16);  // a GB18030 character never grows beyond 2× in UTF-8
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's API is not const-correct
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(raw, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = out.size() - out_left;
        out.resize(out.size() * 2);
        out_ptr = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      bad_offset = bytes.size() - in_left;
      return make_error("invalid");
    }
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::string_view to_string(SourceEncoding encoding) {
  return encoding == SourceEncoding::utf8 ? "UTF-8" : "GB18030";
}

Result<DecodedText> decode_text(std::string_view bytes) {
  if (bytes.starts_with(kUtf8Bom)) {
    bytes.remove_prefix(kUtf8Bom.size());
  }
  const auto bad_utf8 = text::find_invalid_utf8(bytes);
  if (!bad_utf8) {
    return DecodedText{std::string(bytes), SourceEncoding::utf8};
  }
  std::size_t bad_offset = 0;
  auto decoded = gb18030_to_utf8(bytes, bad_offset);
  if (!decoded) {
    if (decoded.error().message != "invalid") return decoded.error();
    // Name whichever failure comes later: that line is the first one neither reading accepts.
    const std::size_t offset = std::max(bad_offset, *bad_utf8);
    return make_error("文本既不是 UTF-8 也不是 GB18030 编码（请在 Excel 中另存为“CSV UTF-8”）",
                      "第 " + std::to_string(line_of(bytes, offset)) + " 行");
  }
  // A NUL in the middle means binary data (or UTF-16) rather than a text export.
  if (decoded->find('\0') != std::string::npos) {
    return make_error("文件含有空字符，不是文本文件（UTF-16 文本请另存为“CSV UTF-8”）",
                      "第 " + std::to_string(line_of(bytes, bytes.find('\0'))) + " 行");
  }
  return DecodedText{std::move(decoded).value(), SourceEncoding::gb18030};
}

}  // namespace zhiyou::tabular
