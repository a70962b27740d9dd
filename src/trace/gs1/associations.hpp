// Rules about which AIs may appear together in one message (all GS1 carriers on one item):
//  - mandatory associations: (02) needs (37); (37) needs (00) and (02) or (8026); (10) needs
//    a trade item key; ...
//  - invalid pairs: (01) with (02), (01) with (37), (21) with (235), ...
//  - an AI given twice must carry the same value both times;
//  - a digital signature (8030) needs a serialised key: (253), (255), (8003) with their
//    optional serial component present.
#pragma once

#include <cstddef>
#include <span>

#include "core/result.hpp"
#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

// Ok, or the first broken rule; `error_position` receives the offending element's position.
Status check_associations(const Elements& elements, std::size_t* error_position = nullptr);
// The same for the AIs of two lists taken together (a Digital Link's path and query).
Status check_associations(std::span<const Element> first, std::span<const Element> second,
                          std::size_t* error_position = nullptr);

}  // namespace zhiyou::trace::gs1
