// Regions (区县（市）) of Ningbo and Zhoushan, built in, and the whole city (全市).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace zhiyou::registry {

struct Region {
  std::string_view code;        // "yinzhou", stable, ASCII
  std::string_view name;        // "鄞州区"
  std::string_view short_name;  // "鄞州"
  std::string_view city;        // "宁波市"
};

// The built-in list: 10 of Ningbo, 4 of Zhoushan.
std::span<const Region> builtin_regions();

// The name used for a whole-city figure.
inline constexpr std::string_view kWholeCity = "全市";

// Finds a region by its name, short name or code ("鄞州区", "鄞州", "yinzhou").
std::optional<Region> find_region(std::string_view name_or_code);

}  // namespace zhiyou::registry
