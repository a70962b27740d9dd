// RFC 3339 timestamps as EPCIS uses them: the JSON schema's "date-time"
// (2005-04-03T20:33:31.116-06:00, fractions of any length, Z or an offset) and
// eventTimeZoneOffset (±HH:MM, -14:00..+14:00). In core because the store reads them too (the
// declaration times of migration 12).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zhiyou {

// Milliseconds since 1970-01-01T00:00:00Z, or nullopt when `text` is not an RFC 3339
// date-time with a valid calendar date and an offset. Extra fraction digits are truncated.
std::optional<std::int64_t> parse_date_time(std::string_view text);

// True for "+HH:MM" / "-HH:MM" with HH:MM from 00:00 to 14:00 (the schema's pattern).
bool is_time_zone_offset(std::string_view text);

// "2005-04-04T02:33:31.116Z" — UTC, milliseconds, sortable as text.
std::string format_utc(std::int64_t millis);

// "2024-05-04 15:00:00": Beijing time (UTC+8; China has no daylight saving), which is what
// people here read on a page or in a workbook; "" for 0 (no time known).
std::string beijing_time(std::int64_t millis);

}  // namespace zhiyou
