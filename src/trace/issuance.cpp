#include "trace/issuance.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "registry/product.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/percent_encoding.hpp"
#include "trace/gs1/uri_parts.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace {
namespace {

// `label` is what the user calls the value (批号): the GS1 message alone names only the AI.
Status check_ai(std::string_view ai, std::string_view value, const char* option,
                std::string_view label) {
  if (auto problem = gs1::check_value(ai, *gs1::find_ai(ai), value)) {
    return make_error(std::string(label) + "：" + problem->message + "（第 " +
                          std::to_string(problem->offset + 1) + " 个字符）",
                      option);
  }
  return Ok{};
}

bool needs_quotes(std::string_view s) {
  return s.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view s) {
  if (!needs_quotes(s)) {
    out.append(s);
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

Result<IssueRequest> make_issue_request(std::string_view gtin, std::string_view lot,
                                        std::optional<std::string_view> expiry, std::size_t count,
                                        std::string_view serials, std::string_view base_uri) {
  IssueRequest request;
  auto normal = registry::normalise_gtin(gtin);
  if (!normal) return make_error(normal.error().message, "--gtin");
  request.gtin = std::move(*normal);
  if (lot.empty()) return make_error("批号不能为空", "--lot");
  if (Status s = check_ai("10", lot, "--lot", "批号"); !s) return s.error();
  request.lot = lot;
  if (expiry) {
    if (Status s = check_ai("17", *expiry, "--expiry", "有效期"); !s) return s.error();
    request.expiry = std::string(*expiry);
  }
  if (count == 0 || count > kMaxCodesPerIssue) {
    return make_error("数量应在 1 到 " + std::to_string(kMaxCodesPerIssue) + " 之间", "--count");
  }
  request.count = count;
  if (serials == "random") {
    request.serials = SerialKind::random;
  } else if (serials == "sequential") {
    request.serials = SerialKind::sequential;
  } else {
    return make_error("序列号方式应为 sequential 或 random", "--serials");
  }
  while (!base_uri.empty() && base_uri.back() == '/') base_uri.remove_suffix(1);
  const auto parts = gs1::split_uri(base_uri);
  if (!parts || (parts->scheme != "https" && parts->scheme != "http") ||
      parts->host_kind == gs1::HostKind::none || parts->host.empty() || parts->has_query ||
      base_uri.find('#') != std::string_view::npos) {
    return make_error("基础 URI 应为 http:// 或 https:// 加主机名（可带路径，不带查询参数）",
                      "--base-uri");
  }
  request.base_uri = base_uri;
  return request;
}

namespace {

// `length` characters of 0-9 A-Z a-z from OpenSSL's CSPRNG.
std::string random_characters(std::size_t length) {
  static constexpr std::string_view kAlphabet =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  // Random bytes are drawn 4 KiB at a time (one RAND_bytes call per ~300 serials instead of
  // one per serial); each byte is used once.
  thread_local std::array<unsigned char, 4096> bytes{};
  thread_local std::size_t used = bytes.size();
  std::string serial;
  serial.reserve(length);
  // Rejection sampling keeps every character equally likely: bytes >= 248 (4 × 62) are
  // drawn again.
  while (serial.size() < length) {
    if (used == bytes.size()) {
      if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
      }
      used = 0;
    }
    const unsigned char b = bytes[used++];
    if (b < 248) serial += kAlphabet[b % 62];
  }
  return serial;
}

}  // namespace

std::string random_serial() { return random_characters(kRandomSerialLength); }

SerialSource random_serials() {
  return [prefix = random_characters(kIssuePrefixLength)] { return prefix + random_serial(); };
}

void append_element_string(std::string& out, const IssueRequest& request, std::string_view serial) {
  out += "(01)";
  out += request.gtin;
  if (request.expiry) {
    out += "(17)";
    out += *request.expiry;
  }
  out += "(10)";
  for (char c : request.lot) {
    if (c == '(') out += '\\';
    out += c;
  }
  out += "(21)";
  out.append(serial);
}

void append_digital_link(std::string& out, const IssueRequest& request, std::string_view serial) {
  out += request.base_uri;
  out += "/01/";
  out += request.gtin;
  out += "/10/";
  gs1::percent_encode_append(out, request.lot, gs1::UriPart::path);
  out += "/21/";
  gs1::percent_encode_append(out, serial, gs1::UriPart::path);
  if (request.expiry) {
    out += "?17=";
    out += *request.expiry;
  }
}

std::string_view csv_header() { return "gtin,lot,serial,element_string,digital_link\r\n"; }

void append_csv_row(std::string& out, const IssueRequest& request, std::string_view serial) {
  out += request.gtin;
  out += ',';
  append_csv_field(out, request.lot);
  out += ',';
  append_csv_field(out, serial);
  out += ',';
  thread_local std::string field;
  field.clear();
  append_element_string(field, request, serial);
  append_csv_field(out, field);
  out += ',';
  field.clear();
  append_digital_link(field, request, serial);
  append_csv_field(out, field);
  out += "\r\n";
}

namespace {

// Serial characters that need no CSV quoting, no "\\(" escape and no percent-encoding.
bool plain_serial(std::string_view serial) {
  return std::all_of(serial.begin(), serial.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
           c == '.' || c == '_';
  });
}

}  // namespace

CsvRows::CsvRows(const IssueRequest& request) : request_(request) {
  // The pieces are cut out of a row written the general way, around a plain placeholder
  // serial, so that both ways agree by construction.
  constexpr std::string_view kMark = "SERIAL0MARK";
  std::string row;
  append_csv_row(row, request, kMark);
  const std::size_t first = row.find(kMark);              // the serial column
  const std::size_t second = row.find(kMark, first + 1);  // in the element string
  const std::size_t third = row.find(kMark, second + 1);  // in the Digital Link
  if (second == std::string::npos || third == std::string::npos ||
      row.find(kMark, third + 1) != std::string::npos) {
    return;  // the lot or base URI holds the placeholder: every row the general way
  }
  pieces_ = true;
  head_ = row.substr(0, first);
  element_ = row.substr(first + kMark.size(), second - first - kMark.size());
  link_ = row.substr(second + kMark.size(), third - second - kMark.size());
  link_suffix_ = row.substr(third + kMark.size());
}

void CsvRows::append(std::string& out, std::string_view serial) const {
  if (!pieces_ || !plain_serial(serial)) {
    append_csv_row(out, request_, serial);
    return;
  }
  out += head_;
  out += serial;
  out += element_;
  out += serial;
  out += link_;
  out += serial;
  out += link_suffix_;
}

}  // namespace zhiyou::trace
