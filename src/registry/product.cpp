#include "registry/product.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "registry/uscc.hpp"

namespace zhiyou::registry {
namespace {

using text::trim;

// GS1 mod-10 check digit of `body` (digits only). The registry cannot use trace/gs1 (trace
// depends on registry), and the rule is five lines.
char gs1_check_digit(std::string_view body) {
  int sum = 0;
  int weight = body.size() % 2 == 1 ? 3 : 1;  // 3, 1, 3, … counted from the right
  for (const char c : body) {
    sum += (c - '0') * weight;
    weight = 4 - weight;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

}  // namespace

Result<std::string> normalise_gtin(std::string_view gtin) {
  gtin = trim(gtin);
  if (gtin.size() != 8 && gtin.size() != 12 && gtin.size() != 13 && gtin.size() != 14) {
    return make_error("GTIN 应为 8、12、13 或 14 位数字，实际 " + std::to_string(gtin.size()) +
                      " 个字符");
  }
  for (std::size_t i = 0; i < gtin.size(); ++i) {
    if (gtin[i] < '0' || gtin[i] > '9') {
      return make_error("GTIN 第 " + std::to_string(i + 1) + " 位不是数字");
    }
  }
  const char want = gs1_check_digit(gtin.substr(0, gtin.size() - 1));
  if (gtin.back() != want) {
    return make_error("GTIN 校验位错误：最后一位应为 " + std::string(1, want) + "，实际为 " +
                      std::string(1, gtin.back()));
  }
  return std::string(14 - gtin.size(), '0') + std::string(gtin);
}

Result<Product> make_product(std::string_view gtin, std::string_view name,
                             std::string_view entity_uscc,
                             const std::vector<std::string>& quality_marks) {
  Product product;
  auto normal = normalise_gtin(gtin);
  if (!normal) return make_error(normal.error().message, "--gtin");
  product.gtin = std::move(*normal);
  name = trim(name);
  if (name.empty()) return make_error("产品名称不能为空", "--name");
  product.name = name;
  auto uscc = validate_uscc(entity_uscc);
  if (!uscc) return make_error(uscc.error().message, "--entity");
  product.entity_uscc = std::move(*uscc);
  for (const std::string& mark : quality_marks) {
    const std::string_view m = trim(mark);
    if (m.empty()) return make_error("质量标识不能为空", "--mark");
    if (std::find(product.quality_marks.begin(), product.quality_marks.end(), m) ==
        product.quality_marks.end()) {
      product.quality_marks.emplace_back(m);
    }
  }
  return product;
}

}  // namespace zhiyou::registry
