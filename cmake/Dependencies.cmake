# Every dependency comes from Debian bookworm's packages (scripts/install-deps.sh).
set(Boost_NO_WARN_NEW_VERSIONS ON)
find_package(boost_json 1.81 CONFIG REQUIRED)
find_package(boost_url 1.81 CONFIG REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
pkg_check_modules(MINIZIP REQUIRED IMPORTED_TARGET minizip)        # reading .xlsx (a zip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)            # reading .xlsx (its XML)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # writing .xlsx
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)   # QR codes
pkg_check_modules(LIBPNG REQUIRED IMPORTED_TARGET libpng)          # QR codes as PNG
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)       # password hashes

# SOCI 4.0 ships no CMake package on Debian; link its core and the two backends we use.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE soci_core REQUIRED)
find_library(SOCI_SQLITE3 soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci INTERFACE ${SOCI_INCLUDE_DIR} ${SOCI_INCLUDE_DIR}/soci/postgresql)
target_link_libraries(soci INTERFACE ${SOCI_SQLITE3} ${SOCI_POSTGRESQL} ${SOCI_CORE}
                      PkgConfig::SQLITE3 PkgConfig::LIBPQ ${CMAKE_DL_LIBS})

if(ZHIYOU_TESTS)
  find_package(GTest REQUIRED)
  pkg_check_modules(ZXING REQUIRED IMPORTED_TARGET zxing)  # decoding our QR codes in tests
endif()
if(ZHIYOU_BENCH)
  find_package(benchmark REQUIRED)
endif()

# zhiyou_module(NAME [DEPS ...]): a static library of every .cpp under src/NAME,
# included as <NAME/file.hpp> from src/.
function(zhiyou_module name)
  cmake_parse_arguments(M "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(NOT sources)  # a module still being written
    add_library(zhiyou_${name} INTERFACE)
    target_include_directories(zhiyou_${name} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(zhiyou_${name} INTERFACE ${M_DEPS})
    return()
  endif()
  add_library(zhiyou_${name} STATIC ${sources})
  target_include_directories(zhiyou_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(zhiyou_${name} PUBLIC ${M_DEPS})
endfunction()
