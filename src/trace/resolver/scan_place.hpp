// Where a scan was made, as the scanning app or page declares it (`?loc=`): a Ningbo
// district by code or name ("yinzhou", "鄞州区", "鄞州"), or any other place name. The same
// district spelled three ways is one place, so that one shopper does not make a serial look
// copied.
#pragma once

#include <string>
#include <string_view>

namespace zhiyou::trace::resolver {

// Longest place kept, in characters; a place is a label, not a document.
inline constexpr std::size_t kMaxPlaceChars = 32;

// The region's code for a known district; otherwise the text trimmed, inner whitespace
// runs made one space, cut at kMaxPlaceChars characters (never inside a UTF-8 sequence),
// and "" when nothing (or invalid UTF-8) is left.
std::string scan_place(std::string_view declared);

}  // namespace zhiyou::trace::resolver
