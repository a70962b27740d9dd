// The scan's JSON answer is what a consumer's app reads: whatever a maker, an agency or an
// EPCIS event wrote into the names and reasons, the answer stays valid JSON with every text
// as written.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "trace/resolver/resolution_view.hpp"

namespace zhiyou::trace::resolver {
namespace {

namespace json = boost::json;

Resolution recalled_unit() {
  Resolution r;
  r.code = {.gtin = "09506000134352",
            .lot = "L/1",
            .serial = "7",
            .uri = "https://id.gs1.org/01/09506000134352/10/L%2F1/21/7"};
  r.product = {"09506000134352",
               "电热水壶 \"旗舰\" 款\\二代",
               "91330212MA2G00001N",
               {"品字标浙江制造", "同线同标同质"}};
  r.maker.name = "宁波甬优电器有限公司";
  r.maker.uscc = "91330212MA2G00001N";
  r.maker_region = "鄞州区";
  r.expiry = "271200";
  r.spot_checks.push_back({"s_1", "09506000134352", "L/1", "2026-10-08", "宁波市产品质量检验研究院",
                           "不合格", "泄漏电流\n绝缘电阻", "NBZJ2026-0815"});
  r.recalls.push_back({"r_1",
                       "09506000134352",
                       {"L/1", "L2"},
                       "加热管绝缘不良\t(见公告)",
                       "office",
                       "2026-10-09T08:00:00Z"});
  r.journey.push_back({1790000000000, "shipping", "in_transit", "urn:epc:id:sgln:0614141.00777.0"});
  r.scan_places = 4;
  r.many_places = true;
  return r;
}

TEST(ResolutionJson, TextWithQuotesBackslashesAndControlCharactersComesBackAsWritten) {
  const json::value v = json::parse(resolution_json(recalled_unit()));
  EXPECT_EQ(v.at("product").at("name").as_string(), "电热水壶 \"旗舰\" 款\\二代");
  EXPECT_EQ(v.at("spot_checks").at(0).at("failed_items").as_string(), "泄漏电流\n绝缘电阻");
  EXPECT_EQ(v.at("recalls").at(0).at("reason").as_string(), "加热管绝缘不良\t(见公告)");
  EXPECT_EQ(v.at("recalls").at(0).at("lots"), (json::array{"L/1", "L2"}));
  EXPECT_EQ(v.at("product").at("quality_marks"), (json::array{"品字标浙江制造", "同线同标同质"}));
  EXPECT_EQ(v.at("maker").at("region").as_string(), "鄞州区");
  EXPECT_EQ(v.at("code").at("lot").as_string(), "L/1");
  EXPECT_EQ(v.at("batch").at("expiry").as_string(), "2027-12");  // DD 00: the month
  EXPECT_EQ(v.at("journey").at(0).at("biz_step_label").as_string(), biz_step_label("shipping"));
  EXPECT_EQ(v.at("counterfeit").at("scan_places").as_int64(), 4);
  EXPECT_TRUE(v.at("counterfeit").at("many_places").as_bool());
}

TEST(ResolutionJson, AScanOfAGtinAloneHasNoBatchNoCounterfeitSignalAndEmptyLists) {
  Resolution r;
  r.code = {.gtin = "09506000134352", .uri = "https://id.gs1.org/01/09506000134352"};
  r.product = {"09506000134352", "电热水壶", "91330212MA2G00001N", {}};
  const json::value v = json::parse(resolution_json(r));
  const json::object& o = v.as_object();
  EXPECT_FALSE(o.contains("batch"));
  EXPECT_FALSE(o.contains("counterfeit"));
  EXPECT_FALSE(o.at("code").as_object().contains("serial"));
  EXPECT_TRUE(o.at("spot_checks").as_array().empty());
  EXPECT_TRUE(o.at("journey").as_array().empty());
  EXPECT_TRUE(o.at("product").at("quality_marks").as_array().empty());
}

}  // namespace
}  // namespace zhiyou::trace::resolver
