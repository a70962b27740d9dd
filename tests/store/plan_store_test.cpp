// Saving and loading plans, on both engines.
#include "store/plan_store.hpp"

#include <soci/soci.h>

#include <string>
#include <vector>

#include "engine_fixture.hpp"
#include "sample_plans.hpp"
#include "store/database.hpp"

namespace zhiyou::store::testing {
namespace {

using PlanStoreTest = EngineTest;
ZHIYOU_ON_BOTH_ENGINES(PlanStoreTest);

plans::Plan loaded(Database& db, std::string_view key) {
  auto plan = load_plan(db, key);
  EXPECT_TRUE(plan.ok()) << plan.error().describe();
  if (!plan.ok() || !plan->has_value()) {
    ADD_FAILURE() << "no plan " << key;
    return {};
  }
  return **plan;
}

void save(Database& db, const plans::Plan& plan) {
  Status saved = save_plan(db, plan);
  ASSERT_TRUE(saved.ok()) << saved.error().describe();
}

TEST_P(PlanStoreTest, RoundTripKeepsEveryField) {
  const plans::Plan plan = full_plan();
  save(db(), plan);
  expect_same_plan(plan, loaded(db(), plan.id));
  auto other = reopen();  // and through a fresh connection
  ASSERT_NE(other, nullptr);
  expect_same_plan(plan, loaded(*other, plan.id));
}

TEST_P(PlanStoreTest, RoundTripOfAnEmptyPlan) {
  plans::Plan plan;
  plan.id = "empty";
  plan.kind = "report";
  save(db(), plan);
  expect_same_plan(plan, loaded(db(), "empty"));
}

TEST_P(PlanStoreTest, ResavingReplacesChildrenAndKeepsIds) {
  plans::Plan plan = full_plan();
  save(db(), plan);
  plan.title = "修订后的规划";
  plan.issued_on.reset();
  plan.end_year.reset();
  plan.indicators.erase(plan.indicators.begin() + 1);  // drop the bare indicator
  plan.indicators[0].targets.resize(1);
  plan.indicators[0].targets[0].expression.value = 99.9;
  plan.indicators[0].lead_units = {"市经信局"};
  plans::Indicator added;
  added.id = plan.id + "_ind_9";
  added.name = "新增指标";
  added.lead_units = {"市商务局"};
  plan.indicators.push_back(added);
  plan.tasks.pop_back();
  save(db(), plan);
  save(db(), plan);  // and once more, unchanged

  expect_same_plan(plan, loaded(db(), plan.id));
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM targets"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_units"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM tasks"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM task_units"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators WHERE id = 'plan_quality_2025_ind_1'"), 1);
}

TEST_P(PlanStoreTest, OrganisationsAreCreatedOnFirstMentionOnly) {
  EXPECT_EQ(organisation_id("abc"), "org_ba7816bf8f01");  // SHA-256("abc") = ba7816bf8f01…
  save(db(), full_plan());
  auto names = list_organisations(db());
  ASSERT_TRUE(names.ok()) << names.error().describe();
  EXPECT_EQ(*names,
            (std::vector<std::string>{"各区县（市）政府", "市发改委", "市市场监管局", "市经信局"}));
  std::string created_at;
  std::string id;
  db().session() << "SELECT id, created_at FROM organisations WHERE name = '市市场监管局'",
      soci::into(id), soci::into(created_at);
  EXPECT_EQ(id, organisation_id("市市场监管局"));

  save(db(), small_plan("p2", "第二个规划", "2024-01-01"));
  save(db(), full_plan());
  names = list_organisations(db());
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names->size(), 5u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE name = '市市场监管局'"), 1);
  std::string created_again;
  db().session() << "SELECT created_at FROM organisations WHERE name = '市市场监管局'",
      soci::into(created_again);
  EXPECT_EQ(created_again, created_at);
}

TEST_P(PlanStoreTest, SavePlansIsAllOrNothing) {
  const plans::Plan before = small_plan("kept", "已有规划", "2022-06-01");
  save(db(), before);

  plans::Plan changed = before;
  changed.title = "不应写入的标题";
  plans::Plan good = small_plan("good", "正常规划", "2023-01-01");
  plans::Plan bad = small_plan("bad", "有问题的规划", "2023-02-01");
  bad.indicators.push_back(bad.indicators.front());  // same indicator id twice
  bad.tasks.front().lead_units = {"只在失败的规划中出现的单位"};

  Status saved = save_plans(db(), {changed, good, bad});
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("bad"), std::string::npos) << saved.error().message;

  auto list = list_plans(db());
  ASSERT_TRUE(list.ok()) << list.error().describe();
  ASSERT_EQ(list->size(), 1u);
  expect_same_plan(before, loaded(db(), "kept"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations"), 2);

  Status retried = save_plans(db(), {changed, good});
  ASSERT_TRUE(retried.ok()) << retried.error().describe();
  EXPECT_EQ(list_plans(db())->size(), 2u);
  EXPECT_EQ(loaded(db(), "kept").title, "不应写入的标题");
}

TEST_P(PlanStoreTest, IndicatorIdOfAnotherPlanIsRejected) {
  const plans::Plan first = small_plan("first", "一", "2023-01-01");
  save(db(), first);
  plans::Plan second = small_plan("second", "二", "2023-01-02");
  second.indicators.front().id = first.indicators.front().id;
  Status saved = save_plan(db(), second);
  EXPECT_FALSE(saved.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), 1);
  expect_same_plan(first, loaded(db(), "first"));
}

TEST_P(PlanStoreTest, MissingIdsAreRejectedWithAMessage) {
  plans::Plan plan = small_plan("", "无编号", "");
  Status saved = save_plan(db(), plan);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("编号为空"), std::string::npos);
  plan = small_plan("x", "指标无编号", "");
  plan.indicators.front().id.clear();
  saved = save_plan(db(), plan);
  ASSERT_FALSE(saved.ok());
  EXPECT_NE(saved.error().message.find("指标一"), std::string::npos) << saved.error().message;
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), 0);
}

TEST_P(PlanStoreTest, LoadsByDocNumber) {
  const plans::Plan plan = full_plan();
  save(db(), plan);
  save(db(), small_plan("other", "其他", "2024-01-01"));
  expect_same_plan(plan, loaded(db(), "甬政办发〔2023〕1号"));
}

TEST_P(PlanStoreTest, UnknownIdOrDocNumberIsNullopt) {
  save(db(), full_plan());
  for (const char* key : {"no_such_plan", "甬政办发〔2099〕9号", ""}) {
    auto plan = load_plan(db(), key);
    ASSERT_TRUE(plan.ok()) << plan.error().describe();
    EXPECT_FALSE(plan->has_value()) << key;
  }
}

TEST_P(PlanStoreTest, ADocNumberSharedByTwoPlansIsAnError) {
  plans::Plan official = small_plan("official", "规划", "2023-01-01");
  plans::Plan report = small_plan("report", "新闻报道", "2023-01-02");
  report.kind = "report";
  report.doc_number = official.doc_number;
  save(db(), official);
  save(db(), report);
  auto plan = load_plan(db(), official.doc_number);
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("official, report"), std::string::npos)
      << plan.error().message;
  EXPECT_EQ(loaded(db(), "report").kind, "report");  // the id still finds it
}

TEST_P(PlanStoreTest, ListIsOrderedByDateThenTitleWithCounts) {
  save(db(), small_plan("c", "C 无日期", ""));
  save(db(), small_plan("b", "B", "2023-05-01"));
  save(db(), small_plan("a", "A", "2023-05-01"));
  plans::Plan report = small_plan("z", "Z", "2022-01-01");
  report.kind = "report";
  save(db(), report);
  save(db(), full_plan("full"));
  auto list = list_plans(db());
  ASSERT_TRUE(list.ok()) << list.error().describe();
  std::vector<std::string> ids;
  for (const PlanSummary& summary : *list) {
    ids.push_back(summary.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"z", "full", "a", "b", "c"}));
  const PlanSummary& full = (*list)[1];
  EXPECT_EQ(full.title, full_plan().title);
  EXPECT_EQ(full.doc_number, "甬政办发〔2023〕1号");
  EXPECT_EQ(full.issuer, "宁波市人民政府办公厅");
  EXPECT_EQ(full.issued_on, "2023-01-15");
  EXPECT_EQ(full.indicator_count, 3);
  EXPECT_EQ(full.task_count, 2);
  EXPECT_EQ(full.kind, "official");
  EXPECT_EQ((*list)[0].kind, "report");
  EXPECT_FALSE((*list)[4].issued_on.has_value());
  EXPECT_EQ((*list)[4].indicator_count, 1);
}

TEST_P(PlanStoreTest, LoadAllPlansInListOrder) {
  auto none = load_all_plans(db());
  ASSERT_TRUE(none.ok()) << none.error().describe();
  EXPECT_TRUE(none->empty());
  const plans::Plan later = small_plan("later", "后", "2024-01-01");
  const plans::Plan full = full_plan();
  Status saved = save_plans(db(), {later, full});
  ASSERT_TRUE(saved.ok()) << saved.error().describe();
  auto all = load_all_plans(db());
  ASSERT_TRUE(all.ok()) << all.error().describe();
  ASSERT_EQ(all->size(), 2u);
  expect_same_plan(full, (*all)[0]);
  expect_same_plan(later, (*all)[1]);
}

TEST_P(PlanStoreTest, CorruptColumnsAreErrorsNotCrashes) {
  save(db(), full_plan());
  db().session() << "UPDATE indicators SET direction = 'sideways'";
  auto plan = load_plan(db(), "plan_quality_2025");
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("指标方向"), std::string::npos) << plan.error().message;

  db().session() << "UPDATE indicators SET direction = 'up', baseline_json = '{\"year\":'";
  plan = load_plan(db(), "plan_quality_2025");
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.error().message.find("基期值"), std::string::npos) << plan.error().message;
  EXPECT_FALSE(load_all_plans(db()).ok());
}

}  // namespace
}  // namespace zhiyou::store::testing
