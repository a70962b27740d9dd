#include "trace/gs1/code_lists.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace zhiyou::trace::gs1 {
namespace {

// ISO 3166-1 numeric-3 country codes: the 249 entries of ISO 3166-1:2020 as maintained by
// the ISO 3166 Maintenance Agency to 2025 (the same 249 as Debian's iso-codes 4.15).
constexpr std::string_view kIso3166Numeric =
    "004 008 010 012 016 020 024 028 031 032 036 040 044 048 050 051 052 056 060 064 "
    "068 070 072 074 076 084 086 090 092 096 100 104 108 112 116 120 124 132 136 140 "
    "144 148 152 156 158 162 166 170 174 175 178 180 184 188 191 192 196 203 204 208 "
    "212 214 218 222 226 231 232 233 234 238 239 242 246 248 250 254 258 260 262 266 "
    "268 270 275 276 288 292 296 300 304 308 312 316 320 324 328 332 334 336 340 344 "
    "348 352 356 360 364 368 372 376 380 384 388 392 398 400 404 408 410 414 417 418 "
    "422 426 428 430 434 438 440 442 446 450 454 458 462 466 470 474 478 480 484 492 "
    "496 498 499 500 504 508 512 516 520 524 528 531 533 534 535 540 548 554 558 562 "
    "566 570 574 578 580 581 583 584 585 586 591 598 600 604 608 612 616 620 624 626 "
    "630 634 638 642 643 646 652 654 659 660 662 663 666 670 674 678 682 686 688 690 "
    "694 702 703 704 705 706 710 716 724 728 729 732 740 744 748 752 756 760 762 764 "
    "768 772 776 780 784 788 792 795 796 798 800 804 807 818 826 831 832 833 834 840 "
    "850 854 858 860 862 876 882 887 894";

// ISO 3166-1 alpha-2 codes of the same 249 entries (user-assigned and reserved codes such
// as XK or EU are not in ISO 3166-1 and are refused, as GS1 does).
constexpr std::string_view kIso3166Alpha2 =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL "
    "BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV "
    "CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD "
    "GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM "
    "IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK "
    "LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW "
    "MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR "
    "PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS "
    "ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY "
    "UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

// ISO 4217 numeric currency and fund codes (list one) as amended to 2025: ZWG 924 and XAD
// 396 are in; the withdrawn HRK 191, CUC 931, SLL 694 and ZWL 932 are out. The same list as
// GS1's Barcode Syntax Engine uses.
constexpr std::string_view kIso4217Numeric =
    "008 012 032 036 044 048 050 051 052 060 064 068 072 084 090 096 104 108 116 124 "
    "132 136 144 152 156 170 174 188 192 203 208 214 222 230 232 238 242 262 270 292 "
    "320 324 328 332 340 344 348 352 356 360 364 368 376 388 392 396 398 400 404 408 "
    "410 414 417 418 422 426 430 434 446 454 458 462 480 484 496 498 504 512 516 524 "
    "532 533 548 554 558 566 578 586 590 598 600 604 608 634 643 646 654 682 690 702 "
    "704 706 710 728 748 752 756 760 764 776 780 784 788 800 807 818 826 834 840 858 "
    "860 882 886 901 924 925 926 927 928 929 930 933 934 936 938 940 941 943 944 946 "
    "947 948 949 950 951 952 953 955 956 957 958 959 960 961 962 963 964 965 967 968 "
    "969 970 971 972 973 975 976 977 978 979 980 981 984 985 986 990 994 997 999";

// GS1 PackageTypeCode (GS1 code list, version of 2024): the UN/ECE Recommendation 21 codes
// with GS1's additions (200-212, APE, BGE, ...), as GS1's Barcode Syntax Engine lists them.
constexpr std::string_view kPackageTypes =
    "1A 1B 1D 1F 1G 1W 200 201 202 203 204 205 206 210 211 212 2C 3A 3H 43 "
    "44 4A 4B 4C 4D 4F 4G 4H 5H 5L 5M 6H 6P 7A 7B 8 8A 8B 8C 9 "
    "AA AB AC AD AF AG AH AI AJ AL AM AP APE AT AV B4 BB BC BD BE "
    "BF BG BGE BH BI BJ BK BL BM BME BN BO BP BQ BR BRI BS BT BU BV "
    "BW BX BY BZ CA CB CBL CC CCE CD CE CF CG CH CI CJ CK CL CM CN "
    "CO CP CQ CR CS CT CU CV CW CX CY CZ DA DB DC DG DH DI DJ DK "
    "DL DM DN DP DPE DR DS DT DU DV DW DX DY E1 E2 E3 EC ED EE EF "
    "EG EH EI EN FB FC FD FE FI FL FO FOB FP FPE FR FT FW FX GB GI "
    "GL GR GU GY GZ HA HB HC HG HN HR IA IB IC ID IE IF IG IH IK "
    "IL IN IZ JB JC JG JR JT JY KG KI LAB LE LG LT LU LV LZ MA MB "
    "MC ME MPE MR MS MT MW MX NA NE NF NG NS NT NU NV OA OB OC OD "
    "OE OF OK OPE OT OU P2 PA PAE PB PC PD PE PF PG PH PI PJ PK PL "
    "PLP PN PO POP PP PPE PR PT PU PUE PV PX PY PZ QA QB QC QD QF QG "
    "QH QJ QK QL QM QN QP QQ QR QS RB1 RB2 RB3 RCB RD RG RJ RK RL RO "
    "RT RZ S1 SA SB SC SD SE SEC SH SI SK SL SM SO SP SS ST STL SU "
    "SV SW SX SY SZ T1 TB TC TD TE TEV TG THE TI TK TL TN TO TR TRE "
    "TS TT TTE TU TV TW TWE TY TZ UC UN UUE VA VG VI VK VL VN VO VP "
    "VQ VR VS VY WA WB WC WD WF WG WH WJ WK WL WM WN WP WQ WR WRP "
    "WS WT WU WV WW WX WY WZ X11 X12 X15 X16 X17 X18 X19 X20 X3 XA XB XC "
    "XD XF XG XH XJ XK YA YB YC YD YF YG YH YJ YK YL YM YN YP YQ "
    "YR YS YT YV YW YX YY YZ ZA ZB ZC ZD ZF ZG ZH ZJ ZK ZL ZM ZN "
    "ZP ZQ ZR ZS ZT ZU ZV ZW ZX ZY ZZ";

constexpr int digit(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }
constexpr int letter(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' : -1; }

// Each list is a bit set indexed by a number computed from the code; -1 for a code of the
// wrong shape. Three digits: their value (0-999).
constexpr long three_digit_number(std::string_view code) {
  if (code.size() != 3 || digit(code[0]) < 0 || digit(code[1]) < 0 || digit(code[2]) < 0) {
    return -1;
  }
  return digit(code[0]) * 100L + digit(code[1]) * 10L + digit(code[2]);
}

// Two letters: AA = 0 ... ZZ = 675.
constexpr long two_letter_number(std::string_view code) {
  if (code.size() != 2 || letter(code[0]) < 0 || letter(code[1]) < 0) return -1;
  return letter(code[0]) * 26L + letter(code[1]);
}

// One to three characters of 0-9 A-Z: base-37 digits 1-36, 0 for "no character", so that
// "8", "8A" and "8AB" differ.
constexpr long short_code_number(std::string_view code) {
  if (code.empty() || code.size() > 3) return -1;
  long n = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    int d = 0;
    if (i < code.size()) {
      d = digit(code[i]) >= 0    ? 1 + digit(code[i])
          : letter(code[i]) >= 0 ? 11 + letter(code[i])
                                 : -1;
    }
    if (d < 0) return -1;
    n = n * 37 + d;
  }
  return n;
}

using Numbering = long (*)(std::string_view);

template <std::size_t Bits, Numbering Number>
class CodeSet {
 public:
  // The space-separated codes of `list`; a code of the wrong shape is a compile error.
  consteval explicit CodeSet(std::string_view list) {
    while (!list.empty()) {
      const std::size_t space = list.find(' ');
      const long n = Number(list.substr(0, space));
      if (n < 0 || static_cast<std::size_t>(n) >= Bits) throw "bad code in a code list";
      words_[static_cast<std::size_t>(n) / 64] |= std::uint64_t{1}
                                                  << (static_cast<std::size_t>(n) % 64);
      list.remove_prefix(space == std::string_view::npos ? list.size() : space + 1);
    }
  }
  [[nodiscard]] constexpr bool has(std::string_view code) const {
    const long n = Number(code);
    if (n < 0) return false;
    const auto i = static_cast<std::size_t>(n);
    return ((words_[i / 64] >> (i % 64)) & 1U) != 0;
  }

 private:
  std::array<std::uint64_t, (Bits + 63) / 64> words_{};
};

constexpr CodeSet<1000, three_digit_number> kCountries(kIso3166Numeric);
constexpr CodeSet<std::size_t{26} * 26, two_letter_number> kCountriesAlpha2(kIso3166Alpha2);
constexpr CodeSet<1000, three_digit_number> kCurrencies(kIso4217Numeric);
constexpr CodeSet<std::size_t{37} * 37 * 37, short_code_number> kPackages(kPackageTypes);

static_assert(kCountries.has("156") && !kCountries.has("999") && !kCountries.has("15"));
static_assert(kCountriesAlpha2.has("CN") && !kCountriesAlpha2.has("ZZ") &&
              !kCountriesAlpha2.has("cn"));
static_assert(kCurrencies.has("156") && !kCurrencies.has("000"));
static_assert(kPackages.has("8") && kPackages.has("BX") && !kPackages.has("8D") &&
              !kPackages.has("bx"));

}  // namespace

bool is_iso3166_numeric(std::string_view code) { return kCountries.has(code); }

bool is_iso3166_alpha2(std::string_view code) { return kCountriesAlpha2.has(code); }

bool is_iso4217_numeric(std::string_view code) { return kCurrencies.has(code); }

bool is_package_type(std::string_view code) { return kPackages.has(code); }

}  // namespace zhiyou::trace::gs1
