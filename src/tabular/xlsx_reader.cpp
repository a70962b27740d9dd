#include "tabular/xlsx_reader.hpp"

#include <expat.h>
#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zhiyou::tabular {
namespace {

constexpr std::size_t kMaxPartBytes = 64U << 20U;
constexpr std::size_t kMaxColumns = 16384;  // XFD, Excel's last column
constexpr std::size_t kMaxRow = 1048576;

// ---- the zip, read from memory through minizip's I/O callbacks ----

struct MemoryFile {
  std::string_view data;
  std::size_t pos = 0;
};

voidpf ZCALLBACK mem_open(voidpf opaque, const void* /*name*/, int /*mode*/) { return opaque; }

uLong ZCALLBACK mem_read(voidpf /*opaque*/, voidpf stream, void* buf, uLong size) {
  auto* f = static_cast<MemoryFile*>(stream);
  const std::size_t n = std::min<std::size_t>(size, f->data.size() - f->pos);
  std::memcpy(buf, f->data.data() + f->pos, n);
  f->pos += n;
  return static_cast<uLong>(n);
}

uLong ZCALLBACK mem_write(voidpf /*opaque*/, voidpf /*stream*/, const void* /*buffer*/,
                          uLong /*size*/) {
  return 0;  // read only
}

ZPOS64_T ZCALLBACK mem_tell(voidpf /*opaque*/, voidpf stream) {
  return static_cast<MemoryFile*>(stream)->pos;
}

long ZCALLBACK mem_seek(voidpf /*opaque*/, voidpf stream, ZPOS64_T offset, int origin) {
  auto* f = static_cast<MemoryFile*>(stream);
  std::size_t base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
    base = f->pos;
  } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
    base = f->data.size();
  }
  if (offset > f->data.size() - base) return -1;
  f->pos = base + static_cast<std::size_t>(offset);
  return 0;
}

int ZCALLBACK mem_close(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }
int ZCALLBACK mem_error(voidpf /*opaque*/, voidpf /*stream*/) { return 0; }

struct UnzCloser {
  void operator()(void* zip) const { unzClose(zip); }
};

class Zip {
 public:
  explicit Zip(std::string_view bytes) : file_{bytes, 0} {
    zlib_filefunc64_def functions{};
    functions.zopen64_file = mem_open;
    functions.zread_file = mem_read;
    functions.zwrite_file = mem_write;
    functions.ztell64_file = mem_tell;
    functions.zseek64_file = mem_seek;
    functions.zclose_file = mem_close;
    functions.zerror_file = mem_error;
    functions.opaque = &file_;
    zip_.reset(unzOpen2_64("memory.xlsx", &functions));
  }

  [[nodiscard]] bool opened() const { return zip_ != nullptr; }

  // The part's bytes; nullopt when absent; an error when unreadable or too large.
  Result<std::optional<std::string>> read(const std::string& name) {
    if (unzLocateFile(zip_.get(), name.c_str(), 2) != UNZ_OK) {  // 2: case-insensitive
      return std::optional<std::string>();
    }
    if (unzOpenCurrentFile(zip_.get()) != UNZ_OK) {
      return make_error("无法解压 " + name + "（文件已损坏或加密）");
    }
    std::string out;
    char buffer[16384];
    int n = 0;
    while ((n = unzReadCurrentFile(zip_.get(), buffer, sizeof buffer)) > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > kMaxPartBytes) {
        unzCloseCurrentFile(zip_.get());
        return make_error(name + " 解压后超过 64 MiB，不予读取");
      }
    }
    const int closed = unzCloseCurrentFile(zip_.get());
    if (n < 0 || closed != UNZ_OK) {
      return make_error("无法解压 " + name + "（文件已损坏）");
    }
    return std::optional<std::string>(std::move(out));
  }

 private:
  MemoryFile file_;
  std::unique_ptr<void, UnzCloser> zip_;
};

// ---- XML through expat, with namespaces reduced to local names ----

std::string_view local_name(const XML_Char* name) {
  std::string_view s(name);
  const auto bar = s.rfind('|');
  return bar == std::string_view::npos ? s : s.substr(bar + 1);
}

std::string attribute(const XML_Char** attributes, std::string_view local) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (local_name(attributes[i]) == local) return attributes[i + 1];
  }
  return {};
}

struct XmlHandlers {
  std::function<void(std::string_view, const XML_Char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
  std::string error;  // set by a handler to stop the parse
};

struct ParserFree {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

Status parse_xml(const std::string& part, std::string_view xml, XmlHandlers& handlers) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreateNS(nullptr, '|'));
  XML_Parser p = parser.get();
  XML_SetUserData(p, &handlers);
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* h = static_cast<XmlHandlers*>(data);
        if (h->start) h->start(local_name(name), attributes);
      },
      [](void* data, const XML_Char* name) {
        auto* h = static_cast<XmlHandlers*>(data);
        if (h->end) h->end(local_name(name));
      });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* s, int len) {
    auto* h = static_cast<XmlHandlers*>(data);
    if (h->text) h->text(std::string_view(s, static_cast<std::size_t>(len)));
  });
  // Spreadsheet parts have no DTD; refusing one rules out entity expansion attacks.
  XML_SetStartDoctypeDeclHandler(
      p, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* h = static_cast<XmlHandlers*>(data);
        h->error = "含有 DOCTYPE 声明";
      });
  std::size_t offset = 0;
  // Fed in chunks so the stop check after a handler error happens early.
  constexpr std::size_t kChunk = 1U << 20U;
  do {
    const std::size_t n = std::min(kChunk, xml.size() - offset);
    const bool last = offset + n == xml.size();
    const auto status = XML_Parse(p, xml.data() + offset, static_cast<int>(n), last ? 1 : 0);
    if (status != XML_STATUS_OK) {
      return make_error(part + " 不是有效的 XML: " + XML_ErrorString(XML_GetErrorCode(p)) +
                        "（第 " + std::to_string(XML_GetCurrentLineNumber(p)) + " 行）");
    }
    if (!handlers.error.empty()) {
      return make_error(part + ": " + handlers.error);
    }
    offset += n;
  } while (offset < xml.size());
  return Ok{};
}

// ---- the workbook's parts ----

// xl/workbook.xml's first <sheet>, resolved through xl/_rels/workbook.xml.rels.
Result<std::string> first_sheet_part(Zip& zip) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  auto workbook = zip.read("xl/workbook.xml");
  if (!workbook) return workbook.error();
  auto rels = zip.read("xl/_rels/workbook.xml.rels");
  if (!rels) return rels.error();
  if (!*workbook || !*rels) return fallback;
  std::string rel_id;
  XmlHandlers on_workbook;
  on_workbook.start = [&](std::string_view name, const XML_Char** attributes) {
    if (name == "sheet" && rel_id.empty()) rel_id = attribute(attributes, "id");
  };
  if (Status s = parse_xml("xl/workbook.xml", **workbook, on_workbook); !s) return s.error();
  std::string target;
  XmlHandlers on_rels;
  on_rels.start = [&](std::string_view name, const XML_Char** attributes) {
    if (name == "Relationship" && attribute(attributes, "Id") == rel_id) {
      target = attribute(attributes, "Target");
    }
  };
  if (Status s = parse_xml("xl/_rels/workbook.xml.rels", **rels, on_rels); !s) return s.error();
  if (rel_id.empty() || target.empty()) return fallback;
  if (target.starts_with("/")) return target.substr(1);
  return "xl/" + target;
}

Result<std::vector<std::string>> shared_strings(Zip& zip) {
  const std::string part = "xl/sharedStrings.xml";
  auto xml = zip.read(part);
  if (!xml) return xml.error();
  std::vector<std::string> strings;
  if (!*xml) return strings;
  bool in_si = false;
  bool in_t = false;
  int in_phonetic = 0;  // <rPh>: furigana-style readings, not part of the text
  XmlHandlers h;
  h.start = [&](std::string_view name, const XML_Char**) {
    if (name == "si") {
      in_si = true;
      strings.emplace_back();
    } else if (name == "rPh") {
      ++in_phonetic;
    } else if (name == "t") {
      in_t = true;
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "si") in_si = false;
    if (name == "rPh") --in_phonetic;
    if (name == "t") in_t = false;
  };
  h.text = [&](std::string_view s) {
    if (in_si && in_t && in_phonetic == 0) strings.back() += s;
  };
  if (Status s = parse_xml(part, **xml, h); !s) return s.error();
  return strings;
}

struct CellRef {
  std::size_t column = 0;  // 0-based
  std::size_t row = 0;     // 1-based; 0 when the reference has no digits
};

std::optional<CellRef> parse_ref(std::string_view ref) {
  CellRef out;
  std::size_t i = 0;
  std::size_t column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (column == 0) return std::nullopt;
  out.column = column - 1;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    out.row = out.row * 10 + static_cast<std::size_t>(ref[i] - '0');
    if (out.row > kMaxRow) return std::nullopt;
    ++i;
  }
  if (i != ref.size()) return std::nullopt;
  return out;
}

// Collects cells of one worksheet part.
class SheetReader {
 public:
  explicit SheetReader(const std::vector<std::string>& strings) : strings_(strings) {}

  void start(std::string_view name, const XML_Char** attributes) {
    if (name == "row") {
      const std::string r = attribute(attributes, "r");
      std::size_t number = next_row_;
      if (!r.empty()) {
        const auto ref = parse_ref("A" + r);
        if (!ref || ref->row == 0) return fail("行号 " + r + " 无效");
        number = ref->row;
      }
      row_ = Row{number, {}};
      next_row_ = number + 1;
      next_column_ = 0;
    } else if (name == "c") {
      const std::string r = attribute(attributes, "r");
      cell_column_ = next_column_;
      cell_ref_ = r;
      if (!r.empty()) {
        const auto ref = parse_ref(r);
        if (!ref) return fail("单元格引用 " + r + " 无效");
        cell_column_ = ref->column;
      }
      if (cell_column_ >= kMaxColumns) return fail("列数超过 Excel 上限");
      type_ = attribute(attributes, "t");
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || name == "t")) {
      collecting_ = true;
    } else if (in_cell_ && name == "rPh") {
      ++in_phonetic_;
    }
  }

  void end(std::string_view name) {
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      finish_cell();
    } else if (name == "row") {
      const bool blank = std::all_of(row_.cells.begin(), row_.cells.end(),
                                     [](const std::string& c) { return c.empty(); });
      if (!blank) table_.rows.push_back(std::move(row_));
      row_ = Row{};
    }
  }

  void text(std::string_view s) {
    if (collecting_ && in_phonetic_ == 0) value_ += s;
  }

  [[nodiscard]] const std::string& error() const { return error_; }
  Table take() { return std::move(table_); }

 private:
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  void finish_cell() {
    std::string text;
    if (type_ == "s") {
      std::size_t index = 0;
      const bool digits =
          !value_.empty() && value_.size() < 10 &&
          std::all_of(value_.begin(), value_.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits) index = std::stoul(value_);
      if (!digits || index >= strings_.size()) {
        return fail("单元格 " + cell_ref_ + " 的共享字符串编号 " + value_ + " 不存在");
      }
      text = strings_[index];
    } else if (type_ == "b") {
      text = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else {
      text = std::move(value_);  // n (number), str (formula text), inlineStr, e (error), d
    }
    value_.clear();
    if (row_.cells.size() <= cell_column_) row_.cells.resize(cell_column_ + 1);
    row_.cells[cell_column_] = std::move(text);
    next_column_ = cell_column_ + 1;
  }

  const std::vector<std::string>& strings_;
  Table table_;
  Row row_;
  std::size_t next_row_ = 1;
  std::size_t next_column_ = 0;
  std::size_t cell_column_ = 0;
  std::string cell_ref_;
  std::string type_;
  std::string value_;
  bool in_cell_ = false;
  bool collecting_ = false;
  int in_phonetic_ = 0;
  std::string error_;
};

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

Result<Table> parse_xlsx(std::string_view bytes) {
  Zip zip(bytes);
  if (!zip.opened()) {
    return make_error("不是 xlsx 文件（无法按 zip 压缩包打开）");
  }
  auto part = first_sheet_part(zip);
  if (!part) return part.error();
  auto xml = zip.read(*part);
  if (!xml) return xml.error();
  if (!*xml) {
    return make_error("不是 xlsx 文件（压缩包里没有工作表 " + *part + "）");
  }
  auto strings = shared_strings(zip);
  if (!strings) return strings.error();
  SheetReader reader(*strings);
  XmlHandlers h;
  h.start = [&](std::string_view name, const XML_Char** attributes) {
    reader.start(name, attributes);
    if (!reader.error().empty()) h.error = reader.error();
  };
  h.end = [&](std::string_view name) {
    reader.end(name);
    if (!reader.error().empty()) h.error = reader.error();
  };
  h.text = [&](std::string_view s) { reader.text(s); };
  if (Status s = parse_xml(*part, **xml, h); !s) return s.error();
  return reader.take();
}

}  // namespace zhiyou::tabular
