// The real `zhiyou` binary on the seed documents: import, list, show, export/load,
// direction, and what the user sees when something goes wrong.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "support/test_support.hpp"

namespace zhiyou::testing {
namespace {

namespace json = boost::json;

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

std::string all_seeds() {
  std::string args;
  for (const char* prefix : {"000", "001", "002", "003", "004"}) args += " " + quoted(seed(prefix));
  return args;
}

class PlanCli : public ::testing::Test {
 protected:
  TempDir dir;
  std::string db() const { return " --db " + quoted(dir.path() / "zhiyou.db"); }

  CommandResult run(const std::string& args) { return run_zhiyou(args + db()); }

  void import_seeds() {
    const auto r = run("plan import" + all_seeds());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  json::value list_json() {
    const auto r = run("plan list --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  std::string id_of(const std::string& doc_number) {
    const json::value list = list_json();
    for (const auto& p : list.at("plans").as_array()) {
      if (p.at("doc_number").is_string() && p.at("doc_number").as_string() == doc_number) {
        return std::string(p.at("id").as_string());
      }
    }
    ADD_FAILURE() << "no plan " << doc_number;
    return "none";
  }

  json::object show_json(const std::string& id) {
    const auto r = run("plan show '" + id + "' --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto doc = json::parse(r.out);
    EXPECT_EQ(doc.at("plans").as_array().size(), 1U);
    return doc.at("plans").at(0).as_object();
  }

  static const json::object* indicator(const json::object& plan, const std::string& name) {
    for (const auto& i : plan.at("indicators").as_array()) {
      if (i.at("name").as_string() == name) return &i.as_object();
    }
    return nullptr;
  }
};

TEST_F(PlanCli, ImportAllSeedsListsElevenPlans) {
  const auto r = run("plan import" + all_seeds());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = list_json();
  const auto& plans = list.at("plans").as_array();
  EXPECT_EQ(plans.size(), 11U);
  // 000 has 47 table rows plus its sentence targets; every plan listed has an id and title.
  // One seed (001) is a news report on a plan: listed as such, not as an empty plan.
  std::vector<std::string> reports;
  for (const auto& p : plans) {
    EXPECT_FALSE(p.at("id").as_string().empty());
    EXPECT_FALSE(p.at("title").as_string().empty());
    if (p.at("kind").as_string() == "report") {
      reports.emplace_back(p.at("title").as_string());
    } else {
      EXPECT_EQ(p.at("kind").as_string(), "official");
    }
  }
  EXPECT_EQ(reports,
            std::vector<std::string>{"关于开展全面提升行动深入推进“质优宁波”建设的实施意见"});
  // The human-readable list names the plans too.
  const auto text = run("plan list");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("甬政办发〔2023〕1号"), std::string::npos);
  EXPECT_NE(text.out.find("舟质强市发〔2023〕1号"), std::string::npos);
  EXPECT_NE(text.out.find("宁波市公共服务发展“十四五”规划"), std::string::npos);
  const std::string marked = "新闻报道（非正式文件）";
  const std::size_t at = text.out.find(marked);
  EXPECT_NE(at, std::string::npos) << text.out;
  EXPECT_EQ(text.out.find(marked, at + 1), std::string::npos) << text.out;
}

TEST_F(PlanCli, ReimportAddsNoDuplicates) {
  import_seeds();
  const std::string before = json::serialize(list_json());
  const auto again = run("plan import" + all_seeds());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const auto after = list_json();
  EXPECT_EQ(after.at("plans").as_array().size(), 11U);
  EXPECT_EQ(json::serialize(after), before);  // same ids, same indicator and task counts
}

TEST_F(PlanCli, ShowJsonHasTheDocumentedShape) {
  import_seeds();
  const std::string id = id_of("甬政办发〔2023〕1号");
  const json::object plan = show_json(id);
  EXPECT_EQ(plan.at("id").as_string(), id);
  EXPECT_NE(plan.at("title").as_string().find("质优宁波"), std::string::npos);
  EXPECT_EQ(plan.at("doc_number").as_string(), "甬政办发〔2023〕1号");
  EXPECT_EQ(plan.at("issuer").as_string(), "宁波市人民政府办公厅");
  EXPECT_EQ(plan.at("issued_on").as_string(), "2023-01-16");
  EXPECT_EQ(plan.at("source").at("file").as_string(), seed("000").filename().string());

  const auto& indicators = plan.at("indicators").as_array();
  ASSERT_GE(indicators.size(), 47U);
  for (const auto& v : indicators) {
    const auto& i = v.as_object();
    for (const char* key : {"id", "domain", "name", "unit", "baseline", "targets", "direction",
                            "attribute", "lead_units", "notes", "source"}) {
      EXPECT_TRUE(i.contains(key)) << key << " in " << i.at("name").as_string();
    }
    EXPECT_TRUE(i.at("lead_units").is_array());
    EXPECT_TRUE(i.at("notes").is_array());
    EXPECT_TRUE(i.at("source").at("file").is_string());
    EXPECT_GT(i.at("source").at("line").as_int64(), 0);
    for (const auto& t : i.at("targets").as_array()) {
      for (const char* key : {"year", "kind", "op", "value", "reference_year", "text"}) {
        EXPECT_TRUE(t.as_object().contains(key)) << key;
      }
    }
  }

  // Values as the table prints them: 8000 万 平方米 → 80000000, an integer in JSON.
  const json::object* area = indicator(plan, "新开工装配式建筑面积");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(area->at("unit").as_string(), "平方米");
  const auto& target = area->at("targets").at(0).as_object();
  EXPECT_EQ(target.at("year").as_int64(), 2025);
  EXPECT_EQ(target.at("kind").as_string(), "level");
  EXPECT_EQ(target.at("value").to_number<double>(), 80000000.0);
  EXPECT_TRUE(target.at("reference_year").is_null());
  EXPECT_EQ(area->at("source").at("line").as_int64(), 163);
  EXPECT_EQ(area->at("lead_units").at(0).as_string(), "市住建局");

  const json::object* garbage = indicator(plan, "生活垃圾分类覆盖率");
  ASSERT_NE(garbage, nullptr);
  EXPECT_EQ(garbage->at("lead_units").as_array().size(), 2U);

  // 80000000 is printed without an exponent.
  const auto raw = run("plan show '" + id + "' --json");
  EXPECT_NE(raw.out.find("80000000"), std::string::npos);
  EXPECT_EQ(raw.out.find("E+"), std::string::npos);
  EXPECT_EQ(raw.out.find("e+"), std::string::npos);

  // Tasks.
  const std::string zhoushan = id_of("舟质强市发〔2023〕1号");
  const json::object zs = show_json(zhoushan);
  const auto& tasks = zs.at("tasks").as_array();
  ASSERT_FALSE(tasks.empty());
  for (const auto& t : tasks) {
    for (const char* key : {"id", "title", "lead_units", "supporting_units", "source"}) {
      EXPECT_TRUE(t.as_object().contains(key)) << key;
    }
  }
  EXPECT_EQ(tasks.at(0).at("title").as_string(), "坚持质量发展创新驱动");
}

TEST_F(PlanCli, ShowByDocumentNumber) {
  import_seeds();
  const auto r = run("plan show '甬政发〔2021〕59号'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("规上工业亩均税收"), std::string::npos);
}

TEST_F(PlanCli, ChangeTargetInJson) {
  import_seeds();
  const json::object plan = show_json(id_of("甬政发〔2021〕59号"));
  const json::object* energy = indicator(plan, "规上工业万元增加值能耗降低率");
  ASSERT_NE(energy, nullptr);
  const auto& baseline = energy->at("baseline").as_object();
  EXPECT_EQ(baseline.at("year").as_int64(), 2020);
  EXPECT_EQ(baseline.at("kind").as_string(), "change");
  EXPECT_EQ(baseline.at("reference_year").as_int64(), 2015);
  EXPECT_EQ(baseline.at("value").to_number<double>(), -14.93);
  const auto& t2025 = energy->at("targets").at(1).as_object();
  EXPECT_EQ(t2025.at("year").as_int64(), 2025);
  EXPECT_EQ(t2025.at("op").as_string(), "<=");
  EXPECT_EQ(t2025.at("value").to_number<double>(), -15.0);
  EXPECT_EQ(t2025.at("reference_year").as_int64(), 2020);
}

TEST_F(PlanCli, BadFileFailsNamesFileLineAndLeavesTheDatabaseUnchanged) {
  import_seeds();
  const auto before = run("plan export");
  ASSERT_EQ(before.exit_code, 0) << before.err;

  const auto bad = dir.path() / "broken.txt";
  write_file(bad, "甬政办发〔2030〕9号\n\n测试\xC3\x28计划\n");
  const auto r = run("plan import " + quoted(bad));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.txt:3"), std::string::npos) << r.err;

  // A good file with an unreadable table cell (line 10) is refused as a whole.
  const auto cell = dir.path() / "cell.txt";
  write_file(cell,
             "测试市人民政府办公厅文件\n\n甬政办发〔2030〕9号\n\n测试市质量提升行动方案\n\n"
             "一、主要目标\n\n指标\t2025年目标\t责任单位\n甲指标(%)\t12abc\t市测试局\n");
  const auto c = run("plan import " + quoted(cell));
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_NE(c.err.find("cell.txt:10"), std::string::npos) << c.err;
  EXPECT_NE(c.err.find("12abc"), std::string::npos) << c.err;

  const auto missing = run("plan import " + quoted(dir.path() / "nope.txt"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("nope.txt"), std::string::npos) << missing.err;

  const auto after = run("plan export");
  EXPECT_EQ(after.out, before.out);
  EXPECT_EQ(list_json().at("plans").as_array().size(), 11U);
}

TEST_F(PlanCli, BadFileAmongGoodOnesFailsButKeepsTheGoodOnes) {
  const auto bad = dir.path() / "broken.txt";
  write_file(bad, "\xff\xfe");
  const auto r = run("plan import " + quoted(seed("000")) + " " + quoted(bad));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broken.txt:1"), std::string::npos) << r.err;
  // Each file stands alone: 000 was imported, nothing of the broken file was.
  EXPECT_EQ(list_json().at("plans").as_array().size(), 1U);
}

TEST_F(PlanCli, ExportLoadIntoAFreshDatabaseReproducesTheExport) {
  import_seeds();
  const auto exported = run("plan export");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(json::parse(exported.out).at("plans").as_array().size(), 11U);
  const auto file = dir.path() / "export.json";
  write_file(file, exported.out);

  TempDir other;
  const std::string fresh = " --db " + quoted(other.path() / "fresh.db");
  const auto loaded = run_zhiyou("plan load " + quoted(file) + fresh);
  ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  const auto again = run_zhiyou("plan export" + fresh);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, exported.out);

  // From standard input too.
  TempDir third;
  const std::string piped = " --db " + quoted(third.path() / "piped.db");
  const auto from_stdin = run_zhiyou("plan load -" + piped, exported.out);
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(run_zhiyou("plan export" + piped).out, exported.out);
}

TEST_F(PlanCli, LoadOfBadJsonNamesThePathAndWritesNothing) {
  const auto file = dir.path() / "bad.json";
  write_file(file, R"({"plans":[{"id":"p","title":"T","indicators":[{"id":"i","name":"n",)"
                   R"("targets":[{"year":2025,"kind":"bogus"}]}]}]})");
  const auto r = run("plan load " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("plans[0].indicators[0].targets[0].kind"), std::string::npos) << r.err;
  EXPECT_EQ(list_json().at("plans").as_array().size(), 0U);
}

TEST_F(PlanCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_zhiyou("").exit_code, 2);
  EXPECT_EQ(run_zhiyou("plan").exit_code, 2);
  EXPECT_EQ(run("plan show").exit_code, 2);    // missing id
  EXPECT_EQ(run("plan import").exit_code, 2);  // missing files
  EXPECT_EQ(run("plan list --no-such-flag").exit_code, 2);
  EXPECT_EQ(run_zhiyou("frobnicate").exit_code, 2);
  EXPECT_EQ(run("plan direction only-one-arg").exit_code, 2);
}

TEST_F(PlanCli, UnknownPlanOrIndicatorExitsOne) {
  import_seeds();
  const auto r = run("plan show no-such-plan");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no-such-plan"), std::string::npos) << r.err;
  EXPECT_EQ(run("plan direction no-such-indicator down").exit_code, 1);
  const std::string id = id_of("甬政办发〔2023〕1号");
  const json::object plan = show_json(id);
  const std::string ind =
      std::string(indicator(plan, "规上工业新产品产值率")->at("id").as_string());
  EXPECT_EQ(run("plan direction '" + ind + "' sideways").exit_code, 1);
}

TEST_F(PlanCli, DirectionOverridePersists) {
  import_seeds();
  const std::string id = id_of("甬政办发〔2023〕1号");
  const json::object before = show_json(id);
  const json::object* rate = indicator(before, "规上工业新产品产值率");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->at("direction").as_string(), "up");
  // "35" states no comparator: with more-is-better it means at least 35.
  EXPECT_EQ(rate->at("targets").at(0).at("op").as_string(), ">=");
  const std::string ind = std::string(rate->at("id").as_string());

  const auto r = run("plan direction '" + ind + "' down");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  const json::object after = show_json(id);
  const json::object* changed = indicator(after, "规上工业新产品产值率");
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->at("direction").as_string(), "down");
  EXPECT_EQ(changed->at("targets").at(0).at("op").as_string(), "<=");  // now at most 35
  EXPECT_EQ(changed->at("targets").at(0).at("value").to_number<double>(), 35.0);
  // Other indicators keep theirs.
  EXPECT_EQ(indicator(after, "规上工业亩均税收")->at("direction").as_string(), "up");
  // A stated comparator is not flipped: "99.5 以上" stays ≥.
  const std::string food =
      std::string(indicator(after, "主要食品评价性抽检合格率")->at("id").as_string());
  ASSERT_EQ(run("plan direction '" + food + "' down").exit_code, 0);
  EXPECT_EQ(indicator(show_json(id), "主要食品评价性抽检合格率")
                ->at("targets")
                .at(0)
                .at("op")
                .as_string(),
            ">=");

  // It survives the process: a fresh `plan export` carries it too.
  const auto exported = json::parse(run("plan export").out);
  bool found = false;
  for (const auto& p : exported.at("plans").as_array()) {
    for (const auto& i : p.at("indicators").as_array()) {
      if (i.at("id").as_string() == ind) {
        found = true;
        EXPECT_EQ(i.at("direction").as_string(), "down");
        EXPECT_TRUE(i.as_object().contains("direction_overridden"));
      }
    }
  }
  EXPECT_TRUE(found);
}

// A user's `plan direction` decision outlives a re-import of the same text: the direction
// and the comparator that followed from it stay.
TEST_F(PlanCli, DirectionOverrideSurvivesReimport) {
  import_seeds();
  const std::string id = id_of("甬政办发〔2023〕1号");
  const std::string ind =
      std::string(indicator(show_json(id), "规上工业新产品产值率")->at("id").as_string());
  ASSERT_EQ(run("plan direction '" + ind + "' down").exit_code, 0);
  ASSERT_EQ(run("plan import " + quoted(seed("000"))).exit_code, 0);
  const json::object after = show_json(id);
  EXPECT_EQ(indicator(after, "规上工业新产品产值率")->at("direction").as_string(), "down");
  EXPECT_EQ(indicator(after, "规上工业新产品产值率")->at("targets").at(0).at("op").as_string(),
            "<=");
}

}  // namespace
}  // namespace zhiyou::testing
