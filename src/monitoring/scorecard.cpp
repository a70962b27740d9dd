#include "monitoring/scorecard.hpp"

#include <algorithm>
#include <map>

namespace zhiyou::monitoring {

std::optional<double> scorecard_points(Status status) {
  switch (status) {
    case Status::met:
      return 100.0;
    case Status::on_track:
      return 90.0;
    case Status::lagging:
      return 60.0;
    case Status::off_track:
      return 30.0;
    case Status::no_data:
      return 0.0;
    case Status::qualitative:
      break;
  }
  return std::nullopt;
}

std::vector<Scorecard> build_scorecards(std::span<const Evaluation> evaluations,
                                        std::string_view region) {
  std::vector<Scorecard> cards;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const Evaluation& e : evaluations) {
    if (e.region != region) {
      continue;
    }
    const auto& units = e.indicator->lead_units;
    for (std::size_t u = 0; u < units.size(); ++u) {
      auto [it, added] = index.try_emplace(units[u], cards.size());
      if (added) {
        cards.push_back(Scorecard{.unit = units[u]});
      }
      Scorecard& card = cards[it->second];
      const ScorecardItem item{&e, u == 0 ? UnitRole::lead : UnitRole::shared};
      card.items.push_back(item);
      ++card.counts[static_cast<int>(e.assessment.status)];
      if (e.assessment.status == Status::lagging || e.assessment.status == Status::off_track) {
        card.lagging.push_back(item);
      }
    }
  }
  for (Scorecard& card : cards) {
    double points = 0;
    double weights = 0;
    for (const ScorecardItem& item : card.items) {
      const auto p = scorecard_points(item.evaluation->assessment.status);
      if (!p) {
        continue;
      }
      const double weight = item.role == UnitRole::lead ? 1.0 : 0.5;
      points += weight * *p;
      weights += weight;
    }
    if (weights > 0) {
      card.score = points / weights;
    }
  }
  std::stable_sort(cards.begin(), cards.end(), [](const Scorecard& a, const Scorecard& b) {
    return a.score.value_or(-1) > b.score.value_or(-1);
  });
  return cards;
}

}  // namespace zhiyou::monitoring
