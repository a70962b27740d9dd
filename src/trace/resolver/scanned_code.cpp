#include "trace/resolver/scanned_code.hpp"

#include "trace/gs1/digital_link.hpp"

namespace zhiyou::trace::resolver {

Result<ScannedCode> read_scanned_code(std::string_view path_and_query) {
  // The parser wants a whole URI; the host does not matter to the identity.
  const std::string uri = "https://resolver.invalid" + std::string(path_and_query);
  auto link = gs1::parse_digital_link(uri);
  if (!link.ok()) {
    Error e = link.error();
    if (e.place.empty()) e.place = "path";
    return e;
  }
  if (link->stem != "https://resolver.invalid") {
    return make_error("码的路径应以 /01/ 开头（GS1 数字链接 GTIN）", "path");
  }
  if (link->path.empty() || link->path.front().ai != "01") {
    return make_error("本解析服务只解析 GTIN（AI 01）开头的数字链接", "path");
  }
  ScannedCode code;
  for (const gs1::Element& element : link->path) {
    if (element.ai == "01") code.gtin = element.value;
    if (element.ai == "22") code.cpv = element.value;
    if (element.ai == "10") code.lot = element.value;
    if (element.ai == "21") code.serial = element.value;
  }
  gs1::DigitalLink canonical;
  canonical.stem = "https://id.gs1.org";
  canonical.path = link->path;
  code.uri = gs1::to_uri(canonical);
  return code;
}

}  // namespace zhiyou::trace::resolver
