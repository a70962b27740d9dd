// Which events still stand once error declarations are among them.
#include "trace/epcis/error_declaration.hpp"

#include <gtest/gtest.h>

namespace zhiyou::trace::epcis {
namespace {

Event event(std::string id, std::optional<std::int64_t> declared = std::nullopt) {
  Event e;
  e.event_id = std::move(id);
  e.declaration_time = declared;
  return e;
}

std::vector<std::string> ids(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) out.push_back(e.event_id);
  return out;
}

TEST(StandingEvents, ADeclarationWithdrawsEveryEventWithItsIdAndItself) {
  const StandingEvents s = standing_events(
      {event("a"), event("b"), event("c"), event("b", 1000), event("d"), event("b", 2000)});
  EXPECT_EQ(ids(s.events), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_EQ(s.withdrawn, 1u);  // b; its two declarations are not counted
}

TEST(StandingEvents, WithoutDeclarationsEverythingStandsInOrder) {
  const StandingEvents s = standing_events({event("c"), event("a"), event("b")});
  EXPECT_EQ(ids(s.events), (std::vector<std::string>{"c", "a", "b"}));
  EXPECT_EQ(s.withdrawn, 0u);
}

// The event itself may be missing (captured elsewhere, or not yet): the declaration alone
// still says nothing happened, so it is not shown as an event either.
TEST(StandingEvents, ADeclarationWhoseEventIsMissingIsNotAnEvent) {
  const StandingEvents s = standing_events({event("x", 1000), event("y")});
  EXPECT_EQ(ids(s.events), (std::vector<std::string>{"y"}));
  EXPECT_EQ(s.withdrawn, 0u);
}

}  // namespace
}  // namespace zhiyou::trace::epcis
