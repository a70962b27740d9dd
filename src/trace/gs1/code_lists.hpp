// The code lists some AI values must come from (AI table rules iso3166, iso3166999,
// iso3166alpha2, iso4217 and packagetype): country codes, currency codes and package type
// codes. The lists are data, kept as compact constexpr tables in code_lists.cpp; each lookup
// is one bit test and allocates nothing.
#pragma once

#include <string_view>

namespace zhiyou::trace::gs1 {

// "156": a three-digit ISO 3166-1 numeric country code (China).
bool is_iso3166_numeric(std::string_view code);
// "CN": an ISO 3166-1 alpha-2 country code (upper case only, as GS1 requires).
bool is_iso3166_alpha2(std::string_view code);
// "156": a three-digit ISO 4217 numeric currency code (yuan renminbi).
bool is_iso4217_numeric(std::string_view code);
// "BX": a GS1 PackageTypeCode (AI 7041).
bool is_package_type(std::string_view code);

}  // namespace zhiyou::trace::gs1
