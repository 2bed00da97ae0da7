/*
 * NanoIrq native capture module: ChibiOS port for the RP2040 and RP2350 targets of nf-interpreter
 * (PICO_RP2040, PICO2_RP2350 and their _W variants, built on ChibiOS master's RP HAL).
 *
 * Not built by this repository's CI: compiled only inside an nf-interpreter ChibiOS firmware build (see
 * ../../README.md, which also records the syntax check run against ChibiOS's RP2040 and RP2350 headers and
 * nf-interpreter's Pico halconf/mcuconf/board files). The core it calls is cross-compiled and checked in
 * CI for Cortex-M0+ and Cortex-M33.
 *
 * - Interrupts: PAL line events (PAL_USE_CALLBACKS is TRUE in nf-interpreter's Pico halconf.h), the same
 *   mechanism nanoFramework's cpu_gpio.cpp uses for System.Device.Gpio. Each line has ONE callback slot,
 *   so the two drivers must never share a pin: the port reserves each captured pin in nanoFramework's pin
 *   map (nirq_port_reserve_pin), GpioController.OpenPin on it then fails, and capturing a pin that
 *   System.Device.Gpio (or a bus) holds fails with NIRQ_ERR_PIN_BUSY. The callback is set BEFORE the event
 *   is enabled: a line that System.Device.Gpio used earlier keeps its old callback (pointing at freed
 *   state) after nanoFramework disables its event, and must never fire with it.
 *   The callback runs in ISR context on core 0 (RP_PAL_EVENT_CORE_AFFINITY), where nanoCLR runs: one
 *   producer.
 * - Clock: TIMER0's free-running 1 MHz counter, low word read without latching (TIMERAWL), the counter
 *   ChibiOS's own system tick uses (hal_st_lld.h); TIMER0 comes from the device header (rp2040.h at
 *   0x40054000, rp2350.h at 0x400B0000).
 * - No RTOS call in the ISR path: the ring is lock-free, so no chSysLockFromISR is needed.
 * - Soft reboot: ChibiOS targets have no soft-reboot hook (nirq_port_on_soft_reboot returns false), so
 *   pins captured by a program stay captured after a CLR soft reboot (a redeploy) until the next program's
 *   NativeStart: nirq_api_start closes each of them through nirq_port_close before resetting the module.
 *   Until then the old callbacks keep queueing into the old ring (discarded by that start). nanoFramework
 *   may re-initialise its pin map at the CLR start, so a new program can have opened such a pin with
 *   System.Device.Gpio before it starts the native module: nirq_port_close then sees that the line's PAL
 *   callback is no longer ours and leaves the line's event and reservation to their new owner.
 */
#include "nirq_port.h"

#include "hal.h"

#ifndef NIRQ_RP_TIMERAWL
#define NIRQ_RP_TIMERAWL (TIMER0->TIMERAWL)
#endif

static nirq_capture s_capture;

nirq_capture *nirq_port_capture(void)
{
    return &s_capture;
}

uint32_t nirq_port_now_us(void)
{
    return NIRQ_RP_TIMERAWL;
}

uint32_t nirq_port_read_level(uint32_t pin)
{
    return palReadLine((ioline_t)pin) ? 1u : 0u;
}

void nirq_port_toggle_output(uint32_t pin)
{
    palToggleLine((ioline_t)pin);
}

static void nirq_chibios_callback(void *arg)
{
    nirq_pin *p = (nirq_pin *)arg;
    uint32_t now = NIRQ_RP_TIMERAWL;
    uint32_t level = palReadLine((ioline_t)p->pin) ? 1u : 0u;
    nirq_capture_isr_edge(p, level, now);
}

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    return nirq_capture_init(&s_capture, ring_capacity);
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    if (cfg == NULL || pull > NIRQ_PULL_DOWN) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    nirq_pin_config c = *cfg;
    c.initial_level = 0u;
    nirq_status st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), NULL);  /* validate first */
    if (st != NIRQ_OK) {
        return st;
    }
    (void)nirq_capture_close(&s_capture, cfg->pin);
    if (!nirq_port_reserve_pin(cfg->pin, true)) {
        return NIRQ_ERR_PIN_BUSY;  /* System.Device.Gpio or a bus holds it */
    }
    ioline_t line = (ioline_t)cfg->pin;
    palSetLineMode(line, pull == NIRQ_PULL_UP ? PAL_MODE_INPUT_PULLUP
                         : pull == NIRQ_PULL_DOWN ? PAL_MODE_INPUT_PULLDOWN : PAL_MODE_INPUT);
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        palSetLineMode((ioline_t)cfg->hard_output_pin, PAL_MODE_OUTPUT_PUSHPULL);
    }
    c.initial_level = palReadLine(line) ? 1u : 0u;
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) {
        (void)nirq_port_reserve_pin(cfg->pin, false);
        return st;
    }
    palSetLineCallback(line, nirq_chibios_callback, p);  /* callback first, then the event */
    palEnableLineEvent(line, PAL_EVENT_MODE_BOTH_EDGES);
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_capture_check_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    if (action == NIRQ_HARD_TOGGLE) {
        palSetLineMode((ioline_t)output_pin, PAL_MODE_OUTPUT_PUSHPULL);
    }
    /* the PAL callback runs on this core (core 0) at a kernel-masked priority: with the kernel locked it
     * cannot run in the middle of the update */
    chSysLock();
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    chSysUnlock();
    return st;
}

nirq_status nirq_port_close(uint32_t pin)
{
    if (pin >= NIRQ_PIN_LIMIT || s_capture.slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    ioline_t line = (ioline_t)pin;
    /* our callback still on the line: ours to turn off and release; another callback: System.Device.Gpio took
     * the line after a soft reboot (see the top of this file), so only the capture is forgotten */
    chSysLock();
    const palevent_t *event = pal_lld_get_line_event(line); /* the RP port's macro: &_pal_events[line] */
    bool ours = event->cb == nirq_chibios_callback;
    if (ours) {
        palDisableLineEventI(line);
    }
    chSysUnlock();
    if (ours) {
        (void)nirq_port_reserve_pin(pin, false);
    }
    return nirq_capture_close(&s_capture, pin);
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}
