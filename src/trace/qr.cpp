#include "trace/qr.hpp"

#include <fmt/format.h>

#include <png.h>
#include <qrencode.h>

#include <memory>

namespace zhiyou::trace {
namespace {

struct QrCodeDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

void append_png_bytes(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), length);
}

void flush_nothing(png_structp /*png*/) {}

}  // namespace

Result<QrMatrix> encode_qr(std::string_view text) {
  if (text.empty()) return make_error("二维码内容不能为空");
  const std::string copy(text);  // libqrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, QrCodeDeleter> code(
      QRcode_encodeData(static_cast<int>(copy.size()),
                        reinterpret_cast<const unsigned char*>(copy.data()), 0, QR_ECLEVEL_M));
  if (!code) {
    return make_error("无法生成二维码：内容过长（" + std::to_string(text.size()) +
                      " 字节，纠错等级 M 最多约 2331 字节）");
  }
  QrMatrix qr;
  qr.size = code->width;
  const std::size_t cells = static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size);
  qr.dark.resize(cells);
  for (std::size_t i = 0; i < cells; ++i) qr.dark[i] = code->data[i] & 1;  // bit 0: dark
  return qr;
}

std::string render_svg(const QrMatrix& qr, int module_px) {
  const int side = qr.size + 2 * kQuietZone;
  std::string out = fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{0}" height="{0}" viewBox="0 0 {1} {1}" shape-rendering="crispEdges">
<rect width="100%" height="100%" fill="#fff"/>
<path fill="#000" d=")",
      side * module_px, side);
  for (int y = 0; y < qr.size; ++y) {
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.at(x, y)) continue;
      out += 'M';
      out += std::to_string(x + kQuietZone);
      out += ' ';
      out += std::to_string(y + kQuietZone);
      out += "h1v1h-1z";
    }
  }
  out += R"("/>)"
         "\n</svg>\n";
  return out;
}

Result<std::string> render_png(const QrMatrix& qr, int module_px) {
  if (module_px < 1 || module_px > 64) return make_error("每个模块的像素数应在 1 到 64 之间");
  const int side = (qr.size + 2 * kQuietZone) * module_px;
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return make_error("无法生成 PNG：libpng 初始化失败");
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return make_error("无法生成 PNG：libpng 初始化失败");
  }
  std::vector<png_byte> row(static_cast<std::size_t>(side));
  // libpng reports errors by longjmp; nothing with a destructor is created below this point
  // except what already exists above.
  if (setjmp(png_jmpbuf(png))) {  // NOLINT(cert-err52-cpp): libpng's error protocol
    png_destroy_write_struct(&png, &info);
    return make_error("无法生成 PNG：libpng 出错");
  }
  png_set_write_fn(png, &out, append_png_bytes, flush_nothing);
  png_set_IHDR(png, info, static_cast<png_uint_32>(side), static_cast<png_uint_32>(side), 8,
               PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int py = 0; py < side; ++py) {
    const int y = py / module_px - kQuietZone;
    for (int px = 0; px < side; ++px) {
      const int x = px / module_px - kQuietZone;
      const bool dark = x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.at(x, y);
      row[static_cast<std::size_t>(px)] = dark ? 0 : 255;
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace zhiyou::trace
