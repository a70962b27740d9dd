// The budget behind the capture route's bound on bodies held at once.
#include "server/byte_budget.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <utility>

namespace zhiyou::server {
namespace {

TEST(ByteBudget, SharesFitUntilTheTotalAndComeBackWhenDropped) {
  ByteBudget budget(100);
  auto a = budget.try_take(60);
  ASSERT_TRUE(a);
  EXPECT_FALSE(budget.try_take(41));  // 60 + 41 > 100
  {
    auto b = budget.try_take(40);
    ASSERT_TRUE(b);
    EXPECT_EQ(budget.in_use(), 100u);
    EXPECT_FALSE(budget.try_take(1));
  }
  EXPECT_EQ(budget.in_use(), 60u);
  a.reset();
  EXPECT_EQ(budget.in_use(), 0u);
  EXPECT_TRUE(budget.try_take(100));
}

TEST(ByteBudget, AShareLargerThanTheTotalNeverFits) {
  ByteBudget budget(100);
  EXPECT_FALSE(budget.try_take(101));
  EXPECT_FALSE(budget.try_take(std::numeric_limits<std::size_t>::max()));
  EXPECT_EQ(budget.in_use(), 0u);
}

TEST(ByteBudget, AMovedShareIsGivenBackOnce) {
  ByteBudget budget(100);
  auto a = budget.try_take(70);
  ASSERT_TRUE(a);
  ByteBudget::Share moved = std::move(*a);
  a.reset();  // the moved-from share gives back nothing
  EXPECT_EQ(budget.in_use(), 70u);
  auto b = budget.try_take(30);
  ASSERT_TRUE(b);
  moved = std::move(*b);  // gives back the 70 it held, takes over the 30
  EXPECT_EQ(budget.in_use(), 30u);
  b.reset();
  EXPECT_EQ(budget.in_use(), 30u);
}

}  // namespace
}  // namespace zhiyou::server
