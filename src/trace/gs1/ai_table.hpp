// The GS1 Application Identifier (AI) table: for every AI of the current GS1 General
// Specifications, its value format, whether a separator (FNC1 / GS) must follow it, the AIs
// it must or must not appear with, its role in GS1 Digital Link URIs, and its title.
//
// The table is a constexpr array (ai_table.cpp); lookups are O(1) through a 10 000-slot
// index computed at compile time. Nothing here allocates.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace zhiyou::trace::gs1 {

// The character sets of GS1 AI values.
enum class Charset : std::uint8_t {
  numeric,  // N: digits 0-9
  cset82,   // X: GS1 AI encodable character set 82 (printable ASCII minus space # $ @ [ \ ] ^ ` { |
            // } ~)
  cset39,   // Y: GS1 AI encodable character set 39 (A-Z 0-9 # - /)
  cset64,   // Z: base64url (A-Z a-z 0-9 - _) with optional "=" padding
};

// A content rule applied to one component of a value, beyond its character set.
enum class Rule : std::uint8_t {
  none,
  csum,            // last digit is the GS1 mod-10 check digit
  csumalpha,       // last two characters are the GS1 check character pair (GMN, MUDI)
  yymmd0,          // date YYMMDD; DD = 00 means "end of month"
  yymmdd,          // date YYMMDD
  yyyymmdd,        // date YYYYMMDD
  hhmi,            // time HHMM
  hh,              // hour 00-23
  mi,              // minute 00-59
  ss,              // second 00-59
  nonzero,         // not all zeros
  zero,            // exactly "0"
  winding,         // 0, 1 or 9 (winding direction)
  pieceoftotal,    // NNMM: piece NN of MM, 1 <= NN <= MM
  yesno,           // 0 or 1
  hyphen,          // exactly "-"
  pcenc,           // every "%" starts a two-hex-digit escape
  latitude,        // 0..1800000000 (degrees × 10^7 + 90°)
  longitude,       // 0..3600000000 (degrees × 10^7 + 180°)
  mediatype,       // AIDC media type 01-10 or 80-99
  iso5218,         // sex code 0, 1, 2 or 9
  posinseqslash,   // "n/m" with 1 <= n <= m <= 9
  importeridx,     // one of 0-9 A-Z a-z - _
  nozeroprefix,    // no leading zero unless the value is "0"
  hasnondigit,     // at least one non-digit
  iban,            // IBAN: two letters, two digits, mod-97 = 1
  iso3166,         // an ISO 3166-1 numeric country code (code_lists.hpp)
  iso3166999,      // the same, or 999
  iso3166alpha2,   // an ISO 3166-1 alpha-2 country code
  iso4217,         // an ISO 4217 numeric currency code
  couponcode,      // a North American coupon code (coupon.hpp)
  couponposoffer,  // a North American paperless coupon offer
  packagetype,     // a GS1 PackageTypeCode
  gcppos1,         // starts with a GS1 Company Prefix: at least four digits
  gcppos2,         // the same from the second character
};

// One component of a value: `min..max` characters of `charset`, each checked by `rules`.
struct Component {
  Charset charset = Charset::numeric;
  std::uint8_t min = 0;
  std::uint8_t max = 0;
  bool optional = false;  // may be left out when the value has ended
  std::array<Rule, 3> rules{};
};

// A value format, written in GS1 notation extended by content rules, e.g.
//   "N14:csum"                 fourteen digits ending in a check digit
//   "N13:csum ~X..17"          thirteen digits, then optionally up to 17 CSET 82 characters
//   "N6:yymmd0 N4:hhmi"        a date followed by a time
// Only the last component may vary in length; "~" marks an optional component.
struct Format {
  std::array<Component, 5> parts{};
  std::uint8_t count = 0;
  std::uint8_t min_length = 0;  // sum of mandatory minima
  std::uint8_t max_length = 0;  // sum of all maxima

  consteval Format(const char* spec);  // NOLINT(google-explicit-constructor): table literal
  [[nodiscard]] constexpr std::span<const Component> components() const {
    return {parts.data(), count};
  }
};

enum AiFlag : std::uint8_t {
  kPredefined = 1,    // predefined length: no FNC1 separator needed after the value
  kDlAttribute = 2,   // may appear as a GS1 Digital Link query-string data attribute
  kDlPrimaryKey = 4,  // a GS1 Digital Link primary key
};

// One row of the table; a row may cover a range of AIs ("3100".."3105").
//
// `requisites` lists mandatory associations: groups separated by ";" must all be satisfied; a
// group is satisfied by any of its ","-separated alternatives; an alternative "01+21" needs
// every "+"-joined AI. "n" in an AI is a wildcard digit ("31nn").
// `excludes` lists AIs (same pattern syntax) that must not appear in the same data; an AI
// never excludes itself.
// `qualifiers` lists, for primary keys, the key qualifiers allowed in a Digital Link path in
// their fixed order; "|" separates alternative sequences ("22,10,21|235").
struct AiEntry {
  std::string_view first;
  std::string_view last;
  std::uint8_t flags = 0;
  Format format;
  std::string_view requisites;
  std::string_view excludes;
  std::string_view qualifiers;
  std::string_view title;

  [[nodiscard]] constexpr std::size_t ai_length() const { return first.size(); }
  [[nodiscard]] constexpr bool predefined_length() const { return (flags & kPredefined) != 0; }
  [[nodiscard]] constexpr bool dl_attribute() const { return (flags & kDlAttribute) != 0; }
  [[nodiscard]] constexpr bool dl_primary_key() const { return (flags & kDlPrimaryKey) != 0; }
};

// Every row of the table, in AI order.
std::span<const AiEntry> ai_table();

// The row describing `ai` (2-4 digits), or nullptr when GS1 defines no such AI.
const AiEntry* find_ai(std::string_view ai);

// How many digits an AI starting with these two digits has (2, 3 or 4), or 0 when no AI
// starts with them. Raw scanner data relies on this to split AI from value.
std::size_t ai_length_for_prefix(char d1, char d2);

// The entry used for AIs GS1 has not defined, when a caller permits them: X..90, FNC1
// required, not a Digital Link attribute.
const AiEntry& unknown_ai_entry();

// ---- Format parsing at compile time ----

namespace detail {
consteval bool spec_equals(const char* s, std::size_t n, const char* word) {
  std::size_t i = 0;
  for (; i < n; ++i) {
    if (word[i] == '\0' || word[i] != s[i]) return false;
  }
  return word[i] == '\0';
}

consteval Rule parse_rule(const char* s, std::size_t n) {
  constexpr std::pair<const char*, Rule> names[] = {
      {"csum", Rule::csum},
      {"csumalpha", Rule::csumalpha},
      {"yymmd0", Rule::yymmd0},
      {"yymmdd", Rule::yymmdd},
      {"yyyymmdd", Rule::yyyymmdd},
      {"hhmi", Rule::hhmi},
      {"hh", Rule::hh},
      {"mi", Rule::mi},
      {"ss", Rule::ss},
      {"nonzero", Rule::nonzero},
      {"zero", Rule::zero},
      {"winding", Rule::winding},
      {"pieceoftotal", Rule::pieceoftotal},
      {"yesno", Rule::yesno},
      {"hyphen", Rule::hyphen},
      {"pcenc", Rule::pcenc},
      {"latitude", Rule::latitude},
      {"longitude", Rule::longitude},
      {"mediatype", Rule::mediatype},
      {"iso5218", Rule::iso5218},
      {"posinseqslash", Rule::posinseqslash},
      {"importeridx", Rule::importeridx},
      {"nozeroprefix", Rule::nozeroprefix},
      {"hasnondigit", Rule::hasnondigit},
      {"iban", Rule::iban},
      {"iso3166", Rule::iso3166},
      {"iso3166999", Rule::iso3166999},
      {"iso3166alpha2", Rule::iso3166alpha2},
      {"iso4217", Rule::iso4217},
      {"couponcode", Rule::couponcode},
      {"couponposoffer", Rule::couponposoffer},
      {"packagetype", Rule::packagetype},
      {"gcppos1", Rule::gcppos1},
      {"gcppos2", Rule::gcppos2},
  };
  for (const auto& [name, rule] : names) {
    if (spec_equals(s, n, name)) return rule;
  }
  throw "unknown rule in AI format";  // a compile error: the table names an unknown rule
}
}  // namespace detail

consteval Format::Format(const char* spec) {
  std::size_t i = 0;
  while (spec[i] != '\0') {
    if (count == parts.size()) throw "too many components";
    Component c;
    if (spec[i] == '~') {
      c.optional = true;
      ++i;
    }
    switch (spec[i]) {
      case 'N':
        c.charset = Charset::numeric;
        break;
      case 'X':
        c.charset = Charset::cset82;
        break;
      case 'Y':
        c.charset = Charset::cset39;
        break;
      case 'Z':
        c.charset = Charset::cset64;
        break;
      default:
        throw "bad charset";
    }
    ++i;
    bool variable = false;
    if (spec[i] == '.' && spec[i + 1] == '.') {
      variable = true;
      i += 2;
    }
    unsigned n = 0;
    while (spec[i] >= '0' && spec[i] <= '9') n = n * 10 + static_cast<unsigned>(spec[i++] - '0');
    if (n == 0 || n > 99) throw "bad length";
    c.max = static_cast<std::uint8_t>(n);
    c.min = variable ? 1 : c.max;
    if (spec[i] == ':') {
      ++i;
      std::size_t r = 0;
      while (spec[i] != '\0' && spec[i] != ' ') {
        std::size_t start = i;
        while (spec[i] != '\0' && spec[i] != ' ' && spec[i] != '+') ++i;
        if (r == c.rules.size()) throw "too many rules";
        c.rules[r++] = detail::parse_rule(spec + start, i - start);
        if (spec[i] == '+') ++i;
      }
    }
    if (count > 0 && parts[count - 1].min != parts[count - 1].max) throw "variable not last";
    if (count > 0 && parts[count - 1].optional && !c.optional) throw "mandatory after optional";
    parts[count++] = c;
    if (!c.optional) min_length = static_cast<std::uint8_t>(min_length + c.min);
    max_length = static_cast<std::uint8_t>(max_length + c.max);
    while (spec[i] == ' ') ++i;
  }
  if (count == 0) throw "empty format";
}

}  // namespace zhiyou::trace::gs1
