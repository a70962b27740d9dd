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
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "trace/gs1/element.hpp"

namespace zhiyou::trace::gs1 {

// Ok, or the first broken rule; `error_position` receives the offending element's position.
Status check_associations(const Elements& elements, std::size_t* error_position = nullptr);
// The same for the AIs of two lists taken together (a Digital Link's path and query).
Status check_associations(std::span<const Element> first, std::span<const Element> second,
                          std::size_t* error_position = nullptr);

// The messages of the rules above, shared with the fast path of `gs1 check`
// (compiled_rules.hpp), which finds the same broken rule without splitting the table's text.
std::string repeated_ai_message(std::string_view ai, std::string_view first,
                                std::string_view second);
// `group`: the table's requisite group that is not satisfied ("01,02,03,8006,8026").
std::string missing_ai_message(std::string_view ai, std::string_view group);
// The same group as the message writes it ("(01) 或 (02) 或 …"), and the message from it:
// the fast path keeps the written form of every group.
std::string readable_requisites(std::string_view group);
std::string missing_ai_message_from_readable(std::string_view ai, std::string_view readable);
std::string excluded_ai_message(std::string_view ai, std::string_view other);

}  // namespace zhiyou::trace::gs1
