// The web UI's files (web/dist): GET and HEAD of any path outside /api. A path with no
// file and no extension gets index.html, so the UI's own routes (/plans/p123) load the UI.
// Files are read once and kept in memory until their size or mtime changes. Vite's hashed
// assets (/assets/index-3f2a9c1b.js) are cached for a year; everything else is revalidated
// with its ETag.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/http.hpp"

namespace zhiyou::server {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // The response for `path` (already percent-decoded), or nullopt when neither the file nor
  // the index.html fallback applies.
  std::optional<Response> serve(const Request& request, std::string_view path);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  struct File {
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
    std::shared_ptr<const std::string> content;
    std::string etag;
  };

  std::shared_ptr<const File> load(const std::filesystem::path& path);

  std::filesystem::path root_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const File>> cache_;
};

// "text/javascript; charset=utf-8" for "app.js", … ; application/octet-stream when unknown.
std::string_view content_type_for(const std::filesystem::path& path);

}  // namespace zhiyou::server
