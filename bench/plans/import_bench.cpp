// How long importing the Ningbo gazette (seed 004, 246 KB, 7 plans) takes: parsing alone,
// and parsing plus storing into SQLite. The reference in the same run is the cost of
// merely reading the text once through UTF-8 normalisation, the floor any importer pays.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.hpp"
#include "plans/plan_text_parser.hpp"
#include "store/database.hpp"
#include "store/plan_store.hpp"

namespace {

std::filesystem::path gazette_path() {
  const char* env = std::getenv("ZHIYOU_SEEDS");
  const std::filesystem::path dir =
      env != nullptr ? std::filesystem::path(env)
                     : std::filesystem::path(ZHIYOU_SOURCE_DIR).parent_path() / "shared" / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("004")) return entry.path();
  }
  throw std::runtime_error("gazette seed 004 not found in " + dir.string());
}

const std::string& gazette() {
  static const std::string text = [] {
    std::ifstream in(gazette_path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

void BM_Reference_NormaliseText(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(zhiyou::text::normalize(gazette()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gazette().size()));
}

void BM_ParseGazette(benchmark::State& state) {
  for (auto _ : state) {
    auto parsed = zhiyou::plans::parse_plan_text(gazette(), "004.txt", "004.txt");
    if (!parsed.ok()) state.SkipWithError(parsed.error().describe().c_str());
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gazette().size()));
}

void BM_ImportGazetteIntoSqlite(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "zhiyou-bench-import";
  std::filesystem::remove_all(dir);
  auto db = zhiyou::store::Database::open((dir / "bench.db").string());
  if (!db.ok()) {
    state.SkipWithError(db.error().describe().c_str());
    return;
  }
  for (auto _ : state) {
    auto parsed = zhiyou::plans::parse_plan_text(gazette(), "004.txt", "004.txt");
    auto saved = zhiyou::store::save_plans(**db, parsed->plans);
    if (!saved.ok()) state.SkipWithError(saved.error().describe().c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gazette().size()));
  db->reset();
  std::filesystem::remove_all(dir);
}

BENCHMARK(BM_Reference_NormaliseText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseGazette)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportGazetteIntoSqlite)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
