#include "plans/indicator_name.hpp"

#include <array>

#include "core/text.hpp"

namespace zhiyou::plans {

IndicatorName read_indicator_name(std::string_view cell) {
  IndicatorName result;
  std::string s = text::join_wrapped(cell);
  while (s.ends_with("*")) {
    s.pop_back();
    result.resident_basis = true;
    s = text::join_wrapped(s);
  }
  if (s.ends_with(")")) {
    // Find the bracket that opens the trailing group, allowing nesting.
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = s.size(); i-- > 0;) {
      if (s[i] == ')') ++depth;
      if (s[i] == '(' && --depth == 0) {
        open = i;
        break;
      }
    }
    if (open != std::string::npos && open > 0) {
      std::string inside = s.substr(open + 1, s.size() - open - 2);
      std::string qualifier;
      // "(省级，个)": the qualifier stays with the name, the last piece is the unit.
      for (const std::string_view comma : {"，", ","}) {
        const std::size_t c = inside.rfind(comma);
        if (c != std::string::npos) {
          qualifier = inside.substr(0, c);
          inside = inside.substr(c + comma.size());
          break;
        }
      }
      s = text::join_wrapped(s.substr(0, open));
      if (!qualifier.empty()) s += "(" + qualifier + ")";
      inside = text::join_wrapped(inside);
      if (!inside.empty()) result.unit = inside;
    }
  }
  result.name = std::move(s);
  return result;
}

std::vector<std::string> split_sub_items(std::string_view name, std::size_t count) {
  const std::vector<std::string> items = text::split_any(name, {"、"});
  if (count < 2 || items.size() != count) return {};
  // The shared ending: what follows, in the last item, the last two characters of the first.
  const std::string& first = items.front();
  const std::string& last = items.back();
  if (text::length(first) < 2) return {};
  std::size_t pos = first.size();
  for (int i = 0; i < 2; ++i) {
    do {
      --pos;
    } while (pos > 0 && (static_cast<unsigned char>(first[pos]) & 0xC0) == 0x80);
  }
  const std::string tail_of_first = first.substr(pos);
  const std::size_t at = last.rfind(tail_of_first);
  if (at == std::string::npos) return {};
  const std::string ending = last.substr(at + tail_of_first.size());
  if (ending.empty()) return {};
  std::vector<std::string> names;
  for (std::size_t i = 0; i + 1 < items.size(); ++i) names.push_back(items[i] + ending);
  names.push_back(last);
  return names;
}

std::vector<std::string> split_units(std::string_view raw) {
  std::string list(raw);
  // Only the list itself: "…等按职责分工负责。以下均需…" keeps what precedes the full stop.
  if (const std::size_t stop = list.find("。"); stop != std::string::npos) list.resize(stop);
  static constexpr std::array<std::string_view, 4> kBoilerplate{
      "等按职责分工负责", "按职责分工负责", "分别负责", "负责"};
  for (const auto phrase : kBoilerplate) {
    if (const std::size_t p = list.find(phrase); p != std::string::npos)
      list.erase(p, phrase.size());
  }
  std::vector<std::string> units;
  std::string current;
  int depth = 0;
  const auto flush = [&] {
    std::string unit = text::join_wrapped(current);
    current.clear();
    if (unit.ends_with("等") && text::length(unit) > 2)
      unit.resize(unit.size() - std::string_view("等").size());
    if (!unit.empty()) units.push_back(std::move(unit));
  };
  std::size_t pos = 0;
  while (pos < list.size()) {
    const std::size_t start = pos;
    const char32_t c = text::next_code_point(list, pos);
    if (c == U'(' || c == U'〔' || c == U'【' || c == U'[') ++depth;
    if ((c == U')' || c == U'〕' || c == U'】' || c == U']') && depth > 0) --depth;
    const bool separator =
        c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';' || c == U' ' || c == U'\t';
    if (separator && depth == 0) {
      flush();
    } else {
      current.append(list, start, pos - start);
    }
  }
  flush();
  return units;
}

}  // namespace zhiyou::plans
