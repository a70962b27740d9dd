// Code issuance (赋码): giving every unit of a product batch its own GS1 key — GTIN + lot
// + serial — as an element string and a GS1 Digital Link URI for its QR code.
//
// Pure: what is valid, how serials are drawn, how a code is written. Storing the codes is
// code_store.hpp; the command line is cli/trace_command.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::trace {

enum class SerialKind { sequential, random };

// The Digital Link stem when none is given: GS1's own resolver. A city would give its own
// (the web page gives this server's origin) so that a scan reaches Zhiyou.
inline constexpr std::string_view kDefaultBaseUri = "https://id.gs1.org";

struct IssueRequest {
  std::string gtin;                   // GTIN-14
  std::string lot;                    // AI (10)
  std::optional<std::string> expiry;  // AI (17), YYMMDD
  std::size_t count = 0;
  SerialKind serials = SerialKind::random;
  std::string base_uri{kDefaultBaseUri};  // the Digital Link stem, without "/" at the end
};

inline constexpr std::size_t kMaxCodesPerIssue = 10'000'000;

// Checks a request as typed: GTIN-8/12/13/14 with its check digit (made GTIN-14), the lot by
// AI (10)'s rules (1-20 characters of GS1 character set 82), the expiry by AI (17)'s (a real
// YYMMDD date, DD = 00 allowed), 1 <= count <= kMaxCodesPerIssue, and an http(s) base URI
// with a host. Errors name the option ("--gtin", "--lot", ...).
Result<IssueRequest> make_issue_request(std::string_view gtin, std::string_view lot,
                                        std::optional<std::string_view> expiry, std::size_t count,
                                        std::string_view serials, std::string_view base_uri);

// 12 characters from 0-9 A-Z a-z (a part of AI (21)'s character set that needs no escaping
// in a URI), about 71 bits drawn from OpenSSL's CSPRNG.
inline constexpr std::size_t kRandomSerialLength = 12;
std::string random_serial();

// A source of serials; the store draws from it and retries on a collision. Tests pass
// their own to force collisions.
using SerialSource = std::function<std::string()>;

// The random serials of one issue (一次赋码): a prefix of kIssuePrefixLength characters drawn
// once for the source, then random_serial() for each code. Each serial still has ~71 bits that
// the issue's other serials do not reveal, so none can be guessed from others; but the codes
// of one issue share a key range instead of spreading over every page of the GTIN's codes, so
// storing N codes costs the same however many the store already holds (README: issuance into
// a large store). 15 characters in all, well within AI (21)'s 20.
inline constexpr std::size_t kIssuePrefixLength = 3;
SerialSource random_serials();

// The element string "(01)…(17)…(10)…(21)…" (AIs of predefined length first).
void append_element_string(std::string& out, const IssueRequest& request, std::string_view serial);
// "{base}/01/{gtin}/10/{lot}/21/{serial}[?17={expiry}]", values percent-encoded.
void append_digital_link(std::string& out, const IssueRequest& request, std::string_view serial);

// The CSV header and one row: gtin,lot,serial,element_string,digital_link (RFC 4180
// quoting where a value needs it), each ending in "\r\n".
std::string_view csv_header();
void append_csv_row(std::string& out, const IssueRequest& request, std::string_view serial);

// append_csv_row() for many serials of one request: the parts that do not depend on the
// serial are written once, so a row costs little more than copying it (1.5 million rows per
// issue). Serials that need quoting or escaping take append_csv_row().
class CsvRows {
 public:
  explicit CsvRows(const IssueRequest& request);
  void append(std::string& out, std::string_view serial) const;

 private:
  const IssueRequest& request_;
  bool pieces_ = false;      // false: every row through append_csv_row()
  std::string head_;         // "gtin,lot,"
  std::string element_;      // ",(01)…(17)…(10)…(21)"
  std::string link_;         // ",https://…/01/…/10/…/21/"
  std::string link_suffix_;  // "?17=…" and "\r\n"
};

}  // namespace zhiyou::trace
