#include "tabular/read_table.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tabular/xlsx_reader.hpp"

namespace zhiyou::tabular {
namespace {

std::string lower_extension(std::string_view name) {
  std::string ext = std::filesystem::path(std::string(name)).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Old Excel (.xls) and WPS (.et) files are OLE compound documents.
bool looks_like_ole(std::string_view bytes) {
  return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

char guess_delimiter(std::string_view text) {
  const std::string_view first_line = text.substr(0, text.find('\n'));
  const auto tabs = std::count(first_line.begin(), first_line.end(), '\t');
  const auto commas = std::count(first_line.begin(), first_line.end(), ',');
  return tabs > 0 && commas == 0 ? '\t' : ',';
}

Error with_file(std::string_view name, Error error) {
  error.place = error.place.empty() ? std::string(name) : std::string(name) + " " + error.place;
  return error;
}

}  // namespace

Result<ReadTable> parse_table(std::string_view bytes, std::string_view name) {
  const std::string ext = lower_extension(name);
  if (looks_like_zip(bytes)) {
    auto table = parse_xlsx(bytes);
    if (!table) return with_file(name, table.error());
    return ReadTable{std::move(table).value(), FileFormat::xlsx, SourceEncoding::utf8};
  }
  if (looks_like_ole(bytes) || ext == ".xls" || ext == ".et") {
    return with_file(name,
                     make_error("是旧版 Excel（.xls）或 WPS 格式，请另存为 .xlsx 或 CSV 后再导入"));
  }
  if (ext == ".xlsx" || ext == ".xlsm") {
    return with_file(
        name, make_error("不是 xlsx 文件（文件内容不是 zip 压缩包，可能已损坏或改过扩展名）"));
  }
  auto decoded = decode_text(bytes);
  if (!decoded) return with_file(name, decoded.error());
  auto table = parse_csv(decoded->text, guess_delimiter(decoded->text));
  if (!table) return with_file(name, table.error());
  return ReadTable{std::move(table).value(), FileFormat::csv, decoded->encoding};
}

Result<ReadTable> read_table(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return make_error("是目录，不是文件", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error("无法读取文件（不存在或没有权限）", path);
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return parse_table(bytes.str(), path);
}

}  // namespace zhiyou::tabular
