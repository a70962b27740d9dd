#include "store/postgres_url.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace zhiyou::store {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string percent_encoded(std::string_view text) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0f]);
    }
  }
  return out;
}

// libpq's keyword/value syntax: `key = value` pairs separated by whitespace; a value is
// either bare (backslash escapes a character) or single-quoted (\' and \\ inside).
Result<std::vector<std::pair<std::string, std::string>>> keyword_pairs(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && is_space(text[i])) {
      ++i;
    }
  };
  while (true) {
    skip_spaces();
    if (i == text.size()) {
      return pairs;
    }
    std::string key;
    while (i < text.size() && text[i] != '=' && !is_space(text[i])) {
      key.push_back(text[i++]);
    }
    skip_spaces();
    if (key.empty() || i == text.size() || text[i] != '=') {
      return make_error("连接字符串格式错误: 缺少 “键=值” 中的 “=”");
    }
    ++i;
    skip_spaces();
    std::string value;
    if (i < text.size() && text[i] == '\'') {
      ++i;
      while (i < text.size() && text[i] != '\'') {
        if (text[i] == '\\' && i + 1 < text.size()) {
          ++i;
        }
        value.push_back(text[i++]);
      }
      if (i == text.size()) {
        return make_error("连接字符串格式错误: 引号没有闭合");
      }
      ++i;
    } else {
      while (i < text.size() && !is_space(text[i])) {
        if (text[i] == '\\' && i + 1 < text.size()) {
          ++i;
        }
        value.push_back(text[i++]);
      }
    }
    pairs.emplace_back(std::move(key), std::move(value));
  }
}

}  // namespace

Result<std::string> soci_postgresql_url(std::string_view connection) {
  if (connection.rfind("postgresql://", 0) == 0 || connection.rfind("postgres://", 0) == 0) {
    for (char c : connection) {
      if (is_space(c)) {
        return make_error("数据库地址中不能含有空白字符（请写作 %20）");
      }
    }
    std::string url(connection);
    if (url.find('=') == std::string::npos) {
      url += (url.find('?') == std::string::npos ? "?" : "&");
      url += "application_name=zhiyou";
    }
    return url;
  }
  auto pairs = keyword_pairs(connection);
  if (!pairs) {
    return pairs.error();
  }
  if (pairs->empty()) {
    return make_error("连接字符串为空");
  }
  std::string url = "postgresql://";
  char separator = '?';
  for (const auto& [key, value] : *pairs) {
    url += separator + percent_encoded(key) + "=" + percent_encoded(value);
    separator = '&';
  }
  return url;
}

}  // namespace zhiyou::store
