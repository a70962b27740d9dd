// The report as an .xlsx workbook through libxlsxwriter: 汇总, 指标完成情况 (every region),
// 责任单位考核, 区县排名. Figures are written as numbers so that a spreadsheet can sum and sort
// them; an absent figure is an empty cell, never the text "—".
#include <fmt/core.h>
#include <xlsxwriter.h>

#include <memory>

#include "monitoring/report.hpp"

namespace zhiyou::monitoring {
namespace {

constexpr std::array<Status, 6> kStatuses{Status::met,       Status::on_track,    Status::lagging,
                                          Status::off_track, Status::qualitative, Status::no_data};

class Sheet {
 public:
  Sheet(lxw_workbook* book, const char* name, lxw_format* header)
      : sheet_(workbook_add_worksheet(book, name)), header_(header) {}

  void header(std::initializer_list<std::string_view> titles) {
    lxw_col_t col = 0;
    for (const std::string_view t : titles) {
      worksheet_write_string(sheet_, row_, col++, std::string(t).c_str(), header_);
    }
    next_row();
  }
  void text(std::string_view value) {
    worksheet_write_string(sheet_, row_, col_++, std::string(value).c_str(), nullptr);
  }
  void number(double value) { worksheet_write_number(sheet_, row_, col_++, value, nullptr); }
  void number(const std::optional<double>& value) {
    if (value) {
      number(*value);
    } else {
      ++col_;
    }
  }
  void next_row() {
    ++row_;
    col_ = 0;
  }
  void widths(std::initializer_list<double> widths) {
    lxw_col_t col = 0;
    for (const double w : widths) {
      worksheet_set_column(sheet_, col, col, w, nullptr);
      ++col;
    }
  }

 private:
  lxw_worksheet* sheet_;
  lxw_format* header_;
  lxw_row_t row_ = 0;
  lxw_col_t col_ = 0;
};

void summary_sheet(Sheet& s, const Report& report) {
  s.widths({22, 60});
  s.header({"项目", "内容"});
  s.text("规划");
  s.text(report.plan->title);
  s.next_row();
  s.text("文号");
  s.text(report.plan->doc_number);
  s.next_row();
  s.text("期间");
  s.text(report.period.to_string());
  s.next_row();
  s.text("评估范围");
  s.text(report.region);
  s.next_row();
  s.text("容差（占|目标−基数|比例）");
  s.number(report.tolerance);
  s.next_row();
  s.text("生成日期");
  s.text(report.generated_on);
  s.next_row();
  s.text("评估指标数");
  s.number(static_cast<double>(report.rows.size()));
  s.next_row();
  for (const Status status : kStatuses) {
    s.text(chinese_name(status));
    s.number(report.counts[static_cast<int>(status)]);
    s.next_row();
  }
}

void indicator_sheet(Sheet& s, const Report& report) {
  s.widths({12, 40, 10, 10, 10, 10, 24, 12, 10, 12, 10, 10, 14, 6, 50});
  s.header({"领域", "指标", "单位", "地区", "基期值", "目标年份", "目标", "目标值（折合）",
            "实际值", "序时进度", "差距", "容差", "状态", "预警", "说明"});
  for (const Evaluation& e : report.evaluations) {
    const Assessment& a = e.assessment;
    s.text(e.indicator->domain);
    s.text(e.indicator->name);
    s.text(e.indicator->unit.value_or(""));
    s.text(e.region);
    s.number(a.baseline);
    if (a.target_index) {
      const plans::Target& t = e.indicator->targets[*a.target_index];
      s.number(t.year);
      s.text(t.expression.text);
    } else {
      s.number(std::nullopt);
      s.number(std::nullopt);
    }
    s.number(a.target);
    s.number(a.value);
    s.number(a.expected);
    s.number(a.gap);
    s.number(a.tolerance);
    s.text(chinese_name(a.status));
    s.text(chinese_name(a.warning));
    s.text(explain(e));
    s.next_row();
  }
}

void scorecard_sheet(Sheet& s, const Report& report) {
  s.widths({22, 10, 8, 12, 8, 10, 8, 8, 8, 60});
  s.header({"责任单位", "指标数", "达标", "符合序时进度", "滞后", "严重滞后", "待评审", "缺数据",
            "得分", "滞后事项"});
  for (const Scorecard& card : report.scorecards) {
    s.text(card.unit);
    s.number(static_cast<double>(card.items.size()));
    for (const Status status : kStatuses) {
      s.number(card.count(status));
    }
    s.number(card.score);
    std::string lagging;
    for (const ScorecardItem& item : card.lagging) {
      if (!lagging.empty()) {
        lagging += "；";
      }
      lagging += item.evaluation->indicator->name + "：" + explain(*item.evaluation);
    }
    s.text(lagging);
    s.next_row();
  }
}

void ranking_sheet(Sheet& s, const Report& report) {
  s.widths({8, 12, 10, 18, 10, 12});
  s.header({"名次", "区县", "评估项", "达标及符合序时进度", "占比", "平均差距"});
  for (const RegionRank& r : report.ranking) {
    s.number(r.rank);
    s.text(r.region);
    s.number(r.evaluated);
    s.number(r.good);
    s.number(r.share);
    s.number(r.mean_gap);
    s.next_row();
  }
}

}  // namespace

zhiyou::Status write_xlsx(const Report& report, const std::string& path) {
  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) {
    return make_error("无法创建文件（目录不存在或没有权限）", path);
  }
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_bg_color(header, 0xE3F2FD);
  Sheet summary(book, "汇总", header);
  summary_sheet(summary, report);
  Sheet indicators(book, "指标完成情况", header);
  indicator_sheet(indicators, report);
  Sheet units(book, "责任单位考核", header);
  scorecard_sheet(units, report);
  Sheet ranking(book, "区县排名", header);
  ranking_sheet(ranking, report);
  const lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR) {
    return make_error(fmt::format("写入失败：{}", lxw_strerror(error)), path);
  }
  return Ok{};
}

}  // namespace zhiyou::monitoring
