#include "plans/plan.hpp"

#include <array>
#include <utility>

namespace zhiyou::plans {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) {
      return value;
    }
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, name] : table) {
    if (v == value) {
      return name;
    }
  }
  return "?";
}

constexpr std::array<std::pair<TargetKind, std::string_view>, 5> kKinds{{
    {TargetKind::level, "level"},
    {TargetKind::increment, "increment"},
    {TargetKind::cumulative, "cumulative"},
    {TargetKind::change, "change"},
    {TargetKind::qualitative, "qualitative"},
}};
constexpr std::array<std::pair<Comparator, std::string_view>, 5> kComparators{{
    {Comparator::ge, ">="},
    {Comparator::gt, ">"},
    {Comparator::le, "<="},
    {Comparator::lt, "<"},
    {Comparator::eq, "="},
}};
constexpr std::array<std::pair<Direction, std::string_view>, 3> kDirections{{
    {Direction::up, "up"},
    {Direction::down, "down"},
    {Direction::none, "none"},
}};
constexpr std::array<std::pair<Attribute, std::string_view>, 2> kAttributes{{
    {Attribute::expected, "expected"},
    {Attribute::binding, "binding"},
}};

}  // namespace

std::string_view to_string(TargetKind kind) { return name_of(kKinds, kind); }
std::string_view to_string(Comparator op) { return name_of(kComparators, op); }
std::string_view to_string(Direction direction) { return name_of(kDirections, direction); }
std::string_view to_string(Attribute attribute) { return name_of(kAttributes, attribute); }
std::optional<TargetKind> target_kind_from(std::string_view text) { return lookup(kKinds, text); }
std::optional<Comparator> comparator_from(std::string_view text) {
  return lookup(kComparators, text);
}
std::optional<Direction> direction_from(std::string_view text) { return lookup(kDirections, text); }
std::optional<Attribute> attribute_from(std::string_view text) { return lookup(kAttributes, text); }

}  // namespace zhiyou::plans
