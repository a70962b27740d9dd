// GS1 element strings: AI/value pairs as printed under a barcode and as a scanner sends them.
//
//   bracketed  "(01)09506000134352(10)ABC"      "\(" stands for a "(" inside a value
//   raw        "]C10109506000134352" "10ABC"    optional symbology identifier, then AIs and
//              values; a GS (0x1D, FNC1) ends every value of variable length that is not last
//
// Parsing checks each value against the AI table (length, character set, check digit, date,
// ...) and, unless options.check_associations is off, how the AIs go together
// (associations.hpp). Elements keep the order of the input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

inline constexpr char kGroupSeparator = '\x1d';

Result<Elements> parse_bracketed(std::string_view text, const Options& options = {},
                                 std::size_t* error_position = nullptr);

// Accepted symbology identifiers: ]C1 (GS1-128), ]e0 (GS1 DataBar and composites), ]d2 (GS1
// DataMatrix), ]Q3 (GS1 QR Code), ]J1 (GS1 DotCode), and ]E0 / ]E4 (EAN-13 / EAN-8, read as
// AI (01)). Without an identifier the data must start with an AI; one leading GS is allowed.
Result<Elements> parse_raw(std::string_view data, const Options& options = {},
                           std::size_t* error_position = nullptr);

// The same two parsers filling a caller's vector, so that a loop over many inputs reuses
// its storage. `out` is cleared first; on failure its content is unspecified.
Status parse_bracketed_into(std::string_view text, Elements& out, const Options& options = {},
                            std::size_t* error_position = nullptr);
Status parse_raw_into(std::string_view data, Elements& out, const Options& options = {},
                      std::size_t* error_position = nullptr);

// "(01)09506000134352(10)ABC"; a "(" in a value is written "\(".
std::string to_bracketed(const Elements& elements);

// `symbology_id` (e.g. "]C1", "]d2", or "" for none) followed by the AIs and values, with a
// GS after every value whose AI is not of predefined length, except the last.
std::string to_raw(const Elements& elements, std::string_view symbology_id = "]C1");

}  // namespace zhiyou::trace::gs1
