#!/usr/bin/env bash
# Counts the instructions of the native module's interrupt path in a LINKED image (the nanoCLR ELF you built with
# -DNF_INTEROP_ASSEMBLIES=NanoIrq.Native, or cross/port_image.sh's stand-in), from the port callback's entry to its
# return, with isr_path.awk on `objdump -d` of the image: longest path, every branch both ways, so an upper bound
# on the instructions one edge executes in the callback (an overrun, a full ring included).
#
#   bash firmware/native/cross/elf_isr_path.sh IMAGE.elf [TOOL_PREFIX]      (TOOL_PREFIX default arm-none-eabi-)
#   e.g. bash firmware/native/cross/elf_isr_path.sh build/nanoCLR.elf
#
# Callbacks counted (ChibiOS port; a name may carry an LTO suffix such as .lto_priv.0):
#   nirq_chibios_edge       a pin without a hard action            goal: at most NIRQ_PLAIN_LIMIT (45)
#   nirq_chibios_edge_hard  a pin with a count or toggle action,    goal: at most NIRQ_HARD_LIMIT (60)
#                           worst case = toggle with lockout passed
# For each: its address and whether it is in SRAM (0x20000000..0x20041FFF on the RP2040/RP2350, where the .ramtext
# section lands) or in XIP flash. The callbacks must call nothing (a call out of RAM would reach flash): any call,
# indirect jump or loop is reported and fails the check. Exit 0 when both are found, in RAM, loop- and call-free
# and within their goals; 1 otherwise; 2 on a usage error.
set -uo pipefail
elf=${1:?usage: elf_isr_path.sh IMAGE.elf [TOOL_PREFIX]}
prefix=${2:-arm-none-eabi-}
plain_limit=${NIRQ_PLAIN_LIMIT:-45}
hard_limit=${NIRQ_HARD_LIMIT:-60}
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$elf" ] || { echo "no such image: $elf"; exit 2; }
command -v "${prefix}objdump" >/dev/null 2>&1 || { echo "${prefix}objdump not found"; exit 2; }
status=0
check() {  # base-name limit what
  local base=$1 limit=$2 what=$3 sym addr count worst loops problems where
  sym=$("${prefix}nm" "$elf" | awk -v b="$base" '($2 == "t" || $2 == "T") && ($3 == b || index($3, b ".") == 1) {print $1, $3; exit}')
  if [ -z "$sym" ]; then echo "FAIL: $base not found in $elf (not linked with the ChibiOS port?)"; status=1; return; fi
  addr=${sym%% *}; sym=${sym#* }
  read -r count worst loops problems < <("${prefix}objdump" -d --no-show-raw-insn --disassemble="$sym" "$elf" |
      awk -v FN="$sym" -f "$here/isr_path.awk")
  case "$addr" in 2003*|2002*|2001*|2000*|20040*|20041*) where="SRAM" ;; *) where="flash (XIP)" ;; esac
  printf '%s (%s) at 0x%s in %s: %s instructions, longest path entry to return %s (goal <= %s)\n' \
      "$sym" "$what" "$addr" "$where" "$count" "$worst" "$limit"
  if [ "$loops" != 0 ] || [ "$problems" != 0 ]; then echo "FAIL: $sym has a loop or a call/indirect jump: the count is not a bound"; status=1; fi
  if [ "$worst" -gt "$limit" ]; then echo "FAIL: $sym: $worst instructions, goal $limit"; status=1; fi
  if [ "$where" != "SRAM" ]; then echo "FAIL: $sym runs from flash"; status=1; fi
}
check nirq_chibios_edge "$plain_limit" "plain edge"
check nirq_chibios_edge_hard "$hard_limit" "hard action: toggle with lockout"
exit $status
