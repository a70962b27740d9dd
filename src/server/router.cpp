#include "server/router.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace zhiyou::server {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  parts.reserve(static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) + 1);
  std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool is_rest_parameter(std::string_view segment) {
  return is_parameter(segment) && segment.size() > 3 && segment[segment.size() - 2] == '+';
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Up to the first escape (for most paths, all of it) the text is copied as it is.
  const std::size_t first = std::min(text.find('%'), text.size());
  out.append(text.substr(0, first));
  for (std::size_t i = first; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = text::hex_digit_value(text[i + 1]);
    const int lo = text::hex_digit_value(text[i + 2]);
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  // Names taken from the path are quoted back in messages, which must stay valid JSON text.
  if (text::find_invalid_utf8(out)) return std::nullopt;
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query_list(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    std::string pair(query.substr(start, end - start));
    for (char& c : pair) {
      if (c == '+') c = ' ';
    }
    const std::size_t eq = pair.find('=');
    auto key = percent_decode(std::string_view{pair}.substr(0, eq));
    auto value = eq == std::string::npos ? std::optional<std::string>("")
                                         : percent_decode(std::string_view{pair}.substr(eq + 1));
    if (key && value && !key->empty()) out.emplace_back(std::move(*key), std::move(*value));
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_query(std::string_view query) {
  std::map<std::string, std::string> out;
  for (auto& [key, value] : parse_query_list(query)) out.emplace(std::move(key), std::move(value));
  return out;
}

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  for (const Route& route : routes_) {
    std::vector<std::string> parts;
    for (std::string_view part : split_path(route.pattern)) parts.emplace_back(part);
    segments_.push_back(std::move(parts));
  }
  for (std::size_t r = 0; r < routes_.size(); ++r) {
    const std::vector<std::string>& pattern = segments_[r];
    if (pattern.empty() || is_parameter(pattern.front())) {
      first_is_parameter_.push_back(r);
      for (auto& [first, list] : by_first_) list.push_back(r);
    } else {
      auto [it, added] = by_first_.try_emplace(pattern.front());
      if (added) it->second = first_is_parameter_;  // the parameter routes listed before it
      it->second.push_back(r);
    }
  }
}

const std::vector<std::size_t>& Router::candidates(std::string_view first) const {
  const auto it = by_first_.find(first);
  return it == by_first_.end() ? first_is_parameter_ : it->second;
}

std::optional<RouteMatch> Router::match(http::verb method, std::string_view path) const {
  const std::vector<std::string_view> parts = split_path(path);
  RouteMatch result;
  for (const std::size_t r : candidates(parts.front())) {
    const std::vector<std::string>& pattern = segments_[r];
    const bool rest = !pattern.empty() && is_rest_parameter(pattern.back());
    if (rest ? parts.size() < pattern.size() : pattern.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool matched = true;
    for (std::size_t i = 0; i < pattern.size() && matched; ++i) {
      if (rest && i + 1 == pattern.size()) {
        // The rest of the path as sent: its reader decodes it (a GS1 value may hold "%2F").
        const auto begin = static_cast<std::size_t>(parts[i].data() - path.data());
        params[pattern[i].substr(1, pattern[i].size() - 3)] = std::string(path.substr(begin));
        matched = !parts[i].empty();
      } else if (is_parameter(pattern[i])) {
        auto value = percent_decode(parts[i]);
        if (!value) return std::nullopt;
        matched = !value->empty();
        params[pattern[i].substr(1, pattern[i].size() - 2)] = std::move(*value);
      } else {
        matched = pattern[i] == parts[i];
      }
    }
    if (!matched) continue;
    result.allowed.push_back(routes_[r].method);
    if (routes_[r].method == method && result.route == nullptr) {
      result.route = &routes_[r];
      result.params = std::move(params);
    }
  }
  return result;
}

}  // namespace zhiyou::server
