#include "plans/target_sentence.hpp"

#include <array>
#include <regex>
#include <set>
#include <utility>

#include "core/quantity.hpp"
#include "core/text.hpp"

namespace zhiyou::plans {
namespace {

struct Verb {
  std::string_view word;
  Comparator op;
};

// Longest first, so "不低于" wins over "低于" and "达到" over "达".
constexpr std::array<Verb, 17> kVerbs{{
    {"争取突破", Comparator::gt},
    {"力争达到", Comparator::ge},
    {"不低于", Comparator::ge},
    {"不少于", Comparator::ge},
    {"不超过", Comparator::le},
    {"保持在", Comparator::ge},
    {"控制在", Comparator::le},
    {"提高到", Comparator::ge},
    {"提升到", Comparator::ge},
    {"稳定在", Comparator::ge},
    {"降低到", Comparator::le},
    {"达到", Comparator::ge},
    {"突破", Comparator::gt},
    {"超过", Comparator::gt},
    {"降至", Comparator::le},
    {"高于", Comparator::gt},
    {"达", Comparator::ge},
}};

// Units that carry a magnitude inside them; "2000亿元" stays 2000 亿元.
constexpr std::array<std::string_view, 12> kCompoundUnits{"万元",   "亿元", "万人",   "亿美元",
                                                          "万美元", "万吨", "万件",   "万人次",
                                                          "万户",   "万亩", "万千瓦", "亿人次"};

constexpr std::array<std::string_view, 13> kLeadingFillers{
    "力争", "全市", "实现", "确保", "其中", "争取", "并", "累计", "同时", "全面", "使", "和", "及"};
// Words that end a name but are not part of it: "约2.8万户", "各2个", "逐步达到".
constexpr std::array<std::string_view, 5> kTrailingFillers{"约", "各", "逐步", "稳定在", "在"};

std::optional<int> year_of(const std::string& text) {
  static const std::regex kYear(R"((?:到|至)(\d{4})年)");
  std::smatch m;
  if (std::regex_search(text, m, kYear)) return std::stoi(m[1]);
  return std::nullopt;
}

std::string strip_year_phrase(const std::string& s) {
  static const std::regex kPhrase(R"(^(?:力争)?(?:到|至)\d{4}年(?:底|末)?(?:前)?)");
  return std::regex_replace(s, kPhrase, "");
}

bool remove_prefix(std::string& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.erase(0, prefix.size());
  return true;
}

bool remove_suffix(std::string& s, std::string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

struct Tail {
  std::size_t number_at = 0;
  double value = 0;
  std::optional<std::string> unit;
  std::optional<Comparator> op;
  bool percent = false;
};

// «number [unit] [以上|以下|左右]» at the end of the clause.
std::optional<Tail> numeric_tail(const std::string& clause) {
  std::size_t at = std::string::npos;
  const auto is_alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (std::size_t i = clause.size(); i-- > 0;) {
    if (text::is_ascii_digit(clause[i]) &&
        (i == 0 || (!text::is_ascii_digit(clause[i - 1]) && clause[i - 1] != '.'))) {
      at = i;
      break;
    }
  }
  // "GM2D", "R&D": digits inside a Latin word are not a quantity.
  if (at != std::string::npos && at > 0 && is_alpha(clause[at - 1])) return std::nullopt;
  if (at == std::string::npos) return std::nullopt;
  const auto number = quantity::parse_leading_number(std::string_view{clause}.substr(at));
  if (!number) return std::nullopt;
  std::string rest = clause.substr(at + number->consumed);
  for (const std::string_view q : {"”", "\"", "」"}) remove_suffix(rest, q);
  Tail tail;
  tail.number_at = at;
  tail.value = number->value;
  tail.percent = number->percent;
  if (remove_suffix(rest, "以上"))
    tail.op = Comparator::ge;
  else if (remove_suffix(rest, "以下") || remove_suffix(rest, "以内"))
    tail.op = Comparator::le;
  else if (remove_suffix(rest, "左右"))
    tail.op = Comparator::eq;
  if (number->magnitude == 1e4 || number->magnitude == 1e8) {
    // "2000亿元", "100万元/人": the magnitude word starts a compound unit; the value stays.
    const std::string_view word = number->magnitude == 1e4 ? "万" : "亿";
    for (const std::string_view unit : kCompoundUnits) {
      if (unit.starts_with(word) && rest.starts_with(unit.substr(word.size()))) {
        tail.value /= number->magnitude;
        rest.insert(0, word);
        break;
      }
    }
  }
  if (text::length(rest) > 4 || text::contains(rest, "的") || text::contains(rest, "目标") ||
      rest == "版" || rest.starts_with("年") || (!rest.empty() && is_alpha(rest.front()))) {
    return std::nullopt;  // a year ("到2025年"), a version ("2.0版"), or prose
  }
  for (const char c : rest) {
    if (text::is_ascii_digit(c)) return std::nullopt;
  }
  if (!rest.empty())
    tail.unit = rest;
  else if (tail.percent)
    tail.unit = "%";
  return tail;
}

struct ClauseTarget {
  std::string name;
  Tail tail;
  TargetKind kind = TargetKind::level;
  bool cumulative_word = false;
};

std::optional<ClauseTarget> read_clause(std::string clause) {
  clause = strip_year_phrase(clause);
  const auto tail = numeric_tail(clause);
  if (!tail) return std::nullopt;
  ClauseTarget result;
  result.tail = *tail;
  std::string name = clause.substr(0, tail->number_at);
  for (const Verb& verb : kVerbs) {
    if (remove_suffix(name, verb.word)) {
      if (!result.tail.op) result.tail.op = verb.op;
      break;
    }
  }
  if (remove_suffix(name, "累计")) result.cumulative_word = true;
  for (const auto filler : kTrailingFillers) remove_suffix(name, filler);
  bool changed = true;
  while (changed) {
    changed = false;
    for (const auto filler : kLeadingFillers) {
      if (remove_prefix(name, filler)) {
        changed = true;
        if (filler == "累计") result.cumulative_word = true;
      }
    }
    if (remove_prefix(name, "新增")) {
      result.kind = TargetKind::increment;
      changed = true;
    }
    for (const std::string_view verb : {"建成", "培育", "创建"})
      changed = remove_prefix(name, verb) || changed;
  }
  // A name is at least two Chinese characters and carries no numbers or sentence debris.
  if (text::length(name) < 3 || text::length(name) > 40) return std::nullopt;
  for (const char c : name) {
    if (text::is_ascii_digit(c)) return std::nullopt;
  }
  for (const std::string_view debris : {"：", "“", "为", "比", "较", "年", "—"}) {
    if (name.starts_with(debris)) return std::nullopt;
  }
  // A number inside quotes or brackets ("“10分钟健身圈”") names something; it is no target.
  for (const std::string_view open : {"“", "(", "《", "<", ">"}) {
    if (name.ends_with(open) || (open.size() == 1 && text::contains(name, open) && open != "("))
      return std::nullopt;
  }
  if (text::contains(name, "、") && result.kind == TargetKind::level && !result.tail.op)
    return std::nullopt;
  result.name = std::move(name);
  return result;
}

std::vector<std::string> clauses_of(const std::string& sentence) {
  return text::split_any(sentence, {"，", "；", ",", ";", "："});
}

// "新增A50个、B75个": several targets sharing the leading verb.
std::vector<std::string> split_enumeration(const std::string& clause) {
  const std::vector<std::string> pieces = text::split_any(clause, {"、"});
  if (pieces.size() < 2) return {clause};
  for (const std::string& piece : pieces) {
    if (!numeric_tail(piece)) return {clause};
  }
  std::vector<std::string> out = pieces;
  std::string verb;
  if (pieces.front().starts_with("新增")) verb = "新增";
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (!verb.empty() && !out[i].starts_with(verb)) out[i] = verb + out[i];
  }
  return out;
}

bool is_heading(const std::string& text) {
  return starts_with_section_marker(text) ||
         (item_marker_length(text) > 0 && text::length(text) < 60 && text.rfind('(') == 0);
}

std::string name_key(const std::string& name) {
  std::string key;
  int depth = 0;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    const char32_t c = text::next_code_point(name, pos);
    if (c == U'(') ++depth;
    if (c == U')' && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0 && text::is_cjk(c)) key.append(name, start, pos - start);
  }
  return key;
}

std::set<std::string> bigrams(const std::string& s) {
  std::set<std::string> grams;
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < s.size();) {
    starts.push_back(pos);
    text::next_code_point(s, pos);
  }
  starts.push_back(s.size());
  for (std::size_t i = 0; i + 2 < starts.size(); ++i)
    grams.insert(s.substr(starts[i], starts[i + 2] - starts[i]));
  return grams;
}

}  // namespace

bool similar_names(const std::string& a, const std::string& b) {
  const std::string ka = name_key(a);
  const std::string kb = name_key(b);
  if (ka.empty() || kb.empty()) return false;
  if (ka == kb) return true;
  if (text::length(ka) >= 4 && text::length(kb) >= 4 &&
      (text::contains(ka, kb) || text::contains(kb, ka))) {
    return true;
  }
  const auto ga = bigrams(ka);
  const auto gb = bigrams(kb);
  std::size_t common = 0;
  for (const auto& g : ga) common += gb.count(g);
  return 2.0 * static_cast<double>(common) / static_cast<double>(ga.size() + gb.size()) >= 0.6;
}

std::vector<SentenceTarget> find_sentence_targets(const std::vector<Paragraph>& paragraphs,
                                                  std::optional<int> default_year) {
  std::vector<SentenceTarget> found;
  bool in_goals = false;
  std::optional<int> goals_year;
  for (const Paragraph& paragraph : paragraphs) {
    const std::string& text = paragraph.text;
    if (is_heading(text) || item_marker_length(text) > 0) {
      const bool goals_heading =
          text::contains(text.substr(0, std::min<std::size_t>(text.size(), 40)), "目标");
      if (goals_heading) {
        in_goals = true;
        if (auto y = year_of(text)) goals_year = y;
      } else if (starts_with_section_marker(text) || text.starts_with("(")) {
        in_goals = false;
      }
    }
    const std::optional<int> paragraph_year = year_of(text);
    std::size_t sentence_at = 0;
    for (const std::string& sentence : text::split_any(text, {"。"})) {
      sentence_at = std::min(text.find(sentence, sentence_at), text.size());
      const std::optional<int> year = year_of(sentence)          ? year_of(sentence)
                                      : paragraph_year           ? paragraph_year
                                      : (in_goals && goals_year) ? goals_year
                                                                 : default_year;
      if (!year) continue;
      for (const std::string& clause : clauses_of(sentence)) {
        for (const std::string& piece : split_enumeration(clause)) {
          auto read = read_clause(piece);
          if (!read) continue;
          SentenceTarget t;
          t.name = read->name;
          t.unit = read->tail.unit;
          const std::size_t piece_at = sentence.find(piece);
          t.line = paragraph.line_at(sentence_at + (piece_at == std::string::npos ? 0 : piece_at));
          t.target.year = *year;
          t.target.sentence = sentence + "。";
          Expression& e = t.target.expression;
          e.kind = read->kind;
          e.value = read->tail.value;
          e.op = read->tail.op;
          e.text = piece;
          if (read->kind == TargetKind::increment && !e.op) e.op = Comparator::ge;
          if (read->cumulative_word) t.notes.emplace_back("累计");
          found.push_back(std::move(t));
        }
      }
    }
  }
  // The same target restated later in the text (a task repeating a goal) is kept once.
  std::vector<SentenceTarget> unique;
  for (SentenceTarget& t : found) {
    bool seen = false;
    for (const SentenceTarget& u : unique) {
      seen = seen || (u.target.year == t.target.year && similar_names(u.name, t.name) &&
                      u.target.expression.value == t.target.expression.value);
    }
    if (!seen) unique.push_back(std::move(t));
  }
  return unique;
}

}  // namespace zhiyou::plans
