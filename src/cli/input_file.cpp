#include "cli/input_file.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/app.hpp"

namespace zhiyou::cli {

Result<std::string> read_input_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return make_error(path + ": 是目录，不是文件");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(path + ": 无法读取文件（不存在或没有权限）");
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string read_input_file_or_fail(const std::string& path) {
  auto content = read_input_file(path);
  if (!content) throw UserError{content.error().message};
  return std::move(content).value();
}

}  // namespace zhiyou::cli
