/*
 * NanoIrq native capture module: the C API behind the C# class NanoIrq.Native.NativeCapture.
 *
 * One function per InternalCall, taking the same 32-bit signed arguments as the C# externs, so that:
 *   - the nanoCLR interop bodies (interop/NanoIrq_Native_NanoIrq_Native_NativeCapture.cpp) only unpack the
 *     stack frame, check the managed arrays (null, length) and call these;
 *   - the host build of the C# assembly calls the very same functions through P/Invoke
 *     (libnanoirq_native_host.so = core + this file + ports/host), so the C# bridge is tested for real.
 * Every argument check and every conversion between the C# numbers and the core's types lives here.
 *
 * Return values: NIRQ_OK (0) or a count on success; a negative nirq_status on failure, with nothing changed.
 * A negative int32 where the core wants an unsigned number is refused with the code the core would give
 * for that out-of-range value (pin: UNKNOWN_PIN, window/lockout: DEBOUNCE_RANGE, ring: RING_CAPACITY,
 * others: BAD_ARGUMENT).
 *
 * Threading: like nirq_port.h, every function runs on the one consumer thread (the nanoCLR thread).
 */
#ifndef NIRQ_API_H
#define NIRQ_API_H

#include "nirq.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Symbols exported from the host shared library (built with -fvisibility=hidden); nothing on a device. */
#if defined(NIRQ_BUILD_SHARED) && defined(__GNUC__)
#define NIRQ_EXPORT __attribute__((visibility("default")))
#else
#define NIRQ_EXPORT
#endif

/* Records moved per call of nirq_port_read inside nirq_api_read (a static buffer of this many 12-byte records:
 * 16 = 192 bytes of the static reservation). */
#ifndef NIRQ_API_CHUNK
#define NIRQ_API_CHUNK 16
#endif

/* What nirq_api_limit reports. */
#define NIRQ_LIMIT_GPIO_COUNT 0   /* GPIOs of the chip the port captures and toggles: 0 .. count - 1 */
#define NIRQ_LIMIT_RING_MAX 1     /* largest ring capacity in records (build-time NIRQ_RING_MAX) */
#define NIRQ_LIMIT_SLOTS 2        /* pins captured at the same time (build-time NIRQ_MAX_PINS) */

/* Values written by nirq_api_get_counters, in this order: seen, delivered, filtered, pending, dropped,
 * overrun, hard (see nirq_capture.h). */
#define NIRQ_API_COUNTER_COUNT 7

/* NativeStart: reclaims and resets the module; ring_capacity records, a power of two in 8 .. NIRQ_RING_MAX (64
 * unless the firmware was built with another NIRQ_RING_RECORDS).
 * Every pin still captured is closed first through the port (interrupt off, pin reservation freed), then the
 * ring, the slots and every counter start again from empty: records queued before are discarded. This is what
 * makes a redeploy work on every target: the C state survives nanoFramework's soft reboot, so pins found
 * captured belong to the previous program (within one program the C# NativeEdgeSource allows one instance).
 * NIRQ_ERR_RING_CAPACITY (checked first: nothing reclaimed, nothing changed), NIRQ_ERR_PORT. */
NIRQ_EXPORT int32_t nirq_api_start(int32_t ring_capacity);

/* NativeOpen: captures pin (0 .. the port's GPIO count - 1, see nirq_api_limit) on both edges, pull 0 none / 1 up / 2 down, debounce_mode 0..3 with
 * window_us (0 for none, else 1 .. 10,000,000), hard_action 0 none / 1 count / 2 toggle on hard_trigger
 * edges (1 rising, 2 falling, 3 both), toggling hard_output_pin, hard lockout 0 .. 10,000,000 µs.
 * Errors as nirq_capture_open plus NIRQ_ERR_BAD_ARGUMENT for a pull outside 0..2 or an output past the GPIO
 * count, NIRQ_ERR_OUTPUT_BUSY when another driver holds the toggle output, and NIRQ_ERR_PORT. */
NIRQ_EXPORT int32_t nirq_api_open(int32_t pin, int32_t pull, int32_t debounce_mode, int32_t window_us,
                                  int32_t hard_action, int32_t hard_trigger, int32_t hard_output_pin,
                                  int32_t hard_lockout_us);

/* NativeSetHard: replaces the hard action of a captured pin (same ranges as nirq_api_open), without a
 * window where the ISR could see half of it (the port masks the pin's interrupt meanwhile).
 * NIRQ_ERR_UNKNOWN_PIN when the pin is not captured. */
NIRQ_EXPORT int32_t nirq_api_set_hard(int32_t pin, int32_t hard_action, int32_t hard_trigger,
                                      int32_t hard_output_pin, int32_t hard_lockout_us);

/* NativeClose: stops capturing pin. NIRQ_ERR_UNKNOWN_PIN when it is not captured. */
NIRQ_EXPORT int32_t nirq_api_close(int32_t pin);

/* NativeRead: moves up to max debounced records, oldest first per pin, into the three arrays (each at
 * least max long): times[i] µs, sequences[i], pin_levels[i] = pin * 2 + level. Returns how many
 * (0 .. max). Reads in chunks of NIRQ_API_CHUNK until max - 1 records are written or the module has no
 * more ready; as with nirq_capture_read, a result >= max - 1 means more may remain.
 * NIRQ_ERR_BAD_ARGUMENT for a NULL array or max < 0 (nothing read). */
NIRQ_EXPORT int32_t nirq_api_read(uint32_t *times, uint32_t *sequences, int32_t *pin_levels, int32_t max);

/* NativeNextDeadline: the earliest µs time (0 .. 2^32-1) a native debouncer needs a read, or -1 when none
 * waits on time or the module is not started. */
NIRQ_EXPORT int64_t nirq_api_next_deadline(void);

/* NativeGetCounters: writes NIRQ_API_COUNTER_COUNT values (order above) for a captured pin.
 * NIRQ_ERR_BAD_ARGUMENT for NULL or count < NIRQ_API_COUNTER_COUNT, NIRQ_ERR_UNKNOWN_PIN when the pin is
 * not captured; values untouched on error. */
NIRQ_EXPORT int32_t nirq_api_get_counters(int32_t pin, uint32_t *values, int32_t count);

/* NativeReadLevel: the physical level of any GPIO 0 .. gpio count - 1 now, 0 or 1; NIRQ_ERR_UNKNOWN_PIN outside. */
NIRQ_EXPORT int32_t nirq_api_read_level(int32_t pin);

/* NativeLimit: one of the build's and the chip's limits (NIRQ_LIMIT_*), or NIRQ_ERR_BAD_ARGUMENT for another
 * `which`. Needs no start: the C# side asks before its first call, so that it can refuse an argument with its
 * name and the allowed range (the InternalCall bodies can raise exceptions only without a parameter name). */
NIRQ_EXPORT int32_t nirq_api_limit(int32_t which);

/* NativeNowMicros: the module's µs clock (the one the ISR stamps with), modulo 2^32. */
NIRQ_EXPORT uint32_t nirq_api_now_us(void);

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_API_H */
