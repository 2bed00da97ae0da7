#!/usr/bin/env bash
# Links the module's ChibiOS port with the core and the C API into a stand-in RP2040 image (cross/rp2040-standin:
# the few ChibiOS names the port uses, RP2040 register layout, .ramtext copied to SRAM as nf-interpreter's linker
# rules do), built the way nf-interpreter builds MinSizeRel (Cortex-M0+, -Os -flto, sections collected), then:
#   1. counts the interrupt path with elf_isr_path.sh (goals: plain edge <= 45, toggle with lockout <= 60; the direct
#      vector: <= 45 to the output store, <= 105 entry to return with one captured pin);
#   2. measures the static reservation in RAM (nm --size-sort: the port's s_capture + nirq_api.c's s_chunk, and the
#      RP2040 vector hook's s_vec, s_vec_original and s_vectors: 1,752 + 316 B by default) and fails above
#      NIRQ_RAM_LIMIT (default 2304 B) with the default build options (the 256-byte alignment of s_vectors can add up
#      to 252 B of padding, not counted: 108 B in the PICO_RP2040 image).
#
#   bash cross/port_image.sh SOURCE_DIR OUT_DIR [extra -D flags, e.g. -DNIRQ_RING_MAX=256u]
# Exit 0 ok, 1 a warning/error/goal missed, 77 arm-none-eabi-gcc not installed (ctest: skipped).
# The figures that count are those of the real image (elf_isr_path.sh on your nanoCLR.elf; see README.md); this
# build keeps them guarded in CI, where no ChibiOS tree is available.
set -uo pipefail
src=${1:?source dir}
out=${2:?out dir}/port-image
shift 2
extra=("$@")
ram_limit=${NIRQ_RAM_LIMIT:-2304}
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
bash "$here/elf_isr_path.sh" "$elf" arm-none-eabi- || status=1
# static reservation: every .bss/.data object of the module (names from the port, the core and the API)
arm-none-eabi-nm --size-sort -S "$elf" | awk '$3 ~ /^[bBdD]$/ && $4 ~ /(s_capture|s_chunk|s_vec)/ {print}' >"$out/reservation.txt"
ram=0
while read -r _ size _ name; do ram=$((ram + 16#$size)); echo "  $name: $((16#$size)) B"; done <"$out/reservation.txt"
echo "static reservation in RAM: $ram B (limit $ram_limit B)"
if [ "$ram" -eq 0 ]; then echo "FAIL: reservation symbols not found"; status=1; fi
if [ ${#extra[@]} -eq 0 ] && [ "$ram" -gt "$ram_limit" ]; then echo "FAIL: the default reservation is over $ram_limit B"; status=1; fi
arm-none-eabi-size -A "$elf" | awk '$1 ~ /^\.(text|data|bss)$/ {print "  " $1 " " $2 " B"}'
exit $status
