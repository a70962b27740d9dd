// QR codes for GS1 Digital Link URIs (libqrencode), drawn as SVG or PNG.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace zhiyou::trace {

// The modules of a QR code, row by row, true = dark. No quiet zone.
struct QrMatrix {
  int size = 0;  // modules per side
  std::vector<std::uint8_t> dark;

  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)] != 0;
  }
};

// Encodes `text` as bytes (8-bit mode, error correction level M, the smallest version that
// fits). Fails for empty text or text too long for any QR version.
Result<QrMatrix> encode_qr(std::string_view text);

// The four-module quiet zone the QR standard asks for around the symbol.
inline constexpr int kQuietZone = 4;

// An SVG document: one <path> of unit squares on a white background, `module_px` pixels per
// module in width/height (the viewBox is in modules).
std::string render_svg(const QrMatrix& qr, int module_px = 8);

// A PNG file (8-bit greyscale) with `module_px` pixels per module, quiet zone included.
Result<std::string> render_png(const QrMatrix& qr, int module_px = 8);

}  // namespace zhiyou::trace
