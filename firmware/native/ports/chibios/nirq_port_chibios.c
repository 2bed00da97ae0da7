/*
 * NanoIrq native capture module: ChibiOS port for the RP2040 and RP2350 targets of nf-interpreter
 * (PICO_RP2040, PICO2_RP2350 and their _W variants, built on ChibiOS master's RP HAL).
 *
 * Not built by this repository's CI against the real ChibiOS: compiled inside an nf-interpreter ChibiOS
 * firmware build (see ../../README.md). CI builds it against cross/rp2040-standin (the few ChibiOS names this
 * file uses, with the RP2040's register layout) to count the interrupt path of a linked image.
 *
 * - Interrupts: PAL line events (PAL_USE_CALLBACKS is TRUE in nf-interpreter's Pico halconf.h), the same
 *   mechanism nanoFramework's cpu_gpio.cpp uses for System.Device.Gpio. Each line has ONE callback slot,
 *   so the two drivers must never share a pin: the port reserves each captured pin, and each hard-toggle
 *   output while armed, in nanoFramework's pin map (nirq_port_reserve_pin); GpioController.OpenPin on them
 *   then fails, and capturing a pin (or toggling an output) that System.Device.Gpio or a bus holds fails.
 *   The callback is set BEFORE the event is enabled: a line that System.Device.Gpio used earlier keeps its
 *   old callback (pointing at freed state) after nanoFramework disables its event, and must never fire with it.
 *   The callback runs in ISR context on core 0 (RP_PAL_EVENT_CORE_AFFINITY), where nanoCLR runs
 *   (CH_CFG_SMP_MODE FALSE): one producer and the consumer on one core, so the ring needs no dmb
 *   (NIRQ_SINGLE_CORE, set by FindINTEROP-NanoIrq.Native.cmake; checked below).
 * - The interrupt path: two PAL callbacks, both in RAM (section .ramtext, which nf-interpreter's and
 *   ChibiOS's rules_data.ld place in .data: copied to SRAM at start-up), so no XIP cache miss can stall an
 *   edge, and neither calls anything. nirq_chibios_edge (a pin without a hard action) reads the clock and the
 *   level and runs the capture half of the core (nirq_isr_capture, inlined); nirq_chibios_edge_hard (a pin with
 *   a count or toggle action) adds the hard half and one store of the precomputed output mask to SIO's
 *   GPIO_OUT_XOR (0 for a count: no pin changes). The line's callback is switched between the two, with the
 *   kernel locked, when the action is armed or disarmed. cross/elf_isr_path.sh counts both in a linked image.
 * - Clock: TIMER0's free-running 1 MHz counter, low word read without latching (TIMERAWL), the counter
 *   ChibiOS's own system tick uses (hal_st_lld.h); TIMER0 comes from the device header (rp2040.h at
 *   0x40054000, rp2350.h at 0x400B0000). Level: SIO GPIO_IN (bank 0, GPIO 0..29).
 * - No RTOS call in the ISR path: the ring is lock-free, so no chSysLockFromISR is needed.
 * - Soft reboot: ChibiOS targets have no soft-reboot hook (nirq_port_on_soft_reboot returns false), so
 *   pins captured by a program stay captured after a CLR soft reboot (a redeploy) until the next program's
 *   NativeStart: nirq_api_start closes each of them through nirq_port_close before resetting the module.
 *   Until then the old callbacks keep queueing into the old ring (discarded by that start). nanoFramework
 *   may re-initialise its pin map at the CLR start, so a new program can have opened such a pin with
 *   System.Device.Gpio before it starts the native module: nirq_port_close then sees that the line's PAL
 *   callback is no longer ours and leaves the line's event and reservation to their new owner.
 */
#define NIRQ_ISR_FOLD_EARLY 1 /* see NIRQ_KEEP_IN_REGISTER in nirq_capture.h */
#include "nirq_port.h"

#include "hal.h"

#if defined(NIRQ_SINGLE_CORE) && NIRQ_SINGLE_CORE && defined(CH_CFG_SMP_MODE) && (CH_CFG_SMP_MODE == TRUE)
#error "NIRQ_SINGLE_CORE is only valid with CH_CFG_SMP_MODE FALSE (the ring then needs real acquire/release)"
#endif

#ifndef NIRQ_RP_TIMERAWL
#define NIRQ_RP_TIMERAWL (TIMER0->TIMERAWL)
#endif

/* RAM placement of the interrupt path (nf-interpreter's rules_data.ld: *(.ramtext) goes into .data). */
#ifndef NIRQ_RAMFUNC
#define NIRQ_RAMFUNC __attribute__((section(".ramtext"), noinline))
#endif

/* GPIOs of bank 0, the ones SIO's 32-bit GPIO_IN and GPIO_OUT_XOR cover: 0..29 on the RP2040 and the RP2350A
 * (RP2350B's GPIO 30..47 are not supported by this port). */
#define NIRQ_CHIBIOS_GPIO_COUNT (RP_GPIO_NUM_LINES < 30 ? RP_GPIO_NUM_LINES : 30)

static nirq_capture s_capture;

nirq_capture *nirq_port_capture(void)
{
    return &s_capture;
}

uint32_t nirq_port_now_us(void)
{
    return NIRQ_RP_TIMERAWL;
}

uint32_t nirq_port_gpio_count(void)
{
    return NIRQ_CHIBIOS_GPIO_COUNT;
}

uint32_t nirq_port_read_level(uint32_t pin)
{
    return palReadLine((ioline_t)pin) ? 1u : 0u;
}

/* The core's generic path (nirq_capture_isr_edge) needs the hook; this port's callbacks toggle inline. */
void nirq_port_toggle_output(uint32_t pin)
{
    palToggleLine((ioline_t)pin);
}

/* A pin without a hard action. */
NIRQ_RAMFUNC static void nirq_chibios_edge(void *arg)
{
    nirq_pin *p = (nirq_pin *)arg;
    uint32_t now = NIRQ_RP_TIMERAWL;
    uint32_t level = (SIO->GPIO_IN & p->in_mask) != 0u ? 1u : 0u;
    nirq_isr_capture(p, level, now);
}

/* A pin with a count or toggle action: out_mask is 0 for a count, so the XOR store changes nothing. */
NIRQ_RAMFUNC static void nirq_chibios_edge_hard(void *arg)
{
    nirq_pin *p = (nirq_pin *)arg;
    uint32_t now = NIRQ_RP_TIMERAWL;
    uint32_t level = (SIO->GPIO_IN & p->in_mask) != 0u ? 1u : 0u;
    if (nirq_isr_hard(p, level, now) != 0u) {  /* the output first: the record can wait, the LED should not */
        SIO->GPIO_OUT_XOR = p->out_mask;
    }
    nirq_isr_capture(p, level, now);
}

static palcallback_t callback_for(uint32_t action)
{
    return action == NIRQ_HARD_NONE ? nirq_chibios_edge : nirq_chibios_edge_hard;
}

static bool callback_is_ours(ioline_t line)
{
    const palevent_t *event = pal_lld_get_line_event(line); /* the RP port's macro: &_pal_events[line] */
    return event->cb == nirq_chibios_edge || event->cb == nirq_chibios_edge_hard;
}

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    return nirq_capture_init(&s_capture, ring_capacity);
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    nirq_status st = nirq_port_check_open(&s_capture, cfg, pull);  /* nothing touched on a refusal */
    if (st == NIRQ_OK) {
        st = nirq_port_reserve_open(&s_capture, cfg);  /* System.Device.Gpio or a bus may hold a pin */
    }
    if (st != NIRQ_OK) {
        return st;
    }
    nirq_pin_config c = *cfg;
    ioline_t line = (ioline_t)cfg->pin;
    palSetLineMode(line, pull == NIRQ_PULL_UP ? PAL_MODE_INPUT_PULLUP
                         : pull == NIRQ_PULL_DOWN ? PAL_MODE_INPUT_PULLDOWN : PAL_MODE_INPUT);
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        palSetLineMode((ioline_t)cfg->hard_output_pin, PAL_MODE_OUTPUT_PUSHPULL);
    }
    c.initial_level = palReadLine(line) ? 1u : 0u;
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) {  /* cannot happen after the check above; undo anyway */
        nirq_port_unreserve_open(&s_capture, cfg);
        return st;
    }
    palSetLineCallback(line, callback_for(cfg->hard_action), p);  /* callback first, then the event */
    palEnableLineEvent(line, PAL_EVENT_MODE_BOTH_EDGES);
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_port_check_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    nirq_pin *p = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = p->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t old_output = p->hard_output;
    bool same_output = had_output && action == NIRQ_HARD_TOGGLE && old_output == output_pin;
    if (!same_output && !nirq_port_claim_output(&s_capture, pin, action, output_pin)) {
        return NIRQ_ERR_OUTPUT_BUSY;
    }
    if (action == NIRQ_HARD_TOGGLE) {
        palSetLineMode((ioline_t)output_pin, PAL_MODE_OUTPUT_PUSHPULL);
    }
    /* the PAL callback runs on this core (core 0) at a kernel-masked priority: with the kernel locked it
     * cannot run in the middle of the update, and it runs with the callback that matches the new action */
    chSysLock();
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    if (callback_is_ours((ioline_t)pin)) {
        palSetLineCallbackI((ioline_t)pin, callback_for(action), p);
    }
    chSysUnlock();
    if (had_output && !same_output) {
        nirq_port_release_output(&s_capture, old_output);
    }
    return st;
}

nirq_status nirq_port_close(uint32_t pin)
{
    if (pin >= NIRQ_PIN_LIMIT || s_capture.slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    ioline_t line = (ioline_t)pin;
    const nirq_pin *p = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = p->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t output = p->hard_output;
    /* our callback still on the line: ours to turn off and release; another callback: System.Device.Gpio took
     * the line after a soft reboot (see the top of this file), so only the capture is forgotten */
    chSysLock();
    bool ours = callback_is_ours(line);
    if (ours) {
        palDisableLineEventI(line);
    }
    chSysUnlock();
    if (ours) {
        (void)nirq_port_reserve_pin(pin, false);
    }
    nirq_status st = nirq_capture_close(&s_capture, pin);
    if (ours && had_output) {
        nirq_port_release_output(&s_capture, output);  /* after the close: this pin no longer counts as a user */
    }
    return st;
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}
