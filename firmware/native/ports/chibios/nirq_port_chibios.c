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
 * - RP2040, opt-in (CMake option NIRQ_VECTOR_HOOK, default OFF, written to nirq_config.h; honoured with RP2040
 *   defined, as ChibiOS's RP2040 hal_lld.h requires, and the PAL events on core 0; ignored elsewhere, e.g. RP2350):
 *   a direct IO_IRQ_BANK0 vector in front of ChibiOS's. Opt-in: it replaces the firmware's SCB->VTOR, puts its
 *   tables in SRAM4 as nf-interpreter's RP2040 linker scripts lay it out (below), and has run on an emulator only.
 *   The first nirq_port_start copies the active vector table (SCB->VTOR: 16 + 26 entries) into a 256-byte
 *   aligned array in SRAM4, puts nirq_chibios_bank0_vector in IRQ 13's entry, keeps the original (Vector74) and
 *   points SCB->VTOR at the copy, with the kernel locked; never undone. The handler walks a table of the captured
 *   pins (toggle actions first, then counts, then plain pins; rebuilt with the kernel locked by open, set_hard and
 *   close), and for each whose edge bits are pending in PROC0_INTS and whose PAL event still carries it (after a
 *   soft reboot System.Device.Gpio may own the line), clears them in INTR and runs the callback's work. If any bit
 *   of PROC0_INTS0..3 is still pending (another driver's pin, an edge that came meanwhile) it tail-jumps to the
 *   original vector with lr = EXC_RETURN, so ChibiOS dispatches those lines to their PAL callbacks and runs its
 *   epilogue (reschedule) as without the hook; otherwise it returns at once. Our part calls no RTOS function, so it
 *   needs no ChibiOS prologue or epilogue. The PAL callbacks stay registered and enabled: they run whenever
 *   ChibiOS's handler sees one of our lines (between open's palEnableLineEvent and its table rebuild; an edge
 *   between the handler's status read and its tail jump), a rare fallback, so with the hook they stay in flash.
 *   cross/elf_isr_path.sh counts the vector's path. RP2350 (Cortex-M33, 48 GPIOs, its own exception return rules)
 *   keeps the PAL path alone.
 * - The interrupt path, in RAM (section .ramtext, which nf-interpreter's and ChibiOS's rules_data.ld place in
 *   .data: copied to SRAM at start-up), so no XIP cache miss can stall an edge: the two PAL callbacks without the
 *   hook, the vector handler with it; none calls anything but its own code. nirq_chibios_edge (a pin without a
 *   hard action) reads the clock and the level and runs the capture half of the core (nirq_isr_capture, inlined);
 *   nirq_chibios_edge_hard (a pin with a count or toggle action) first runs the hard half and one store of the
 *   precomputed output mask to SIO's GPIO_OUT_XOR (0 for a count: no pin changes). The line's callback is
 *   switched between the two, with the kernel locked, when the action is armed or disarmed. The vector handler
 *   does the same work per pin (edge_work below).
 * - Clock: TIMER0's free-running 1 MHz counter, low word read without latching (TIMERAWL), the counter
 *   ChibiOS's own system tick uses (hal_st_lld.h); TIMER0 comes from the device header (rp2040.h at
 *   0x40054000, rp2350.h at 0x400B0000). Level: SIO GPIO_IN (bank 0, GPIO 0..29).
 * - No RTOS call in the ISR path: the ring is lock-free, so no chSysLockFromISR is needed.
 * - Soft reboot: ChibiOS targets have no soft-reboot hook (nirq_port_on_soft_reboot returns false), so
 *   pins captured by a program stay captured after a CLR soft reboot (a redeploy) until the next program's
 *   NativeStart: nirq_api_start closes each of them through nirq_port_close before resetting the module.
 *   Until then the old callbacks (and the vector handler's table) keep queueing into the old ring (discarded by
 *   that start). nanoFramework may re-initialise its pin map at the CLR start, so a new program can have opened
 *   such a pin with System.Device.Gpio before it starts the native module: the vector handler then leaves the
 *   line to ChibiOS (its PAL event's arg is no longer our pin), and nirq_port_close sees that the line's PAL
 *   callback is no longer ours and leaves the line's event and reservation to their new owner.
 */
#define NIRQ_ISR_FOLD_EARLY 1 /* see NIRQ_KEEP_IN_REGISTER in nirq_capture.h */
#include "nirq_port.h"

#include <stddef.h>

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

/* The direct IO_IRQ_BANK0 vector (top of this file): opt-in with the CMake option NIRQ_VECTOR_HOOK (nirq_config.h,
 * or -DNIRQ_VECTOR_HOOK=1), default 0; honoured on the RP2040 only, with the PAL events on core 0 (the core whose
 * SCB->VTOR nirq_port_start changes: nanoCLR's); elsewhere (RP2350) ignored: the PAL path alone. */
#ifndef NIRQ_VECTOR_HOOK
#define NIRQ_VECTOR_HOOK 0
#endif
#if NIRQ_VECTOR_HOOK && defined(RP2040) && (RP_PAL_EVENT_CORE_AFFINITY == 0)
#define NIRQ_CHIBIOS_VECTOR_HOOK 1
#else
#define NIRQ_CHIBIOS_VECTOR_HOOK 0
#endif

/* The PAL callbacks: the interrupt path without the hook, in RAM; with it only the vector's rare fallback (top of
 * this file), kept in flash. */
#if NIRQ_CHIBIOS_VECTOR_HOOK
#define NIRQ_PAL_CALLBACK static __attribute__((noinline))
#else
#define NIRQ_PAL_CALLBACK NIRQ_RAMFUNC static
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

/* One edge on p, after its interrupt bits were cleared: the clock, the level, then (hard: a count or toggle action
 * armed) the hard half with the output store first (the record can wait, the LED should not; out_mask is 0 for a
 * count, so the XOR store changes nothing), then the capture half. */
NIRQ_ALWAYS_INLINE void edge_work(nirq_pin *p, bool hard)
{
    uint32_t now = NIRQ_RP_TIMERAWL;
    uint32_t level = (SIO->GPIO_IN & p->in_mask) != 0u ? 1u : 0u;
    if (hard && nirq_isr_hard_due(p, level, now) != 0u) {
        SIO->GPIO_OUT_XOR = p->out_mask;
        nirq_isr_hard_done(p, now);
    }
    nirq_isr_capture(p, level, now);
}

/* A pin without a hard action. */
NIRQ_PAL_CALLBACK void nirq_chibios_edge(void *arg)
{
    edge_work((nirq_pin *)arg, false);
}

/* A pin with a count or toggle action. */
NIRQ_PAL_CALLBACK void nirq_chibios_edge_hard(void *arg)
{
    edge_work((nirq_pin *)arg, true);
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

#if NIRQ_CHIBIOS_VECTOR_HOOK
/* ---- RP2040: the direct IO_IRQ_BANK0 vector --------------------------------------------------------------- */

#define NIRQ_VTOR_ENTRIES (16u + 26u)                                    /* Cortex-M0+ exceptions + RP2040 IRQs */
#define NIRQ_BANK0_ENTRY (16u + (uint32_t)RP_IO_IRQ_BANK0_NUMBER)        /* 16 + 13 */
/* PROC0_INTS[n] as a word offset from INTR[n] (0x120 - 0xF0 = 12 words) */
#define NIRQ_INTS_FROM_INTR \
    ((offsetof(IOUSER_TypeDef, PROC[0].INTS) - offsetof(IOUSER_TypeDef, INTR)) / sizeof(uint32_t))

/* One captured pin, as the vector handler needs it. */
typedef struct nirq_vec_entry {
    volatile uint32_t *intr;  /* &IO_BANK0->INTR[n / 8] (write 1 to clear); PROC0_INTS[n / 8] is 12 words above */
    uint32_t edges;           /* GPIO n's EDGE_LOW and EDGE_HIGH bits there: 3 << (4 * (n % 8) + 2) */
    nirq_pin *pin;
    const palevent_t *event;  /* &_pal_events[n]: the line is still ours while event->arg is pin */
} nirq_vec_entry;

/* Where the tables below go. They need no initial value (vector_hook_install writes them before the vector can run),
 * so by default they go to ChibiOS's no-init section .ram4: nf-interpreter's RP2040 linker scripts put the main and
 * process stacks (0x400 + 0x800) at the start of SRAM4 (0x20040000, 4 KB) and leave the 1 KB above them unused.
 * There the tables take nothing from the main SRAM the managed heap is cut from, and their 256-byte alignment costs
 * no padding (the stacks end on a 256-byte boundary). A linker script without a ram4 region with room for them
 * fails to link; -DNIRQ_VECTOR_HOOK_SECTION='".bss.nirq_vector_hook"' then puts them into .bss. */
#ifndef NIRQ_VECTOR_HOOK_SECTION
#define NIRQ_VECTOR_HOOK_SECTION ".ram4"
#endif
#define NIRQ_VECTOR_HOOK_DATA __attribute__((section(NIRQ_VECTOR_HOOK_SECTION)))

/* One object, so that the pin table fills the space after the vector table instead of leaving a gap in front of it. */
NIRQ_VECTOR_HOOK_DATA __attribute__((aligned(256))) static struct {
    uint32_t vectors[NIRQ_VTOR_ENTRIES];  /* the active vector table: a copy of ChibiOS's with our IO_IRQ_BANK0 entry */
    nirq_vec_entry pins[NIRQ_MAX_PINS + 1];  /* the captured pins, ended by an entry with intr NULL; written only
                                             * with the kernel locked (the handler is masked) */
} s_vec_tables;
static uint32_t s_vec_original;  /* the replaced IO_IRQ_BANK0 vector (Vector74); 0 (.bss): not installed */

uint32_t nirq_chibios_bank0_pins(void);

/* The vector handler's work, called by nirq_chibios_bank0_vector: each captured pin with edge bits pending.
 * Returns the original vector when any IO_BANK0 interrupt is still pending for core 0, else 0. External (and
 * used) because the assembly entry calls it by name. */
NIRQ_RAMFUNC __attribute__((used)) uint32_t nirq_chibios_bank0_pins(void)
{
    volatile uint32_t *intr;
    for (const nirq_vec_entry *e = s_vec_tables.pins; (intr = e->intr) != NULL; e++) {
        uint32_t pending = intr[NIRQ_INTS_FROM_INTR] & e->edges;
        if (pending == 0u) {
            continue;
        }
        nirq_pin *p = e->pin;
        if (e->event->arg != p) {
            continue;  /* System.Device.Gpio took the line after a soft reboot: ChibiOS dispatches it */
        }
        *intr = pending;  /* before the level read: a later edge sets the bits again */
        edge_work(p, true);  /* a plain pin's hard_mask is 0: its hard half stops at the first test */
    }
    const volatile uint32_t *ints = IO_BANK0->PROC[0].INTS;
    NIRQ_KEEP_IN_REGISTER(ints);  /* one base register for the four loads */
    return (ints[0] | ints[1] | ints[2] | ints[3]) != 0u ? s_vec_original : 0u;
}

/* The IO_IRQ_BANK0 entry of the table: lr holds EXC_RETURN, which ChibiOS's vector reads (its epilogue decides on a
 * reschedule by it), so the tail jump restores lr and leaves the stack as the exception entry left it. */
NIRQ_RAMFUNC __attribute__((naked)) static void nirq_chibios_bank0_vector(void)
{
    __asm__ volatile("push {r0, lr}                \n\t" /* r0: keeps the stack 8-byte aligned */
                     "bl   nirq_chibios_bank0_pins \n\t"
                     "pop  {r1, r2}                \n\t"
                     "mov  lr, r2                  \n\t"
                     "cmp  r0, #0                  \n\t"
                     "beq  1f                      \n\t"
                     "bx   r0                      \n\t" /* ChibiOS's vector, as if entered directly */
                     "1:                           \n\t"
                     "bx   lr                      \n\t");
}

/* Once: the active table copied to SRAM with our entry, then SCB->VTOR switched to it. */
static void vector_hook_install(void)
{
    if (s_vec_original != 0u) {
        return;
    }
    chSysLock();
    const volatile uint32_t *active = (const volatile uint32_t *)(uintptr_t)SCB->VTOR;
    for (uint32_t i = 0u; i < NIRQ_VTOR_ENTRIES; i++) {
        s_vec_tables.vectors[i] = active[i];
    }
    s_vec_original = s_vec_tables.vectors[NIRQ_BANK0_ENTRY];
    s_vec_tables.vectors[NIRQ_BANK0_ENTRY] = (uint32_t)(uintptr_t)&nirq_chibios_bank0_vector;
    s_vec_tables.pins[0].intr = NULL;  /* no pin yet (the table is not initialised at start-up) */
    __DSB();  /* the table is in memory before the core may fetch a vector from it */
    SCB->VTOR = (uint32_t)(uintptr_t)s_vec_tables.vectors;
    __DSB();
    __ISB();
    chSysUnlock();
}

/* The handler's table from the capture state: toggles first, then counts, then plain pins; a pin whose PAL event is
 * no longer ours, and except_pin (being closed), left out. Called with the kernel locked. */
static void vector_table_rebuild(uint32_t except_pin)
{
    static const uint8_t order[3] = {NIRQ_HARD_TOGGLE, NIRQ_HARD_COUNT, NIRQ_HARD_NONE};
    uint32_t n = 0u;
    for (uint32_t k = 0u; k < 3u; k++) {
        for (uint32_t gpio = 0u; gpio < NIRQ_CHIBIOS_GPIO_COUNT; gpio++) {
            int8_t slot = s_capture.slot_of[gpio];
            if (slot < 0 || gpio == except_pin) {
                continue;
            }
            nirq_pin *p = &s_capture.pins[(uint32_t)slot];
            const palevent_t *event = pal_lld_get_line_event((ioline_t)gpio);
            if (p->hard_action != order[k] || !callback_is_ours((ioline_t)gpio) || event->arg != p) {
                continue;
            }
            nirq_vec_entry *e = &s_vec_tables.pins[n++];  /* n < NIRQ_MAX_PINS: one entry per slot at most */
            e->intr = &IO_BANK0->INTR[gpio / 8u];
            e->edges = 0xCu << (4u * (gpio % 8u));
            e->pin = p;
            e->event = event;
        }
    }
    s_vec_tables.pins[n].intr = NULL;
}
#else
static void vector_hook_install(void)
{
}

static void vector_table_rebuild(uint32_t except_pin)
{
    (void)except_pin;
}
#endif

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    vector_hook_install();
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
    chSysLock();
    vector_table_rebuild(NIRQ_PIN_LIMIT);  /* until here an edge went through ChibiOS to the callback */
    chSysUnlock();
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
    /* the PAL callback and the vector handler run on this core (core 0) at a kernel-masked priority: with the
     * kernel locked neither can run in the middle of the update, and both then run with the new action */
    chSysLock();
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    if (callback_is_ours((ioline_t)pin)) {
        palSetLineCallbackI((ioline_t)pin, callback_for(action), p);
    }
    vector_table_rebuild(NIRQ_PIN_LIMIT);
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
    vector_table_rebuild(pin);
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
