// EPCIS capture throughput: documents of N ObjectEvents (one SGTIN each, bizStep,
// disposition, readPoint, bizLocation, eventID), captured durably (one transaction per
// document; SQLite in WAL mode with synchronous=FULL, PostgreSQL with its default fsync)
// into a repository that already holds earlier documents. Counters report events/s.
//
// The reference in the same run is Boost.JSON merely parsing the same document: the floor
// any JSON capture pays. PostgreSQL runs when ZHIYOU_BENCH_POSTGRES names a server (libpq
// URL); scripts/bench.sh starts one with scripts/with-postgres.sh.
#include <benchmark/benchmark.h>

#include <soci/soci.h>
#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/database.hpp"
#include "trace/epcis/document.hpp"
#include "trace/event_store.hpp"

namespace {

// A document of `events` ObjectEvents whose serials start at `first_serial`.
std::string document(std::size_t events, std::size_t first_serial) {
  std::string out =
      R"({"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],)"
      R"("type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2024-05-01T08:00:00Z",)"
      R"("epcisBody":{"eventList":[)";
  for (std::size_t i = 0; i < events; ++i) {
    const std::string serial = std::to_string(first_serial + i);
    if (i > 0) out += ',';
    out += R"({"type":"ObjectEvent","eventID":"urn:uuid:6f1c2d3e-0000-4000-8000-)" +
           std::string(12 - std::min<std::size_t>(12, serial.size()), '0') + serial +
           R"(","eventTime":"2024-05-01T08:00:00.000+08:00","eventTimeZoneOffset":"+08:00",)"
           R"("action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",)"
           R"("epcList":["urn:epc:id:sgtin:9506000.013435.)" +
           serial +
           R"("],"readPoint":{"id":"urn:epc:id:sgln:9506000.13430.7"},)"
           R"("bizLocation":{"id":"urn:epc:id:sgln:9506000.13430.0"}})";
  }
  return out + "]}}";
}

void BM_Reference_JsonParse(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string doc = document(n, 1);
  for (auto _ : state) benchmark::DoNotOptimize(boost::json::parse(doc));
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
}

void BM_ReadAndValidate(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string doc = document(n, 1);
  for (auto _ : state) {
    auto parsed = zhiyou::trace::epcis::parse_document(doc);
    if (!parsed) state.SkipWithError(parsed.error().describe().c_str());
    benchmark::DoNotOptimize(parsed);
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
}

// Captures fresh documents (new serials each time) into `url`.
void capture_into(benchmark::State& state, const std::string& url) {
  const auto n = static_cast<std::size_t>(state.range(0));
  auto db = zhiyou::store::Database::open(url);
  if (!db) {
    state.SkipWithError(db.error().describe().c_str());
    return;
  }
  std::size_t serial = 1;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string doc = document(n, serial);
    serial += n;
    state.ResumeTiming();
    auto result = zhiyou::trace::capture_document(**db, doc, "bench");
    if (!result || result->captured != n) {
      state.SkipWithError(result ? "events not stored" : result.error().describe().c_str());
      break;
    }
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
}

// As capture_into, but 8 documents a round through trace::capture_documents, which reads
// and checks the next document while the previous one is stored (`zhiyou trace capture`
// with several files does this).
void capture_pipelined_into(benchmark::State& state, const std::string& url) {
  constexpr std::size_t kDocuments = 8;
  const auto n = static_cast<std::size_t>(state.range(0));
  auto db = zhiyou::store::Database::open(url);
  if (!db) {
    state.SkipWithError(db.error().describe().c_str());
    return;
  }
  std::size_t serial = 1;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::string> documents;
    for (std::size_t d = 0; d < kDocuments; ++d, serial += n)
      documents.push_back(document(n, serial));
    std::size_t given = 0;
    bool failed = false;
    state.ResumeTiming();
    zhiyou::trace::capture_documents(
        **db, "bench",
        [&]() -> std::optional<std::string> {
          if (given == documents.size()) return std::nullopt;
          return std::move(documents[given++]);
        },
        [&](const zhiyou::Result<zhiyou::trace::CaptureResult>& result) {
          failed = !result || result->captured != n;
          return !failed;
        });
    if (failed) {
      state.SkipWithError("events not stored");
      break;
    }
  }
  state.counters["events/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * n * kDocuments), benchmark::Counter::kIsRate);
}

void BM_CaptureSqlitePipelined(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "zhiyou-bench-epcis-pipelined";
  std::filesystem::remove_all(dir);
  capture_pipelined_into(state, (dir / "bench.db").string());
  std::filesystem::remove_all(dir);
}

void BM_CaptureSqlite(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / "zhiyou-bench-epcis";
  std::filesystem::remove_all(dir);
  capture_into(state, (dir / "bench.db").string());
  std::filesystem::remove_all(dir);
}

void BM_CapturePostgresql(benchmark::State& state) {
  const char* url = std::getenv("ZHIYOU_BENCH_POSTGRES");
  if (url == nullptr) {
    state.SkipWithError("ZHIYOU_BENCH_POSTGRES not set");
    return;
  }
  {
    auto db = zhiyou::store::Database::open(url);
    if (db) (*db)->session() << "TRUNCATE epcis_events, epcis_event_epcs, epcis_contexts";
  }
  capture_into(state, url);
}

BENCHMARK(BM_Reference_JsonParse)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadAndValidate)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CaptureSqlite)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CaptureSqlitePipelined)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CapturePostgresql)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
