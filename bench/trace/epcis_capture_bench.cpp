// EPCIS capture throughput: documents of N ObjectEvents (one SGTIN each, event times a
// millisecond apart, bizStep, disposition, readPoint, bizLocation, eventID), captured
// durably (one transaction per document; SQLite in WAL mode with synchronous=FULL,
// PostgreSQL with its default fsync) into a repository that already holds earlier
// documents. Counters report events/s.
//
// Two references in the same run: Boost.JSON merely parsing the same document (the floor any
// JSON capture pays for reading), and SQLite storing the rows a capture of that document
// writes the textbook way, one prepared single-row INSERT per row and one transaction per
// document, with no reading, checking or idempotency at all (what the storage layout costs
// before store/bulk_load.hpp's multi-row statements). PostgreSQL
// runs when ZHIYOU_BENCH_POSTGRES names a server (libpq URL); scripts/bench.sh starts one with
// scripts/with-postgres.sh.
#include <benchmark/benchmark.h>

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <boost/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/database.hpp"
#include "trace/epcis/document.hpp"
#include "trace/event_store.hpp"

namespace {

// 2024-05-01 plus `ms` milliseconds (within the day), as an EPCIS eventTime in UTC+8.
std::string event_time(std::size_t ms) {
  ms %= 86'400'000;
  char text[40];
  std::snprintf(text, sizeof text, "2024-05-01T%02zu:%02zu:%02zu.%03zu+08:00", ms / 3'600'000,
                ms / 60'000 % 60, ms / 1000 % 60, ms % 1000);
  return text;
}

// A document of `events` ObjectEvents whose serials start at `first_serial`, each a
// millisecond after the one before, as a packing line reports them.
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
           R"(","eventTime":")" + event_time(first_serial + i) +
           R"(","eventTimeZoneOffset":"+08:00",)"
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

// The database at `url`, or nullptr with the benchmark marked as failed.
std::unique_ptr<zhiyou::store::Database> open_or_skip(benchmark::State& state,
                                                      const std::string& url) {
  auto db = zhiyou::store::Database::open(url);
  if (!db) {
    state.SkipWithError(db.error().describe().c_str());
    return nullptr;
  }
  return std::move(*db);
}

// The rows of a capture of document(n, serial), stored straight through SQLite's API into
// the real schema: one epcis_events row (with the event's JSON as sent) and one identifier
// row per event, each through its own prepared single-row INSERT.
void BM_Reference_SqliteRows(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto dir = std::filesystem::temp_directory_path() / "zhiyou-bench-epcis-rows";
  std::filesystem::remove_all(dir);
  auto db = open_or_skip(state, (dir / "bench.db").string());
  if (!db) return;
  auto* conn = static_cast<soci::sqlite3_session_backend*>(db->session().get_backend())->conn_;
  const auto exec = [&](const char* sql) {
    sqlite_api::sqlite3_exec(conn, sql, nullptr, nullptr, nullptr);
  };
  sqlite_api::sqlite3_stmt* event = nullptr;
  sqlite_api::sqlite3_stmt* epc = nullptr;
  sqlite_api::sqlite3_prepare_v2(conn,
                                 "INSERT INTO epcis_events (event_key, event_id, id_hash,"
                                 " event_type, event_time, record_time, action, biz_step,"
                                 " disposition, read_point, biz_location, context_id, event_json)"
                                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                 -1, &event, nullptr);
  sqlite_api::sqlite3_prepare_v2(conn,
                                 "INSERT INTO epcis_event_epcs (key_id, qualifier, event_key,"
                                 " role, lot) VALUES (?,?,?,?,NULL)",
                                 -1, &epc, nullptr);
  // The JSON of each event as document() writes it: the same bytes per row.
  const std::string one = document(1, 1);
  const std::string json = one.substr(one.find("{\"type\":\"ObjectEvent\""));
  const auto text = [](sqlite_api::sqlite3_stmt* s, int at, std::string_view value) {
    sqlite_api::sqlite3_bind_text(s, at, value.data(), static_cast<int>(value.size()),
                                  SQLITE_STATIC);  // outlives the step
  };
  std::int64_t key = 1;
  for (auto _ : state) {
    exec("BEGIN IMMEDIATE");
    for (std::size_t i = 0; i < n; ++i, ++key) {
      const std::string serial = std::to_string(key);
      const std::string id = "urn:uuid:6f1c2d3e-0000-4000-8000-" + serial;
      const std::string qualifier = "21/" + serial;
      sqlite_api::sqlite3_bind_int64(event, 1, key);
      text(event, 2, id);
      sqlite_api::sqlite3_bind_int64(event, 3,
                                     static_cast<std::int64_t>(std::hash<std::string>{}(id) >> 1));
      for (int column : {4, 8, 9, 10, 11}) sqlite_api::sqlite3_bind_int64(event, column, column);
      sqlite_api::sqlite3_bind_int64(event, 5, 1714492800000 + key);  // as event_time()
      text(event, 6, "2026-11-23T08:00:00Z");
      text(event, 7, "OBSERVE");
      text(event, 12, "0123456789abcdef");
      text(event, 13, json);
      sqlite_api::sqlite3_bind_int64(epc, 1, 1);  // the GTIN's term id
      text(epc, 2, qualifier);
      sqlite_api::sqlite3_bind_int64(epc, 3, key);
      text(epc, 4, "e");
      if (sqlite_api::sqlite3_step(event) != SQLITE_DONE ||
          sqlite_api::sqlite3_step(epc) != SQLITE_DONE) {
        state.SkipWithError(sqlite_api::sqlite3_errmsg(conn));
        break;
      }
      sqlite_api::sqlite3_reset(event);
      sqlite_api::sqlite3_reset(epc);
    }
    exec("COMMIT");
  }
  sqlite_api::sqlite3_finalize(event);
  sqlite_api::sqlite3_finalize(epc);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n), benchmark::Counter::kIsRate);
  db.reset();
  std::filesystem::remove_all(dir);
}

// Captures fresh documents (new serials each time) into `url`.
void capture_into(benchmark::State& state, const std::string& url) {
  const auto n = static_cast<std::size_t>(state.range(0));
  auto db = open_or_skip(state, url);
  if (!db) return;
  std::size_t serial = 1;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string doc = document(n, serial);
    serial += n;
    state.ResumeTiming();
    auto result = zhiyou::trace::capture_document(*db, doc, "bench");
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
  auto db = open_or_skip(state, url);
  if (!db) return;
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
        *db, "bench",
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
  // CPU time is per iteration: scripts/bench.sh divides it by this to compare per document.
  state.counters["documents"] = static_cast<double>(kDocuments);
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

// The PostgreSQL server named by ZHIYOU_BENCH_POSTGRES with no events stored, or "" with
// the benchmark skipped.
std::string empty_postgresql(benchmark::State& state) {
  const char* url = std::getenv("ZHIYOU_BENCH_POSTGRES");
  if (url == nullptr) {
    state.SkipWithError("ZHIYOU_BENCH_POSTGRES not set");
    return {};
  }
  if (auto db = open_or_skip(state, url)) {
    db->session() << "TRUNCATE epcis_events, epcis_event_epcs, epcis_contexts";
    return url;
  }
  return {};
}

void BM_CapturePostgresql(benchmark::State& state) {
  if (const std::string url = empty_postgresql(state); !url.empty()) capture_into(state, url);
}

void BM_CapturePostgresqlPipelined(benchmark::State& state) {
  if (const std::string url = empty_postgresql(state); !url.empty()) {
    capture_pipelined_into(state, url);
  }
}

BENCHMARK(BM_Reference_JsonParse)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Reference_SqliteRows)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
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
BENCHMARK(BM_CapturePostgresqlPipelined)
    ->Arg(1000)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
