// QR codes drawn by trace/qr.hpp, read back by zxing-cpp: what is printed scans as the
// URI that was encoded.
#include <gtest/gtest.h>
#include <png.h>

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>

#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "trace/qr.hpp"

namespace zhiyou::trace {
namespace {

struct Gray {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// Reads a PNG held in memory with libpng's simplified API, as 8-bit grey.
Gray decode_png(const std::string& bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  EXPECT_NE(png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()), 0)
      << image.message;
  image.format = PNG_FORMAT_GRAY;
  Gray gray;
  gray.width = static_cast<int>(image.width);
  gray.height = static_cast<int>(image.height);
  gray.pixels.resize(PNG_IMAGE_SIZE(image));
  EXPECT_NE(png_image_finish_read(&image, nullptr, gray.pixels.data(), 0, nullptr), 0)
      << image.message;
  return gray;
}

std::string scan(const Gray& gray) {
  const ZXing::ImageView view(gray.pixels.data(), gray.width, gray.height, ZXing::ImageFormat::Lum);
  const auto result =
      ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
  EXPECT_TRUE(result.isValid()) << "zxing found no QR code";
  return result.text();
}

// Draws the SVG's unit squares ("Mx yh1v1h-1z") on white at `px` pixels per unit: the
// test's own small rasteriser, enough for the one path render_svg writes.
Gray rasterise_svg(const std::string& svg, int px) {
  std::smatch box;
  EXPECT_TRUE(std::regex_search(svg, box, std::regex(R"(viewBox="0 0 (\d+) (\d+)\")")));
  const int side = std::stoi(box[1]);
  Gray gray{side * px, side * px, {}};
  gray.pixels.assign(static_cast<std::size_t>(gray.width * gray.height), 255);
  const std::regex square(R"(M(\d+) (\d+)h1v1h-1z)");
  int squares = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), square); it != std::sregex_iterator();
       ++it) {
    const int x = std::stoi((*it)[1]);
    const int y = std::stoi((*it)[2]);
    for (int dy = 0; dy < px; ++dy) {
      for (int dx = 0; dx < px; ++dx) {
        gray.pixels[static_cast<std::size_t>((y * px + dy) * gray.width + x * px + dx)] = 0;
      }
    }
    ++squares;
  }
  EXPECT_GT(squares, 0);
  return gray;
}

const char* const kUris[] = {
    "https://id.gs1.org/01/09506000134352/10/ABC/21/5gm6F7Wrbegk?17=271231",
    "https://nb.example.cn/01/09506000134352/10/A%281%29%2CB/21/1",
    "https://id.gs1.org/00/006141411234567890",
};

TEST(Qr, PngScansAsTheEncodedUri) {
  for (const char* uri : kUris) {
    auto qr = encode_qr(uri);
    ASSERT_TRUE(qr.ok()) << qr.error().message;
    auto png = render_png(*qr, 4);
    ASSERT_TRUE(png.ok()) << png.error().message;
    const Gray gray = decode_png(*png);
    EXPECT_EQ(gray.width, (qr->size + 2 * kQuietZone) * 4);
    EXPECT_EQ(scan(gray), uri);
  }
}

TEST(Qr, SvgScansAsTheEncodedUri) {
  for (const char* uri : kUris) {
    auto qr = encode_qr(uri);
    ASSERT_TRUE(qr.ok());
    const std::string svg = render_svg(*qr);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    EXPECT_EQ(scan(rasterise_svg(svg, 4)), uri);
  }
}

TEST(Qr, DarkModulesMatchBetweenSvgAndMatrix) {
  auto qr = encode_qr(kUris[0]);
  ASSERT_TRUE(qr.ok());
  int dark = 0;
  for (auto d : qr->dark) dark += d;
  const std::string svg = render_svg(*qr);
  int squares = 0;
  for (std::size_t at = svg.find("h1v1h-1z"); at != std::string::npos;
       at = svg.find("h1v1h-1z", at + 1)) {
    ++squares;
  }
  EXPECT_EQ(squares, dark);
  // Finder pattern: the top-left 7×7 has a dark border.
  for (int i = 0; i < 7; ++i) {
    EXPECT_TRUE(qr->at(i, 0));
    EXPECT_TRUE(qr->at(0, i));
  }
}

TEST(Qr, EmptyAndOversizedTextAreErrors) {
  EXPECT_FALSE(encode_qr("").ok());
  const auto huge = encode_qr(std::string(5000, 'A'));
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("过长"), std::string::npos);
}

TEST(Qr, PngRejectsABadScale) {
  auto qr = encode_qr(kUris[0]);
  ASSERT_TRUE(qr.ok());
  EXPECT_FALSE(render_png(*qr, 0).ok());
}

}  // namespace
}  // namespace zhiyou::trace
