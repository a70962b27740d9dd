// A resolution as JSON (Accept: application/json), as a mobile-first Chinese page (a
// browser), and as an RFC 9264 linkset (?linkType=all) in the shape the GS1-Conformant
// resolver standard describes: one link set anchored at the code's canonical URI, its link
// types as GS1 vocabulary URIs, each target this resolver's own page or JSON.
#pragma once

#include <string>
#include <string_view>

#include "trace/resolver/resolution.hpp"

namespace zhiyou::trace::resolver {

std::string resolution_json(const Resolution& r);

// `base` is where this resolver answers ("http://127.0.0.1:8080"), for the page's links.
std::string resolution_page(const Resolution& r);

std::string linkset_json(const Resolution& r, std::string_view base);

// The page for a code that is malformed (400) or unknown (404); `counterfeit` adds the
// 疑似假冒 warning for a serial that was never issued.
std::string problem_page(std::string_view title, std::string_view message, bool counterfeit);

}  // namespace zhiyou::trace::resolver
