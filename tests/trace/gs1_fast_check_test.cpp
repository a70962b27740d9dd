// The fast path of `gs1 check` (fast_check.hpp) must print exactly what the general parsers
// print, for every line it decides. Checked on a large generated set of valid and spoiled
// inputs in all three forms, on GS1's own test inputs, and value by value against
// check_value().
#include "trace/gs1/fast_check.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <random>
#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/check_lines.hpp"
#include "trace/gs1/element_string.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::gs1 {
namespace {

using Rng = std::mt19937_64;

const std::string kCset82 =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const std::string kDigits = "0123456789";

std::size_t pick(Rng& rng, std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
}

std::string text(Rng& rng, const std::string& alphabet, std::size_t lo, std::size_t hi) {
  std::string out;
  const std::size_t n = lo + pick(rng, hi - lo + 1);
  for (std::size_t i = 0; i < n; ++i) out += alphabet[pick(rng, alphabet.size())];
  return out;
}

std::string with_check_digit(std::string body) {
  unsigned sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const unsigned d = static_cast<unsigned>(body[body.size() - 1 - i] - '0');
    sum += i % 2 == 0 ? 3 * d : d;
  }
  body += static_cast<char>('0' + (10 - sum % 10) % 10);
  return body;
}

std::string key(Rng& rng, std::size_t length) {
  return with_check_digit(text(rng, kDigits, length - 1, length - 1));
}

std::string date(Rng& rng) {
  const unsigned y = static_cast<unsigned>(pick(rng, 100));
  const unsigned m = 1 + static_cast<unsigned>(pick(rng, 12));
  const unsigned d = static_cast<unsigned>(pick(rng, 29));
  char out[8];
  std::snprintf(out, sizeof out, "%02u%02u%02u", y, m, d);
  return out;
}

std::string one_of(Rng& rng, std::initializer_list<const char*> choices) {
  return *(choices.begin() + pick(rng, choices.size()));
}

struct Ai {
  std::string ai;
  std::string value;
};

// A valid value for one of the AIs the generator uses.
Ai random_ai(Rng& rng) {
  switch (pick(rng, 33)) {
    case 0:
    case 1:
    case 2:
      return {"01", key(rng, 14)};
    case 3:
      return {"00", key(rng, 18)};
    case 4:
      return {"02", key(rng, 14)};
    case 5:
    case 6:
      return {"10", text(rng, pick(rng, 4) == 0 ? kCset82 : kDigits + "ABCXYZ-", 1, 20)};
    case 7:
    case 8:
      return {"21", text(rng, pick(rng, 4) == 0 ? kCset82 : kDigits + "ABCXYZ", 1, 20)};
    case 9:
      return {"17", date(rng)};
    case 10:
      return {"11", date(rng)};
    case 11:
      return {"37", text(rng, kDigits, 1, 8)};
    case 12:
      return {"310" + std::to_string(pick(rng, 6)), text(rng, kDigits, 6, 6)};
    case 13:
      return {"414", key(rng, 13)};
    case 14:
      return {"254", text(rng, kCset82, 1, 20)};
    case 15:
      return {"22", text(rng, kCset82, 1, 20)};
    case 16:
      return {"235", text(rng, kCset82, 1, 28)};
    case 17:
      return {"8004", text(rng, kDigits, 4, 6) + text(rng, kCset82, 0, 20)};
    case 18:
      return {"253", key(rng, 13) + text(rng, kCset82, 0, 5)};
    case 19:
      return {"8003", "0" + key(rng, 13) + text(rng, kCset82, 0, 5)};
    case 20:
      return {"8006", key(rng, 14) + "0102"};
    case 21:
      return {"255", key(rng, 13) + text(rng, kDigits, 0, 3)};
    case 22:
      return {"30", text(rng, kDigits, 1, 8)};
    case 23:
      return {"400", text(rng, kCset82, 1, 30)};
    case 24:
      return {"8030", text(rng, "ABCabc012-_", 4, 20)};
    // Values from code lists: common codes, or any three digits / letters (often not listed).
    case 25:
      return {"422", pick(rng, 2) == 0 ? one_of(rng, {"156", "276", "840", "004", "894"})
                                       : text(rng, kDigits, 3, 3)};
    case 26:
      return {"4307", pick(rng, 2) == 0 ? one_of(rng, {"CN", "DE", "US", "AD", "ZW"})
                                        : text(rng, "ABCDEUXZ", 2, 2)};
    case 27:
      return {"391" + std::to_string(pick(rng, 10)),
              (pick(rng, 2) == 0 ? one_of(rng, {"156", "978", "840", "999"})
                                 : text(rng, kDigits, 3, 3)) +
                  text(rng, kDigits, 1, 12)};
    case 28:
      return {"7041", pick(rng, 2) == 0 ? one_of(rng, {"BX", "8", "200", "PLP", "CT"})
                                        : text(rng, "0123456789ABPX", 1, 4)};
    case 29:
      return {"703" + std::to_string(pick(rng, 10)),
              (pick(rng, 2) == 0 ? one_of(rng, {"156", "999"}) : text(rng, kDigits, 3, 3)) +
                  text(rng, kCset82, 1, 10)};
    case 30:
      return {"423", text(rng, kDigits, 3, 3) + one_of(rng, {"", "156", "156276"})};
    case 31:  // a coupon code: company prefix 061414, offer, save value, purchase, options
      return {"8110", "0061414" + text(rng, kDigits, 6, 6) + "250110123" +
                          one_of(rng, {"", "3251231", "4250101", "90101", "111012019", "7"})};
    default:
      return {std::to_string(91 + pick(rng, 9)), text(rng, kCset82, 1, 30)};
  }
}

std::string percent(std::string_view value, bool query) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else if (c == ' ' && query) {
      out += '+';
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

std::string as_line(Rng& rng, const std::vector<Ai>& ais) {
  std::string out;
  switch (pick(rng, 3)) {
    case 0:
      for (const Ai& a : ais) out += "(" + a.ai + ")" + a.value;
      return out;
    case 1: {
      const char* ids[] = {"", "", "]C1", "]d2", "]Q3", "]e0", "]J1", "\x1d", "]E0", "]X9"};
      out = ids[pick(rng, std::size(ids))];
      for (std::size_t i = 0; i < ais.size(); ++i) {
        out += ais[i].ai + ais[i].value;
        const AiEntry* entry = find_ai(ais[i].ai);
        if (i + 1 < ais.size() &&
            (entry == nullptr || !entry->predefined_length() || pick(rng, 10) == 0)) {
          out += kGroupSeparator;
        }
      }
      return out;
    }
    default: {
      const char* stems[] = {"https://id.gs1.org", "http://example.com:8080/a/b", "HTTPS://X.CN",
                             "https://a"};
      out = stems[pick(rng, std::size(stems))];
      std::string query;
      for (std::size_t i = 0; i < ais.size(); ++i) {
        const bool path = i == 0 || pick(rng, 2) == 0;
        std::string value = ais[i].value;
        if (ais[i].ai == "01" && pick(rng, 5) == 0) value = value.substr(1);  // GTIN-13
        if (path) {
          out += "/" + ais[i].ai + "/" + percent(value, false);
        } else {
          query += (query.empty() ? "?" : "&") + ais[i].ai + "=" + percent(value, true);
        }
      }
      if (pick(rng, 5) == 0) query += (query.empty() ? "?" : "&") + std::string("linkType=all");
      return out + query;
    }
  }
}

// A realistic slip: one character changed, dropped or doubled, or a piece swapped in.
void spoil(Rng& rng, std::string& line) {
  if (line.empty()) return;
  const std::size_t at = pick(rng, line.size());
  static const std::string kNoise = "0123456789AZaz()/?&=%+ \x1d#\"\\\x01\xe9~";
  switch (pick(rng, 4)) {
    case 0:
      line[at] = kNoise[pick(rng, kNoise.size())];
      break;
    case 1:
      line.erase(at, 1);
      break;
    case 2:
      line.insert(at, 1, line[at]);
      break;
    default:
      line.insert(at, std::string(1, kNoise[pick(rng, kNoise.size())]));
  }
}

std::string generated_lines(std::size_t count, std::uint64_t seed) {
  Rng rng(seed);
  std::string out;
  for (std::size_t n = 0; n < count; ++n) {
    std::vector<Ai> ais;
    const std::size_t k = 1 + pick(rng, 4);
    for (std::size_t i = 0; i < k; ++i) ais.push_back(random_ai(rng));
    if (pick(rng, 3) == 0) ais.insert(ais.begin(), {"01", key(rng, 14)});
    std::string line = as_line(rng, ais);
    const std::size_t slips = pick(rng, 3) == 0 ? 1 + pick(rng, 2) : 0;
    for (std::size_t s = 0; s < slips; ++s) spoil(rng, line);
    std::erase(line, '\n');
    out += line;
    out += pick(rng, 20) == 0 ? "\r\n" : "\n";
  }
  return out;
}

// Both paths over `input`; reports the first lines where they differ.
void expect_same_output(const std::string& input, const Options& options,
                        std::size_t min_fast_percent) {
  LineChecker fast(options);
  LineChecker general(options);
  general.set_use_fast_path(false);
  std::string fast_out;
  std::string general_out;
  fast.check(input, true, fast_out);
  general.check(input, true, general_out);
  EXPECT_EQ(general.fast_lines(), 0u);
  std::size_t start_in = 0;
  std::size_t start_fast = 0;
  std::size_t start_general = 0;
  int reported = 0;
  while (start_in < input.size() && reported < 10) {
    const std::size_t end_in = input.find('\n', start_in);
    const std::size_t end_fast = fast_out.find('\n', start_fast);
    const std::size_t end_general = general_out.find('\n', start_general);
    ASSERT_NE(end_fast, std::string::npos);
    ASSERT_NE(end_general, std::string::npos);
    const std::string_view a(fast_out.data() + start_fast, end_fast - start_fast);
    const std::string_view b(general_out.data() + start_general, end_general - start_general);
    if (a != b) {
      ++reported;
      ADD_FAILURE() << "input: " << input.substr(start_in, end_in - start_in) << "\nfast:    " << a
                    << "\ngeneral: " << b;
    }
    start_in = end_in == std::string::npos ? input.size() : end_in + 1;
    start_fast = end_fast + 1;
    start_general = end_general + 1;
  }
  EXPECT_EQ(fast_out, general_out);
  EXPECT_GE(fast.fast_lines() * 100, fast.lines() * min_fast_percent)
      << "the fast path decided only " << fast.fast_lines() << " of " << fast.lines();
}

TEST(Gs1FastCheck, AgreesWithTheGeneralPathOnGeneratedLines) {
  const std::string input = generated_lines(60'000, 20261122);
  expect_same_output(input, Options{}, 50);
}

TEST(Gs1FastCheck, AgreesWithTheGeneralPathUnderEveryOptionItCovers) {
  const std::string input = generated_lines(20'000, 7);
  Options no_associations;
  no_associations.check_associations = false;
  expect_same_output(input, no_associations, 50);
  Options strict;
  strict.permit_zero_suppressed_gtin = false;
  expect_same_output(input, strict, 50);
  Options unknown;  // not covered: every line goes through the general path
  unknown.permit_unknown_ais = true;
  expect_same_output(input, unknown, 0);
}

TEST(Gs1FastCheck, AgreesWithTheGeneralPathOnGs1sOwnInputs) {
  std::string input;
  for (const char* file : {"test_parseAIdata.tsv", "test_validateAIs.tsv", "test_parseDLuri.tsv",
                           "test_testProcessScanData.tsv", "test_processAIdata.tsv"}) {
    const std::string tsv = testing::read_file(testing::peer_tests_dir() / "gs1" / file);
    std::size_t start = 0;
    while (start < tsv.size()) {
      std::size_t end = tsv.find('\n', start);
      if (end == std::string::npos) end = tsv.size();
      std::string_view row(tsv.data() + start, end - start);
      start = end + 1;
      // Every field after the verdict is a possible input; "{GS}" and "^" stand for GS.
      for (std::size_t tab = row.find('\t'); tab != std::string_view::npos;
           tab = row.find('\t', tab + 1)) {
        std::string field(row.substr(tab + 1, row.find('\t', tab + 1) - tab - 1));
        for (std::size_t at = field.find("{GS}"); at != std::string::npos;
             at = field.find("{GS}")) {
          field.replace(at, 4, 1, kGroupSeparator);
        }
        for (char& c : field) {
          if (c == '^') c = kGroupSeparator;
        }
        if (!field.empty()) input += field + "\n";
      }
    }
  }
  ASSERT_GT(input.size(), 10'000u);
  expect_same_output(input, Options{}, 20);
  Options no_associations;
  no_associations.check_associations = false;
  expect_same_output(input, no_associations, 20);
}

TEST(Gs1FastCheck, ValueFitsAgreesWithCheckValueForEveryAi) {
  Rng rng(99);
  const std::string pool = kCset82 + " #$@[]^`{|}~\x1d\xc3=";
  std::size_t accepted = 0;
  for (const AiEntry& entry : ai_table()) {
    const std::string ai(entry.first);
    for (int i = 0; i < 300; ++i) {
      std::string value;
      switch (i % 4) {
        case 0:  // digits, sometimes with a right check digit
          value = text(rng, kDigits, 0, entry.format.max_length + 1);
          if (!value.empty() && i % 8 == 0) value = with_check_digit(value.substr(1));
          break;
        case 1:
          value = text(rng, pool, 0, entry.format.max_length + 1);
          break;
        case 2:
          value = text(rng, kCset82, entry.format.min_length, entry.format.max_length);
          break;
        default:
          value = text(rng, kDigits, entry.format.min_length, entry.format.max_length);
          if (!value.empty()) value = with_check_digit(value.substr(0, value.size() - 1));
      }
      const bool fits = value_fits(ai, entry, value);
      EXPECT_EQ(fits, !check_value(ai, entry, value).has_value()) << ai << " " << value;
      accepted += fits ? 1 : 0;
    }
  }
  EXPECT_GT(accepted, 1000u) << "the values should not all be wrong";
}

}  // namespace
}  // namespace zhiyou::trace::gs1
