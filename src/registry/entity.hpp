// Market entities (市场主体 / 企业): who makes the products that get codes.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace zhiyou::registry {

struct Entity {
  std::string uscc;         // 统一社会信用代码, canonical (upper case)
  std::string name;         // 企业名称
  std::string region_code;  // a built-in region's code ("yinzhou")
};

// Checks and normalises what a user typed: the USCC (uscc.hpp), a non-empty name (trimmed),
// and a region given by name, short name or code ("鄞州区", "鄞州", "yinzhou"). Errors name
// the field: "--uscc", "--name", "--region".
Result<Entity> make_entity(std::string_view uscc, std::string_view name, std::string_view region);

}  // namespace zhiyou::registry
