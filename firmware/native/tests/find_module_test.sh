#!/usr/bin/env bash
# Configures a throw-away CMake project that loads interop/FindINTEROP-NanoIrq.Native.cmake the way nf-interpreter
# does (find_package(INTEROP-NanoIrq.Native REQUIRED QUIET), RTOS ChibiOS and ESP32) and fails on any CMake warning
# or error, or when nirq_config.h does not carry the options.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?out dir}/find-module
status=0
for rtos in ChibiOS ESP32; do
  dir="$out/$rtos"; rm -rf "$dir"; mkdir -p "$dir"
  cat >"$dir/CMakeLists.txt" <<EOT
cmake_minimum_required(VERSION 3.16)
project(find_module_test NONE)
set(RTOS $rtos)
list(APPEND CMAKE_MODULE_PATH "$src/interop")
find_package("INTEROP-NanoIrq.Native" REQUIRED QUIET)
EOT
  # ChibiOS: the vector hook turned on (the RP2040 opt-in); ESP32: its default (OFF)
  if [ "$rtos" = ChibiOS ]; then hook=(-DNIRQ_VECTOR_HOOK=ON); want=1; else hook=(); want=0; fi
  log=$(cmake -S "$dir" -B "$dir/b" -DNIRQ_RING_RECORDS=128 "${hook[@]}" 2>&1) || { echo "$log"; echo "FAIL: configure ($rtos)"; status=1; continue; }
  if echo "$log" | grep -qi "warning"; then echo "$log"; echo "FAIL: CMake warning ($rtos)"; status=1; fi
  grep -q "NIRQ_RING_MAX 128u" "$dir/b/NanoIrq.Native/nirq_config.h" || { echo "FAIL: option not in nirq_config.h ($rtos)"; status=1; }
  grep -q "NIRQ_VECTOR_HOOK $want\$" "$dir/b/NanoIrq.Native/nirq_config.h" || { echo "FAIL: NIRQ_VECTOR_HOOK $want not in nirq_config.h ($rtos)"; status=1; }
  echo "$rtos: configured without warning; nirq_config.h: $(tr '\n' ' ' <"$dir/b/NanoIrq.Native/nirq_config.h" | sed 's|/\*[^*]*\*/||')"
done
exit $status
