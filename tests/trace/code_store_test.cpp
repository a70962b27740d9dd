// Entities, products and issued codes in the database, on SQLite and PostgreSQL.
#include "trace/code_store.hpp"

#include <soci/soci.h>

#include <map>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "store/engine_fixture.hpp"
#include "store/registered_maker.hpp"
#include "store/registry_store.hpp"
#include "trace/batch_store.hpp"

namespace zhiyou::store::testing {
namespace {

constexpr const char* kUscc = kMakerUscc;
constexpr const char* kGtin = "09506000134352";

class CodeStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    register_products(db(), {{kGtin, "电热水壶"}}, {"品字标浙江制造"});
  }

  static trace::IssueRequest request(std::size_t count, std::string_view serials = "random",
                                     std::string_view lot = "L1",
                                     std::optional<std::string_view> expiry = std::nullopt) {
    auto r = trace::make_issue_request(kGtin, lot, expiry, count, serials, "https://id.gs1.org");
    EXPECT_TRUE(r.ok());
    return *r;
  }

  long long codes(std::optional<std::string_view> lot = std::nullopt) {
    auto n = trace::count_codes(db(), kGtin, lot);
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : -1;
  }
};
ZHIYOU_ON_BOTH_ENGINES(CodeStoreTest);

// A serial source that plays back a list, for forcing collisions.
trace::SerialSource playback(std::vector<std::string> serials) {
  auto next = std::make_shared<std::size_t>(0);
  return [serials = std::move(serials), next] {
    if (*next >= serials.size()) throw std::runtime_error("playback exhausted");
    return serials[(*next)++];
  };
}

TEST_P(CodeStoreTest, EntitiesAndProductsRoundTrip) {
  auto entities = list_entities(db());
  ASSERT_TRUE(entities.ok());
  ASSERT_EQ(entities->size(), 1u);
  EXPECT_EQ(entities->at(0).name, "宁波甬优电器有限公司");
  EXPECT_EQ(entities->at(0).region_code, "yinzhou");
  // Saving again updates in place.
  auto renamed = registry::make_entity(kUscc, "宁波甬优电器股份有限公司", "北仑区");
  ASSERT_TRUE(save_entity(db(), *renamed).ok());
  entities = list_entities(db());
  ASSERT_EQ(entities->size(), 1u);
  EXPECT_EQ(entities->at(0).name, "宁波甬优电器股份有限公司");
  EXPECT_EQ(entities->at(0).region_code, "beilun");

  auto product = find_product(db(), kGtin);
  ASSERT_TRUE(product.ok());
  ASSERT_TRUE(product->has_value());
  EXPECT_EQ((*product)->name, "电热水壶");
  EXPECT_EQ((*product)->entity_uscc, kUscc);
  EXPECT_EQ((*product)->quality_marks, std::vector<std::string>{"品字标浙江制造"});
  auto missing = find_product(db(), "00000000000000");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(CodeStoreTest, AProductNeedsARegisteredMaker) {
  // A valid USCC (check character computed by hand per GB 32100) that nobody registered.
  auto product = registry::make_product("4006381333931", "无主产品", "91330203MA2H123450", {});
  ASSERT_TRUE(product.ok()) << product.error().describe();
  const Status saved = save_product(db(), *product);
  ASSERT_FALSE(saved.ok());
  EXPECT_EQ(saved.error().place, "--entity");
  EXPECT_NE(saved.error().message.find("未登记"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM products"), 1);
}

TEST_P(CodeStoreTest, RandomSerialsAreStoredAndUnique) {
  auto r = request(25000);  // more than one chunk
  auto serials = trace::issue_codes(db(), r);
  ASSERT_TRUE(serials.ok()) << serials.error().describe();
  EXPECT_EQ(serials->size(), 25000u);
  EXPECT_EQ(std::set<std::string>(serials->begin(), serials->end()).size(), 25000u);
  EXPECT_EQ(codes(), 25000);
  EXPECT_EQ(codes("L1"), 25000);
  auto lot = trace::find_code_lot(db(), kGtin, serials->at(12345));
  ASSERT_TRUE(lot.ok());
  EXPECT_EQ(*lot, "L1");
  auto never = trace::find_code_lot(db(), kGtin, "not-issued");
  ASSERT_TRUE(never.ok());
  EXPECT_FALSE(never->has_value());
}

TEST_P(CodeStoreTest, SequentialSerialsContinueAfterTheLastIssued) {
  auto first = request(3, "sequential");
  auto a = trace::issue_codes(db(), first);
  ASSERT_TRUE(a.ok()) << a.error().describe();
  EXPECT_EQ(*a, (std::vector<std::string>{"1", "2", "3"}));
  auto second = request(2, "sequential", "L2");  // another lot of the same GTIN
  auto b = trace::issue_codes(db(), second);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, (std::vector<std::string>{"4", "5"}));
  EXPECT_EQ(codes("L1"), 3);
  EXPECT_EQ(codes("L2"), 2);
}

TEST_P(CodeStoreTest, ACollidingRandomSerialIsDrawnAgain) {
  auto first = request(2);
  ASSERT_TRUE(trace::issue_codes(db(), first, playback({"AAA", "BBB"})).ok());
  // "AAA" exists already and "CCC" is drawn twice: both are replaced by the next draws.
  auto second = request(3);
  auto serials = trace::issue_codes(db(), second, playback({"AAA", "CCC", "CCC", "DDD", "EEE"}));
  ASSERT_TRUE(serials.ok()) << serials.error().describe();
  EXPECT_EQ(std::set<std::string>(serials->begin(), serials->end()),
            (std::set<std::string>{"CCC", "DDD", "EEE"}));
  EXPECT_EQ(codes(), 5);
}

TEST_P(CodeStoreTest, SequentialSkipsSerialsAlreadyTaken) {
  auto random = request(2);
  ASSERT_TRUE(trace::issue_codes(db(), random, playback({"1", "2"})).ok());
  auto sequential = request(3, "sequential");
  auto serials = trace::issue_codes(db(), sequential);
  ASSERT_TRUE(serials.ok()) << serials.error().describe();
  EXPECT_EQ(*serials, (std::vector<std::string>{"3", "4", "5"}));
  auto more = request(1, "sequential");
  auto next = trace::issue_codes(db(), more);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, std::vector<std::string>{"6"});
}

TEST_P(CodeStoreTest, TheBatchKeepsItsExpiry) {
  auto first = request(1, "random", "L9", "271231");
  ASSERT_TRUE(trace::issue_codes(db(), first).ok());
  auto without = request(1, "random", "L9");
  ASSERT_TRUE(trace::issue_codes(db(), without).ok());
  EXPECT_EQ(without.expiry, "271231") << "the stored expiry is used";
  auto other = request(1, "random", "L9", "280101");
  auto refused = trace::issue_codes(db(), other);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().place, "--expiry");
  EXPECT_EQ(codes("L9"), 2);
}

TEST_P(CodeStoreTest, NothingIsStoredWhenIssuingFails) {
  // An unregistered GTIN.
  auto unknown = trace::make_issue_request("4006381333931", "L1", std::nullopt, 5, "random",
                                           "https://id.gs1.org");
  ASSERT_TRUE(unknown.ok());
  auto refused = trace::issue_codes(db(), *unknown);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().place, "--gtin");
  // A failure after the first chunk was written: nothing of it stays, not even the batch.
  auto r = request(15000, "random", "L5");
  std::vector<std::string> only_some;
  only_some.reserve(12000);
  for (int i = 0; i < 12000; ++i) only_some.push_back("S" + std::to_string(i));
  auto failed = trace::issue_codes(db(), r, playback(only_some));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM codes"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM batches"), 0);
  // And the sequential counter does not move on a failure.
  auto batch = request(1, "random", "L6", "271231");
  ASSERT_TRUE(trace::issue_codes(db(), batch).ok());
  auto seq = request(2, "sequential", "L6", "280101");  // a different expiry: refused
  ASSERT_FALSE(trace::issue_codes(db(), seq).ok());
  EXPECT_EQ(count("SELECT next_serial FROM products"), 1);
}

TEST_P(CodeStoreTest, ProgressIsReportedPerChunk) {
  auto r = request(23000);
  std::vector<std::size_t> seen;
  auto serials = trace::issue_codes(db(), r, trace::random_serials(),
                                    [&](std::size_t done, std::size_t total) {
                                      EXPECT_EQ(total, 23000u);
                                      seen.push_back(done);
                                    });
  ASSERT_TRUE(serials.ok());
  EXPECT_EQ(seen, (std::vector<std::size_t>{10000, 20000, 23000}));
}

TEST_P(CodeStoreTest, HooksSeeEveryStoredChunkInIssueOrder) {
  auto r = request(23000, "sequential");
  std::vector<std::string> seen;
  int commits = 0;
  trace::IssueHooks hooks;
  hooks.stored = [&](std::span<const std::string> serials) -> Status {
    seen.insert(seen.end(), serials.begin(), serials.end());
    return Ok{};
  };
  hooks.before_commit = [&]() -> Status {
    ++commits;
    EXPECT_EQ(seen.size(), 23000u) << "every chunk before the commit";
    return Ok{};
  };
  auto serials = trace::issue_codes(db(), r, trace::random_serials(), hooks);
  ASSERT_TRUE(serials.ok()) << serials.error().describe();
  EXPECT_EQ(seen, *serials);
  EXPECT_EQ(seen.front(), "1");
  EXPECT_EQ(seen.back(), "23000");
  EXPECT_EQ(commits, 1);
  EXPECT_EQ(codes(), 23000);
}

TEST_P(CodeStoreTest, AHookErrorStoresNothing) {
  // As when the CSV file cannot be written half-way, or cannot be closed at the end.
  for (const bool at_commit : {false, true}) {
    auto r = request(25000);
    int chunks = 0;
    trace::IssueHooks hooks;
    hooks.stored = [&](std::span<const std::string>) -> Status {
      return ++chunks == 2 && !at_commit ? Status(make_error("磁盘已满")) : Status(Ok{});
    };
    hooks.before_commit = [&]() -> Status {
      return at_commit ? Status(make_error("磁盘已满")) : Status(Ok{});
    };
    auto failed = trace::issue_codes(db(), r, trace::random_serials(), hooks);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, "磁盘已满");
    EXPECT_EQ(codes(), 0) << (at_commit ? "at commit" : "half-way");
    EXPECT_EQ(count("SELECT COUNT(*) FROM batches"), 0);
  }
  // The next issue works and continues normally.
  auto after = request(3);
  EXPECT_TRUE(trace::issue_codes(db(), after).ok());
  EXPECT_EQ(codes(), 3);
}

// The scan resolver reads every code into memory page by page (server/code_index.hpp): the
// pages together are every code once, with its lot, and the counts say how many to expect.
TEST_P(CodeStoreTest, EveryCodeIsReadOncePageByPage) {
  constexpr const char* kOtherGtin = "04006381333931";
  register_products(db(), {{kOtherGtin, "电饭煲"}}, {});
  std::set<std::tuple<std::string, std::string, std::string>> issued;
  auto issue = [&](const char* gtin, const char* lot, std::size_t count) {
    auto r =
        trace::make_issue_request(gtin, lot, std::nullopt, count, "random", "https://id.gs1.org");
    ASSERT_TRUE(r.ok());
    auto serials = trace::issue_codes(db(), *r);
    ASSERT_TRUE(serials.ok()) << serials.error().describe();
    for (const std::string& s : *serials) issued.emplace(gtin, s, lot);
  };
  issue(kGtin, "L1", 7);
  issue(kGtin, "L2", 4);
  issue(kOtherGtin, "A-9", 5);

  auto counts = trace::product_code_totals(db());
  ASSERT_TRUE(counts.ok()) << counts.error().describe();
  std::map<std::string, long long> by_gtin;
  for (const auto& [gtin, totals] : *counts) by_gtin[gtin] = totals.codes;
  EXPECT_EQ(by_gtin, (std::map<std::string, long long>{{kGtin, 11}, {kOtherGtin, 5}}));

  std::set<std::tuple<std::string, std::string, std::string>> read;
  std::string gtin;
  std::string serial;
  for (int pages = 0;; ++pages) {
    ASSERT_LT(pages, 10) << "no end to the pages";
    auto page = trace::codes_after(db(), gtin, serial, 3);
    ASSERT_TRUE(page.ok()) << page.error().describe();
    ASSERT_LE(page->size(), 3u);
    for (const trace::StoredCode& c : *page) {
      EXPECT_TRUE(read.emplace(c.gtin, c.serial, c.lot).second) << c.gtin << " " << c.serial;
    }
    if (page->size() < 3) break;
    gtin = page->back().gtin;
    serial = page->back().serial;
  }
  EXPECT_EQ(read, issued);
}

}  // namespace
}  // namespace zhiyou::store::testing
