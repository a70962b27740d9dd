// Turning a text file's bytes into UTF-8. Excel in China saves "CSV" in GB18030 (GBK) and
// "CSV UTF-8" with a byte-order mark; both must import without the user knowing which.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::tabular {

enum class SourceEncoding { utf8, gb18030 };

struct DecodedText {
  std::string text;  // UTF-8, without a byte-order mark
  SourceEncoding encoding = SourceEncoding::utf8;
};

// Valid UTF-8 (with or without BOM) is kept as is; otherwise the bytes are decoded as
// GB18030 (a superset of GBK and GB2312). When neither fits, the error names the first line
// that is neither ("第 3 行").
Result<DecodedText> decode_text(std::string_view bytes);

// "UTF-8" / "GB18030", for messages.
std::string_view to_string(SourceEncoding encoding);

}  // namespace zhiyou::tabular
