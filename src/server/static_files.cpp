#include "server/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/hash.hpp"

namespace zhiyou::server {
namespace fs = std::filesystem;
namespace {

// Only plain names: no "..", no hidden files, no empty segments or backslashes.
bool safe_relative(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part.empty() || part.front() == '.' || part.find('\\') != std::string_view::npos ||
        part.find('\0') != std::string_view::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

bool is_hashed_asset(std::string_view relative) { return relative.rfind("assets/", 0) == 0; }

}  // namespace

std::string_view content_type_for(const fs::path& path) {
  static const std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  }};
  const std::string ext = path.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (ext == known) return type;
  }
  return "application/octet-stream";
}

std::shared_ptr<const StaticFiles::File> StaticFiles::load(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return nullptr;
  const auto mtime = fs::last_write_time(path, ec);
  const auto size = fs::file_size(path, ec);
  if (ec) return nullptr;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(path.string());
    if (it != cache_.end() && it->second->mtime == mtime && it->second->size == size) {
      return it->second;
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::ostringstream text;
  text << in.rdbuf();
  auto file = std::make_shared<File>();
  file->mtime = mtime;
  file->size = size;
  file->content = std::make_shared<const std::string>(std::move(text).str());
  file->etag = "\"" + sha256_hex(*file->content).substr(0, 20) + "\"";
  std::lock_guard lock(mutex_);
  cache_[path.string()] = file;
  return file;
}

std::optional<Response> StaticFiles::serve(const Request& request, std::string_view path) {
  std::string relative(path.substr(path.empty() || path[0] != '/' ? 0 : 1));
  if (relative.empty()) relative = "index.html";
  if (!safe_relative(relative)) return std::nullopt;
  fs::path file_path = root_ / relative;
  auto file = load(file_path);
  if (!file && !fs::path(relative).has_extension()) {
    relative = "index.html";
    file_path = root_ / relative;
    file = load(file_path);
  }
  if (!file) return std::nullopt;

  Response res{http::status::ok, request.version()};
  res.set(http::field::content_type, content_type_for(file_path));
  res.set(http::field::etag, file->etag);
  res.set(http::field::cache_control,
          is_hashed_asset(relative) ? "public, max-age=31536000, immutable" : "no-cache");
  if (request[http::field::if_none_match] == file->etag) {
    res.result(http::status::not_modified);
    return res;
  }
  if (request.method() == http::verb::head) {
    res.content_length(file->content->size());
    return res;
  }
  res.body() = *file->content;
  res.prepare_payload();
  return res;
}

}  // namespace zhiyou::server
