/*
 * Bare-metal RP2040 test program for the native capture core, run by tools/picoemu's tests on rp2040js.
 *
 * It uses the C API that nanoCLR's InternalCalls use (nirq_api.h) over the bare-metal port, and reports on
 * UART0, one line per event (115200 8N1 configured as for a 125 MHz clk_peri; the emulator does not time the
 * UART):
 *   nirq-baremetal profile=P ring=N t=NOW         after set-up (t: TIMERAWL, µs)
 *   open pin=P mode=M window=W level=L status=S  each capture opened (L: level read at open)
 *   check what=... status=S                      deliberate bad calls (profile 1), S the nirq_status
 *   rec pin=P level=L t=T seq=S                  each debounced record nirq_api_read returns
 *   cnt pin=P seen= delivered= filtered= pending= dropped= overrun= hard=
 *                                                a pin's counters, whenever they changed
 *
 * Straps GP26 (bit 0) and GP27 (bit 1), read once at start-up, choose the profile:
 *   0 debounce  ring 64; GP2 none, GP3 lockout 5 ms, GP4 lockout 1 ms, GP5 lockout 2 ms, GP6 quiet 5 ms,
 *               GP7 quiet 1 ms, GP8 quiet 100 µs, GP9 glitch 100 µs (the windows of the core's scenario table,
 *               firmware/native/tests/scenarios/debounce.txt)
 *   1 limits    ring 8, and nothing is read before t = 50 ms, so edges before then overflow the ring;
 *               GP10 none, GP11 none with a hard toggle of GP15 on falling edges (lockout 1 ms), GP12 none;
 *               plus bad calls: pin 30 (the RP2040 has GPIO 0..29), GP10 twice, a toggle output of 30
 * The port toggles GP25 after each edge's record is written (NIRQ_BM_DEBUG_PIN), for the emulator to time.
 */
#include <stdint.h>

#include "nirq/nirq_api.h"
#include "nirq_port.h"
#include "rp2040_regs.h"

#define MAX_RECORDS 16

typedef struct bm_capture {
    int32_t pin;
    int32_t mode;
    int32_t window_us;
    int32_t hard_action;
    int32_t hard_trigger;
    int32_t hard_output;
    int32_t hard_lockout_us;
} bm_capture;

static const bm_capture s_debounce[] = {
    {2, NIRQ_DEBOUNCE_NONE, 0, 0, 0, 0, 0},       {3, NIRQ_DEBOUNCE_LOCKOUT, 5000, 0, 0, 0, 0},
    {4, NIRQ_DEBOUNCE_LOCKOUT, 1000, 0, 0, 0, 0}, {5, NIRQ_DEBOUNCE_LOCKOUT, 2000, 0, 0, 0, 0},
    {6, NIRQ_DEBOUNCE_QUIET, 5000, 0, 0, 0, 0},   {7, NIRQ_DEBOUNCE_QUIET, 1000, 0, 0, 0, 0},
    {8, NIRQ_DEBOUNCE_QUIET, 100, 0, 0, 0, 0},    {9, NIRQ_DEBOUNCE_GLITCH, 100, 0, 0, 0, 0},
};

static const bm_capture s_limits[] = {
    {10, NIRQ_DEBOUNCE_NONE, 0, 0, 0, 0, 0},
    {11, NIRQ_DEBOUNCE_NONE, 0, NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_FALLING, 15, 1000},
    {12, NIRQ_DEBOUNCE_NONE, 0, 0, 0, 0, 0},
};

#define LIMITS_HOLD_US 50000u

static uint32_t s_counters[NIRQ_MAX_PINS][NIRQ_API_COUNTER_COUNT];

/* ---- UART0 output ---------------------------------------------------------------------------------- */

static void put_char(char ch)
{
    while ((UART0_FR & UART_FR_TXFF) != 0u) {
    }
    UART0_DR = (uint32_t)(uint8_t)ch;
}

static void put_str(const char *s)
{
    while (*s != '\0') {
        put_char(*s++);
    }
}

static void put_u32(uint32_t v)
{
    char buf[10];
    uint32_t n = 0;
    do {
        buf[n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0u);
    while (n != 0u) {
        put_char(buf[--n]);
    }
}

static void put_i32(int32_t v)
{
    if (v < 0) {
        put_char('-');
        put_u32(0u - (uint32_t)v);
    } else {
        put_u32((uint32_t)v);
    }
}

static void put_field(const char *name, uint32_t v)
{
    put_char(' ');
    put_str(name);
    put_char('=');
    put_u32(v);
}

static void put_status(const char *what, int32_t status)
{
    put_str("check what=");
    put_str(what);
    put_str(" status=");
    put_i32(status);
    put_char('\n');
}

/* ---- chip set-up ----------------------------------------------------------------------------------- */

static void chip_init(void)
{
    uint32_t blocks = RESET_IO_BANK0 | RESET_PADS_BANK0 | RESET_TIMER | RESET_UART0;
    RESETS_RESET_CLR = blocks;
    while ((RESETS_RESET_DONE & blocks) != blocks) {
    }
    UART0_IBRD = 67u; /* 125 MHz / (16 * 115200) = 67.8 */
    UART0_FBRD = 52u;
    UART0_LCR_H = 0x70u;  /* 8 bits, FIFOs on */
    UART0_CR = 0x301u;    /* UARTEN, TXE, RXE */
    /* straps and the debug pin */
    for (uint32_t pin = 26u; pin <= 27u; pin++) {
        PADS_GPIO(pin) = PADS_IE | PADS_SCHMITT | PADS_PDE;
        IO_GPIO_CTRL(pin) = IO_FUNCSEL_SIO;
    }
    PADS_GPIO(25u) = PADS_IE | PADS_DRIVE_4MA;
    IO_GPIO_CTRL(25u) = IO_FUNCSEL_SIO;
    SIO_GPIO_OE_SET = 1u << 25;
    /* TIMER alarm 0 wakes the main loop at a debounce deadline */
    TIMER_INTE = 1u;
    NVIC_ICPR = 1u << RP_IRQ_TIMER_0;
    NVIC_ISER = 1u << RP_IRQ_TIMER_0;
}

void isr_timer0(void)
{
    TIMER_INTR = 1u; /* the wake-up is all it is for */
}

/* Arms alarm 0 at deadline; false when the deadline has already passed (the alarm would then wait 2^32 µs). */
static bool arm_alarm(uint32_t deadline)
{
    TIMER_ALARM0 = deadline;
    return nirq_ticks_diff(deadline, TIMER_TIMERAWL) > 0;
}

/* Sleeps until an interrupt, unless a record is already queued (checked with interrupts masked, so an edge
 * between the check and the wfi still wakes it). */
static void sleep_unless_queued(void)
{
    uint32_t key = rp_irq_save();
    if (nirq_ring_count(&nirq_port_capture()->ring) == 0u) {
        __asm volatile("wfi");
    }
    rp_irq_restore(key);
}

/* ---- reports --------------------------------------------------------------------------------------- */

static void report_counters(const bm_capture *caps, uint32_t count)
{
    for (uint32_t i = 0; i < count && i < NIRQ_MAX_PINS; i++) {
        uint32_t now[NIRQ_API_COUNTER_COUNT];
        if (nirq_api_get_counters(caps[i].pin, now, NIRQ_API_COUNTER_COUNT) != NIRQ_OK) {
            continue;
        }
        bool changed = false;
        for (uint32_t k = 0; k < NIRQ_API_COUNTER_COUNT; k++) {
            changed = changed || now[k] != s_counters[i][k];
            s_counters[i][k] = now[k];
        }
        if (!changed) {
            continue;
        }
        put_str("cnt");
        put_field("pin", (uint32_t)caps[i].pin);
        put_field("seen", now[0]);
        put_field("delivered", now[1]);
        put_field("filtered", now[2]);
        put_field("pending", now[3]);
        put_field("dropped", now[4]);
        put_field("overrun", now[5]);
        put_field("hard", now[6]);
        put_char('\n');
    }
}

static void open_all(const bm_capture *caps, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        const bm_capture *c = &caps[i];
        int32_t st = nirq_api_open(c->pin, NIRQ_PULL_NONE, c->mode, c->window_us, c->hard_action, c->hard_trigger,
                                   c->hard_output, c->hard_lockout_us);
        put_str("open");
        put_field("pin", (uint32_t)c->pin);
        put_field("mode", (uint32_t)c->mode);
        put_field("window", (uint32_t)c->window_us);
        put_field("level", (uint32_t)nirq_api_read_level(c->pin));
        put_str(" status=");
        put_i32(st);
        put_char('\n');
    }
}

int main(void)
{
    chip_init();
    uint32_t profile = (SIO_GPIO_IN >> 26) & 3u;
    const bm_capture *caps = profile == 1u ? s_limits : s_debounce;
    uint32_t count = profile == 1u ? sizeof s_limits / sizeof s_limits[0] : sizeof s_debounce / sizeof s_debounce[0];
    int32_t ring = profile == 1u ? 8 : 64;

    int32_t st = nirq_api_start(ring);
    if (st != NIRQ_OK) {
        put_status("start", st);
        return 1;
    }
    open_all(caps, count);
    if (profile == 1u) {
        put_status("open-pin-30", nirq_api_open(30, NIRQ_PULL_NONE, NIRQ_DEBOUNCE_NONE, 0, 0, 0, 0, 0));
        put_status("open-busy", nirq_api_open(10, NIRQ_PULL_NONE, NIRQ_DEBOUNCE_NONE, 0, 0, 0, 0, 0));
        put_status("toggle-output-30", nirq_api_set_hard(12, NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_BOTH, 30, 0));
    }
    put_str("nirq-baremetal");
    put_field("profile", profile);
    put_field("ring", (uint32_t)ring);
    put_field("t", nirq_api_now_us());
    put_char('\n');

    if (profile == 1u) {
        /* let the ring fill: the interrupt keeps capturing, nothing is read */
        while (arm_alarm(LIMITS_HOLD_US)) {
            __asm volatile("wfi");
        }
    }

    uint32_t times[MAX_RECORDS];
    uint32_t seqs[MAX_RECORDS];
    int32_t pin_levels[MAX_RECORDS];
    for (;;) {
        int32_t n = nirq_api_read(times, seqs, pin_levels, MAX_RECORDS);
        for (int32_t i = 0; i < n; i++) {
            put_str("rec");
            put_field("pin", (uint32_t)pin_levels[i] / 2u);
            put_field("level", (uint32_t)pin_levels[i] % 2u);
            put_field("t", times[i]);
            put_field("seq", seqs[i]);
            put_char('\n');
        }
        if (n >= MAX_RECORDS - 1) {
            continue; /* more may be ready */
        }
        report_counters(caps, count);
        int64_t deadline = nirq_api_next_deadline();
        if (deadline >= 0 && !arm_alarm((uint32_t)deadline)) {
            continue; /* already due: read again */
        }
        sleep_unless_queued();
    }
}
