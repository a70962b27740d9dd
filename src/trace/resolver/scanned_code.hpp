// The code a consumer's phone sends to the resolver: the path of a GS1 Digital Link URI
// ("/01/09506000134352/10/ABC/21/123?17=261231"). Only a GTIN key is resolved here; its
// qualifiers must come in the standard's order (22, 10, 21).
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::trace::resolver {

struct ScannedCode {
  std::string gtin;    // GTIN-14
  std::string cpv;     // AI (22), "" when absent
  std::string lot;     // AI (10), "" when absent
  std::string serial;  // AI (21), "" when absent
  std::string uri;     // canonical: https://id.gs1.org/01/…, qualifiers only, no query
};

// Reads `path_and_query` as sent (percent-encoded). Fails with the GS1 reason and, in
// Error::place, the AI or "path" when the code is malformed: a bad check digit, qualifiers
// out of order, a value outside its AI's character set, a key other than (01).
Result<ScannedCode> read_scanned_code(std::string_view path_and_query);

}  // namespace zhiyou::trace::resolver
