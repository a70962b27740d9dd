// An .xlsx file as a download. libxlsxwriter writes files only: `write` fills a private
// temporary file, which is read back into the response and removed.
#pragma once

#include <functional>
#include <string>

#include "core/result.hpp"
#include "server/http.hpp"

namespace zhiyou::server {

// 200 with the workbook `write` produced at the path it is given, as an attachment named
// `filename` (ASCII). A failed write is the server's fault: it throws (see fail()).
Response xlsx_download(const std::function<Status(const std::string& path)>& write,
                       const std::string& filename);

}  // namespace zhiyou::server
