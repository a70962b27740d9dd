#include "trace/gs1/element_string.hpp"

#include "core/text.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/associations.hpp"
#include "trace/gs1/check_digit.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::gs1 {
namespace {

Status fail(std::string message, std::string_view ai, std::size_t position,
            std::size_t* error_position) {
  if (error_position != nullptr) *error_position = position;
  return make_error(std::move(message),
                    ai.empty() ? std::string() : "AI (" + std::string(ai) + ")");
}

// Checks `value` for `ai`, found at `value_at` in the input, and appends it.
Status add(Elements& out, std::string_view ai, const AiEntry& entry, std::string_view value,
           std::size_t ai_at, std::size_t value_at, std::size_t* error_position) {
  if (auto problem = check_value(ai, entry, value)) {
    return fail(std::move(problem->message), ai, value_at + problem->offset, error_position);
  }
  Element& e = out.emplace_back();
  e.ai.assign(ai);
  e.value.assign(value);
  e.position = ai_at;
  return Ok{};
}

Status finish(const Elements& out, const Options& options, std::size_t* error_position) {
  if (options.check_associations) return check_associations(out, error_position);
  return Ok{};
}

// An AI GS1 has not defined may be used in bracketed data when no defined AI shares its
// first two digits with a different length (it could not be told apart in raw data).
bool may_be_unknown_ai(std::string_view ai) {
  const std::size_t len = ai_length_for_prefix(ai[0], ai[1]);
  return len == 0 || len == ai.size();
}

Status parse_ean(std::string_view digits, std::size_t at, std::size_t want, Elements& out,
                 std::size_t* error_position) {
  if (digits.size() != want) {
    return fail("EAN 条码数据长度错误：应为 " + std::to_string(want) + " 位数字", "", at,
                error_position);
  }
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (!text::is_ascii_digit(digits[i])) {
      return fail("EAN 条码数据含有非数字字符 " + describe_char_at(digits, i), "", at + i,
                  error_position);
    }
  }
  std::string gtin(14 - want, '0');
  gtin.append(digits);
  if (!has_valid_check_digit(gtin)) {
    return fail(std::string("AI (01) 校验位错误：应为 ") + check_digit(gtin.substr(0, 13)), "01",
                at + want - 1, error_position);
  }
  Element& e = out.emplace_back();
  e.ai = "01";
  e.value = std::move(gtin);
  e.position = at;
  return Ok{};
}

}  // namespace

Status parse_bracketed_into(std::string_view text, Elements& out, const Options& options,
                            std::size_t* error_position) {
  out.clear();
  if (text.empty()) return fail("输入为空：没有任何 AI", "", 0, error_position);
  std::string unescaped;  // a value with "\\(" escapes, without them
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '(') {
      return fail("应以 '(' 开始一个 AI，实际为 " + describe_char_at(text, i), "", i,
                  error_position);
    }
    const std::size_t ai_at = i + 1;
    std::size_t close = ai_at;
    while (close < text.size() && text::is_ascii_digit(text[close]) && close - ai_at < 5) ++close;
    if (close >= text.size() || text[close] != ')') {
      return fail("AI 格式错误：括号内应为 2 至 4 位数字并以 ')' 结束", "",
                  close < text.size() ? close : i, error_position);
    }
    const std::string_view ai = text.substr(ai_at, close - ai_at);
    if (ai.size() < 2 || ai.size() > 4) {
      return fail("AI 格式错误：括号内应为 2 至 4 位数字", "", ai_at, error_position);
    }
    const AiEntry* entry = find_ai(ai);
    if (entry == nullptr) {
      if (!options.permit_unknown_ais || !may_be_unknown_ai(ai)) {
        return fail("未知的 AI (" + std::string(ai) + ")", ai, ai_at, error_position);
      }
      entry = &unknown_ai_entry();
    }
    const std::size_t value_at = close + 1;
    std::size_t j = value_at;
    bool escaped = false;
    for (; j < text.size() && text[j] != '('; ++j) {
      if (text[j] == '\\' && j + 1 < text.size() && text[j + 1] == '(') {
        escaped = true;
        ++j;
      }
    }
    std::string_view value = text.substr(value_at, j - value_at);
    if (escaped) {  // rare: copy without the backslashes
      unescaped.clear();
      for (std::size_t k = value_at; k < j; ++k) {
        if (text[k] == '\\' && k + 1 < j && text[k + 1] == '(') ++k;
        unescaped.push_back(text[k]);
      }
      value = unescaped;
    }
    if (value.empty()) {
      return fail("AI (" + std::string(ai) + ") 的值为空", ai, value_at, error_position);
    }
    if (Status s = add(out, ai, *entry, value, ai_at, value_at, error_position); !s) return s;
    i = j;
  }
  return finish(out, options, error_position);
}

Status parse_raw_into(std::string_view data, Elements& out, const Options& options,
                      std::size_t* error_position) {
  out.clear();
  std::size_t i = 0;
  if (!data.empty() && data[0] == ']') {
    const std::string_view id = data.substr(0, 3);
    if (id == "]E0" || id == "]E4") {
      if (Status s = parse_ean(data.substr(3), 3, id == "]E0" ? 13 : 8, out, error_position); !s) {
        return s;
      }
      return finish(out, options, error_position);
    }
    if (id != "]C1" && id != "]e0" && id != "]d2" && id != "]Q3" && id != "]J1") {
      return fail(
          "不支持的符号标识符 " + describe_text(id) + "：GS1 数据应为 ]C1、]e0、]d2、]Q3 或 ]J1",
          "", 0, error_position);
    }
    i = 3;
  }
  if (i < data.size() && data[i] == kGroupSeparator) ++i;  // FNC1 in first position
  if (i >= data.size()) return fail("没有任何 AI", "", i, error_position);
  while (i < data.size()) {
    const std::size_t ai_at = i;
    const std::size_t len =
        i + 1 < data.size() ? ai_length_for_prefix(data[i], data[i + 1]) : std::size_t{0};
    if (len == 0 || i + len > data.size()) {
      return fail("无法识别 AI：" + describe_text(data.substr(i, 4)) + "…", "", i, error_position);
    }
    const std::string_view ai = data.substr(i, len);
    if (!text::is_digits(ai)) {  // "31" followed by two more characters that are not digits
      return fail("无法识别 AI：" + describe_text(data.substr(i, 4)) + "…", "", i, error_position);
    }
    const AiEntry* entry = find_ai(ai);
    if (entry == nullptr) {
      return fail("未知的 AI (" + std::string(ai) + ")", ai, i, error_position);
    }
    i += len;
    const std::size_t value_at = i;
    std::size_t end;
    if (entry->predefined_length()) {
      end = value_at + entry->format.max_length;
      if (end > data.size()) end = data.size();
      const std::size_t gs = data.find(kGroupSeparator, value_at);
      if (gs != std::string_view::npos && gs < end) end = gs;
    } else {
      end = data.find(kGroupSeparator, value_at);
      if (end == std::string_view::npos) end = data.size();
    }
    if (Status s = add(out, ai, *entry, data.substr(value_at, end - value_at), ai_at, value_at,
                       error_position);
        !s) {
      return s;
    }
    i = end;
    if (i < data.size() && data[i] == kGroupSeparator) ++i;
  }
  return finish(out, options, error_position);
}

Result<Elements> parse_bracketed(std::string_view text, const Options& options,
                                 std::size_t* error_position) {
  Elements out;
  if (Status s = parse_bracketed_into(text, out, options, error_position); !s) return s.error();
  return out;
}

Result<Elements> parse_raw(std::string_view data, const Options& options,
                           std::size_t* error_position) {
  Elements out;
  if (Status s = parse_raw_into(data, out, options, error_position); !s) return s.error();
  return out;
}

std::string to_bracketed(const Elements& elements) {
  std::string out;
  for (const Element& e : elements) {
    out += '(';
    out += e.ai;
    out += ')';
    for (char c : e.value) {
      if (c == '(') out += '\\';
      out += c;
    }
  }
  return out;
}

std::string to_raw(const Elements& elements, std::string_view symbology_id) {
  std::string out(symbology_id);
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const Element& e = elements[i];
    out += e.ai;
    out += e.value;
    const AiEntry* entry = find_ai(e.ai);
    if (i + 1 < elements.size() && (entry == nullptr || !entry->predefined_length())) {
      out += kGroupSeparator;
    }
  }
  return out;
}

}  // namespace zhiyou::trace::gs1
