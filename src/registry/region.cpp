#include "registry/region.hpp"

#include <array>

namespace zhiyou::registry {
namespace {
constexpr std::array<Region, 14> kRegions{{
    {"haishu", "海曙区", "海曙", "宁波市"},
    {"jiangbei", "江北区", "江北", "宁波市"},
    {"zhenhai", "镇海区", "镇海", "宁波市"},
    {"beilun", "北仑区", "北仑", "宁波市"},
    {"yinzhou", "鄞州区", "鄞州", "宁波市"},
    {"fenghua", "奉化区", "奉化", "宁波市"},
    {"yuyao", "余姚市", "余姚", "宁波市"},
    {"cixi", "慈溪市", "慈溪", "宁波市"},
    {"ninghai", "宁海县", "宁海", "宁波市"},
    {"xiangshan", "象山县", "象山", "宁波市"},
    {"dinghai", "定海区", "定海", "舟山市"},
    {"putuo", "普陀区", "普陀", "舟山市"},
    {"daishan", "岱山县", "岱山", "舟山市"},
    {"shengsi", "嵊泗县", "嵊泗", "舟山市"},
}};
}  // namespace

std::span<const Region> builtin_regions() { return kRegions; }

std::optional<Region> find_region(std::string_view name_or_code) {
  for (const Region& region : kRegions) {
    if (region.name == name_or_code || region.short_name == name_or_code ||
        region.code == name_or_code) {
      return region;
    }
  }
  return std::nullopt;
}

}  // namespace zhiyou::registry
