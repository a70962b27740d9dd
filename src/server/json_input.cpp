#include "server/json_input.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace zhiyou::server {

Result<boost::json::object> parse_json_object(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return make_error("请求体不是有效的 JSON（" + ec.message() + "）", "body");
  if (!value.is_object()) return make_error("请求体应为 JSON 对象 {…}", "body");
  return std::move(value.as_object());
}

Result<std::string> required_string(const boost::json::object& object, std::string_view field) {
  const boost::json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) {
    return make_error("缺少字段 " + std::string(field), std::string(field));
  }
  if (!value->is_string()) {
    return make_error("字段 " + std::string(field) + " 应为字符串", std::string(field));
  }
  if (value->as_string().empty()) {
    return make_error("字段 " + std::string(field) + " 不能为空", std::string(field));
  }
  return std::string(value->as_string());
}

Result<std::optional<std::string>> optional_string(const boost::json::object& object,
                                                   std::string_view field) {
  const boost::json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) return std::optional<std::string>();
  if (!value->is_string()) {
    return make_error("字段 " + std::string(field) + " 应为字符串", std::string(field));
  }
  return std::optional<std::string>(std::string(value->as_string()));
}

Result<std::optional<bool>> optional_bool(const boost::json::object& object,
                                          std::string_view field) {
  const boost::json::value* value = object.if_contains(field);
  if (value == nullptr || value->is_null()) return std::optional<bool>();
  if (!value->is_bool()) {
    return make_error("字段 " + std::string(field) + " 应为 true 或 false", std::string(field));
  }
  return std::optional<bool>(value->as_bool());
}

Response bad_body(const Error& error) {
  return error_for(http::status::bad_request, error.message, error.place);
}

Error as_field_error(Error error) {
  if (error.place.starts_with("--")) {
    error.place.erase(0, 2);
    std::replace(error.place.begin(), error.place.end(), '-', '_');
  }
  return error;
}

Response invalid_field(const Error& error) {
  return error_for(http::status::unprocessable_entity, error.message, error.place);
}

}  // namespace zhiyou::server
