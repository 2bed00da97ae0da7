#!/usr/bin/env bash
# Runs every NanoIrq test suite on the host and ends with one line: "N passed, N failed".
#   1. the API gate over every device project in nfproj.sln (counts as one test)
#   2. dotnet test NanoIrq.Host.slnx (the on-device suite run on the host, plus host-only tests)
#   3. the native capture core's GoogleTest suite under CTest (firmware/native), when present
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

rm -rf "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
