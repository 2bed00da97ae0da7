/*
 * NanoIrq native capture module: host port, test controls. The host port (nirq_port_host.c) implements
 * nirq_port.h over simulated pins and a settable µs clock, so that the core, the C API (nirq_api.h) and
 * the C# bridge (NanoIrq.Native built for net10.0, P/Invoke into libnanoirq_native_host.so) run on a PC.
 *
 * Simulated pin model (GPIO 0 .. NIRQ_PIN_LIMIT-1): each pin has a level (0 after reset). A pin nobody has
 * driven with nirq_host_edge/nirq_host_set_level takes the level of its pull when opened (up: 1, down: 0,
 * none: keeps its level). A captured pin's "interrupt" is enabled from nirq_port_open until
 * nirq_port_close. Toggle outputs keep a level (0 after reset) and a toggle count. The simulated chip has
 * NIRQ_PIN_LIMIT (64) GPIOs unless a test sets fewer (nirq_host_set_gpio_count), and a simulated
 * nanoFramework pin map: the port reserves captured pins and armed toggle outputs in it, as on a device, and
 * a test can play another driver holding a pin (nirq_host_reserve).
 *
 * Threading: nirq_host_edge plays the ISR; it may run on another thread than the consumer only as in
 * the core's contract (one producer per pin, see nirq_ring.h). The other controls are for the test
 * thread while no ISR runs.
 */
#ifndef NIRQ_PORT_HOST_H
#define NIRQ_PORT_HOST_H

#include "nirq/nirq_api.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Stops capturing every pin, forgets the module state (as after power-up: not started), sets every
 * level, drive flag and toggle count to 0 and the clock to 0. */
NIRQ_EXPORT void nirq_host_reset(void);

/* Sets the µs clock the port reads (stamps, debounce deadlines), modulo 2^32. */
NIRQ_EXPORT void nirq_host_set_now_us(uint32_t now_us);

/* Moves the clock on by delta_us (wraps modulo 2^32); returns the new time. */
NIRQ_EXPORT uint32_t nirq_host_advance_us(uint32_t delta_us);

/* Sets pin's level without an interrupt (a level present before capture starts). Returns 0, or
 * NIRQ_ERR_UNKNOWN_PIN outside 0 .. NIRQ_PIN_LIMIT-1. */
NIRQ_EXPORT int32_t nirq_host_set_level(int32_t pin, int32_t level);

/* One interrupt on pin: sets its level (0 or 1; any non-zero is 1) and, when the pin is captured, runs the
 * ISR path exactly as a port ISR does (level and the clock read at entry, nirq_capture_isr_edge). The same
 * level twice is an interrupt whose edge pair the hardware merged (the core counts an overrun).
 * Returns 1 when the ISR ran, 0 when the pin is not captured, NIRQ_ERR_UNKNOWN_PIN outside the range. */
NIRQ_EXPORT int32_t nirq_host_edge(int32_t pin, int32_t level);

/* How many times the hard action toggled output pin since reset; -1 outside the range. */
NIRQ_EXPORT int32_t nirq_host_toggles(int32_t pin);

/* The level of a toggle output pin (0 after reset, inverted by each toggle); -1 outside the range. */
NIRQ_EXPORT int32_t nirq_host_output_level(int32_t pin);

/* Records the consumer discarded because their pin had been closed since (nirq_capture.stale). */
NIRQ_EXPORT uint32_t nirq_host_stale(void);

/* Sets how many GPIOs the simulated chip has (nirq_port_gpio_count), 1 .. NIRQ_PIN_LIMIT; returns 0 or
 * NIRQ_ERR_BAD_ARGUMENT. nirq_host_reset restores NIRQ_PIN_LIMIT. */
NIRQ_EXPORT int32_t nirq_host_set_gpio_count(int32_t count);

/* Plays another driver (System.Device.Gpio, a bus) taking (reserve != 0) or freeing a pin in the simulated pin
 * map. Returns 1 when done, 0 when reserving a pin already reserved, NIRQ_ERR_UNKNOWN_PIN outside the range. */
NIRQ_EXPORT int32_t nirq_host_reserve(int32_t pin, int32_t reserve);

/* 1 when pin is reserved in the simulated pin map (by the module or by nirq_host_reserve), else 0; -1 outside
 * the range. */
NIRQ_EXPORT int32_t nirq_host_reserved(int32_t pin);

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_PORT_HOST_H */
