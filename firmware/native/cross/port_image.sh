#!/usr/bin/env bash
# Links the module's ChibiOS port with the core and the C API into a stand-in RP2040 image (cross/rp2040-standin:
# the few ChibiOS names the port uses, RP2040 register layout, .ramtext copied to SRAM as nf-interpreter's linker
# rules do), built the way nf-interpreter builds MinSizeRel (Cortex-M0+, -Os -flto, sections collected), then:
#   1. counts the interrupt path with elf_isr_path.sh (goals: plain edge <= 45, toggle with lockout <= 60; with the
#      direct vector: <= 45 to the output store, <= 105 entry to return with one captured pin);
#   2. measures the module's RAM in the main SRAM (0x20000000..0x2003FFFF, which nanoCLR's managed heap is cut from):
#      its static reservation (nm --size-sort: the port's s_capture, nirq_api.c's s_chunk, with the RP2040 vector
#      hook s_vec_original) plus the code it copies there (.ramtext, the image's .data: the stand-in has no other),
#      and fails above NIRQ_RAM_LIMIT (default 2048 B, issue 17: "the default costs at most 2 KB of RAM") with the
#      default build options, the hook's or not. With the hook, its tables (s_vec_tables: the vector table copy and
#      the pin table) go to section .ram4, in SRAM4 above the stacks as in nf-interpreter's RP2040 nanoCLR (the
#      stand-in's linker script has the same layout); reported, and limited to NIRQ_SRAM4_LIMIT (default 1024 B, what
#      those stacks leave). A build that puts them in the main SRAM is charged its 256-byte alignment's worst-case
#      padding (252 B).
#
#   bash cross/port_image.sh SOURCE_DIR OUT_DIR [extra -D flags, e.g. -DNIRQ_RING_MAX=256u]
#   -DNIRQ_VECTOR_HOOK=1 builds the image with the RP2040 direct vector (the CMake option NIRQ_VECTOR_HOOK=ON);
#   elf_isr_path.sh then requires it, and without it requires it absent.
# Exit 0 ok, 1 a warning/error/goal missed, 77 arm-none-eabi-gcc not installed (ctest: skipped).
# The figures that count are those of the real image (elf_isr_path.sh on your nanoCLR.elf; see README.md); this
# build keeps them guarded in CI, where no ChibiOS tree is available.
set -uo pipefail
src=${1:?source dir}
out=${2:?out dir}/port-image
shift 2
extra=("$@")
hook=0
options=()  # the extra flags other than the hook's: none = the default build options
for f in "${extra[@]}"; do
  case "$f" in -DNIRQ_VECTOR_HOOK=1) hook=1 ;; -DNIRQ_VECTOR_HOOK=0) ;; *) options+=("$f") ;; esac
done
ram_limit=${NIRQ_RAM_LIMIT:-2048}
sram4_limit=${NIRQ_SRAM4_LIMIT:-1024}
here=$(cd "$(dirname "$0")" && pwd)
command -v arm-none-eabi-gcc >/dev/null 2>&1 || { echo "SKIPPED: arm-none-eabi-gcc not found (Debian: gcc-arm-none-eabi)"; exit 77; }
mkdir -p "$out"
flags=(-mcpu=cortex-m0plus -mthumb -Os -flto -ffunction-sections -fdata-sections -ffreestanding -std=gnu11
       -Wall -Wextra -Wshadow -Wstrict-prototypes -Wconversion -Wundef -Werror -DNIRQ_SINGLE_CORE=1
       -I"$here/rp2040-standin" -I"$src/core/include" -I"$src/ports" "${extra[@]}")
objs=()
for f in core/src/nirq_ring.c core/src/nirq_debounce.c core/src/nirq_capture.c core/src/nirq_api.c \
         ports/chibios/nirq_port_chibios.c; do
  o="$out/$(basename "$f" .c).o"
  arm-none-eabi-gcc "${flags[@]}" -c "$src/$f" -o "$o" || { echo "FAIL: $f does not build warning-free"; exit 1; }
  objs+=("$o")
done
# the stand-in's own file is not the module's: ordinary warnings only
sflags=()
for f in "${flags[@]}"; do [ "$f" = -Wconversion ] || sflags+=("$f"); done
arm-none-eabi-gcc "${sflags[@]}" -c "$here/rp2040-standin/standin.c" -o "$out/standin.o" || exit 1
objs+=("$out/standin.o")
elf="$out/standin-rp2040.elf"
arm-none-eabi-gcc -mcpu=cortex-m0plus -mthumb -Os -flto -nostdlib -nostartfiles -Wl,--gc-sections \
    -T "$here/rp2040-standin/standin.ld" "${objs[@]}" -o "$elf" -lgcc || { echo "FAIL: link"; exit 1; }
status=0
NIRQ_VECTOR_HOOK=$hook bash "$here/elf_isr_path.sh" "$elf" arm-none-eabi- || status=1
# static reservation: every .bss/.data object of the module (names from the port, the core and the API), in the main
# SRAM (0x20000000..0x2003FFFF, which nanoCLR's managed heap is cut from) or in SRAM4 (0x20040000.., section .ram4)
arm-none-eabi-nm --size-sort -S "$elf" | awk '$3 ~ /^[bBdD]$/ && $4 ~ /(s_capture|s_chunk|s_vec)/ {print}' >"$out/reservation.txt"
objects=0; sram4=0; vectors_in_main=0
while read -r addr size _ name; do
  if [ $((16#$addr)) -ge $((0x20040000)) ]; then
    sram4=$((sram4 + 16#$size)); echo "  $name: $((16#$size)) B (SRAM4)"
  else
    objects=$((objects + 16#$size)); echo "  $name: $((16#$size)) B"
    [ "$name" = s_vec_tables ] && vectors_in_main=1
  fi
done <"$out/reservation.txt"
if [ "$objects" -eq 0 ]; then echo "FAIL: reservation symbols not found"; status=1; fi
# the code copied to SRAM: .data holds only the module's .ramtext here (the stand-in's own objects are in .bss)
ramtext=$(arm-none-eabi-size -A "$elf" | awk '$1 == ".data" {print $2}')
ramtext=${ramtext:-0}
# s_vec_tables in the main SRAM (-DNIRQ_VECTOR_HOOK_SECTION=...): the padding its 256-byte alignment costs here, in
# front of it (its address minus the end of the object below it), and up to 252 B in another link
padding=0; worst=0
if [ "$vectors_in_main" = 1 ]; then
  end=0
  while read -r addr size type name; do
    case "$type" in b|B) ;; *) continue ;; esac
    if [ "$name" = s_vec_tables ]; then padding=$((16#$addr - end)); break; fi
    end=$((16#$addr + 16#$size))
  done < <(arm-none-eabi-nm -S -n "$elf")
  worst=252
fi
ram=$((objects + ramtext + padding))
check_ram=$((objects + ramtext + worst))
line="RAM (main SRAM): static reservation $objects B + .ramtext $ramtext B"
[ "$vectors_in_main" = 1 ] && line="$line + s_vec_tables' alignment padding $padding B here (worst case 252: $check_ram B)"
echo "$line = $ram B (limit $ram_limit B)"
if [ "$hook" = 1 ]; then
  ram4=$(arm-none-eabi-size -A "$elf" | awk '$1 == ".ram4" {print $2}')
  echo "SRAM4 (.ram4, after the stacks): ${ram4:-0} B ($sram4 B of objects; limit $sram4_limit B)"
  if [ "${ram4:-0}" -gt "$sram4_limit" ]; then echo "FAIL: over the $sram4_limit B nf-interpreter's RP2040 nanoCLR leaves in SRAM4"; status=1; fi
fi
if [ ${#options[@]} -eq 0 ] && [ "$check_ram" -gt "$ram_limit" ]; then echo "FAIL: the module's RAM with the default build options is over $ram_limit B"; status=1; fi
arm-none-eabi-size -A "$elf" | awk '$1 ~ /^\.(text|data|bss)$/ {print "  " $1 " " $2 " B"}'
exit $status
