#include "registry/uscc.hpp"

#include <fmt/core.h>

#include <array>

#include "core/text.hpp"

namespace zhiyou::registry {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Weight of position i is 3^i mod 31 (GB 32100-2015, 5.2).
constexpr std::array<int, 17> kWeights{1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};

int value_of(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::optional<char> uscc_check_character(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = value_of(upper(first17[i]));
    if (v < 0) return std::nullopt;
    sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kAlphabet[static_cast<std::size_t>(check)];
}

Result<std::string> validate_uscc(std::string_view raw) {
  const std::string normalized = text::normalize(raw);
  std::string code(text::trim(normalized));
  for (char& c : code) c = upper(c);
  const std::string place = fmt::format("统一社会信用代码 {}", code);
  if (code.size() != 18) {
    return make_error(fmt::format("长度应为 18 位，实为 {} 位", text::length(code)), place);
  }
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (value_of(code[i]) < 0) {
      return make_error(
          fmt::format("第 {} 位字符 '{}' 不在代码字符集中（不使用 I、O、Z、S、V）", i + 1, code[i]),
          place);
    }
  }
  for (std::size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return make_error(
          fmt::format("第 3–8 位应为行政区划码（数字），第 {} 位为 '{}'", i + 1, code[i]), place);
    }
  }
  const auto expected = uscc_check_character(std::string_view{code}.substr(0, 17));
  if (!expected || *expected != code[17]) {
    return make_error(
        fmt::format("校验码错误：第 18 位应为 '{}'，实为 '{}'", expected.value_or('?'), code[17]),
        place);
  }
  return code;
}

}  // namespace zhiyou::registry
