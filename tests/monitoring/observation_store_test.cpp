// Observations, revisions and judgements on both engines, with the 质优宁波 plan (seed 000)
// saved through the plan store.
#include "monitoring/observation_store.hpp"

#include <soci/soci.h>

#include <string>
#include <vector>

#include "monitoring/seed_plans.hpp"
#include "store/database.hpp"
#include "store/engine_fixture.hpp"
#include "store/plan_store.hpp"

namespace zhiyou::monitoring::testing {
namespace {

using store::testing::EngineTest;

class ObservationStoreTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Status saved = store::save_plans(db(), seed_plans());
    ASSERT_TRUE(saved.ok()) << saved.error().describe();
  }

  static const plans::Plan& quality() { return plan_titled("质优宁波"); }
  static std::string id_of(const std::string& name) { return indicator_named(quality(), name).id; }

  static Observation obs(const std::string& name, const std::string& region,
                         const std::string& period, double value,
                         const std::string& by = "市统计局") {
    Observation o;
    o.indicator_id = id_of(name);
    o.region = region;
    o.period = *Period::parse(period);
    o.value = value;
    o.source = "2024年统计公报";
    o.reported_by = by;
    o.reported_at = "2025-01-15T08:00:00Z";
    return o;
  }

  SaveCounts save(const std::vector<Observation>& list) {
    auto counts = save_observations(db(), list);
    EXPECT_TRUE(counts.ok()) << counts.error().describe();
    return counts.ok() ? *counts : SaveCounts{};
  }

  std::vector<Observation> load() {
    auto loaded = load_observations(db(), quality().id);
    EXPECT_TRUE(loaded.ok()) << loaded.error().describe();
    return loaded.ok() ? *loaded : std::vector<Observation>{};
  }
};
ZHIYOU_ON_BOTH_ENGINES(ObservationStoreTest);

TEST_P(ObservationStoreTest, SavesAndLoadsInPlanOrderThenRegionThenPeriod) {
  // Written in scrambled order; the second indicator of the plan comes before the first.
  const SaveCounts counts = save({
      obs("规上工业企业研发经费支出占主营业务收入比重", "全市", "2024", 2.31),
      obs("规上工业新产品产值率", "鄞州区", "2024Q2", 33.5),
      obs("规上工业新产品产值率", "全市", "2024", 34.12),
      obs("规上工业新产品产值率", "鄞州区", "2023", 31.0),
      obs("规上工业新产品产值率", "海曙区", "2024", 30.25),
  });
  EXPECT_EQ(counts.inserted, 5);
  EXPECT_EQ(counts.revised, 0);
  const auto loaded = load();
  ASSERT_EQ(loaded.size(), 5U);
  // 全市 first, then registry order (海曙 before 鄞州), periods by time.
  EXPECT_EQ(loaded[0].region, "全市");
  EXPECT_EQ(loaded[0].value, 34.12);
  EXPECT_EQ(loaded[1].region, "海曙区");
  EXPECT_EQ(loaded[2].period.to_string(), "2023");
  EXPECT_EQ(loaded[3].period.to_string(), "2024Q2");
  EXPECT_EQ(loaded[3].value, 33.5);
  EXPECT_EQ(loaded[4].indicator_id, id_of("规上工业企业研发经费支出占主营业务收入比重"));
  EXPECT_EQ(loaded[4].source, "2024年统计公报");
  EXPECT_EQ(loaded[4].reported_by, "市统计局");
  EXPECT_EQ(loaded[4].reported_at, "2025-01-15T08:00:00Z");
}

TEST_P(ObservationStoreTest, OnlyThePlansOwnIndicatorsAreLoaded) {
  const plans::Plan& other = plan_titled("腾笼换鸟");
  Observation elsewhere = obs("规上工业新产品产值率", "全市", "2024", 1);
  elsewhere.indicator_id = indicator_named(other, "规上工业增加值率").id;
  save({elsewhere, obs("规上工业新产品产值率", "全市", "2024", 34)});
  EXPECT_EQ(load().size(), 1U);
  auto theirs = load_observations(db(), other.id);
  ASSERT_TRUE(theirs.ok());
  ASSERT_EQ(theirs->size(), 1U);
  EXPECT_EQ((*theirs)[0].indicator_id, elsewhere.indicator_id);
}

TEST_P(ObservationStoreTest, AChangedValueIsARevisionTheSameValueIsNot) {
  save({obs("规上工业亩均税收", "北仑区", "2024", 58.2, "北仑区经信局")});
  Observation changed = obs("规上工业亩均税收", "北仑区", "2024", 59.4, "市经信局");
  changed.source = "复核后数据";
  changed.reported_at = "2025-02-01T09:30:00Z";
  const SaveCounts second = save({changed, obs("规上工业亩均税收", "北仑区", "2023", 55)});
  EXPECT_EQ(second.revised, 1);
  EXPECT_EQ(second.inserted, 1);
  // Reporting 59.4 again changes nothing, whoever sends it.
  const SaveCounts third = save({obs("规上工业亩均税收", "北仑区", "2024", 59.4, "someone")});
  EXPECT_EQ(third.unchanged, 1);
  EXPECT_EQ(third.revised, 0);

  auto history =
      observation_history(db(), id_of("规上工业亩均税收"), "北仑区", *Period::parse("2024"));
  ASSERT_TRUE(history.ok()) << history.error().describe();
  ASSERT_EQ(history->size(), 2U);
  const Revision& first = (*history)[0];
  EXPECT_EQ(first.number, 1);
  EXPECT_FALSE(first.old_value.has_value());
  EXPECT_EQ(first.new_value, 58.2);
  EXPECT_EQ(first.changed_by, "北仑区经信局");
  const Revision& revision = (*history)[1];
  EXPECT_EQ(revision.number, 2);
  EXPECT_EQ(revision.old_value, 58.2);
  EXPECT_EQ(revision.new_value, 59.4);
  EXPECT_EQ(revision.old_source, "2024年统计公报");
  EXPECT_EQ(revision.new_source, "复核后数据");
  EXPECT_EQ(revision.changed_by, "市经信局");
  EXPECT_EQ(revision.changed_at, "2025-02-01T09:30:00Z");

  const auto loaded = load();
  ASSERT_EQ(loaded.size(), 2U);
  EXPECT_EQ(loaded[1].value, 59.4);
  EXPECT_EQ(loaded[1].reported_by, "市经信局");
  EXPECT_EQ(count("SELECT COUNT(*) FROM observation_revisions"), 3);
}

TEST_P(ObservationStoreTest, HistoryOfSomethingNeverReportedIsEmpty) {
  auto history = observation_history(db(), "i_nothing", "全市", *Period::parse("2024"));
  ASSERT_TRUE(history.ok());
  EXPECT_TRUE(history->empty());
}

TEST_P(ObservationStoreTest, AFailureWritesNothing) {
  save({obs("规上工业新产品产值率", "全市", "2023", 30)});
  Observation bad = obs("规上工业新产品产值率", "全市", "2024", 31);
  bad.indicator_id.clear();
  auto result = save_observations(db(), {obs("规上工业新产品产值率", "全市", "2023", 99),
                                         obs("规上工业新产品产值率", "鄞州区", "2024", 1), bad});
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("指标编号"), std::string::npos);
  const auto loaded = load();
  ASSERT_EQ(loaded.size(), 1U);
  EXPECT_EQ(loaded[0].value, 30);
  EXPECT_EQ(count("SELECT COUNT(*) FROM observation_revisions"), 1);
}

TEST_P(ObservationStoreTest, ObservationsSurviveAPlanReimport) {
  save({obs("规上工业新产品产值率", "全市", "2024", 34)});
  Status again = store::save_plan(db(), quality());
  ASSERT_TRUE(again.ok()) << again.error().describe();
  EXPECT_EQ(load().size(), 1U);
}

TEST_P(ObservationStoreTest, JudgementsAreRecordedAndReplaced) {
  Judgement j;
  j.indicator_id = id_of("单位GDP二氧化碳排放降低比例");
  j.region = "全市";
  j.period = *Period::parse("2024");
  j.status = JudgementStatus::not_met;
  j.reason = "省下达目标 4.2%，实际 3.9%";
  j.judged_by = "市生态环境局 张三";
  j.judged_at = "2025-03-01T00:00:00Z";
  ASSERT_TRUE(save_judgement(db(), j).ok());
  j.status = JudgementStatus::met;
  j.reason = "省里复核后确认完成";
  j.judged_by = "市质量办 李四";
  j.judged_at = "";  // filled with now
  ASSERT_TRUE(save_judgement(db(), j).ok());
  auto other = reopen();
  ASSERT_NE(other, nullptr);
  auto loaded = load_judgements(*other, quality().id);
  ASSERT_TRUE(loaded.ok()) << loaded.error().describe();
  ASSERT_EQ(loaded->size(), 1U);
  const Judgement& got = (*loaded)[0];
  EXPECT_EQ(got.indicator_id, j.indicator_id);
  EXPECT_EQ(got.region, "全市");
  EXPECT_EQ(got.period.to_string(), "2024");
  EXPECT_EQ(got.status, JudgementStatus::met);
  EXPECT_EQ(got.reason, "省里复核后确认完成");
  EXPECT_EQ(got.judged_by, "市质量办 李四");
  EXPECT_EQ(got.judged_at.size(), 20U) << got.judged_at;  // 2025-03-01T00:00:00Z form
  EXPECT_NE(got.judged_at, "2025-03-01T00:00:00Z");
  auto none = load_judgements(db(), plan_titled("腾笼换鸟").id);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace zhiyou::monitoring::testing
