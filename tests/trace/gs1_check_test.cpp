#include <gtest/gtest.h>

#include <string>

#include "trace/gs1/check.hpp"

namespace gs1 = zhiyou::trace::gs1;

TEST(Gs1Check, SameDataInThreeFormsGivesOneAnswer) {
  const std::string want =
      R"({"ok":true,"ais":[["01","09506000134352"],["10","ABC"],["17","261231"]]})";
  EXPECT_EQ(gs1::to_json(gs1::check_input("(17)261231(01)09506000134352(10)ABC")), want);
  EXPECT_EQ(gs1::to_json(gs1::check_input("]C1010950600013435210ABC\x1d"
                                          "17261231\r\n")),
            want);
  EXPECT_EQ(gs1::to_json(gs1::check_input("0109506000134352"
                                          "17261231"
                                          "10ABC")),
            want);
  EXPECT_EQ(gs1::to_json(gs1::check_input("https://e.org/01/09506000134352/10/ABC?17=261231")),
            want);
  EXPECT_EQ(gs1::to_json(gs1::check_input("]Q1https://e.org/01/09506000134352/10/ABC?17=261231")),
            want);
}

TEST(Gs1Check, DetectsForms) {
  EXPECT_EQ(gs1::check_input("(01)09506000134352").form, gs1::InputForm::bracketed);
  EXPECT_EQ(gs1::check_input("0109506000134352").form, gs1::InputForm::raw);
  EXPECT_EQ(gs1::check_input("]d20109506000134352").form, gs1::InputForm::raw);
  EXPECT_EQ(gs1::check_input("http://e.org/01/09506000134352").form, gs1::InputForm::digital_link);
}

TEST(Gs1Check, ErrorsAsJson) {
  auto r = gs1::check_input("(01)09506000134353");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(gs1::to_json(r), R"({"ok":false,"error":"AI (01) 校验位错误：应为 2","position":17})");
  r = gs1::check_input("hello world");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.position, 0u);
  EXPECT_FALSE(gs1::check_input("").ok);
  EXPECT_FALSE(gs1::check_input("\r\n").ok);
  r = gs1::check_input("ftp://e.org/01/09506000134352");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("ftp"), std::string::npos);
  r = gs1::check_input("]Q1https://e.org/01/09506000134353");
  EXPECT_EQ(r.position, 33u);
}

TEST(Gs1Check, EscapesJsonStrings) {
  gs1::CheckResult r;
  r.ok = true;
  r.ais.push_back({"99", "a\"b\\c\x01", 0});
  EXPECT_EQ(gs1::to_json(r), R"({"ok":true,"ais":[["99","a\"b\\c\u0001"]]})");
}

TEST(Gs1Check, CanonicalOrderPutsKeyAndQualifiersFirst) {
  auto r = gs1::check_input("(99)X(21)S(3103)000195(22)V(01)09506000134352(10)L");
  ASSERT_TRUE(r.ok) << r.error;
  std::string order;
  for (const auto& e : r.ais) order += e.ai + " ";
  EXPECT_EQ(order, "01 22 10 21 3103 99 ");
}

TEST(Gs1Check, ReusesResult) {
  gs1::CheckResult r;
  gs1::check_input("(01)09506000134353", r);
  EXPECT_FALSE(r.ok);
  gs1::check_input("(01)09506000134352", r);
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.error.empty());
}
