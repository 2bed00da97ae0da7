/*
 * NanoIrq native capture module: the port API, what the interop layer (interop/) calls. One port is
 * compiled into a firmware: esp-idf/nirq_port_esp_idf.c (ESP32 family) or chibios/nirq_port_chibios.c
 * (RP2040/RP2350). Each port owns the single nirq_capture instance, installs and removes pin
 * interrupts, stamps edges with its µs clock and implements nirq_port_toggle_output.
 *
 * Threading: every function here runs on the nanoCLR thread (the C# dispatcher's InternalCalls); only
 * the port's ISR runs elsewhere.
 */
#ifndef NIRQ_PORT_H
#define NIRQ_PORT_H

#include "nirq/nirq_capture.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Pull resistor values, the same numbers as the C# NanoIrq.PinPull enum. */
#define NIRQ_PULL_NONE 0u
#define NIRQ_PULL_UP 1u
#define NIRQ_PULL_DOWN 2u

/* Sizes the ring and readies the port (installs the GPIO ISR service on ESP-IDF). Refused with
 * NIRQ_ERR_PIN_BUSY while pins are captured: nirq_api_start closes them first (nirq_port_close on each), so
 * a previous program's pins never block a new start. */
nirq_status nirq_port_start(uint32_t ring_capacity);

/* Configures cfg->pin as an input with pull (and the toggle output as an output), reads its level into
 * the capture state, then enables its both-edge interrupt. cfg->initial_level is ignored (read here). */
nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull);

/* Replaces the hard action of a captured pin (see nirq_capture_set_hard): reserves a toggle output in
 * nanoFramework's pin map (NIRQ_ERR_OUTPUT_BUSY when another driver holds it, or it is a captured input;
 * several captured pins may toggle the same output), configures it as an output, then updates the capture
 * state with the pin's interrupt masked (ESP-IDF dual core: under the ISR's spinlock), so the ISR sees the old
 * action or the new one, never a mix. An output no captured pin toggles any more is released (disarm, close,
 * another output). nirq_port_open does the same for a toggle configured before the pin opens. */
nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us);

/* Disables the pin's interrupt, frees its reservation, then stops capturing it. Also called by
 * nirq_api_start for the pins a previous program left captured (after a CLR soft reboot, when nanoFramework
 * may have re-initialised its own GPIO state): a port whose pin another driver has taken over since must
 * leave that pin's interrupt and reservation alone and only forget the capture. */
nirq_status nirq_port_close(uint32_t pin);

/* Reads the clock, then drains up to max debounced records (see nirq_capture_read). */
uint32_t nirq_port_read(nirq_edge *out, uint32_t max);

/* The pin's physical level now, 0 or 1 (any valid GPIO, captured or not). */
uint32_t nirq_port_read_level(uint32_t pin);

/* The port's µs clock (the same one the ISR stamps with), modulo 2^32. */
uint32_t nirq_port_now_us(void);

/* How many GPIOs the chip has that this port can capture and toggle: GPIO numbers 0 .. count - 1 (RP2040 and
 * RP2350 through ChibiOS: 30, bank 0; ESP32 family: SOC_GPIO_PIN_COUNT, e.g. 40 on the ESP32; host: 64 unless a
 * test sets another). At most NIRQ_PIN_LIMIT. Input pins and hard-toggle outputs at or above it are refused
 * (NIRQ_ERR_UNKNOWN_PIN, NIRQ_ERR_BAD_ARGUMENT). */
uint32_t nirq_port_gpio_count(void);

/* The capture instance (counters, deadline). */
nirq_capture *nirq_port_capture(void);

/* ---- nanoCLR services, for the ports (defined in nanoclr/nirq_port_nanoclr.cpp) ---------------------- */

/* Claims (reserve = true) or frees a GPIO in nanoFramework's pin reservation map, the one
 * System.Device.Gpio checks when it opens a pin. False when reserving a pin that is already reserved (by
 * System.Device.Gpio, SPI, I2C, PSRAM...). The ports reserve each captured input pin, so the two drivers
 * can never both own a pin's interrupt. */
bool nirq_port_reserve_pin(uint32_t pin, bool reserve);

/* For the ports' open, set_hard and close: reserves output for captured pin's toggle in the pin map, unless action
 * is not a toggle or another captured pin already toggles that output (then true at once); false when another
 * driver holds the output. */
static inline bool nirq_port_claim_output(const nirq_capture *cap, uint32_t pin, uint32_t action, uint32_t output)
{
    if (action != NIRQ_HARD_TOGGLE || nirq_capture_output_users(cap, output, pin) != 0u) {
        return true;
    }
    return nirq_port_reserve_pin(output, true);
}

/* Frees output in the pin map once no captured pin toggles it (call after the pin that used it let go). */
static inline void nirq_port_release_output(const nirq_capture *cap, uint32_t output)
{
    if (nirq_capture_output_users(cap, output, NIRQ_PIN_LIMIT) == 0u) {
        (void)nirq_port_reserve_pin(output, false);
    }
}

/* The first step of every port's open, before it touches hardware: pull, then the pin and a toggle output against
 * the chip's GPIOs (nirq_port_gpio_count), then every rule of the core by a trial open and close. NIRQ_OK, or the
 * refusal with nothing changed. */
static inline nirq_status nirq_port_check_open(nirq_capture *cap, const nirq_pin_config *cfg, uint32_t pull)
{
    if (cfg == NULL || pull > NIRQ_PULL_DOWN) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    uint32_t count = nirq_port_gpio_count();
    if (cfg->pin >= count) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    if (cfg->hard_action == NIRQ_HARD_TOGGLE && cfg->hard_output_pin >= count) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    nirq_pin_config trial = *cfg;
    trial.initial_level = 0u;
    nirq_status st = nirq_capture_open(cap, &trial, nirq_port_now_us(), NULL);
    if (st != NIRQ_OK) {
        return st;
    }
    (void)nirq_capture_close(cap, cfg->pin);
    return NIRQ_OK;
}

/* The second step: reserves the input and, for a toggle, its output in nanoFramework's pin map. NIRQ_OK, or
 * NIRQ_ERR_PIN_BUSY / NIRQ_ERR_OUTPUT_BUSY (another driver holds it) with nothing reserved. */
static inline nirq_status nirq_port_reserve_open(const nirq_capture *cap, const nirq_pin_config *cfg)
{
    if (!nirq_port_reserve_pin(cfg->pin, true)) {
        return NIRQ_ERR_PIN_BUSY;
    }
    if (!nirq_port_claim_output(cap, cfg->pin, cfg->hard_action, cfg->hard_output_pin)) {
        (void)nirq_port_reserve_pin(cfg->pin, false);
        return NIRQ_ERR_OUTPUT_BUSY;
    }
    return NIRQ_OK;
}

/* The first step of every port's set_hard: the core's rules (nirq_capture_check_hard), then a toggle output against
 * the chip's GPIOs. NIRQ_OK, or the refusal with nothing changed. */
static inline nirq_status nirq_port_check_set_hard(const nirq_capture *cap, uint32_t pin, uint32_t action,
                                                   uint32_t trigger, uint32_t output_pin, uint32_t lockout_us)
{
    nirq_status st = nirq_capture_check_hard(cap, pin, action, trigger, output_pin, lockout_us);
    if (st == NIRQ_OK && action == NIRQ_HARD_TOGGLE && output_pin >= nirq_port_gpio_count()) {
        st = NIRQ_ERR_BAD_ARGUMENT;
    }
    return st;
}

/* Gives back what nirq_port_reserve_open took, when the open fails after it. */
static inline void nirq_port_unreserve_open(const nirq_capture *cap, const nirq_pin_config *cfg)
{
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        nirq_port_release_output(cap, cfg->hard_output_pin);
    }
    (void)nirq_port_reserve_pin(cfg->pin, false);
}

/* Registers handler to run when the CLR soft-reboots (a redeploy, a debugger restart), where the firmware
 * has such a hook (ESP32: true). False where it has none (ChibiOS): see firmware/native/README.md. */
bool nirq_port_on_soft_reboot(void (*handler)(void));

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_PORT_H */
