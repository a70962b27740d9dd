#include "plans/target_expression.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "core/quantity.hpp"
#include "core/text.hpp"

namespace zhiyou::plans {
namespace {

std::string without_spaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

bool is_dash(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kDashes{"-", "—", "——", "–", "/", "无", "--"};
  return std::ranges::find(kDashes, s) != kDashes.end();
}

bool has_digit(std::string_view s) { return std::ranges::any_of(s, text::is_ascii_digit); }

bool consume(std::string_view& s, std::string_view prefix) {
  if (s.starts_with(prefix)) {
    s.remove_prefix(prefix.size());
    return true;
  }
  return false;
}

bool consume_suffix(std::string_view& s, std::string_view suffix) {
  if (s.ends_with(suffix)) {
    s.remove_suffix(suffix.size());
    return true;
  }
  return false;
}

std::optional<Comparator> leading_comparator(std::string_view& s) {
  static constexpr std::array<std::pair<std::string_view, Comparator>, 14> kPrefixes{{
      {">=", Comparator::ge},
      {"≥", Comparator::ge},
      {"⩾", Comparator::ge},
      {"<=", Comparator::le},
      {"≤", Comparator::le},
      {"⩽", Comparator::le},
      {">", Comparator::gt},
      {"<", Comparator::lt},
      {"不低于", Comparator::ge},
      {"不少于", Comparator::ge},
      {"不超过", Comparator::le},
      {"超过", Comparator::gt},
      {"大于", Comparator::gt},
      {"小于", Comparator::lt},
  }};
  for (const auto& [prefix, op] : kPrefixes) {
    if (consume(s, prefix)) return op;
  }
  return std::nullopt;
}

std::optional<Comparator> trailing_comparator(std::string_view& s) {
  if (consume_suffix(s, "以上")) return Comparator::ge;
  if (consume_suffix(s, "以下") || consume_suffix(s, "以内")) return Comparator::le;
  if (consume_suffix(s, "左右")) return Comparator::eq;
  return std::nullopt;
}

Error unreadable(std::string_view text, std::string_view why) {
  return make_error("无法识别的数值「" + std::string(text) + "」：" + std::string(why));
}

// "比2020年下降15%" / "较2015年提高10%".
Result<std::optional<ParsedExpression>> parse_change(std::string_view s, std::string_view text) {
  const auto year = quantity::parse_leading_number(s);
  if (!year || year->value < 1900 || year->value > 2200) {
    return unreadable(text, "“比”之后应为基准年份");
  }
  s.remove_prefix(year->consumed);
  consume(s, "年");
  consume(s, "末");
  int sign = 0;
  for (const std::string_view down : {"下降", "降低", "减少"}) {
    if (consume(s, down)) sign = -1;
  }
  for (const std::string_view up : {"提高", "增长", "上升", "增加"}) {
    if (sign == 0 && consume(s, up)) sign = 1;
  }
  if (sign == 0) return unreadable(text, "应写明“下降”或“提高”");
  const auto amount = quantity::parse_leading_number(s);
  if (!amount) return unreadable(text, "缺少变化幅度");
  s.remove_prefix(amount->consumed);
  std::optional<Comparator> op = trailing_comparator(s);
  if (!s.empty()) return unreadable(text, "变化幅度之后有多余内容");
  ParsedExpression parsed;
  parsed.percent = amount->percent;
  parsed.expression.kind = TargetKind::change;
  parsed.expression.reference_year = static_cast<int>(year->value);
  parsed.expression.value = sign * amount->value;
  // "下降15%" is met by any fall of 15 % or more.
  parsed.expression.op = op.value_or(sign < 0 ? Comparator::le : Comparator::ge);
  return std::optional<ParsedExpression>(std::move(parsed));
}

// "99.6/99.22": one value per sub-item of the indicator's name.
std::optional<ParsedExpression> parse_parts(std::string_view s) {
  if (s.find('/') == std::string_view::npos) return std::nullopt;
  ParsedExpression parsed;
  for (const std::string_view piece : text::split(s, '/')) {
    const auto number = quantity::parse_leading_number(piece);
    if (!number || number->consumed != piece.size()) return std::nullopt;
    parsed.expression.parts.push_back(number->value);
    parsed.percent = parsed.percent || number->percent;
  }
  return parsed;
}

}  // namespace

bool is_qualitative_phrase(std::string_view text) {
  const std::string s = without_spaces(text);
  if (s.empty() || has_digit(s)) return false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (text::is_cjk(text::next_code_point(s, pos))) return true;
  }
  return false;
}

Result<std::optional<ParsedExpression>> parse_expression(std::string_view raw) {
  const std::string joined = text::join_wrapped(raw);
  const std::string compact = without_spaces(joined);
  std::string_view s = compact;
  if (s.empty() || is_dash(s)) return std::optional<ParsedExpression>();

  if (is_qualitative_phrase(s)) {
    ParsedExpression parsed;
    parsed.expression.kind = TargetKind::qualitative;
    parsed.expression.text = joined;
    return std::optional<ParsedExpression>(std::move(parsed));
  }

  TargetKind kind = TargetKind::level;
  if (consume(s, "比") || consume(s, "较")) {
    auto change = parse_change(s, joined);
    if (change.ok() && change.value()) change.value()->expression.text = joined;
    return change;
  }
  if ((s.starts_with("[") && s.ends_with("]")) || (s.starts_with("【") && s.ends_with("】"))) {
    kind = TargetKind::cumulative;
    s = s.starts_with("[")
            ? s.substr(1, s.size() - 2)
            : s.substr(std::string_view("【").size(), s.size() - 2 * std::string_view("【").size());
  } else if (consume(s, "新增") || consume(s, "累计新增")) {
    kind = TargetKind::increment;
  }

  std::optional<Comparator> op = leading_comparator(s);
  if (const auto trailing = trailing_comparator(s)) {
    if (op && *op != *trailing) return unreadable(joined, "比较符号前后矛盾");
    op = trailing;
  }

  ParsedExpression parsed;
  if (auto parts = parse_parts(s)) {
    parsed = std::move(*parts);
  } else {
    const auto number = quantity::parse_leading_number(s);
    if (!number) return unreadable(joined, "不是数字，也不是可识别的定性表述");
    if (number->consumed != s.size()) {
      return unreadable(
          joined, "数字之后有无法识别的内容「" + std::string(s.substr(number->consumed)) + "」");
    }
    parsed.expression.value = number->value;
    parsed.percent = number->percent;
  }
  parsed.expression.kind = kind;
  parsed.expression.op = op;
  if (kind != TargetKind::level && !op) parsed.expression.op = Comparator::ge;
  parsed.expression.text = joined;
  return std::optional<ParsedExpression>(std::move(parsed));
}

}  // namespace zhiyou::plans
