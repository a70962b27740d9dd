// Products (产品): a trade item with its GTIN, its maker and the quality marks it carries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::registry {

// Quality marks the city's programme names (质量品牌).
inline constexpr std::string_view kMarkZhejiangMade = "品字标浙江制造";
inline constexpr std::string_view kMarkSameStandard = "同线同标同质";

struct Product {
  std::string gtin;                        // GTIN-14
  std::string name;                        // 产品名称
  std::string entity_uscc;                 // the maker
  std::vector<std::string> quality_marks;  // in the order given, without repeats
};

// A GTIN-8, -12, -13 or -14 with a valid check digit, as GTIN-14 (left-padded with zeros).
// The error says which digit is wrong and what the check digit should be.
Result<std::string> normalise_gtin(std::string_view gtin);

// Checks what a user typed: the GTIN (normalise_gtin), a non-empty name, the maker's USCC
// (uscc.hpp) and non-empty marks. Errors name the field ("--gtin", "--name", "--entity",
// "--mark").
Result<Product> make_product(std::string_view gtin, std::string_view name,
                             std::string_view entity_uscc,
                             const std::vector<std::string>& quality_marks);

}  // namespace zhiyou::registry
