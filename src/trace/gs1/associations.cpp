#include "trace/gs1/associations.hpp"

#include <string>
#include <string_view>

#include "trace/gs1/ai_table.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// "31nn" matches "3100".."3199"; an exact AI matches itself.
bool matches(std::string_view pattern, std::string_view ai) {
  if (pattern.size() != ai.size()) return false;
  for (std::size_t i = 0; i < ai.size(); ++i) {
    if (pattern[i] != 'n' && pattern[i] != ai[i]) return false;
  }
  return true;
}

// The elements of two lists as one sequence, without copying them.
struct Joined {
  std::span<const Element> first;
  std::span<const Element> second;
  [[nodiscard]] std::size_t size() const { return first.size() + second.size(); }
  const Element& operator[](std::size_t i) const {
    return i < first.size() ? first[i] : second[i - first.size()];
  }
};

bool present(const Joined& elements, std::string_view pattern) {
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (matches(pattern, elements[i].ai)) return true;
  }
  return false;
}

// Calls f(piece) for every piece of `list` split at `sep`.
template <typename F>
bool all_of_split(std::string_view list, char sep, F f) {
  while (true) {
    const std::size_t cut = list.find(sep);
    if (!f(list.substr(0, cut))) return false;
    if (cut == std::string_view::npos) return true;
    list.remove_prefix(cut + 1);
  }
}

template <typename F>
bool any_of_split(std::string_view list, char sep, F f) {
  return !all_of_split(list, sep, [&](std::string_view piece) { return !f(piece); });
}

std::string readable(std::string_view group) {
  std::string out;
  any_of_split(group, ',', [&](std::string_view alt) {
    if (!out.empty()) out += " 或 ";
    all_of_split(alt, '+', [&](std::string_view ai) {
      if (!out.empty() && out.back() != ' ') out += '+';
      out += '(' + std::string(ai) + ')';
      return true;
    });
    return false;
  });
  return out;
}

Status fail(const Element& e, std::string message, std::size_t* error_position) {
  if (error_position != nullptr) *error_position = e.position;
  return make_error(std::move(message), "AI (" + e.ai + ")");
}

bool has_serial_component(const Element& e) {
  if (e.ai == "253") return e.value.size() > 13;
  if (e.ai == "255") return e.value.size() > 13;
  if (e.ai == "8003") return e.value.size() > 14;
  return true;
}

}  // namespace

std::string repeated_ai_message(std::string_view ai, std::string_view first,
                                std::string_view second) {
  return "AI (" + std::string(ai) + ") 重复出现且值不同：" + std::string(first) + " 与 " +
         std::string(second);
}

std::string missing_ai_message(std::string_view ai, std::string_view group) {
  return missing_ai_message_from_readable(ai, readable(group));
}

std::string readable_requisites(std::string_view group) { return readable(group); }

std::string missing_ai_message_from_readable(std::string_view ai, std::string_view readable) {
  constexpr std::string_view kMissing = ") 缺少必须同时出现的 AI：";
  std::string out;
  out.reserve(4 + ai.size() + kMissing.size() + readable.size());
  out.append("AI (").append(ai).append(kMissing).append(readable);
  return out;
}

std::string excluded_ai_message(std::string_view ai, std::string_view other) {
  return "AI (" + std::string(ai) + ") 不能与 AI (" + std::string(other) + ") 同时出现";
}

Status check_associations(const Elements& elements, std::size_t* error_position) {
  return check_associations(std::span<const Element>(elements), {}, error_position);
}

Status check_associations(std::span<const Element> first, std::span<const Element> second,
                          std::size_t* error_position) {
  const Joined elements{first, second};
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const Element& e = elements[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (elements[j].ai == e.ai && elements[j].value != e.value) {
        return fail(e, repeated_ai_message(e.ai, elements[j].value, e.value), error_position);
      }
    }
  }
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const Element& e = elements[i];
    const AiEntry* entry = find_ai(e.ai);
    if (entry == nullptr) continue;
    std::string_view missing;
    const bool satisfied = all_of_split(entry->requisites, ';', [&](std::string_view group) {
      if (group.empty()) return true;
      const bool ok = any_of_split(group, ',', [&](std::string_view alt) {
        return all_of_split(alt, '+', [&](std::string_view ai) { return present(elements, ai); });
      });
      if (!ok) missing = group;
      return ok;
    });
    if (!satisfied) {
      return fail(e, missing_ai_message(e.ai, missing), error_position);
    }
    std::string_view clash;
    const bool clean = all_of_split(entry->excludes, ',', [&](std::string_view pattern) {
      if (pattern.empty()) return true;
      for (std::size_t k = 0; k < elements.size(); ++k) {
        const Element& other = elements[k];
        if (other.ai != e.ai && matches(pattern, other.ai)) {
          clash = other.ai;
          return false;
        }
      }
      return true;
    });
    if (!clean) {
      return fail(e, excluded_ai_message(e.ai, clash), error_position);
    }
  }
  if (present(elements, "8030")) {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const Element& e = elements[i];
      if (!has_serial_component(e)) {
        return fail(e, "数字签名 AI (8030) 要求 AI (" + e.ai + ") 带有序列号部分", error_position);
      }
    }
  }
  return Ok{};
}

}  // namespace zhiyou::trace::gs1
