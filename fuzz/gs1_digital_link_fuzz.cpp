// Digital Link URIs: whatever parses must render back to a URI that parses to the same AIs,
// and a Digital Link built from its AIs, when one can be, must parse again.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "trace/gs1/check.hpp"
#include "trace/gs1/digital_link.hpp"

namespace gs1 = zhiyou::trace::gs1;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gs1::Options options;
  options.permit_convenience_alphas = (size % 2) == 1;
  std::size_t position = 0;
  auto link = gs1::parse_digital_link(text, options, &position);
  if (!link.ok()) {
    if (position > size) std::abort();
  } else {
    auto again = gs1::parse_digital_link(gs1::to_uri(*link), options);
    if (!again.ok() || again->elements() != link->elements()) std::abort();
    auto built = gs1::build_digital_link(link->elements(), "https://id.gs1.org", options);
    // Building may refuse what a URI can say ("/01/…/235/…?10=…" puts (10) in the query,
    // which GS1's rendering order never does); what it builds must parse.
    if (built.ok() && !gs1::parse_digital_link(*built, options).ok()) std::abort();
  }
  const auto checked = gs1::check_input(text);
  if (!checked.ok && checked.position > size) std::abort();
  (void)gs1::to_json(checked);
  return 0;
}
