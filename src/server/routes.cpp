// The route table. Who may call what is decided here and nowhere else.
#include "server/handlers.hpp"

namespace zhiyou::server {

std::vector<Route> api_routes() {
  using people::Role;
  using enum http::verb;
  const auto office = only({Role::admin, Role::office});
  const auto admin = only({Role::admin});
  const auto reporters = only({Role::admin, Role::office, Role::unit_reporter});
  const auto staff = only({Role::admin, Role::office, Role::unit_reporter, Role::inspector});
  const auto epcis_capturers = only({Role::admin, Role::office, Role::inspector, Role::enterprise});
  const auto epcis_readers =
      only({Role::admin, Role::office, Role::unit_reporter, Role::inspector, Role::enterprise});
  const QueryParameter after{"after", "只返回序号大于此值的记录", false};
  const QueryParameter period{"period", "期间：2025、2025Q2 或 2025-06", true};
  const QueryParameter region{"region", "区县（如 鄞州）或 全市；默认全市及已报数的区县", false};
  const QueryParameter limit{"limit", "最多返回条数（默认 100，最多 1000）", false};
  return {
      {get, "/healthz", everyone(), get_health, "健康检查（含数据库连接）", "system"},
      {get, "/metrics", everyone(), get_metrics, "Prometheus 指标", "system"},
      {get, "/api/v1/openapi.json", everyone(), get_openapi, "本 API 的 OpenAPI 3 文档", "system"},

      {post, "/api/v1/session", everyone(), open_session, "登录：用户名和密码换取令牌", "session",
       RequestBody::json},
      {delete_, "/api/v1/session", any_logged_in(), close_session, "注销当前令牌", "session",
       RequestBody::none, http::status::no_content},
      {get, "/api/v1/me", any_logged_in(), get_me, "当前登录的账户", "session"},

      // Plans are published government documents: anyone may read them.
      cached({get, "/api/v1/plans", everyone(), list_plans, "规划列表（同 plan list --json）",
              "plans"}),
      cached({get, "/api/v1/plans/{id}", everyone(), get_plan,
              "一个规划，按编号或文号（同 plan show --json）", "plans"}),
      cached({get, "/api/v1/plans/{id}/indicators", everyone(), get_plan_indicators, "规划的指标",
              "plans"}),
      cached({get, "/api/v1/plans/{id}/tasks", everyone(), get_plan_tasks, "规划的任务", "plans"}),
      {post,
       "/api/v1/plans/import",
       office,
       import_plans,
       "上传正式文本（UTF-8）：预览识别结果；confirm=1 时保存",
       "plans",
       RequestBody::text,
       http::status::ok,
       {{"name", "文件名（记为来源）", false}, {"confirm", "为 1 时保存并返回 201", false}}},
      {put, "/api/v1/indicators/{id}/direction", office, set_indicator_direction,
       "人工指定指标方向（up / down / none）", "plans", RequestBody::json},

      // Unit reporters only for their own unit's indicators (checked with the indicator).
      {post, "/api/v1/observations", reporters, report_observation,
       "填报一个实际值（指标 × 区县 × 期间）", "observations", RequestBody::json,
       http::status::created},
      cached({get, "/api/v1/plans/{id}/observations", staff, list_plan_observations,
              "规划各指标的实际值（责任单位填报员只见本单位指标）", "observations"}),

      cached({get,
              "/api/v1/observations",
              staff,
              list_observations,
              "某规划的实际值，可按期间、区县筛选（责任单位填报员只见本单位指标）",
              "observations",
              RequestBody::none,
              http::status::ok,
              {{"plan", "规划编号或文号", true}, {"period", "期间", false}, region}}),
      {get,
       "/api/v1/observations/history",
       staff,
       observation_revisions,
       "一个实际值的修订记录（谁、何时、由何值改为何值）",
       "observations",
       RequestBody::none,
       http::status::ok,
       {{"indicator", "指标编号", true}, {"region", "区县或全市", true}, period}},
      {post,
       "/api/v1/observations/import",
       reporters,
       import_observations,
       "上传 CSV（UTF-8 或 GB18030）或 XLSX：全部行无误才保存，否则 422 并列出每个错误行",
       "observations",
       RequestBody::text,
       http::status::ok,
       {{"plan", "规划编号或文号", true}, {"name", "文件名（记为来源）", false}}},
      {get,
       "/api/v1/plans/{id}/template",
       reporters,
       download_template,
       "下载填报模板（xlsx；责任单位填报员得到本单位的模板）",
       "observations",
       RequestBody::none,
       http::status::ok,
       {period, {"unit", "责任单位（默认全部指标）", false}}},

      // Evaluation results are for the people who run and report the plan; published reports
      // go out through the office.
      cached({get,
              "/api/v1/plans/{id}/evaluation",
              staff,
              get_plan_evaluation,
              "各指标在某期间的评估（同 eval --json）",
              "evaluation",
              RequestBody::none,
              http::status::ok,
              {period, region}}),
      cached({get,
              "/api/v1/plans/{id}/scorecards",
              staff,
              get_plan_scorecards,
              "责任单位考核记分卡",
              "evaluation",
              RequestBody::none,
              http::status::ok,
              {period, region}}),
      cached({get,
              "/api/v1/plans/{id}/ranking",
              staff,
              get_plan_ranking,
              "区县（市）赛马排名",
              "evaluation",
              RequestBody::none,
              http::status::ok,
              {period}}),
      cached({get,
              "/api/v1/plans/{id}/trajectory",
              staff,
              get_plan_trajectory,
              "一个指标的轨迹：基数、目标、各期实际值与序时进度",
              "evaluation",
              RequestBody::none,
              http::status::ok,
              {{"indicator", "指标编号", true}}}),
      cached({get,
              "/api/v1/plans/{id}/report",
              office,
              get_plan_report,
              "完成情况报告下载（HTML 或 XLSX）",
              "evaluation",
              RequestBody::none,
              http::status::ok,
              {period, region, {"format", "html（默认）或 xlsx", false}}}),

      // EPCIS 2.0 REST binding. Enterprises capture and read only events about their own
      // products (checked in epcis_api.cpp against the product register).
      {post, "/epcis/capture", epcis_capturers, capture_epcis,
       "采集 EPCIS 2.0 文档（JSON / JSON-LD）：全部存储或全部拒绝，按 eventID 去重；202 "
       "并给出采集任务位置",
       "epcis", RequestBody::json, http::status::accepted},
      {get, "/epcis/capture/{id}", epcis_capturers, get_capture_job, "一个采集任务（captureID）",
       "epcis"},
      {get,
       "/epcis/events",
       epcis_readers,
       list_epcis_events,
       "查询 EPCIS 事件（EPCISQueryDocument，事件原样返回；分页：perPage、nextPageToken、Link "
       "rel=next）",
       "epcis",
       RequestBody::none,
       http::status::ok,
       {{"eventType", "事件类型，可用 | 分隔多个", false},
        {"EQ_bizStep", "业务步骤（CBV 名称或 URI）", false},
        {"EQ_bizLocation", "业务地点（SGLN URN 或 Digital Link）", false},
        {"MATCH_epc", "EPC（URN、Digital Link 或 urn:epc:idpat 模式）", false},
        {"MATCH_anyEPC", "任一角色中的 EPC（含 parentID、输入、输出）", false},
        {"GE_eventTime", "不早于此时间（RFC 3339）", false},
        {"LT_eventTime", "早于此时间（RFC 3339）", false},
        {"perPage", "每页事件数（默认 30，最多 10000）", false},
        {"nextPageToken", "上一页给出的分页标记", false}}},

      {get, "/api/v1/users", admin, list_users, "账户列表", "users"},
      {post, "/api/v1/users", admin, create_user, "新建账户", "users", RequestBody::json,
       http::status::created},
      {patch, "/api/v1/users/{username}", admin, update_user, "停用/启用账户或重设密码", "users",
       RequestBody::json},

      {get,
       "/api/v1/audit",
       admin,
       list_audit,
       "审计日志",
       "audit",
       RequestBody::none,
       http::status::ok,
       {after, limit}},
      {get, "/api/v1/audit/verify", admin, verify_audit, "校验审计日志的哈希链", "audit"},
  };
}

}  // namespace zhiyou::server
