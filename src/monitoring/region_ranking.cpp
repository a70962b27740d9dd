#include "monitoring/region_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "registry/region.hpp"

namespace zhiyou::monitoring {
namespace {

int registry_order(std::string_view name) {
  const auto regions = registry::builtin_regions();
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].name == name) {
      return static_cast<int>(i);
    }
  }
  return static_cast<int>(regions.size());
}

bool same_standing(const RegionRank& a, const RegionRank& b) {
  if (std::fabs(a.share - b.share) > 1e-12) {
    return false;
  }
  if (a.mean_gap.has_value() != b.mean_gap.has_value()) {
    return false;
  }
  return !a.mean_gap || std::fabs(*a.mean_gap - *b.mean_gap) <= 1e-12;
}

}  // namespace

std::vector<RegionRank> rank_regions(std::span<const Evaluation> evaluations) {
  struct Tally {
    RegionRank rank;
    double gap_sum = 0;
    int gaps = 0;
  };
  std::map<std::string, Tally, std::less<>> tallies;
  for (const Evaluation& e : evaluations) {
    if (e.region == registry::kWholeCity) {
      continue;
    }
    Tally& t = tallies[e.region];
    t.rank.region = e.region;
    const Status s = e.assessment.status;
    if (s == Status::qualitative) {
      continue;
    }
    ++t.rank.evaluated;
    if (s == Status::met || s == Status::on_track) {
      ++t.rank.good;
    }
    if (e.assessment.normalised_gap) {
      t.gap_sum += *e.assessment.normalised_gap;
      ++t.gaps;
    }
  }
  std::vector<RegionRank> out;
  for (auto& [name, t] : tallies) {
    if (t.rank.evaluated > 0) {
      t.rank.share = static_cast<double>(t.rank.good) / t.rank.evaluated;
    }
    if (t.gaps > 0) {
      t.rank.mean_gap = t.gap_sum / t.gaps;
    }
    out.push_back(std::move(t.rank));
  }
  std::sort(out.begin(), out.end(), [](const RegionRank& a, const RegionRank& b) {
    if (std::fabs(a.share - b.share) > 1e-12) {
      return a.share > b.share;
    }
    if (a.mean_gap.has_value() != b.mean_gap.has_value()) {
      return a.mean_gap.has_value();
    }
    if (a.mean_gap && std::fabs(*a.mean_gap - *b.mean_gap) > 1e-12) {
      return *a.mean_gap > *b.mean_gap;
    }
    const int ra = registry_order(a.region);
    const int rb = registry_order(b.region);
    return ra != rb ? ra < rb : a.region < b.region;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].rank =
        i > 0 && same_standing(out[i], out[i - 1]) ? out[i - 1].rank : static_cast<int>(i) + 1;
  }
  return out;
}

}  // namespace zhiyou::monitoring
