// A file named by --out. It is written to a temporary beside it ("PATH.part") and renamed
// into place once complete, so that a failed run leaves the old file, or none, rather than
// half a new one. A device, pipe or symbolic link (/dev/stdout, /dev/full, a link to the
// latest export) is written in place instead: renaming over it would replace the device or
// the link itself (run as root, `--out /dev/full` once turned /dev/full into a CSV file).
#pragma once

#include <string>

#include "core/result.hpp"

namespace zhiyou::cli {

class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();  // removes the temporary unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // The path as given, for messages.
  [[nodiscard]] const std::string& path() const { return path_; }
  // Where to write: the temporary, or the path itself when written in place.
  [[nodiscard]] const std::string& write_path() const { return write_path_; }

  // Renames the written temporary into place (nothing to do in place); an error naming both,
  // the temporary then left as it is, complete.
  Status commit();

 private:
  std::string path_;
  std::string write_path_;
  bool in_place_;
  bool committed_ = false;
};

}  // namespace zhiyou::cli
