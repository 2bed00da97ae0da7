/*
 * NanoIrq native capture core: common types, limits and error codes.
 *
 * Portable C11, no RTOS calls, no heap. Everything a port or a test needs to know about numbers lives
 * here. The C# interop assembly (firmware/native/managed) maps every nirq_status value below to an
 * exception; keep the two lists in step (see NativeStatus.cs).
 */
#ifndef NIRQ_H
#define NIRQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- compile-time limits ------------------------------------------------------------------------- */

/* Build-time configuration: CMake writes nirq_config.h (options NIRQ_RING_RECORDS and NIRQ_SLOTS, in this
 * repository's CMakeLists.txt and in interop/FindINTEROP-NanoIrq.Native.cmake for a firmware build; also
 * NIRQ_VECTOR_HOOK, which only the ChibiOS port reads) into a directory on the include path. Without one, the
 * defaults below (and the port's) apply; -D on the command line also works. */
#if defined(__has_include)
#if __has_include("nirq_config.h")
#include "nirq_config.h"
#endif
#endif

/* GPIO numbers the module can describe are 0 .. NIRQ_PIN_LIMIT - 1 (ESP32-S3 has 49 GPIOs, RP2350B 48: 64
 * covers all). Each port narrows this to the chip's real count (nirq_port_gpio_count). */
#ifndef NIRQ_PIN_LIMIT
#define NIRQ_PIN_LIMIT 64
#endif

/* How many pins can be captured at the same time (capture slots). Each slot is one nirq_pin in the static
 * reservation: 88 bytes on 32-bit targets (checked in nirq_capture.h). Default 8. */
#ifndef NIRQ_MAX_PINS
#define NIRQ_MAX_PINS 8
#endif

/* Largest ring capacity in records; storage for this many 12-byte records is reserved statically, whatever
 * ring size a program asks for. Must be a power of two in 8 .. 1024. Default 64 records = 768 bytes, so that
 * the whole static reservation (ring, 8 slots, read buffer) stays under 2 KB of RAM; a larger ring absorbs
 * longer bursts between two pumps and costs every user of the firmware 12 bytes of managed heap per record. */
#ifndef NIRQ_RING_MAX
#define NIRQ_RING_MAX 64u
#endif

#if (NIRQ_RING_MAX) < 8 || (NIRQ_RING_MAX) > 1024 || ((NIRQ_RING_MAX) & ((NIRQ_RING_MAX) - 1)) != 0
#error "NIRQ_RING_MAX (CMake NIRQ_RING_RECORDS) must be a power of two in 8 .. 1024"
#endif
#if (NIRQ_MAX_PINS) < 1 || (NIRQ_MAX_PINS) > 64
#error "NIRQ_MAX_PINS (CMake NIRQ_SLOTS) must be in 1 .. 64"
#endif

/* Smallest ring capacity accepted. */
#define NIRQ_RING_MIN 8u

/* Debounce windows and the hard-action lockout are accepted in 1 .. NIRQ_WINDOW_MAX_US microseconds
 * (10 s, the same range as the C# debouncers, DebounceDefaults.MaxWindowMicros). */
#define NIRQ_WINDOW_MAX_US 10000000u

/* Inline functions of the interrupt path: always inlined, so a port's callback placed in RAM calls nothing in flash. */
#if defined(__GNUC__)
#define NIRQ_ALWAYS_INLINE static inline __attribute__((always_inline))
#else
#define NIRQ_ALWAYS_INLINE static inline
#endif

/* ---- status codes -------------------------------------------------------------------------------- */

typedef enum nirq_status {
    NIRQ_OK = 0,
    NIRQ_ERR_UNKNOWN_PIN = -1,        /* pin outside the chip's GPIOs (0 .. NIRQ_PIN_LIMIT-1 in the core, the port's count in
                                         a port), or not captured (close, counters) */
    NIRQ_ERR_PIN_BUSY = -2,           /* the pin is already captured */
    NIRQ_ERR_RING_CAPACITY = -3,      /* ring capacity not a power of two in NIRQ_RING_MIN .. NIRQ_RING_MAX (build-time) */
    NIRQ_ERR_DEBOUNCE_RANGE = -4,     /* window outside 1 .. NIRQ_WINDOW_MAX_US (or not 0 for NIRQ_DEBOUNCE_NONE) */
    NIRQ_ERR_BAD_ARGUMENT = -5,       /* unknown mode/action/trigger value, NULL pointer, output pin invalid */
    NIRQ_ERR_NO_FREE_SLOT = -6,       /* NIRQ_MAX_PINS pins are already captured */
    NIRQ_ERR_NOT_STARTED = -7,        /* nirq_capture_init has not run (or the port failed to start) */
    NIRQ_ERR_PORT = -8,               /* the port (ESP-IDF, ChibiOS) refused: e.g. ISR service not installable */
    NIRQ_ERR_OUTPUT_BUSY = -9         /* the hard-toggle output pin is held by another driver (nanoFramework's pin map:
                                         System.Device.Gpio, a bus) or is a pin this module captures */
} nirq_status;

/* ---- the edge record ----------------------------------------------------------------------------- */

/* One edge on one pin, 12 bytes: the native twin of the C# NanoIrq.EdgeRecord.
 * time_us: esp_timer / system timer microseconds at interrupt entry, modulo 2^32.
 * seq:     per-pin count of every edge the ISR saw, 1 for the first, modulo 2^32.
 * pin:     GPIO number. level: pin level after the edge (1 high, 0 low). */
typedef struct nirq_edge {
    uint32_t time_us;
    uint32_t seq;
    union {
        struct {
            uint16_t pin;
            uint8_t level;
            uint8_t reserved;  /* 0 when handed out; inside the ring: the pin's epoch tag */
        };
        uint32_t word;         /* the three fields above as one word, so the ISR writes them with one store */
    };
} nirq_edge;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "nirq_edge packing assumes a little-endian target (Xtensa, RISC-V, Cortex-M, x86 all are)"
#endif
#if defined(__cplusplus)
static_assert(sizeof(nirq_edge) == 12, "nirq_edge is 12 bytes");
#else
_Static_assert(sizeof(nirq_edge) == 12, "nirq_edge is 12 bytes");
#endif

/* Wrap-safe signed difference end - start in µs (MicroPython ticks_diff), valid within +-2^31 µs. */
static inline int32_t nirq_ticks_diff(uint32_t end, uint32_t start)
{
    return (int32_t)(end - start);
}

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_H */
