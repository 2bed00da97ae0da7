#!/usr/bin/env bash
# Counts the instructions of the native module's interrupt path in a LINKED image (the nanoCLR ELF you built with
# -DNF_INTEROP_ASSEMBLIES=NanoIrq.Native, or cross/port_image.sh's stand-in), with isr_path.awk on `objdump -d` of the
# image: longest path, every branch both ways, so an upper bound on the instructions one edge executes there (an
# overrun, a full ring included).
#
#   bash firmware/native/cross/elf_isr_path.sh IMAGE.elf [TOOL_PREFIX]      (TOOL_PREFIX default arm-none-eabi-)
#   e.g. bash firmware/native/cross/elf_isr_path.sh build/nanoCLR.elf
#
# Counted (ChibiOS port; a name may carry an LTO suffix such as .lto_priv.0):
#   nirq_chibios_edge       PAL callback, a pin without a hard action, entry to return   goal: at most NIRQ_PLAIN_LIMIT (45)
#   nirq_chibios_edge_hard  PAL callback, a count or toggle action, entry to return,     goal: at most NIRQ_HARD_LIMIT (60)
#                           worst case = toggle with lockout passed; also entry to the SIO GPIO_OUT_XOR store
#   nirq_chibios_bank0_vector  the RP2040's direct IO_IRQ_BANK0 vector (with nirq_chibios_bank0_pins, which it calls):
#                           vector entry to the SIO GPIO_OUT_XOR store (the first pin of its table, a toggle: toggles
#                           come first)                                                  goal: at most NIRQ_VECTOR_STORE_LIMIT (45)
#                           vector entry to return (or to its tail jump to ChibiOS's vector) with one captured pin, a
#                           full pass for it                                             goal: at most NIRQ_VECTOR_LIMIT (105)
#                           and what each further captured pin can add (one more pass of the table loop; reported)
#                           Only in an RP2040 image built with the CMake option NIRQ_VECTOR_HOOK=ON. The environment
#                           variable NIRQ_VECTOR_HOOK: unset, counted when the image has it; 1, required; 0, must be
#                           absent (an image built with the default options).
# For each: its address and whether it is in SRAM (0x20000000..0x20041FFF on the RP2040/RP2350, where the .ramtext
# section lands) or in XIP flash. The interrupt path must be in SRAM: the two callbacks, or, in an image with the
# vector, the vector (its callbacks are then only the rare fallback, kept in flash: reported, not required in SRAM).
# The callbacks must call nothing (a call out of RAM would reach flash): any call, indirect jump or loop is reported
# and fails the check. The vector may call nirq_chibios_bank0_pins only, loop only over its table (one loop) and
# leave only by a return or its tail jump `bx r0`. Exit 0 when everything required is found, where it must be,
# within its rules and goals; 1 otherwise; 2 on a usage error.
set -uo pipefail
elf=${1:?usage: elf_isr_path.sh IMAGE.elf [TOOL_PREFIX]}
prefix=${2:-arm-none-eabi-}
plain_limit=${NIRQ_PLAIN_LIMIT:-45}
hard_limit=${NIRQ_HARD_LIMIT:-60}
vstore_limit=${NIRQ_VECTOR_STORE_LIMIT:-45}
vector_limit=${NIRQ_VECTOR_LIMIT:-105}
vector_hook=${NIRQ_VECTOR_HOOK:-}  # '' auto, 1 required, 0 must be absent
out_xor=d000001c  # SIO GPIO_OUT_XOR (0xD0000000 + 0x1C), where the hard toggle stores
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$elf" ] || { echo "no such image: $elf"; exit 2; }
command -v "${prefix}objdump" >/dev/null 2>&1 || { echo "${prefix}objdump not found"; exit 2; }
status=0
symbols=$("${prefix}nm" "$elf")
find_sym() {  # base-name -> "address name", or nothing
  awk -v b="$1" '($2 == "t" || $2 == "T") && ($3 == b || index($3, b ".") == 1) {print $1, $3; exit}' <<<"$symbols"
}
where_is() {
  case "$1" in 2003*|2002*|2001*|2000*|20040*|20041*) echo "SRAM" ;; *) echo "flash (XIP)" ;; esac
}
check() {  # base-name limit what
  local base=$1 limit=$2 what=$3 sym addr count worst loops problems iter to where extra=""
  sym=$(find_sym "$base")
  if [ -z "$sym" ]; then echo "FAIL: $base not found in $elf (not linked with the ChibiOS port?)"; status=1; return; fi
  addr=${sym%% *}; sym=${sym#* }
  read -r count worst loops problems iter to < <("${prefix}objdump" -d --no-show-raw-insn --disassemble="$sym" "$elf" |
      awk -v FN="$sym" -v STORE="$out_xor" -f "$here/isr_path.awk")
  where=$(where_is "$addr")
  [ "$to" -gt 0 ] && extra="; entry to the GPIO_OUT_XOR store $to"
  printf '%s (%s) at 0x%s in %s: %s instructions, longest path entry to return %s (goal <= %s)%s\n' \
      "$sym" "$what" "$addr" "$where" "$count" "$worst" "$limit" "$extra"
  if [ "$loops" != 0 ] || [ "$problems" != 0 ]; then echo "FAIL: $sym has a loop or a call/indirect jump: the count is not a bound"; status=1; fi
  if [ "$worst" -gt "$limit" ]; then echo "FAIL: $sym: $worst instructions, goal $limit"; status=1; fi
  if [ "$where" != "SRAM" ]; then
    if [ -n "$have_vector" ]; then echo "  ($sym in flash: with the direct vector it is only the fallback)"
    else echo "FAIL: $sym runs from flash"; status=1; fi
  fi
}
check_vector() {
  local vsym psym vaddr paddr count worst loops problems iter to one
  vsym=$(find_sym nirq_chibios_bank0_vector); psym=$(find_sym nirq_chibios_bank0_pins)
  if [ -z "$vsym" ] || [ -z "$psym" ]; then
    if [ "$vector_hook" != 1 ]; then echo "nirq_chibios_bank0_vector: not in this image (built without the option NIRQ_VECTOR_HOOK, or not an RP2040 image)"; return; fi
    echo "FAIL: nirq_chibios_bank0_vector / nirq_chibios_bank0_pins not found in $elf (NIRQ_VECTOR_HOOK=1: required; an RP2040 image built with the CMake option NIRQ_VECTOR_HOOK=ON has them)"
    status=1; return
  fi
  if [ "$vector_hook" = 0 ]; then echo "FAIL: nirq_chibios_bank0_vector is in $elf (NIRQ_VECTOR_HOOK=0: an image built with the default options has no vector hook)"; status=1; fi
  vaddr=${vsym%% *}; vsym=${vsym#* }; paddr=${psym%% *}; psym=${psym#* }
  # the vector and the one function it calls, in one listing; only its tail jump (bx r0) may leave indirectly
  read -r count worst loops problems iter to < <({
      "${prefix}objdump" -d --no-show-raw-insn --disassemble="$vsym" "$elf"
      "${prefix}objdump" -d --no-show-raw-insn --disassemble="$psym" "$elf"; } |
      awk -v FN="$vsym" -v STORE="$out_xor" -v PERLOOP=1 -v TAILJUMP='^bx[ \t]+r0$' -f "$here/isr_path.awk")
  one=$((worst + iter))
  printf '%s (direct IO_IRQ_BANK0 vector) at 0x%s in %s, %s at 0x%s in %s: vector entry to the GPIO_OUT_XOR store %s (goal <= %s); entry to return with one captured pin %s (goal <= %s): %s with no pass of the table loop + %s per captured pin\n' \
      "$vsym" "$vaddr" "$(where_is "$vaddr")" "$psym" "$paddr" "$(where_is "$paddr")" "$to" "$vstore_limit" "$one" \
      "$vector_limit" "$worst" "$iter"
  if [ "$problems" != 0 ]; then echo "FAIL: $vsym: a call or an indirect jump other than its tail jump: the count is not a bound"; status=1; fi
  if [ "$loops" != 1 ]; then echo "FAIL: $vsym: $loops loops (one expected, over the table): the count is not a bound"; status=1; fi
  if [ "$to" -le 0 ]; then echo "FAIL: $vsym: no store to GPIO_OUT_XOR found on its path"; status=1
  elif [ "$to" -gt "$vstore_limit" ]; then echo "FAIL: $vsym: $to instructions to the output store, goal $vstore_limit"; status=1; fi
  if [ "$one" -gt "$vector_limit" ]; then echo "FAIL: $vsym: $one instructions with one captured pin, goal $vector_limit"; status=1; fi
  if [ "$(where_is "$vaddr")" != "SRAM" ] || [ "$(where_is "$paddr")" != "SRAM" ]; then echo "FAIL: the vector path runs from flash"; status=1; fi
}
have_vector=$(find_sym nirq_chibios_bank0_vector)
check nirq_chibios_edge "$plain_limit" "plain edge"
check nirq_chibios_edge_hard "$hard_limit" "hard action: toggle with lockout"
check_vector
exit $status
