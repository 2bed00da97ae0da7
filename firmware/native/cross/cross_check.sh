#!/usr/bin/env bash
# Cross-compiles the portable capture core for one target, warning-free (-Werror), and reports code size
# and the instruction count of the ISR capture path (nirq_capture_isr_edge, which includes the inlined
# ring push).
#
#   bash cross/cross_check.sh TARGET SOURCE_DIR OUT_DIR
#   TARGET: cortex-m0plus (RP2040) | cortex-m33 (RP2350) | rv32imc (ESP32-C3/C6)
#
# Exit 0: built and checked; 1: a warning, an error, or a loop in the capture path; 77: the compiler
# for TARGET is not installed (CTest reports the test as skipped, not failed).
#
# isr_path.awk builds the control-flow graph of the function from the disassembly and reports the longest
# path from entry to return (the call to the optional toggle hook counts as one instruction; the hook
# itself belongs to the port). With hard actions the bound is the sum of the longest paths of
# nirq_capture_isr_edge and of nirq_capture_hard, which it tail-calls. The script fails if the graph has a cycle, so the longest path is an upper
# bound on the instructions executed per edge. It is reported with and without hard actions.
set -uo pipefail
target=${1:?target}
src=${2:?source dir}
out=${3:?out dir}/${target}

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
  read -r count worst loops <<<"$("${prefix}objdump" -dr --no-show-raw-insn "$out/nirq_capture${opt}.o" | awk -v FN=nirq_capture_isr_edge -f "$here/isr_path.awk")"
  read -r hcount hworst hloops <<<"$("${prefix}objdump" -dr --no-show-raw-insn "$out/nirq_capture${opt}.o" | awk -v FN=nirq_capture_hard -f "$here/isr_path.awk")"
  worst=$((worst + hworst))
  loops=$((loops + hloops))
  read -r pcount pworst ploops <<<"$("${prefix}objdump" -dr --no-show-raw-insn "$plain" | awk -v FN=nirq_capture_isr_edge -f "$here/isr_path.awk")"
  echo "$opt: core .text $text B (.data $data B, .bss $bss B); capture path: longest $pworst instructions per edge without hard actions (-DNIRQ_NO_HARD_ACTIONS, $pcount in the function), $worst with a hard toggle (nirq_capture_isr_edge $count + nirq_capture_hard $hcount instructions; the toggle hook call counted as 1)" | tee -a "$report"
  if [ "$loops" -ne 0 ] || [ "$ploops" -ne 0 ] || [ "$count" -eq 0 ]; then
    echo "FAIL: nirq_capture_isr_edge not found or has a loop ($opt): the path count would not be a bound"
    status=1
  fi
  if [ "$worst" -ge 60 ]; then
    echo "NOTE: longest path $worst with $opt is not under the goal of 60" | tee -a "$report"
  fi
done
[ "$status" -eq 0 ] && echo "OK: $target builds warning-free (-Wall -Wextra -Wshadow -Wconversion -Werror); report in $report"
exit $status
