// Per-plan evaluation settings (migration 3) on both engines.
#include "monitoring/evaluation_settings_store.hpp"

#include "store/database.hpp"
#include "store/engine_fixture.hpp"

namespace zhiyou::monitoring {
namespace {

using store::testing::EngineTest;

class EvaluationSettingsStoreTest : public EngineTest {};
ZHIYOU_ON_BOTH_ENGINES(EvaluationSettingsStoreTest);

TEST_P(EvaluationSettingsStoreTest, AbsentUntilSavedThenReplaced) {
  auto none = load_evaluation_settings(db(), "p3ecb757426");
  ASSERT_TRUE(none.ok()) << none.error().describe();
  EXPECT_FALSE(*none);

  ASSERT_TRUE(save_evaluation_settings(db(), "p3ecb757426", {0.2, 6}).ok());
  ASSERT_TRUE(save_evaluation_settings(db(), "p4ef8a67daf", {0.05, 3}).ok());
  auto saved = load_evaluation_settings(db(), "p3ecb757426");
  ASSERT_TRUE(saved.ok() && *saved);
  EXPECT_DOUBLE_EQ(saved->value().tolerance, 0.2);
  EXPECT_EQ(saved->value().reporting_lag_months, 6);

  ASSERT_TRUE(save_evaluation_settings(db(), "p3ecb757426", {0.15, 2}).ok());
  saved = load_evaluation_settings(db(), "p3ecb757426");
  EXPECT_DOUBLE_EQ(saved->value().tolerance, 0.15);
  EXPECT_EQ(saved->value().reporting_lag_months, 2);
  EXPECT_DOUBLE_EQ(load_evaluation_settings(db(), "p4ef8a67daf")->value().tolerance, 0.05);
}

TEST_P(EvaluationSettingsStoreTest, OutOfRangeIsRefusedAndNothingWritten) {
  const auto bad = save_evaluation_settings(db(), "p3ecb757426", {-0.1, 3});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().place, "tolerance");
  EXPECT_FALSE(save_evaluation_settings(db(), "p3ecb757426", {0.1, 99}).ok());
  EXPECT_FALSE(*load_evaluation_settings(db(), "p3ecb757426"));
}

}  // namespace
}  // namespace zhiyou::monitoring
