// Targets written in prose: "到2027年底，质量赋码追溯产品累计达到150万个",
// "规上工业增加值占全市生产总值比重 40%左右", "制造业产品质量合格率达到 94%以上".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plans/paragraphs.hpp"
#include "plans/plan.hpp"

namespace zhiyou::plans {

struct SentenceTarget {
  std::string name;
  std::optional<std::string> unit;
  Target target;  // target.sentence holds the sentence it was read from
  int line = 0;
  std::vector<std::string> notes;
};

// Every clause of the form «name [verb] number [unit] [以上|左右]» that has a year to
// attach to: the year written in its sentence or paragraph ("到2025年"), else the year of
// the goals section it stands in (主要目标), else `default_year` (the plan period's end).
std::vector<SentenceTarget> find_sentence_targets(const std::vector<Paragraph>& paragraphs,
                                                  std::optional<int> default_year);

// Two indicator names denote the same thing ("一网通办"率 vs 依申请政务服务"一网通办"率).
bool similar_names(const std::string& a, const std::string& b);

}  // namespace zhiyou::plans
