#!/usr/bin/env bash
# Runs every NanoIrq test suite on the host and ends with one line: "N passed, N failed, N skipped".
#   1. the API gate over every device project in nfproj.sln (counts as one test)
#   2. dotnet test NanoIrq.Host.slnx (the on-device suite run on the host, plus host-only tests)
#   3. the native capture core's GoogleTest suite under CTest (firmware/native), when present
#   4. the core on an emulated RP2040: firmware/native/ports/baremetal built with arm-none-eabi-gcc, run in
#      rp2040js by tools/picoemu's node tests (skipped without the compiler, node or tools/picoemu/node_modules)
# Exit status: 0 when nothing failed.
set -uo pipefail
cd "$(dirname "$0")"
passed=0
failed=0
skipped=0
log=$(mktemp -d)

if [ -f tools/ApiGate/ApiGate.csproj ]; then
  echo "== API gate: device sources against the nanoFramework API listings"
  if dotnet run -c Release --project tools/ApiGate -- nfproj.sln; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
fi

echo "== dotnet test NanoIrq.Host.slnx"
dotnet test NanoIrq.Host.slnx -c Release 2>&1 | tee "$log/dotnet.txt"
dotnet_rc=${PIPESTATUS[0]}
p=$(grep -Eo 'Passed: +[0-9]+' "$log/dotnet.txt" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
f=$(grep -Eo 'Failed: +[0-9]+' "$log/dotnet.txt" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
s=$(grep -Eo 'Skipped: +[0-9]+' "$log/dotnet.txt" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
skipped=$((skipped + ${s:-0}))
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))
if [ "$dotnet_rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
  echo "dotnet test exited $dotnet_rc without a failed test (build error?): counted as one failure"
  failed=$((failed + 1))
fi

if [ -f firmware/native/CMakeLists.txt ]; then
  echo "== native capture core: cmake + ctest"
  if cmake -S firmware/native -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$log/cmake.txt" 2>&1 \
     && cmake --build build/native -j2 >>"$log/cmake.txt" 2>&1; then
    (cd build/native && ctest --output-on-failure 2>&1) | tee "$log/ctest.txt"
    total=$(grep -Eo 'tests failed out of [0-9]+' "$log/ctest.txt" | grep -Eo '[0-9]+$' || echo 0)
    nf=$(grep -Eo '[0-9]+ tests failed' "$log/ctest.txt" | grep -Eo '^[0-9]+' || echo 0)
    ns=$(grep -c '\*\*\*Skipped' "$log/ctest.txt" || true)
    passed=$((passed + ${total:-0} - ${nf:-0} - ${ns:-0}))
    failed=$((failed + ${nf:-0}))
    skipped=$((skipped + ${ns:-0}))
  else
    cat "$log/cmake.txt"
    echo "native build failed: counted as one failure"
    failed=$((failed + 1))
  fi
fi

if [ -f tools/picoemu/package.json ]; then
  echo "== RP2040 emulator: the capture core in a bare-metal program on rp2040js (tools/picoemu, docs/picoemu.md)"
  if ! command -v arm-none-eabi-gcc >/dev/null || ! command -v node >/dev/null || ! command -v cmake >/dev/null; then
    echo "skipped: needs arm-none-eabi-gcc (Debian gcc-arm-none-eabi), node and cmake"
    skipped=$((skipped + 1))
  elif [ ! -d tools/picoemu/node_modules/rp2040js ]; then
    echo "skipped: rp2040js not installed (run: npm ci --prefix tools/picoemu)"
    skipped=$((skipped + 1))
  elif ! { cmake -S firmware/native/ports/baremetal -B build/baremetal \
             -DCMAKE_TOOLCHAIN_FILE="$PWD/firmware/native/ports/baremetal/cmake/arm-none-eabi-cortex-m0plus.cmake" \
           && cmake --build build/baremetal; } >"$log/baremetal.txt" 2>&1; then
    cat "$log/baremetal.txt"
    echo "bare-metal RP2040 build failed: counted as one failure"
    failed=$((failed + 1))
  else
    arm-none-eabi-size build/baremetal/nirq_baremetal.elf | awk 'NR == 2 {print "nirq_baremetal.elf: text " $1 " B, data " $2 " B, bss " $3 " B"}'
    (cd tools/picoemu && PICOEMU_REQUIRE_FIRMWARE=1 PICOEMU_FIRMWARE="$PWD/../../build/baremetal/nirq_baremetal.elf" \
       node --test --test-reporter=tap test/*.test.js) >"$log/picoemu.txt" 2>&1
    node_rc=$?
    # failures in full, diagnostics (ISR cycles) and the summary
    awk '/^not ok/ {show = 1} /^ok/ {show = 0} show || (/^# / && !/^# Subtest/) {print}' "$log/picoemu.txt"
    p=$(grep -Eo '^# pass [0-9]+' "$log/picoemu.txt" | grep -Eo '[0-9]+$' || echo 0)
    f=$(grep -Eo '^# fail [0-9]+' "$log/picoemu.txt" | grep -Eo '[0-9]+$' || echo 0)
    s=$(grep -Eo '^# skipped [0-9]+' "$log/picoemu.txt" | grep -Eo '[0-9]+$' || echo 0)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    skipped=$((skipped + ${s:-0}))
    if [ "$node_rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then
      tail -20 "$log/picoemu.txt"
      echo "node --test exited $node_rc without a failed test: counted as one failure"
      failed=$((failed + 1))
    fi
  fi
fi

rm -rf "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
