// Percent-encoding of AI values in GS1 Digital Link URIs (RFC 3986). Only the unreserved
// characters A-Z a-z 0-9 - . _ ~ pass through; every other byte becomes %XX (upper-case hex).
// In the query string a space may also be written "+", so "+" there means a space; in the
// path "+" is itself.
#pragma once

#include <string>
#include <string_view>

namespace zhiyou::trace::gs1 {

enum class UriPart { path, query };

std::string percent_encode(std::string_view text, UriPart part);
void percent_encode_append(std::string& out, std::string_view text, UriPart part);

// Decodes %XX escapes (either case of hex); a "%" not followed by two hex digits is kept as
// is. In UriPart::query "+" becomes a space. Decoded bytes may include NUL.
std::string percent_decode(std::string_view text, UriPart part);
void percent_decode_into(std::string& out, std::string_view text, UriPart part);

}  // namespace zhiyou::trace::gs1
