// The data versions the caches compare are read at most once per max_age: a change from
// another process shows once that time is up, one made through this server at once.
#include "server/version_watch.hpp"

#include <gtest/gtest.h>

#include "registry/entity.hpp"
#include "store/engine_fixture.hpp"
#include "store/registry_store.hpp"

namespace zhiyou::server::testing {
namespace {

using store::testing::EngineTest;

class VersionWatchTest : public EngineTest {
 protected:
  // What `zhiyou entity add` does on the same database: a trace-scope write.
  void add_entity_elsewhere(const std::string& uscc) {
    auto other = reopen();
    auto entity = registry::make_entity(uscc, "宁波某某有限公司", "鄞州");
    ASSERT_TRUE(entity.ok());
    ASSERT_TRUE(store::save_entity(*other, *entity).ok());
  }
};
ZHIYOU_ON_BOTH_ENGINES(VersionWatchTest);

TEST_P(VersionWatchTest, WithinMaxAgeTheLastReadIsReusedUntilMarkedStale) {
  VersionWatch watch(std::chrono::hours(1));
  EXPECT_FALSE(watch.recent().has_value());  // nothing read yet
  const store::DataVersions first = watch.read(db());
  ASSERT_TRUE(watch.recent().has_value());
  EXPECT_EQ(watch.recent()->trace, first.trace);

  add_entity_elsewhere("91330212MA2G00001N");
  EXPECT_EQ(watch.recent()->trace, first.trace);  // an hour has not passed

  watch.mark_stale();  // what the server does after a request that may write
  EXPECT_FALSE(watch.recent().has_value());
  const store::DataVersions second = watch.read(db());
  EXPECT_GT(second.trace, first.trace);
  EXPECT_EQ(second.monitoring, first.monitoring);
  EXPECT_EQ(watch.recent()->trace, second.trace);
}

TEST_P(VersionWatchTest, AZeroMaxAgeReadsEveryTime) {
  VersionWatch watch(std::chrono::milliseconds(0));
  const store::DataVersions first = watch.read(db());
  EXPECT_FALSE(watch.recent().has_value());
  add_entity_elsewhere("91330212MA2G00001N");
  EXPECT_GT(watch.read(db()).trace, first.trace);
}

}  // namespace
}  // namespace zhiyou::server::testing
