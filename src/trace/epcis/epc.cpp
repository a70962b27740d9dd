#include "trace/epcis/epc.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/text.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/check_digit.hpp"
#include "trace/gs1/digital_link.hpp"
#include "trace/gs1/percent_encoding.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::epcis {
namespace {

constexpr std::string_view kCanonicalStem = "https://id.gs1.org/";

std::vector<std::string_view> split_dots(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = s.find('.', start);
    parts.push_back(
        s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

Error urn_error(std::string_view urn, std::string_view reason) {
  return make_error("EPC URN「" + std::string(urn) + "」无效：" + std::string(reason));
}

// A key body without its check digit, completed.
std::string with_check(std::string body) {
  body += gs1::check_digit(body);
  return body;
}

// The value of `ai` checked against the AI table; returns the reason when it does not fit.
std::optional<std::string> check_ai(std::string_view ai, std::string_view value) {
  const gs1::AiEntry* entry = gs1::find_ai(ai);
  if (entry == nullptr) return std::nullopt;
  if (auto problem = gs1::check_value(ai, *entry, value)) return problem->message;
  return std::nullopt;
}

void append_path(std::string& out, std::string_view ai, std::string_view value) {
  if (!out.empty()) out += '/';
  out += ai;
  out += '/';
  gs1::percent_encode_append(out, value, gs1::UriPart::path);
}

struct UrnFields {
  std::string_view kind;  // "id", "class", "idpat"
  std::string_view scheme;
  std::vector<std::string_view> parts;
};

// "CP.REF" where the two together have `total` digits.
bool fixed_digits(std::string_view cp, std::string_view ref, std::size_t total) {
  return text::is_digits(cp) && (ref.empty() || text::is_digits(ref)) && cp.size() >= 6 &&
         cp.size() <= 12 && cp.size() + ref.size() == total;
}

// GTIN-14 from company prefix and item reference (whose first digit is the indicator).
std::string gtin(std::string_view cp, std::string_view item) {
  std::string body;
  body += item.front();
  body += cp;
  body += item.substr(1);
  return with_check(body);
}

Result<Epc> finish(std::string_view urn, const std::string& key_ai, const std::string& key_value,
                   std::string_view qual_ai = {}, const std::string& qual_value = {}) {
  if (auto problem = check_ai(key_ai, key_value)) return urn_error(urn, *problem);
  Epc epc;
  epc.gs1 = true;
  append_path(epc.key, key_ai, key_value);
  if (!qual_ai.empty()) {
    if (auto problem = check_ai(qual_ai, qual_value)) return urn_error(urn, *problem);
    append_path(epc.qualifier, qual_ai, qual_value);
  }
  return epc;
}

std::string decoded(std::string_view s) { return gs1::percent_decode(s, gs1::UriPart::path); }

// EPC URNs per the Tag Data Standard 2.x, sections 6 and 8 (pure identities, classes and
// patterns). `*` in a pattern stands for every value of that field and of all after it.
Result<Epc> parse_urn(std::string_view urn, const UrnFields& f, bool allow_pattern) {
  const auto& p = f.parts;
  const std::string_view s = f.scheme;
  const bool pattern = f.kind == "idpat";
  if (pattern && !allow_pattern) {
    return urn_error(urn, "EPC 模式（idpat）只能用于查询，不能作为事件中的标识");
  }
  auto need = [&](std::size_t n) { return p.size() == n; };
  auto star = [&](std::size_t i) { return pattern && i < p.size() && p[i] == "*"; };
  // Filled by the branch for the scheme; errors are built only when there is one.
  Result<Epc> out = Epc{};
  const bool gtin_based = s == "sgtin" || s == "lgtin" || s == "upui" || s == "itip";
  if (gtin_based) {
    if (p.size() < 3 || !fixed_digits(p[0], p[1], 13) || p[1].empty()) {
      return urn_error(urn, "公司前缀与项目代码应共 13 位数字");
    }
    const std::string g = gtin(p[0], p[1]);
    if (s == "sgtin" && need(3)) {
      out = star(2) ? finish(urn, "01", g) : finish(urn, "01", g, "21", decoded(p[2]));
    } else if (s == "lgtin" && f.kind == "class" && need(3)) {
      out = finish(urn, "01", g, "10", decoded(p[2]));
    } else if (s == "upui" && need(3)) {
      out = star(2) ? finish(urn, "01", g) : finish(urn, "01", g, "235", decoded(p[2]));
    } else if (s == "itip" && need(5) && text::is_digits(p[2]) && text::is_digits(p[3])) {
      out = star(4) ? finish(urn, "8006", g + std::string(p[2]) + std::string(p[3]))
                    : finish(urn, "8006", g + std::string(p[2]) + std::string(p[3]), "21",
                             decoded(p[4]));
    } else {
      return urn_error(urn, "字段数目不对");
    }
    if (out && pattern) out->qualifier = "*";
  } else if (s == "sscc" && need(2) && fixed_digits(p[0], p[1], 17)) {
    out = finish(
        urn, "00",
        with_check(std::string(1, p[1][0]) + std::string(p[0]) + std::string(p[1].substr(1))));
  } else if ((s == "sgln" && need(3)) && fixed_digits(p[0], p[1], 12)) {
    const std::string gln = with_check(std::string(p[0]) + std::string(p[1]));
    out = (p[2] == "0" || star(2)) ? finish(urn, "414", gln)
                                   : finish(urn, "414", gln, "254", decoded(p[2]));
    if (out && star(2)) out->qualifier = "*";
  } else if (s == "pgln" && need(2) && fixed_digits(p[0], p[1], 12)) {
    out = finish(urn, "417", with_check(std::string(p[0]) + std::string(p[1])));
  } else if ((s == "grai" || s == "gdti" || s == "sgcn") && need(3) &&
             fixed_digits(p[0], p[1], 12)) {
    const std::string body = with_check(std::string(p[0]) + std::string(p[1]));
    const std::string ai = s == "grai" ? "8003" : s == "gdti" ? "253" : "255";
    const std::string prefix = (s == "grai" ? "0" : "") + body;
    if (star(2)) {
      Epc e;
      e.gs1 = true;
      append_path(e.key, ai, prefix);
      e.pattern = true;
      return e;
    }
    out = finish(urn, ai, prefix + decoded(p[2]));
  } else if (s == "giai" && need(2) && text::is_digits(p[0])) {
    out = finish(urn, "8004", std::string(p[0]) + decoded(p[1]));
  } else if ((s == "gsrn" || s == "gsrnp") && need(2) && fixed_digits(p[0], p[1], 17)) {
    out = finish(urn, s == "gsrn" ? "8018" : "8017",
                 with_check(std::string(p[0]) + std::string(p[1])));
  } else if (s == "ginc" && need(2) && text::is_digits(p[0])) {
    out = finish(urn, "401", std::string(p[0]) + decoded(p[1]));
  } else if (s == "gsin" && need(2) && fixed_digits(p[0], p[1], 16)) {
    out = finish(urn, "402", with_check(std::string(p[0]) + std::string(p[1])));
  } else if (s == "cpi" && need(3) && text::is_digits(p[0])) {
    const std::string key = std::string(p[0]) + decoded(p[1]);
    out = star(2) ? finish(urn, "8010", key) : finish(urn, "8010", key, "8011", decoded(p[2]));
    if (out && star(2)) out->qualifier = "*";
  } else if (s == "gid" || s == "usdod" || s == "adi" || s == "bic" || s == "imovn") {
    Epc e;  // EPC schemes without a GS1 key: identity is the URN itself
    e.key = std::string(urn);
    e.pattern = pattern;
    return e;
  } else if (s == "sgtin" || s == "sscc" || s == "sgln" || s == "pgln" || s == "grai" ||
             s == "gdti" || s == "sgcn" || s == "giai" || s == "gsrn" || s == "gsrnp" ||
             s == "ginc" || s == "gsin" || s == "cpi") {
    return urn_error(urn, "字段数目或位数不对");
  } else {
    return urn_error(urn, "不支持的 EPC 方案「" + std::string(s) + "」");
  }
  if (out && pattern && out->qualifier.empty()) out->qualifier = "*";
  if (out) out->pattern = pattern;
  return out;
}

Result<Epc> parse_digital_link_epc(std::string_view uri) {
  gs1::Options options;
  options.check_associations = false;
  auto link = gs1::parse_digital_link(uri, options);
  if (!link) {
    return make_error("GS1 Digital Link「" + std::string(uri) + "」无效：" + link.error().message);
  }
  Epc epc;
  epc.gs1 = true;
  const gs1::Elements& path = link->path;
  append_path(epc.key, path.front().ai, path.front().value);
  const auto find = [&](std::string_view ai) -> const gs1::Element* {
    for (const gs1::Element& e : path) {
      if (e.ai == ai) return &e;
    }
    return nullptr;
  };
  const gs1::Element* serial = find("21");
  const gs1::Element* lot = find("10");
  if (path.front().ai == "01" && serial != nullptr) {
    // An SGTIN's identity is GTIN + serial; CPV (22) and lot (10) only describe it.
    append_path(epc.qualifier, "21", serial->value);
    if (lot != nullptr) epc.lot = lot->value;
  } else {
    for (std::size_t i = 1; i < path.size(); ++i) {
      if (path.front().ai == "01" && path[i].ai == "22") continue;
      append_path(epc.qualifier, path[i].ai, path[i].value);
    }
  }
  return epc;
}

// A Digital Link path names a primary key AI right after the stem ("/01/", "/414/", …).
bool looks_like_digital_link(std::string_view uri) {
  static constexpr std::array<std::string_view, 16> kKeys{
      "/00/",  "/01/",   "/253/",  "/255/",  "/401/",  "/402/",  "/414/",  "/415/",
      "/417/", "/8003/", "/8004/", "/8006/", "/8010/", "/8013/", "/8017/", "/8018/"};
  return std::any_of(kKeys.begin(), kKeys.end(),
                     [&](std::string_view k) { return uri.find(k) != std::string_view::npos; });
}

Result<Epc> parse(std::string_view text, bool allow_pattern) {
  if (text.starts_with("urn:epc:")) {
    std::string_view rest = text.substr(8);
    UrnFields f;
    const std::size_t c1 = rest.find(':');
    const std::size_t c2 =
        c1 == std::string_view::npos ? std::string_view::npos : rest.find(':', c1 + 1);
    if (c2 == std::string_view::npos) return urn_error(text, "格式应为 urn:epc:id:方案:字段");
    f.kind = rest.substr(0, c1);
    f.scheme = rest.substr(c1 + 1, c2 - c1 - 1);
    if (f.kind != "id" && f.kind != "class" && f.kind != "idpat") {
      return urn_error(text, "应为 urn:epc:id、urn:epc:class 或 urn:epc:idpat");
    }
    f.parts = split_dots(rest.substr(c2 + 1));
    return parse_urn(text, f, allow_pattern);
  }
  if (!is_uri(text)) {
    return make_error("「" + std::string(text) + "」不是有效的 URI");
  }
  if ((text.starts_with("https://") || text.starts_with("http://")) &&
      looks_like_digital_link(text)) {
    // EPCIS only requires a URI here, and repositories accept Digital Links that GS1's rules
    // reject (OpenEPCIS's valid set has a GRAI with a wrong check digit): such a URI is kept
    // as given, not canonicalised, so it still matches itself.
    if (auto epc = parse_digital_link_epc(text)) return epc;
  }
  Epc epc;
  epc.key = std::string(text);
  return epc;
}

}  // namespace

std::string Epc::uri() const {
  if (!gs1) return key;
  std::string out(kCanonicalStem);
  out += key;
  if (!qualifier.empty() && qualifier != "*") {
    out += '/';
    out += qualifier;
  }
  return out;
}

Result<Epc> parse_epc(std::string_view text) { return parse(text, false); }

Result<Epc> parse_epc_or_pattern(std::string_view text) { return parse(text, true); }

Epc sgtin_epc(std::string_view gtin, std::string_view serial) {
  Epc epc;
  epc.gs1 = true;
  append_path(epc.key, "01", gtin);
  append_path(epc.qualifier, "21", serial);
  return epc;
}

Result<std::string> canonical_identifier(std::string_view text) {
  auto epc = parse(text, false);
  if (!epc) return epc.error();
  return epc->uri();
}

bool is_uri(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(text[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = text[i];
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
           c == '`' || c == '{' || c == '|' || c == '}';
  });
}

}  // namespace zhiyou::trace::epcis
