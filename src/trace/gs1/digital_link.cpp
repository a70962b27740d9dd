#include "trace/gs1/digital_link.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <span>

#include "core/text.hpp"
#include "trace/gs1/ai_table.hpp"
#include "trace/gs1/associations.hpp"
#include "trace/gs1/percent_encoding.hpp"
#include "trace/gs1/uri_parts.hpp"
#include "trace/gs1/value.hpp"

namespace zhiyou::trace::gs1 {
namespace {

struct Alpha {
  std::string_view name;
  std::string_view ai;
};
// Digital Link 1.0 convenience alphas: short names that some older URIs use instead of AIs.
constexpr Alpha kAlphas[] = {
    {"gtin", "01"},   {"itip", "8006"}, {"cpv", "22"},    {"lot", "10"},     {"ser", "21"},
    {"sscc", "00"},   {"gln", "414"},   {"party", "417"}, {"gsrnp", "8017"}, {"gsrn", "8018"},
    {"gcn", "255"},   {"srin", "8019"}, {"cpid", "8010"}, {"cpsn", "8011"},  {"gmn", "8013"},
    {"giai", "8004"}, {"grai", "8003"}, {"gdti", "253"},  {"gsin", "402"},   {"ginc", "401"},
    {"glnx", "254"},
};

struct Resolved {
  std::string_view ai;  // the numeric AI
  const AiEntry* entry = nullptr;
};

// The AI a path segment names, or an empty result.
Resolved resolve(std::string_view segment, const Options& options) {
  if (options.permit_convenience_alphas && !segment.empty() && !text::is_digits(segment)) {
    for (const Alpha& a : kAlphas) {
      if (a.name == segment) return {a.ai, find_ai(a.ai)};
    }
    return {};
  }
  if (!text::is_digits(segment)) return {};
  if (const AiEntry* e = find_ai(segment)) return {segment, e};
  if (options.permit_unknown_ais && segment.size() >= 2 && segment.size() <= 4) {
    const std::size_t len = ai_length_for_prefix(segment[0], segment[1]);
    if (len == 0 || len == segment.size()) return {segment, &unknown_ai_entry()};
  }
  return {};
}

// Whether `quals` (in order) is an ordered selection of `sequence` ("22,10,21").
bool fits_sequence(std::string_view sequence, std::span<const std::string_view> quals) {
  std::size_t next = 0;
  text::for_each_piece(sequence, ',', [&](std::string_view ai) {
    if (next < quals.size() && quals[next] == ai) ++next;
  });
  return next == quals.size();
}

bool fits_some_sequence(const AiEntry& key, std::span<const std::string_view> quals) {
  if (quals.empty()) return true;
  bool fits = false;
  text::for_each_piece(key.qualifiers, '|', [&](std::string_view seq) {
    if (!seq.empty() && fits_sequence(seq, quals)) fits = true;
  });
  return fits;
}

bool in_sequence(std::string_view sequence, std::string_view ai) {
  bool found = false;
  text::for_each_piece(sequence, ',', [&](std::string_view q) { found = found || q == ai; });
  return found;
}

// Whether `ai` could join the path qualifiers `quals` of `key` in one of its sequences: then
// it must be written in the path, not the query.
bool belongs_in_path(const AiEntry& key, std::span<const std::string_view> quals,
                     std::string_view ai) {
  bool belongs = false;
  text::for_each_piece(key.qualifiers, '|', [&](std::string_view seq) {
    if (!in_sequence(seq, ai)) return;
    if (std::all_of(quals.begin(), quals.end(),
                    [&](std::string_view q) { return in_sequence(seq, q); })) {
      belongs = true;
    }
  });
  return belongs;
}

Status fail(std::string message, std::string_view ai, std::size_t position,
            std::size_t* error_position) {
  if (error_position != nullptr) *error_position = position;
  return make_error(std::move(message),
                    ai.empty() ? std::string() : "AI (" + std::string(ai) + ")");
}

bool host_ok(const UriParts& uri) {
  switch (uri.host_kind) {
    case HostKind::name:
      return !uri.host.empty() && std::all_of(uri.host.begin(), uri.host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '.';
      });
    case HostKind::ipv6:
      return true;
    default:
      return false;
  }
}

// http or https, written all in lower or all in upper case as GS1 Digital Link requires.
bool scheme_ok(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "HTTP" || scheme == "HTTPS";
}

// Decodes one value, pads a short GTIN, checks it against its AI and appends it.
Status add_value(Elements& out, std::string_view ai, const AiEntry& entry, std::string_view raw,
                 UriPart part, std::size_t at, std::size_t ai_at, const Options& options,
                 std::size_t* error_position) {
  Element& e = out.emplace_back();
  e.ai.assign(ai);
  e.position = ai_at;
  percent_decode_into(e.value, raw, part);
  if (e.value.empty()) return fail("AI (" + e.ai + ") 的值为空", ai, at, error_position);
  if (e.value.find('\0') != std::string::npos) {
    return fail("AI (" + e.ai + ") 的值解码后含有空字符 (%00)", ai, at, error_position);
  }
  if (options.permit_zero_suppressed_gtin && ai == "01" &&
      (e.value.size() == 8 || e.value.size() == 12 || e.value.size() == 13)) {
    e.value.insert(0, 14 - e.value.size(), '0');
  }
  if (auto problem = check_value(ai, entry, e.value)) {
    // Offsets inside a decoded value only map back when nothing was decoded or padded.
    const std::size_t off = e.value == raw ? problem->offset : 0;
    return fail(std::move(problem->message), ai, at + off, error_position);
  }
  return Ok{};
}

std::size_t offset_in(std::string_view whole, const char* p) {
  return static_cast<std::size_t>(p - whole.data());
}

}  // namespace

Elements DigitalLink::elements() const {
  Elements out = path;
  out.insert(out.end(), attributes.begin(), attributes.end());
  return out;
}

Status parse_digital_link_into(std::string_view uri, DigitalLink& link, const Options& options,
                               std::size_t* error_position) {
  link.stem.clear();
  link.path.clear();
  link.attributes.clear();
  link.other_parameters.clear();
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return fail("不是 URI：缺少 http:// 或 https://", "", 0, error_position);
  }
  if (!scheme_ok(uri.substr(0, colon))) {
    return fail("不支持的 URI 协议 " + std::string(uri.substr(0, colon)) +
                    "：GS1 Digital Link 只接受 http 或 https",
                "", 0, error_position);
  }
  const std::optional<UriParts> parsed = split_uri(uri);
  if (!parsed) {
    std::size_t at = 0;
    for (std::size_t i = 0; i < uri.size(); ++i) {
      const char c = uri[i];
      if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '{' || c == '}' || c == '\\' ||
          c == '^' || c == '`' || c == '"' || c == '|') {
        at = i;
        break;
      }
    }
    return fail("URI 语法错误", "", at, error_position);
  }
  if (!host_ok(*parsed)) {
    return fail("URI 的主机名无效", "", colon + 3 <= uri.size() ? colon + 3 : 0, error_position);
  }
  const std::string_view path = parsed->path;
  const std::size_t path_at = path.empty() ? uri.size() : offset_in(uri, path.data());

  // Segments of the path: offsets into `path`; segment 0 is the empty one before the first "/".
  boost::container::small_vector<std::string_view, 16> seg;
  text::for_each_piece(path, '/', [&](std::string_view s) { seg.push_back(s); });
  if (seg.size() >= 2 && seg.back().empty()) {
    return fail("URI 路径不能以 '/' 结尾", "", path_at + path.size() - 1, error_position);
  }
  // The primary key is the rightmost /AI/value pair, reached through known AIs only.
  std::size_t key = 0;
  for (std::size_t k = seg.size(); k >= 3; k -= 2) {
    const Resolved r = resolve(seg[k - 2], options);
    if (r.entry == nullptr) break;
    if (r.entry->dl_primary_key()) {
      key = k - 2;
      break;
    }
  }
  if (key == 0) {
    return fail("URI 路径中找不到 GS1 主键（如 /01/ 后跟 GTIN）", "", path_at, error_position);
  }

  link.stem.assign(uri.substr(0, path_at + offset_in(path, seg[key].data()) - 1));
  boost::container::small_vector<std::string_view, 4> quals;
  const AiEntry* key_entry = nullptr;
  for (std::size_t k = key; k + 1 < seg.size(); k += 2) {
    const Resolved r = resolve(seg[k], options);
    const std::size_t ai_at = path_at + offset_in(path, seg[k].data());
    const std::size_t value_at = path_at + offset_in(path, seg[k + 1].data());
    if (Status s = add_value(link.path, r.ai, *r.entry, seg[k + 1], UriPart::path, value_at, ai_at,
                             options, error_position);
        !s) {
      return s;
    }
    if (k == key) {
      key_entry = r.entry;
    } else {
      quals.push_back(r.ai);
      if (!fits_some_sequence(*key_entry, quals)) {
        return fail("AI (" + std::string(r.ai) + ") 不能在路径中作为 AI (" + link.path[0].ai +
                        ") 的限定符，或限定符顺序错误",
                    r.ai, ai_at, error_position);
      }
    }
  }

  if (parsed->has_query) {
    const std::string_view query = parsed->query;
    const std::size_t query_at = offset_in(uri, query.data());
    Status status = Ok{};
    text::for_each_piece(query, '&', [&](std::string_view param) {
      if (!status || param.empty()) return;
      const std::size_t at = query_at + offset_in(query, param.data());
      const std::size_t eq = param.find('=');
      const std::string_view name = param.substr(0, eq);
      const std::string_view raw =
          eq == std::string_view::npos ? std::string_view{} : param.substr(eq + 1);
      if (!text::is_digits(name)) {
        link.other_parameters.push_back(
            {percent_decode(name, UriPart::query), percent_decode(raw, UriPart::query)});
        return;
      }
      const AiEntry* entry = find_ai(name);
      if (entry == nullptr) {
        const Resolved r = resolve(name, options);
        if (r.entry == nullptr || !options.permit_unknown_ai_dl_attributes) {
          status =
              fail("查询参数 " + std::string(name) + " 不是已知的 AI", name, at, error_position);
          return;
        }
        entry = r.entry;
      } else if (!entry->dl_attribute()) {
        status = fail("AI (" + std::string(name) + ") 不能作为 Digital Link 查询参数（数据属性）",
                      name, at, error_position);
        return;
      }
      if (belongs_in_path(*key_entry, quals, name)) {
        status = fail("AI (" + std::string(name) + ") 是 AI (" + link.path[0].ai +
                          ") 的限定符，应写在路径中而不是查询参数中",
                      name, at, error_position);
        return;
      }
      status = add_value(link.attributes, name, *entry, raw, UriPart::query, at + eq + 1, at,
                         options, error_position);
    });
    if (!status) return status;
  }

  const std::size_t count = link.path.size() + link.attributes.size();
  auto at = [&](std::size_t i) -> const Element& {
    return i < link.path.size() ? link.path[i] : link.attributes[i - link.path.size()];
  };
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (at(i).ai == at(j).ai) {
        return fail("AI (" + at(i).ai + ") 在 URI 中重复出现", at(i).ai, at(i).position,
                    error_position);
      }
    }
  }
  if (options.check_associations) {
    return check_associations(link.path, link.attributes, error_position);
  }
  return Ok{};
}

Result<DigitalLink> parse_digital_link(std::string_view uri, const Options& options,
                                       std::size_t* error_position) {
  DigitalLink link;
  if (Status s = parse_digital_link_into(uri, link, options, error_position); !s) return s.error();
  return link;
}

Result<std::string> build_digital_link(const Elements& elements, std::string_view stem,
                                       const Options& options) {
  Elements unique;
  for (const Element& e : elements) {
    if (std::find(unique.begin(), unique.end(), e) == unique.end()) unique.push_back(e);
  }
  if (options.check_associations) {
    if (Status s = check_associations(unique); !s) return s.error();
  }
  const auto key = std::find_if(unique.begin(), unique.end(), [](const Element& e) {
    const AiEntry* entry = find_ai(e.ai);
    return entry != nullptr && entry->dl_primary_key();
  });
  if (key == unique.end()) {
    return make_error("没有可作为 Digital Link 主键的 AI（如 01、00、414、8003、8004）");
  }
  const AiEntry& key_entry = *find_ai(key->ai);
  std::string_view chosen;
  text::for_each_piece(key_entry.qualifiers, '|', [&](std::string_view seq) {
    if (!chosen.empty() || seq.empty()) return;
    text::for_each_piece(seq, ',', [&](std::string_view q) {
      if (std::any_of(unique.begin(), unique.end(), [&](const Element& e) { return e.ai == q; })) {
        chosen = seq;
      }
    });
  });

  while (!stem.empty() && stem.back() == '/') stem.remove_suffix(1);
  std::string out(stem);
  std::vector<const Element*> used{&*key};
  auto add_path = [&](const Element& e) {
    out += '/';
    out += e.ai;
    out += '/';
    percent_encode_append(out, e.value, UriPart::path);
  };
  add_path(*key);
  text::for_each_piece(chosen, ',', [&](std::string_view q) {
    for (const Element& e : unique) {
      if (e.ai == q) {
        add_path(e);
        used.push_back(&e);
        return;
      }
    }
  });
  std::vector<const Element*> fixed;
  std::vector<const Element*> variable;
  for (const Element& e : unique) {
    if (std::find(used.begin(), used.end(), &e) != used.end()) continue;
    const AiEntry* entry = find_ai(e.ai);
    if (entry == nullptr) {
      if (!(options.permit_unknown_ais && options.permit_unknown_ai_dl_attributes)) {
        return make_error("未知的 AI (" + e.ai + ") 不能作为 Digital Link 数据属性",
                          "AI (" + e.ai + ")");
      }
      variable.push_back(&e);
    } else if (!entry->dl_attribute()) {
      return make_error("AI (" + e.ai + ") 不能作为 Digital Link 数据属性", "AI (" + e.ai + ")");
    } else {
      (entry->predefined_length() ? fixed : variable).push_back(&e);
    }
  }
  char sep = '?';
  for (const auto* list : {&fixed, &variable}) {
    for (const Element* e : *list) {
      out += sep;
      sep = '&';
      out += e->ai;
      out += '=';
      percent_encode_append(out, e->value, UriPart::query);
    }
  }
  return out;
}

std::string to_uri(const DigitalLink& link) {
  std::string out = link.stem;
  for (const Element& e : link.path) {
    out += '/';
    out += e.ai;
    out += '/';
    percent_encode_append(out, e.value, UriPart::path);
  }
  char sep = '?';
  for (const Element& e : link.attributes) {
    out += sep;
    sep = '&';
    out += e.ai;
    out += '=';
    percent_encode_append(out, e.value, UriPart::query);
  }
  return out;
}

}  // namespace zhiyou::trace::gs1
