// Evaluation at scale, as one timed program (a Google Benchmark loop would repeat the
// 300-million-point run for minutes). Two workloads:
//   seeds     — every plan in the five seed documents × 14 regions × 72 monthly periods
//               (2020-01 … 2025-12), each series' figures generated per region;
//   synthetic — 10,000 indicators × 3,000 regions × 10 years (2021 … 2030), a mix of level
//               (up and down), increment, change and cumulative targets with intermediate
//               targets; one region's series is generated, evaluated and dropped at a time.
// Each workload also runs a reference in the same process: generating the same figures and
// summing them, with no evaluation. Printed: wall time, ns per evaluation, ratio to the
// reference, and peak resident memory (getrusage ru_maxrss).
//
// Usage: bench_evaluation [--quick]   (--quick: 1,000 indicators × 300 regions)
#include <sys/resource.h>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "monitoring/evaluation.hpp"
#include "plans/plan_text_parser.hpp"
#include "registry/region.hpp"

namespace {

using namespace zhiyou;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU seconds of this process: on a shared machine the wall clock also counts other people's
// builds.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Elapsed {
  double wall = 0;
  double cpu = 0;
};

struct Timer {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_seconds();
  [[nodiscard]] Elapsed stop() const { return {seconds_since(wall), cpu_seconds() - cpu}; }
};

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // Linux reports KiB
}

// A cheap deterministic figure around `base`, different per series and period.
double figure(std::uint64_t series, int step, double base) {
  std::uint64_t x =
      series * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(step) * 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 29;
  const double noise = static_cast<double>(x % 2001) / 1000.0 - 1.0;  // −1 … 1
  return base * (1.0 + 0.02 * step + 0.05 * noise);
}

struct Tally {
  std::array<long, 6> by_status{};
  long evaluations = 0;
  double checksum = 0;  // keeps the optimiser from dropping the work
};

void report(const char* name, Elapsed elapsed, long evaluations, double reference_cpu,
            double checksum) {
  const double cpu = std::max(elapsed.cpu, 1e-9);
  fmt::print(
      "{:<42} wall {:>7.2f} s  cpu {:>7.2f} s {:>8.1f} ns/eval (cpu) {:>7.1f}× reference"
      "  [checksum {:.6g}]\n",
      name, elapsed.wall, cpu, 1e9 * cpu / static_cast<double>(evaluations), cpu / reference_cpu,
      checksum);
}

std::vector<plans::Plan> seed_plans() {
  std::vector<plans::Plan> all;
  const std::filesystem::path dir =
      std::filesystem::path(ZHIYOU_SOURCE_DIR) / ".." / "shared" / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed =
        plans::parse_plan_text(text.str(), entry.path().string(), entry.path().filename().string());
    if (!parsed) continue;
    for (plans::Plan& plan : parsed->plans) all.push_back(std::move(plan));
  }
  return all;
}

// The 14 districts plus nothing else; monthly figures 2020-01 … 2025-12.
void seeds_workload() {
  const auto plans = seed_plans();
  std::size_t indicators = 0;
  for (const auto& p : plans) indicators += p.indicators.size();
  std::vector<Period> months;
  for (int year = 2020; year <= 2025; ++year) {
    for (int m = 1; m <= 12; ++m) months.push_back(Period{Period::Kind::month, year, m});
  }
  const auto regions = registry::builtin_regions();
  fmt::print("seeds: {} plans, {} indicators × {} regions × {} months = {} evaluations\n",
             plans.size(), indicators, regions.size(), months.size(),
             indicators * regions.size() * months.size());

  std::vector<monitoring::SeriesPoint> series(months.size());
  auto fill = [&](std::uint64_t id, double base) {
    for (std::size_t i = 0; i < months.size(); ++i) {
      series[i] = monitoring::SeriesPoint{months[i], figure(id, static_cast<int>(i / 12), base)};
    }
  };
  auto base_of = [](const plans::Indicator& ind) {
    for (const auto& t : ind.targets) {
      if (t.expression.value && *t.expression.value != 0) return *t.expression.value * 0.8;
    }
    return 100.0;
  };

  Tally reference;
  Timer timer;
  std::uint64_t id = 0;
  for (const auto& plan : plans) {
    for (const auto& ind : plan.indicators) {
      for (std::size_t r = 0; r < regions.size(); ++r, ++id) {
        fill(id, base_of(ind));
        for (std::size_t m = 0; m < months.size(); ++m) {
          reference.checksum += series[m].value;
          ++reference.evaluations;
        }
      }
    }
  }
  const Elapsed reference_time = timer.stop();

  Tally tally;
  const monitoring::EvaluationOptions options;
  timer = Timer{};
  id = 0;
  for (const auto& plan : plans) {
    const monitoring::PlanWindow window = monitoring::plan_window(plan);
    for (const auto& ind : plan.indicators) {
      const monitoring::IndicatorRule rule = monitoring::make_rule(window, ind);
      for (std::size_t r = 0; r < regions.size(); ++r, ++id) {
        fill(id, base_of(ind));
        for (const Period& month : months) {
          const auto a = monitoring::assess(rule, series, month, false, nullptr, options);
          ++tally.by_status[static_cast<int>(a.status)];
          tally.checksum += a.expected.value_or(0);
          ++tally.evaluations;
        }
      }
    }
  }
  const Elapsed time = timer.stop();
  report("reference: generate and sum the figures", reference_time, reference.evaluations,
         reference_time.cpu, reference.checksum);
  report("evaluate (assess per series point)", time, tally.evaluations, reference_time.cpu,
         tally.checksum);
  fmt::print("  statuses: met {} on_track {} lagging {} off_track {} qualitative {} no_data {}\n",
             tally.by_status[0], tally.by_status[1], tally.by_status[2], tally.by_status[3],
             tally.by_status[4], tally.by_status[5]);
}

// A synthetic plan of `count` indicators, 2021–2030, baseline 2020, targets 2023/2025/2030.
plans::Plan synthetic_plan(int count) {
  plans::Plan plan;
  plan.id = "synthetic";
  plan.start_year = 2021;
  plan.end_year = 2030;
  for (int i = 0; i < count; ++i) {
    plans::Indicator ind;
    ind.id = fmt::format("s{}", i);
    ind.name = ind.id;
    const double base = 50.0 + i % 50;
    ind.baseline = plans::Baseline{2020, plans::Expression{.value = base}};
    const int kind = i % 5;
    for (const int year : {2023, 2025, 2030}) {
      plans::Expression e;
      const double step = (year - 2020) / 10.0;
      switch (kind) {
        case 0:  // level, higher is better
          e = {.kind = plans::TargetKind::level,
               .op = plans::Comparator::ge,
               .value = base * (1 + 0.3 * step)};
          break;
        case 1:  // level, lower is better
          ind.direction = plans::Direction::down;
          e = {.kind = plans::TargetKind::level,
               .op = plans::Comparator::le,
               .value = base * (1 - 0.2 * step)};
          break;
        case 2:  // 新增
          e = {.kind = plans::TargetKind::increment,
               .op = plans::Comparator::ge,
               .value = base * 0.3 * step};
          break;
        case 3:  // 比2020年下降
          ind.direction = plans::Direction::down;
          e = {.kind = plans::TargetKind::change,
               .op = plans::Comparator::le,
               .value = -20 * step,
               .reference_year = 2020};
          break;
        default:  // [N]
          e = {.kind = plans::TargetKind::cumulative,
               .op = plans::Comparator::ge,
               .value = base * 10 * step};
          break;
      }
      ind.targets.push_back(plans::Target{year, e, {}});
    }
    plan.indicators.push_back(std::move(ind));
  }
  return plan;
}

void synthetic_workload(int indicators, int regions) {
  constexpr int kYears = 10;
  const plans::Plan plan = synthetic_plan(indicators);
  const monitoring::PlanWindow window = monitoring::plan_window(plan);
  fmt::print("synthetic: {} indicators × {} regions × {} years = {} evaluations\n", indicators,
             regions, kYears, static_cast<long>(indicators) * regions * kYears);
  std::array<Period, kYears + 1> years;  // 2020 (the district's baseline) … 2030
  for (int y = 0; y <= kYears; ++y) years[y] = Period{Period::Kind::year, 2020 + y, 0};
  std::array<monitoring::SeriesPoint, kYears + 1> series{};
  auto fill = [&](std::uint64_t id, double base) {
    for (int y = 0; y <= kYears; ++y) series[y] = {years[y], figure(id, y, base)};
  };

  Tally reference;
  Timer timer;
  for (int i = 0; i < indicators; ++i) {
    const double base = 50.0 + i % 50;
    for (int r = 0; r < regions; ++r) {
      fill(static_cast<std::uint64_t>(i) * regions + r, base);
      for (int y = 1; y <= kYears; ++y) {
        reference.checksum += series[y].value;
        ++reference.evaluations;
      }
    }
  }
  const Elapsed reference_time = timer.stop();

  Tally tally;
  const monitoring::EvaluationOptions options;
  timer = Timer{};
  for (int i = 0; i < indicators; ++i) {
    const double base = 50.0 + i % 50;
    const monitoring::IndicatorRule rule = monitoring::make_rule(window, plan.indicators[i]);
    for (int r = 0; r < regions; ++r) {
      fill(static_cast<std::uint64_t>(i) * regions + r, base);
      for (int y = 1; y <= kYears; ++y) {
        const auto a = monitoring::assess(rule, series, years[y], false, nullptr, options);
        ++tally.by_status[static_cast<int>(a.status)];
        tally.checksum += a.expected.value_or(0);
        ++tally.evaluations;
      }
    }
  }
  const Elapsed time = timer.stop();
  report("reference: generate and sum the figures", reference_time, reference.evaluations,
         reference_time.cpu, reference.checksum);
  report("evaluate (assess per series point)", time, tally.evaluations, reference_time.cpu,
         tally.checksum);
  fmt::print("  statuses: met {} on_track {} lagging {} off_track {} qualitative {} no_data {}\n",
             tally.by_status[0], tally.by_status[1], tally.by_status[2], tally.by_status[3],
             tally.by_status[4], tally.by_status[5]);
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  seeds_workload();
  fmt::print("  peak memory so far: {} MB\n\n", peak_rss_mb());
  synthetic_workload(quick ? 1000 : 10000, quick ? 300 : 3000);
  fmt::print("  peak memory: {} MB\n", peak_rss_mb());
  return 0;
}
