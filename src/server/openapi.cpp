#include "server/openapi.hpp"

#include <boost/json.hpp>

namespace zhiyou::server {
namespace {

boost::json::value error_response_doc(std::string_view description) {
  return boost::json::object{
      {"description", description},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

boost::json::array path_parameters(const std::string& pattern) {
  boost::json::array params;
  std::size_t open = pattern.find('{');
  while (open != std::string::npos) {
    const std::size_t close = pattern.find('}', open);
    params.push_back(boost::json::object{{"name", pattern.substr(open + 1, close - open - 1)},
                                         {"in", "path"},
                                         {"required", true},
                                         {"schema", {{"type", "string"}}}});
    open = pattern.find('{', close);
  }
  return params;
}

boost::json::object operation(const Route& route) {
  boost::json::object op{
      {"summary", route.summary},
      {"tags", boost::json::array{boost::json::string(route.tag)}},
      {"operationId", std::string(http::to_string(route.method)) + " " + route.pattern}};
  boost::json::array roles;
  for (people::Role role : route.roles) roles.emplace_back(people::role_name(role));
  op["x-roles"] = std::move(roles);
  boost::json::array parameters = path_parameters(route.pattern);
  for (const QueryParameter& q : route.query) {
    parameters.push_back(boost::json::object{{"name", q.name},
                                             {"in", "query"},
                                             {"required", q.required},
                                             {"description", q.description},
                                             {"schema", {{"type", "string"}}}});
  }
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (route.body == RequestBody::json) {
    op["requestBody"] = {{"required", true},
                         {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  } else if (route.body == RequestBody::text) {
    op["requestBody"] = {
        {"required", true},
        {"content", {{"text/plain; charset=utf-8", {{"schema", {{"type", "string"}}}}}}}};
  } else if (route.body == RequestBody::spreadsheet) {
    const boost::json::object bytes{{"schema", {{"type", "string"}, {"format", "binary"}}}};
    op["requestBody"] = {
        {"required", true},
        {"description", "文件原样作为请求体：CSV（UTF-8 或 GB18030）或 XLSX"},
        {"content",
         {{"text/csv", bytes},
          {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes},
          {"application/octet-stream", bytes}}}};
  }
  boost::json::object responses;
  responses[std::to_string(static_cast<unsigned>(route.success))] = {{"description", "成功"}};
  if (route.body != RequestBody::none || !route.query.empty()) {
    responses["400"] = error_response_doc("请求格式错误");
  }
  if (route.body != RequestBody::none) {
    responses["413"] = error_response_doc("请求体过大");
    responses["422"] = error_response_doc("内容不合要求（字段见 error.field）");
  }
  if (!route.is_public()) {
    responses["401"] = error_response_doc("未登录或令牌已失效");
    responses["403"] = error_response_doc("当前角色无权执行此操作");
    op["security"] = boost::json::array{boost::json::object{{"bearer", boost::json::array{}}}};
  }
  if (route.pattern.find('{') != std::string::npos) responses["404"] = error_response_doc("不存在");
  op["responses"] = std::move(responses);
  return op;
}

}  // namespace

boost::json::value openapi_document(const std::vector<Route>& routes) {
  boost::json::object paths;
  for (const Route& route : routes) {
    std::string method(http::to_string(route.method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    boost::json::value& path = paths[route.pattern];
    if (!path.is_object()) path.emplace_object();
    path.as_object()[method] = operation(route);
  }
  boost::json::object error_schema{{"type", "object"},
                                   {"required", {"error"}},
                                   {"properties",
                                    {{"error",
                                      {{"type", "object"},
                                       {"required", {"code", "message"}},
                                       {"properties",
                                        {{"code", {{"type", "string"}}},
                                         {"message", {{"type", "string"}}},
                                         {"field", {{"type", "string"}}}}}}}}}};
  return boost::json::object{
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "质优 Zhiyou API"},
        {"version", "1"},
        {"description",
         "质量治理平台的 HTTP API。错误一律为 {\"error\":{\"code\",\"message\"}}。"}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", {{"Error", std::move(error_schema)}}},
        {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
}

}  // namespace zhiyou::server
