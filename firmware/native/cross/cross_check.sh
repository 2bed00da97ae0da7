#!/usr/bin/env bash
# Cross-compiles the portable capture core for one target, warning-free (-Werror), reports code size and
# the instruction count of the ISR capture path per edge, and FAILS if that count is not under the goal.
#
#   bash cross/cross_check.sh TARGET SOURCE_DIR OUT_DIR
#   TARGET: cortex-m0plus (RP2040) | cortex-m33 (RP2350) | rv32imc (ESP32-C3/C6)
#   NIRQ_ISR_LIMIT (environment, default 60): the longest path must be strictly below it.
#
# Exit 0: built and checked; 1: a warning, an error, a loop or an unanalysable jump in the capture path, or
# a path of NIRQ_ISR_LIMIT instructions or more; 77: the compiler for TARGET is not installed (CTest
# reports the test as skipped, not failed).
#
# isr_path.awk builds the control-flow graph of nirq_capture_isr_edge from the disassembly and reports the
# longest path from entry to return. Any function it calls that is in the same object is followed and
# added; the only call allowed out of the object is the port's toggle hook nirq_port_toggle_output (it
# counts as its one call instruction: the hook's body belongs to the port); any other call, an indirect
# jump or a cycle fails the check, so the number is an upper bound on the instructions executed per edge
# (the port's clock and level reads before the call are not included). Two builds are measured: the one
# that ships (hard actions compiled in: worst case = toggle with lockout), and -DNIRQ_NO_HARD_ACTIONS.
set -uo pipefail
target=${1:?target}
src=${2:?source dir}
out=${3:?out dir}/${target}
limit=${NIRQ_ISR_LIMIT:-60}

case "$target" in
  cortex-m0plus) prefix=arm-none-eabi-; arch=(-mcpu=cortex-m0plus -mthumb) ;;
  cortex-m33) prefix=arm-none-eabi-; arch=(-mcpu=cortex-m33 -mthumb) ;;
  rv32imc)
    prefix=
    for p in riscv32-esp-elf- riscv64-unknown-elf- riscv32-unknown-elf- riscv64-linux-gnu-; do
      if command -v "${p}gcc" >/dev/null 2>&1; then prefix=$p; break; fi
    done
    arch=(-march=rv32imc -mabi=ilp32)
    [ -z "$prefix" ] && prefix=riscv64-unknown-elf- ;;
  *) echo "unknown target $target"; exit 1 ;;
esac
cc=${prefix}gcc
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "SKIPPED: $cc not found; install it (Debian: gcc-arm-none-eabi or gcc-riscv64-unknown-elf) to check $target"
  exit 77
fi

mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
warn=(-std=c11 -ffreestanding -ffunction-sections -fdata-sections -Wall -Wextra -Wshadow -Wstrict-prototypes -Wconversion -Werror)
report="$out/report.txt"
: >"$report"
echo "target $target, compiler $("$cc" --version | head -1)" | tee -a "$report"
status=0
for opt in -Os -O2; do
  objs=()
  for f in nirq_ring nirq_debounce nirq_capture; do
    o="$out/${f}${opt}.o"
    if ! "$cc" "${arch[@]}" "$opt" "${warn[@]}" -I"$src/core/include" -c "$src/core/src/$f.c" -o "$o"; then
      echo "FAIL: $f.c does not build warning-free with $opt"; status=1; continue
    fi
    objs+=("$o")
  done
  [ "$status" -ne 0 ] && continue
  # the same capture path built without hard actions (-DNIRQ_NO_HARD_ACTIONS), for the plain-capture figure
  plain="$out/nirq_capture${opt}-plain.o"
  if ! "$cc" "${arch[@]}" "$opt" "${warn[@]}" -DNIRQ_NO_HARD_ACTIONS -I"$src/core/include" -c "$src/core/src/nirq_capture.c" -o "$plain"; then
    echo "FAIL: nirq_capture.c does not build warning-free with $opt -DNIRQ_NO_HARD_ACTIONS"; status=1; continue
  fi
  read -r text data bss <<<"$("${prefix}size" "${objs[@]}" | awk 'NR>1 {t+=$1; d+=$2; b+=$3} END {print t " " d " " b}')"
  dis="$out/nirq_capture${opt}.dis"
  "${prefix}objdump" -dr --no-show-raw-insn "$out/nirq_capture${opt}.o" >"$dis"
  read -r count worst loops problems <<<"$(awk -v FN=nirq_capture_isr_edge -v ALLOW=nirq_port_toggle_output -f "$here/isr_path.awk" "$dis")"
  read -r pcount pworst ploops pproblems <<<"$("${prefix}objdump" -dr --no-show-raw-insn "$plain" | awk -v FN=nirq_capture_isr_edge -v ALLOW=nirq_port_toggle_output -f "$here/isr_path.awk")"
  echo "$opt: core .text $text B (.data $data B, .bss $bss B); capture path per edge: longest $worst instructions with hard actions compiled in (worst case: toggle with lockout; $count in the function), $pworst with -DNIRQ_NO_HARD_ACTIONS ($pcount in the function)" | tee -a "$report"
  if [ "$count" -eq 0 ] || [ "$loops" -ne 0 ] || [ "$ploops" -ne 0 ] || [ "$problems" -ne 0 ] || [ "$pproblems" -ne 0 ]; then
    echo "FAIL: nirq_capture_isr_edge not found, has a loop, or calls/jumps where the count cannot follow ($opt): the count would not be a bound"
    status=1
  fi
  if [ "$worst" -ge "$limit" ] || [ "$pworst" -ge "$limit" ]; then
    echo "FAIL: longest capture path $worst (plain build $pworst) with $opt is not under $limit instructions per edge" | tee -a "$report"
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "OK: $target builds warning-free (-Wall -Wextra -Wshadow -Wconversion -Werror), capture path under $limit instructions per edge; report in $report"
exit $status
