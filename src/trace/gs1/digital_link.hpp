// GS1 Digital Link URIs (GS1 Digital Link standard 1.x), e.g.
//   https://example.org/01/09506000134352/10/ABC/21/123?17=261231&linkType=gs1:pip
//
// The path ends with a primary key (01, 00, 253, 255, 401, 402, 414, 415, 417, 8003, 8004,
// 8006, 8010, 8013, 8017, 8018) and then its key qualifiers in their fixed order (for 01:
// 22, 10, 21 — or 235; for 414: 254 or 7040; ...). Anything before the key is the stem. The
// query string carries further AIs as data attributes; other parameters (linkType, ...) do
// not change the identity and are returned separately. Only http and https are accepted.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

struct QueryParameter {
  std::string name;   // decoded
  std::string value;  // decoded; empty for a parameter without "="
};

struct DigitalLink {
  std::string stem;     // "https://example.org" or "https://example.org/some/prefix"
  Elements path;        // the primary key, then its qualifiers in path order
  Elements attributes;  // AIs from the query string, in query order
  std::vector<QueryParameter> other_parameters;  // non-AI query parameters, in order

  // path followed by attributes: the AI data the URI carries.
  [[nodiscard]] Elements elements() const;
};

// Splits and validates `uri`: every value against its AI's format, the qualifier order, that
// no AI repeats and (with options.check_associations) the AI associations. With
// options.permit_zero_suppressed_gtin a GTIN-8/12/13 given for (01) becomes a GTIN-14.
Result<DigitalLink> parse_digital_link(std::string_view uri, const Options& options = {},
                                       std::size_t* error_position = nullptr);
// The same, filling a caller's DigitalLink so that a loop over many URIs reuses its storage.
// On failure `link` holds whatever was read before the problem.
Status parse_digital_link_into(std::string_view uri, DigitalLink& link, const Options& options = {},
                               std::size_t* error_position = nullptr);

// A Digital Link URI for `elements` under `stem` (trailing "/" dropped): the first primary
// key in `elements`, the qualifiers present of the first qualifier sequence that has any,
// then every other AI as a query attribute — those of predefined length first — each in
// input order. Exact repeats are dropped. Fails when no AI can be the primary key or an AI
// cannot be a data attribute.
Result<std::string> build_digital_link(const Elements& elements,
                                       std::string_view stem = "https://id.gs1.org",
                                       const Options& options = {});

// The URI for an already parsed link, keeping its stem and order (other parameters are not
// written).
std::string to_uri(const DigitalLink& link);

}  // namespace zhiyou::trace::gs1
