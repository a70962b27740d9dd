#!/usr/bin/env bash
# clang-tidy over the sources, with the checks in .clang-tidy. Usage: scripts/tidy.sh [files…]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/tidy -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
if [ $# -eq 0 ]; then set -- $(git ls-files 'src/*.cpp'); fi
clang-tidy -p build/tidy --quiet "$@"
