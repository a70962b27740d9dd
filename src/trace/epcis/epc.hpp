// Identifiers in EPCIS events: EPCs, EPC classes and locations, written either as EPC URNs
// (GS1 EPC Tag Data Standard: urn:epc:id:sgtin:0614141.107346.2017, urn:epc:class:lgtin:…,
// urn:epc:idpat:sgtin:0614141.107346.*) or as GS1 Digital Link URIs
// (https://id.gs1.org/01/00614141073467/21/2017, any host). Both spellings of a GS1 key
// become one canonical Digital Link URI under https://id.gs1.org, so that a query in either
// spelling finds events captured in the other. Identifiers that are not GS1 keys (other URIs,
// urn:epc:id:bic, …) are kept as given.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::trace::epcis {

struct Epc {
  // The GS1 primary key as a Digital Link path ("01/00614141073467", "414/0614141073467");
  // for identifiers that are not GS1 keys, the URI as given. Also the partition key.
  std::string key;
  // The key qualifiers that belong to the identity, as a Digital Link path ("21/2017",
  // "10/LOT1" for a lot class, "254/1234"); empty when none.
  std::string qualifier;
  // AI (10) when a Digital Link for a serialised item also names its lot (it is not part
  // of the SGTIN's identity, but recall needs it).
  std::string lot;
  // urn:epc:idpat:…: matches every identifier whose key starts with `key` (or, when
  // `qualifier` is "*", every identifier with exactly this key).
  bool pattern = false;
  bool gs1 = false;  // key is a GS1 key

  // "https://id.gs1.org/01/00614141073467/21/2017", or the URI as given.
  [[nodiscard]] std::string uri() const;
};

// Parses an EPC, EPC class, location or party identifier. Fails with a Chinese message
// (place left empty for the caller to fill) when an EPC URN or a Digital Link URI is
// malformed (wrong digit counts, check digit, character set) or the text is not a URI.
Result<Epc> parse_epc(std::string_view text);

// The SGTIN of a checked GTIN and serial, as parse_epc() gives it for their Digital Link
// (the resolver has parsed them already).
Epc sgtin_epc(std::string_view gtin, std::string_view serial);

// The same for query parameters, where EPC patterns (urn:epc:idpat:…) are also allowed.
Result<Epc> parse_epc_or_pattern(std::string_view text);

// The canonical form of any identifier-valued field (readPoint, bizLocation, source, …):
// the Digital Link URI for GS1 keys, the text unchanged for other valid URIs.
Result<std::string> canonical_identifier(std::string_view text);

// True for an absolute URI (RFC 3986 scheme ":" then no whitespace or control characters).
// EPCIS uses the JSON schema's "uri" format for every identifier and extension name.
bool is_uri(std::string_view text);

}  // namespace zhiyou::trace::epcis
