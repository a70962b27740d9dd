// Scans wait in memory and are written in batches; made-up serials cannot flood the table.
#include "server/scan_recorder.hpp"

#include <gtest/gtest.h>

#include "server/database_pool.hpp"
#include "store/engine_fixture.hpp"
#include "trace/resolver/resolver_store.hpp"

namespace zhiyou::server::testing {
namespace {

using store::testing::EngineTest;
using ScanRecorderTest = EngineTest;
ZHIYOU_ON_BOTH_ENGINES(ScanRecorderTest);

constexpr const char* kGtin = "09506000134352";
constexpr const char* kAt = "2026-11-23T08:00:00Z";

TEST_P(ScanRecorderTest, RepeatsAreMergedAndMadeUpSerialsAreSampled) {
  auto pool = DatabasePool::open(url(), 1);
  ASSERT_TRUE(pool.ok()) << pool.error().describe();
  ScanRecorder recorder(**pool, 3, std::chrono::hours(1));  // written only when flushed
  recorder.record(kGtin, "FAKE0", "", kAt, true);
  recorder.record(kGtin, "FAKE0", "yinzhou", kAt, true);  // a second entry: another place
  recorder.record(kGtin, "FAKE0", "", kAt, true);         // a repeat: merged, not an entry
  for (int i = 1; i <= 1010; ++i) {
    recorder.record(kGtin, "FAKE" + std::to_string(i), "", kAt, true);
  }
  recorder.flush();
  EXPECT_EQ(recorder.dropped(), 12u);  // 1,012 new entries, 1,000 kept

  auto listed = trace::resolver::never_issued_serials(db(), 5000);
  ASSERT_TRUE(listed.ok()) << listed.error().describe();
  EXPECT_EQ(listed->size(), 999u);
  bool found = false;
  for (const auto& s : *listed) {
    if (s.serial != "FAKE0") continue;
    found = true;
    EXPECT_EQ(s.scans, 3);
    EXPECT_EQ(s.places, 1u);
  }
  EXPECT_TRUE(found);

  // The cap is per batch: the next one keeps new made-up serials again.
  recorder.record(kGtin, "FAKE2000", "", kAt, true);
  recorder.flush();
  EXPECT_EQ(recorder.dropped(), 12u);
  EXPECT_EQ(trace::resolver::never_issued_serials(db(), 5000)->size(), 1000u);
}

}  // namespace
}  // namespace zhiyou::server::testing
