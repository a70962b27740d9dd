// The report as one self-contained HTML page: inline CSS, charts as inline SVG.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "monitoring/number_text.hpp"
#include "monitoring/report.hpp"

namespace zhiyou::monitoring {
namespace {

constexpr std::array<Status, 6> kStatuses{Status::met,       Status::on_track,    Status::lagging,
                                          Status::off_track, Status::qualitative, Status::no_data};

std::string_view colour(Status status) {
  switch (status) {
    case Status::met:
      return "#2e7d32";
    case Status::on_track:
      return "#66bb6a";
    case Status::lagging:
      return "#f9a825";
    case Status::off_track:
      return "#c62828";
    case Status::qualitative:
      return "#78909c";
    case Status::no_data:
      return "#cfd8dc";
  }
  return "#cfd8dc";
}

std::string percent(int part, int whole) {
  return whole == 0 ? "—" : number_text(std::round(1000.0 * part / whole) / 10) + "%";
}

// One horizontal bar split by status, with a legend; `counts` by Status.
std::string stacked_bar(const std::array<int, 6>& counts, int width, const std::string& label) {
  int total = 0;
  for (const int c : counts) {
    total += c;
  }
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="64" role="img" aria-label="{}">)",
      width + 20, text::escape_html(label));
  double x = 10;
  for (const Status s : kStatuses) {
    const int c = counts[static_cast<int>(s)];
    if (c == 0 || total == 0) {
      continue;
    }
    const double w = static_cast<double>(width) * c / total;
    svg += fmt::format(
        R"(<rect x="{:.1f}" y="8" width="{:.1f}" height="24" fill="{}"><title>{} {}</title></rect>)",
        x, w, colour(s), chinese_name(s), c);
    if (w > 24) {
      svg +=
          fmt::format(R"(<text x="{:.1f}" y="25" font-size="12" fill="#fff">{}</text>)", x + 4, c);
    }
    x += w;
  }
  double lx = 10;
  for (const Status s : kStatuses) {
    svg += fmt::format(
        R"(<rect x="{:.0f}" y="42" width="10" height="10" fill="{}"/><text x="{:.0f}" y="51" font-size="11">{}</text>)",
        lx, colour(s), lx + 14, chinese_name(s));
    lx += 96;
  }
  return svg + "</svg>";
}

// One stacked bar per domain.
std::string domain_chart(const Report& report) {
  const int row = 26;
  const int label_width = 120;
  const int bar_width = 420;
  int largest = 1;
  for (const DomainSummary& d : report.domains) {
    int total = 0;
    for (const int c : d.counts) {
      total += c;
    }
    largest = std::max(largest, total);
  }
  const int height = static_cast<int>(report.domains.size()) * row + 10;
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" aria-label="分领域完成情况">)",
      label_width + bar_width + 60, height);
  int y = 5;
  for (const DomainSummary& d : report.domains) {
    svg += fmt::format(R"(<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text>)",
                       label_width - 6, y + 15, text::escape_html(d.domain));
    double x = label_width;
    int total = 0;
    for (const Status s : kStatuses) {
      const int c = d.counts[static_cast<int>(s)];
      total += c;
      if (c == 0) {
        continue;
      }
      const double w = static_cast<double>(bar_width) * c / largest;
      svg += fmt::format(
          R"(<rect x="{:.1f}" y="{}" width="{:.1f}" height="18" fill="{}"><title>{} {} {}</title></rect>)",
          x, y + 2, w, colour(s), text::escape_html(d.domain), chinese_name(s), c);
      x += w;
    }
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" font-size="11">{}</text>)", x + 4, y + 15, total);
    y += row;
  }
  return svg + "</svg>";
}

// Share of met + on_track per district.
std::string ranking_chart(const Report& report) {
  const int row = 24;
  const int label_width = 90;
  const int bar_width = 400;
  const int height = static_cast<int>(report.ranking.size()) * row + 10;
  std::string svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" aria-label="区县达标及符合序时进度占比">)",
      label_width + bar_width + 70, height);
  int y = 5;
  for (const RegionRank& r : report.ranking) {
    const double w = bar_width * r.share;
    svg += fmt::format(
        R"(<text x="{}" y="{}" font-size="12" text-anchor="end">{}. {}</text><rect x="{}" y="{}" width="{:.1f}" height="16" fill="{}"/><text x="{:.1f}" y="{}" font-size="11">{}</text>)",
        label_width - 6, y + 14, r.rank, text::escape_html(r.region), label_width, y + 2, w,
        r.region == report.region ? "#1565c0" : "#64b5f6", label_width + w + 4, y + 14,
        percent(r.good, r.evaluated));
    y += row;
  }
  return svg + "</svg>";
}

std::string baseline_cell(const Evaluation& e) {
  const Assessment& a = e.assessment;
  if (!a.baseline) {
    return e.indicator->baseline
               ? fmt::format("{}（{}年）",
                             text::escape_html(e.indicator->baseline->expression.text),
                             e.indicator->baseline->year)
               : "—";
  }
  switch (a.baseline_source) {
    case BaselineSource::plan:
      return fmt::format("{}（{}年）", number_text(*a.baseline), e.indicator->baseline->year);
    case BaselineSource::observation:
      return fmt::format("{}（{}年实际）", number_text(*a.baseline),
                         static_cast<int>(a.baseline_at) - 1);
    case BaselineSource::first_observation:
      return fmt::format("{}（首个实际值）", number_text(*a.baseline));
    case BaselineSource::plan_start:
      return "0（累计起点）";
    case BaselineSource::none:
      break;
  }
  return number_text(*a.baseline);
}

std::string target_cell(const Evaluation& e) {
  if (!e.assessment.target_index) {
    return "—";
  }
  const plans::Target& t = e.indicator->targets[*e.assessment.target_index];
  std::string cell = fmt::format("{}年 {}", t.year, text::escape_html(t.expression.text));
  if (e.assessment.target && t.expression.kind != plans::TargetKind::level &&
      t.expression.kind != plans::TargetKind::cumulative) {
    cell += fmt::format("<br><small>折合 {}</small>", number_text(*e.assessment.target));
  }
  return cell;
}

std::string status_cell(Status status) {
  return fmt::format(R"(<span class="status" style="background:{};color:{}">{}</span>)",
                     colour(status), status == Status::no_data ? "#37474f" : "#fff",
                     chinese_name(status));
}

void indicator_tables(std::string& html, const Report& report) {
  std::string domain = "\x01";
  for (const Evaluation* e : report.rows) {
    const std::string d = e->indicator->domain.empty() ? "指标" : e->indicator->domain;
    if (d != domain) {
      if (domain != "\x01") {
        html += "</tbody></table>\n";
      }
      domain = d;
      html += fmt::format(
          "<h3>{}</h3>\n<table class=\"indicators\"><thead><tr><th>指标</th><th>单位</th>"
          "<th>基期值</th><th>目标值</th><th>实际值</th><th>序时进度</th><th>状态</th>"
          "<th>说明</th></tr></thead><tbody>\n",
          text::escape_html(d));
    }
    const Assessment& a = e->assessment;
    html += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
        text::escape_html(e->indicator->name), text::escape_html(e->indicator->unit.value_or("")),
        baseline_cell(*e), target_cell(*e), number_text(a.value), number_text(a.expected),
        status_cell(a.status), text::escape_html(explain(*e)));
  }
  if (domain != "\x01") {
    html += "</tbody></table>\n";
  }
}

void scorecard_section(std::string& html, const Report& report) {
  html +=
      "<table><thead><tr><th>责任单位</th><th>指标数</th><th>达标</th><th>符合序时进度</th>"
      "<th>滞后</th><th>严重滞后</th><th>待评审</th><th>缺数据</th><th>得分</th></tr></thead>"
      "<tbody>\n";
  for (const Scorecard& card : report.scorecards) {
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td>", text::escape_html(card.unit),
                        card.items.size());
    for (const Status s : kStatuses) {
      html += fmt::format("<td class=\"num\">{}</td>", card.count(s));
    }
    html += fmt::format("<td class=\"num\">{}</td></tr>\n",
                        card.score ? number_text(std::round(*card.score * 10) / 10) : "—");
  }
  html += "</tbody></table>\n";
  for (const Scorecard& card : report.scorecards) {
    if (card.lagging.empty()) {
      continue;
    }
    html += fmt::format("<h4>{} 滞后事项</h4><ul>\n", text::escape_html(card.unit));
    for (const ScorecardItem& item : card.lagging) {
      html += fmt::format("<li>{}{}：{} — {}</li>\n",
                          text::escape_html(item.evaluation->indicator->name),
                          item.role == UnitRole::shared ? "（共同负责）" : "",
                          chinese_name(item.evaluation->assessment.status),
                          text::escape_html(explain(*item.evaluation)));
    }
    html += "</ul>\n";
  }
}

void ranking_section(std::string& html, const Report& report) {
  if (report.ranking.empty()) {
    html += "<p>本期没有区县报送数据，暂不排名。</p>\n";
    return;
  }
  html += ranking_chart(report);
  html +=
      "<table><thead><tr><th>名次</th><th>区县</th><th>评估项</th><th>达标及符合序时进度</th>"
      "<th>占比</th><th>平均差距</th></tr></thead><tbody>\n";
  for (const RegionRank& r : report.ranking) {
    html += fmt::format(
        "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        r.rank, text::escape_html(r.region), r.evaluated, r.good, percent(r.good, r.evaluated),
        number_text(r.mean_gap));
  }
  html += "</tbody></table>\n";
}

constexpr std::string_view kStyle = R"(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222}
h1{font-size:1.5em;text-align:center}h2{border-bottom:2px solid #1565c0;padding-bottom:.2em}
.meta{text-align:center;color:#555}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
th,td{border:1px solid #bbb;padding:4px 6px;font-size:13px;vertical-align:top}th{background:#e3f2fd}
td.num{text-align:right;white-space:nowrap}.status{color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap}
small{color:#555}
)";

}  // namespace

std::string render_html(const Report& report) {
  const plans::Plan& plan = *report.plan;
  const std::string title =
      fmt::format("{} {}年度{}指标完成情况报告", plan.title, report.period.to_string(),
                  report.region == "全市" ? "" : report.region);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{}</title>"
      "<style>{}</style></head><body>\n<h1>{}</h1>\n<p class=\"meta\">{}{}评估范围：{} · "
      "生成日期：{}</p>\n",
      text::escape_html(title), kStyle, text::escape_html(title),
      text::escape_html(plan.doc_number), plan.doc_number.empty() ? "" : " · ",
      text::escape_html(report.region), text::escape_html(report.generated_on));

  const int total = static_cast<int>(report.rows.size());
  const auto& c = report.counts;
  html += fmt::format(
      "<h2>一、总体情况</h2>\n<p id=\"summary\">共评估指标 {} 项：达标 {} 项，符合序时进度 {} 项，"
      "滞后 {} 项，严重滞后 {} 项，待评审 {} 项，缺数据 {} 项。达标及符合序时进度的占 {}。</p>\n",
      total, c[0], c[1], c[2], c[3], c[4], c[5], percent(c[0] + c[1], total));
  html += stacked_bar(report.counts, 560, "指标状态分布");

  html += "\n<h2>二、分领域完成情况</h2>\n";
  html += domain_chart(report);
  indicator_tables(html, report);

  html += "<h2>三、责任单位考核</h2>\n";
  html +=
      "<p>计分规则：达标 100 分，符合序时进度 90 分，滞后 60 分，严重滞后 30 分，缺数据 0 分；"
      "牵头指标权重 1，共同负责指标权重 0.5；待评审的定性指标不计分。</p>\n";
  scorecard_section(html, report);

  html += "<h2>四、区县排名</h2>\n";
  html +=
      "<p>排名规则：按达标及符合序时进度的指标占比由高到低；占比相同时比较平均差距"
      "（实际值与序时进度之差占 |目标−基数| 的比例，截至 ±1）。</p>\n";
  ranking_section(html, report);

  html += fmt::format(
      "<h2>附：评估方法</h2>\n<ul><li>序时进度：从基期年末的基数到目标年末的目标值按时间直线推进，"
      "季度、月份按年内比例计；有中期目标时分段推进。</li><li>新增类目标加在基数上；“比某年下降/"
      "增长”"
      "类目标按参照年实际值换算；累计类目标按规划期内各年流量之和计。</"
      "li><li>落后序时进度不超过容差"
      "（|目标−基数| 的 {}%）为滞后，超过为严重滞后；数值越小越好的指标方向相反。</li>"
      "<li>定性目标以评审意见为准；缺少本期数据为缺数据，逾期未报为红色预警。</li></ul>\n"
      "</body></html>\n",
      number_text(report.tolerance * 100));
  return html;
}

}  // namespace zhiyou::monitoring
