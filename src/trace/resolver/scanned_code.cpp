#include "trace/resolver/scanned_code.hpp"

#include "trace/gs1/digital_link.hpp"

namespace zhiyou::trace::resolver {

Result<ScannedCode> read_scanned_code(std::string_view path_and_query) {
  // The parser wants a whole URI; the host does not matter to the identity. Every scan that
  // is not a repeat comes here, so the buffers are kept per thread rather than allocated.
  constexpr std::string_view kStem = "https://resolver.invalid";
  thread_local std::string uri;
  thread_local gs1::DigitalLink link;
  uri.assign(kStem);
  uri.append(path_and_query);
  if (Status parsed = gs1::parse_digital_link_into(uri, link); !parsed) {
    Error e = parsed.error();
    if (e.place.empty()) e.place = "path";
    return e;
  }
  if (link.stem != kStem) {
    return make_error("码的路径应以 /01/ 开头（GS1 数字链接 GTIN）", "path");
  }
  if (link.path.empty() || link.path.front().ai != "01") {
    return make_error("本解析服务只解析 GTIN（AI 01）开头的数字链接", "path");
  }
  ScannedCode code;
  for (const gs1::Element& element : link.path) {
    if (element.ai == "01") code.gtin = element.value;
    if (element.ai == "22") code.cpv = element.value;
    if (element.ai == "10") code.lot = element.value;
    if (element.ai == "21") code.serial = element.value;
  }
  // The canonical URI: GS1's own host, the key and its qualifiers, no query.
  link.stem = "https://id.gs1.org";
  link.attributes.clear();
  link.other_parameters.clear();
  code.uri = gs1::to_uri(link);
  return code;
}

}  // namespace zhiyou::trace::resolver
