// Batches as an enterprise sees them, on SQLite and PostgreSQL: code counts kept by every
// issue (and counted once for stores older than migration 14), totals per product, and a
// batch's codes read back in pages.
#include "trace/batch_store.hpp"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "store/engine_fixture.hpp"
#include "store/migrations.hpp"
#include "store/registered_maker.hpp"
#include "trace/code_store.hpp"

namespace zhiyou::store::testing {
namespace {

constexpr const char* kKettle = "09506000134352";
constexpr const char* kCooker = "10614141073464";

class BatchStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    register_products(db(), {{kKettle, "电热水壶"}, {kCooker, "电饭煲"}});
  }

  std::vector<std::string> issue(const char* gtin, std::string_view lot, std::size_t count,
                                 std::string_view serials = "random",
                                 std::optional<std::string_view> expiry = std::nullopt) {
    auto request = trace::make_issue_request(gtin, lot, expiry, count, serials, "https://a.cn");
    EXPECT_TRUE(request.ok());
    auto issued = trace::issue_codes(db(), *request);
    EXPECT_TRUE(issued.ok()) << (issued.ok() ? "" : issued.error().describe());
    return issued.ok() ? *issued : std::vector<std::string>{};
  }

  std::vector<std::string> read_back(const char* gtin, std::string_view lot, std::size_t chunk,
                                     std::size_t* pages = nullptr) {
    std::vector<std::string> out;
    std::size_t n = 0;
    const Status read = trace::for_each_batch_serial(
        db(), gtin, lot, chunk, [&](std::span<const std::string> serials) -> Status {
          ++n;
          out.insert(out.end(), serials.begin(), serials.end());
          return Ok{};
        });
    EXPECT_TRUE(read.ok()) << (read.ok() ? "" : read.error().describe());
    if (pages != nullptr) *pages = n;
    return out;
  }
};
ZHIYOU_ON_BOTH_ENGINES(BatchStoreTest);

TEST_P(BatchStoreTest, EveryIssueAddsToItsBatchsCount) {
  issue(kKettle, "L1", 120, "random", "261231");
  issue(kKettle, "L1", 30, "sequential");
  issue(kKettle, "L2", 7);
  auto batches = trace::list_batches(db(), kKettle);
  ASSERT_TRUE(batches.ok());
  ASSERT_EQ(batches->size(), 2u);
  std::map<std::string, trace::BatchSummary> by_lot;
  for (const auto& b : *batches) by_lot.emplace(b.lot, b);
  EXPECT_EQ(by_lot.at("L1").codes, 150);
  EXPECT_EQ(by_lot.at("L1").expiry, std::optional<std::string>("261231"));
  EXPECT_EQ(by_lot.at("L2").codes, 7);
  EXPECT_FALSE(by_lot.at("L2").expiry.has_value());
  // The count is the codes stored, as counting them says.
  auto counted = trace::count_codes(db(), kKettle, "L1");
  ASSERT_TRUE(counted.ok());
  EXPECT_EQ(*counted, 150);

  auto found = trace::find_batch(db(), kKettle, "L2");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->codes, 7);
  auto absent = trace::find_batch(db(), kKettle, "L3");
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());
}

TEST_P(BatchStoreTest, AFailedIssueLeavesTheCountAsItWas) {
  issue(kKettle, "L1", 10, "random", "261231");
  // Another expiry for the same batch is refused, and nothing of it is counted.
  auto request = trace::make_issue_request(kKettle, "L1", "270101", 5, "random", "https://a.cn");
  ASSERT_TRUE(request.ok());
  EXPECT_FALSE(trace::issue_codes(db(), *request).ok());
  auto batch = trace::find_batch(db(), kKettle, "L1");
  ASSERT_TRUE(batch.ok() && batch->has_value());
  EXPECT_EQ((*batch)->codes, 10);
}

TEST_P(BatchStoreTest, TotalsPerProduct) {
  issue(kKettle, "L1", 20);
  issue(kKettle, "L2", 5);
  issue(kCooker, "C1", 3);
  auto totals = trace::product_code_totals(db());
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(totals->size(), 2u);
  EXPECT_EQ((*totals)[0].first, kKettle);
  EXPECT_EQ((*totals)[0].second.batches, 2);
  EXPECT_EQ((*totals)[0].second.codes, 25);
  EXPECT_EQ((*totals)[1].first, kCooker);
  EXPECT_EQ((*totals)[1].second.batches, 1);
  EXPECT_EQ((*totals)[1].second.codes, 3);
}

TEST_P(BatchStoreTest, ABatchsCodesComeBackInOrderPageByPage) {
  const auto random = issue(kKettle, "L1", 95);
  const auto sequential = issue(kKettle, "L1", 10, "sequential");
  issue(kKettle, "L2", 40);  // another batch of the same product: not in L1's pages
  std::size_t pages = 0;
  const auto back = read_back(kKettle, "L1", 10, &pages);
  std::set<std::string> expected(random.begin(), random.end());
  expected.insert(sequential.begin(), sequential.end());
  EXPECT_EQ(std::set<std::string>(back.begin(), back.end()), expected);
  EXPECT_EQ(back.size(), 105u);  // no serial twice
  EXPECT_TRUE(std::is_sorted(back.begin(), back.end()));
  EXPECT_EQ(pages, 11u);
  EXPECT_TRUE(read_back(kKettle, "L9", 10).empty());
}

TEST_P(BatchStoreTest, AnErrorFromTheReaderStopsTheReading) {
  issue(kKettle, "L1", 30);
  std::size_t calls = 0;
  const Status read = trace::for_each_batch_serial(db(), kKettle, "L1", 10,
                                                   [&](std::span<const std::string>) -> Status {
                                                     ++calls;
                                                     return make_error("磁盘已满");
                                                   });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "磁盘已满");
  EXPECT_EQ(calls, 1u);
}

// A store older than migration 14 had codes but no counts: migrating counts them once.
TEST_P(BatchStoreTest, Migration14CountsTheCodesOfExistingBatches) {
  issue(kKettle, "L1", 40);
  issue(kCooker, "C1", 6);
  db().session() << "ALTER TABLE batches DROP COLUMN code_count";
  db().session() << "DELETE FROM schema_migrations WHERE version = 14";
  ASSERT_TRUE(store::migrate(db()).ok());
  auto kettle = trace::find_batch(db(), kKettle, "L1");
  auto cooker = trace::find_batch(db(), kCooker, "C1");
  ASSERT_TRUE(kettle.ok() && kettle->has_value() && cooker.ok() && cooker->has_value());
  EXPECT_EQ((*kettle)->codes, 40);
  EXPECT_EQ((*cooker)->codes, 6);
  issue(kKettle, "L1", 2);
  EXPECT_EQ((*trace::find_batch(db(), kKettle, "L1"))->codes, 42);
}

}  // namespace
}  // namespace zhiyou::store::testing
