// Which products a capture document or an event query is about, and whether an enterprise
// may capture it or ask it.
//
// An enterprise account may capture only events about its own products: every identifier
// with a GTIN (items 01/…/21/…, lot classes, GTIN classes, in any role: epcList, parentID,
// childEPCs, input/output lists, quantity lists) must belong to a product registered to the
// account's USCC (products.entity_uscc), and each event must name at least one such
// identifier. Identifiers without a GTIN (SSCC pallets, GLN locations, returnable assets)
// are allowed beside them: they say where or in what the products went, not whose they are.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "trace/epcis/event.hpp"
#include "trace/epcis/query.hpp"

namespace zhiyou::trace::epcis {

// The GTIN-14s of every identifier in the document.
std::set<std::string> gtins_in(const Document& document);

// `maker_of`: GTIN → USCC of the registered maker (unregistered GTINs absent). Fails at the
// first event that names a GTIN not made by `uscc`, or names no GTIN at all; Error::place is
// the JSON path of the field ("epcisBody.eventList[2].childEPCs").
Status check_own_products(const Document& document,
                          const std::map<std::string, std::string>& maker_of,
                          std::string_view uscc);

// The GTIN-14s the query's MATCH_* parameters name (a pattern over a whole company prefix
// names none).
std::set<std::string> gtins_in(const EventQuery& query);

// An enterprise may ask only about its own products: fails at the first MATCH_* value naming
// a GTIN not made by `uscc`; Error::place is the parameter ("MATCH_epc"). Queries naming no
// GTIN pass: their answer is limited to the enterprise's events anyway (EventQuery::owner_uscc).
Status check_own_query(const EventQuery& query, const std::map<std::string, std::string>& maker_of,
                       std::string_view uscc);

}  // namespace zhiyou::trace::epcis
