/*
 * NanoIrq native capture core: per-pin capture state, the ISR entry point, hard actions, counters, and
 * the consumer-side read that drains the ring through the debouncers.
 *
 * Split of work:
 *   ISR (nirq_capture_isr_edge, called by a port with the level and a µs stamp it read at interrupt
 *   entry): numbers the edge, notes an overrun, pushes the record (counting a drop when the ring is full),
 *   then runs the hard action. No loop, no call except the optional toggle hook, no RMW atomics; at most
 *   59 instructions on Cortex-M0+/M33 and rv32imc (checked by cross/cross_check.sh under ctest).
 *   Consumer (nirq_capture_read, on the dispatcher thread): pops records, runs each pin's debouncer,
 *   hands debounced records to the caller (the C# interop ReadBatch), and ticks the debouncers.
 *   Control (init/open/close/counters): on the dispatcher thread. The port installs a pin's interrupt
 *   only after nirq_capture_open succeeded and removes it before calling nirq_capture_close.
 *
 * Per-pin counters (all modulo 2^32):
 *   seen       edges the ISR saw (= last sequence number handed out)
 *   dropped    edges refused because the ring was full (never stored, never delivered)
 *   overrun    interrupts whose level equalled the previous one: the hardware merged at least one
 *              edge pair because the ISR ran late (these lost edges are not part of seen)
 *   delivered  debounced records handed to the consumer
 *   filtered   records absorbed by the debouncer
 *   pending    1 while the debouncer holds a record waiting for its window, else 0
 *   hard       hard actions performed (counts or toggles)
 *   Invariant once the ring is drained: seen == delivered + filtered + pending + dropped.
 */
#ifndef NIRQ_CAPTURE_H
#define NIRQ_CAPTURE_H

#include "nirq.h"
#include "nirq_debounce.h"
#include "nirq_ring.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Hard actions, run in the ISR without the interpreter (MicroPython's hard=True). */
typedef enum nirq_hard_action {
    NIRQ_HARD_NONE = 0,
    NIRQ_HARD_COUNT = 1,   /* count matching edges (read back as the "hard" counter) */
    NIRQ_HARD_TOGGLE = 2   /* count and toggle an output pin through nirq_port_toggle_output */
} nirq_hard_action;

/* Which edges a hard action reacts to (bit values shared with the C# side). */
typedef enum nirq_trigger {
    NIRQ_TRIGGER_RISING = 1,   /* new level 1 */
    NIRQ_TRIGGER_FALLING = 2,  /* new level 0 */
    NIRQ_TRIGGER_BOTH = 3
} nirq_trigger;

/* What to capture on one pin. */
typedef struct nirq_pin_config {
    uint32_t pin;              /* GPIO number, 0 .. NIRQ_PIN_LIMIT-1 */
    uint32_t initial_level;    /* pin level when capture starts (the port reads it), 0 or 1 */
    uint32_t debounce_mode;    /* nirq_debounce_mode */
    uint32_t window_us;        /* debounce window, see nirq_debounce.h */
    uint32_t hard_action;      /* nirq_hard_action */
    uint32_t hard_trigger;     /* nirq_trigger, used when hard_action != NONE */
    uint32_t hard_output_pin;  /* NIRQ_HARD_TOGGLE only: GPIO to toggle, not the input pin */
    uint32_t hard_lockout_us;  /* 0 .. NIRQ_WINDOW_MAX_US: after a hard action, ignore further matching
                                  edges for this long (a debounced toggle in the ISR); 0 = none */
} nirq_pin_config;

/* Per-pin state. Fields marked ISR are written only by the ISR; cfg fields only while the ISR is off (or masked).
 * The fields the interrupt path reads come first, so that each is one load with an immediate offset (Cortex-M0+:
 * words within 124 bytes, bytes within 31). 88 bytes on 32-bit targets (one capture slot). */
typedef struct nirq_pin {
    uint32_t seq;              /* ISR */
    uint32_t last_level;       /* ISR */
    nirq_ring *ring;           /* cfg */
    uint32_t word;             /* cfg: nirq_ring_word(pin, 0, epoch), the level is or-ed in per edge */
    uint32_t in_mask;          /* cfg: 1 << pin (bit 0..31), for ports that read a GPIO input register */
    uint32_t out_mask;         /* cfg: 1 << hard_output (bit 0..31) for NIRQ_HARD_TOGGLE, else 0: a port that toggles
                                  through an XOR register writes it unconditionally once the action fired */
    uint8_t hard_action;       /* cfg */
    uint8_t hard_mask;         /* cfg: bit L (L = new level 0/1) set when that edge triggers the hard action;
                                  bit L + 2 also set when the action toggles the output (NIRQ_HARD_TOGGLE) */
    uint8_t epoch;             /* cfg: tags records so a closed-then-reopened pin ignores old ones */
    uint8_t in_use;            /* consumer */
    uint32_t last_hard_us;     /* ISR */
    uint32_t hard_lockout_us;  /* cfg */
    uint32_t overrun;          /* ISR */
    uint32_t dropped;          /* ISR */
    uint32_t hard;             /* ISR */
    uint16_t pin;              /* cfg */
    uint16_t hard_output;      /* cfg */
    nirq_debouncer deb;        /* consumer */
} nirq_pin;

#if defined(__cplusplus)
static_assert(sizeof(void *) != 4 || sizeof(nirq_pin) == 88, "a capture slot is 88 bytes on 32-bit targets (README)");
#else
_Static_assert(sizeof(void *) != 4 || sizeof(nirq_pin) == 88, "a capture slot is 88 bytes on 32-bit targets (README)");
#endif

typedef struct nirq_capture {
    bool started;
    nirq_ring ring;
    int8_t slot_of[NIRQ_PIN_LIMIT];  /* GPIO -> slot, -1 when not captured */
    uint32_t stale;                  /* records discarded because their pin was closed since */
    nirq_pin pins[NIRQ_MAX_PINS];
    nirq_edge storage[NIRQ_RING_MAX];
} nirq_capture;

typedef struct nirq_counters {
    uint32_t seen;
    uint32_t delivered;
    uint32_t filtered;
    uint32_t pending;
    uint32_t dropped;
    uint32_t overrun;
    uint32_t hard;
} nirq_counters;

/* Port hook for NIRQ_HARD_TOGGLE: inverts the output pin. Called from the ISR; must be ISR-safe and
 * placed in IRAM on ESP32. Every port (and the host tests) defines it. */
void nirq_port_toggle_output(uint32_t pin);

/* Resets everything and sizes the ring (records: power of two in NIRQ_RING_MIN .. NIRQ_RING_MAX).
 * NIRQ_ERR_RING_CAPACITY (nothing changed) or NIRQ_ERR_PIN_BUSY if pins are still captured. */
nirq_status nirq_capture_init(nirq_capture *c, uint32_t ring_capacity);

/* Starts capturing cfg->pin; now_us is the port clock. On success *out (if not NULL) is the state to pass
 * to nirq_capture_isr_edge. Errors (nothing changed): NIRQ_ERR_NOT_STARTED, NIRQ_ERR_UNKNOWN_PIN,
 * NIRQ_ERR_PIN_BUSY, NIRQ_ERR_BAD_ARGUMENT (mode, action, trigger, output pin, level),
 * NIRQ_ERR_DEBOUNCE_RANGE (window or hard lockout), NIRQ_ERR_NO_FREE_SLOT. */
nirq_status nirq_capture_open(nirq_capture *c, const nirq_pin_config *cfg, uint32_t now_us, nirq_pin **out);

/* Replaces the hard action of the captured pin (ranges as in nirq_pin_config; the hard counter keeps
 * counting; the lockout restarts so the next matching edge acts). The port masks the pin's interrupt
 * around this call: the ISR must never see half an update. Errors (nothing changed):
 * NIRQ_ERR_UNKNOWN_PIN (not captured), NIRQ_ERR_BAD_ARGUMENT, NIRQ_ERR_DEBOUNCE_RANGE (lockout).
 * nirq_capture_check_hard only checks (the same codes), so a port can validate before touching hardware;
 * then set_hard with the same arguments cannot fail. */
nirq_status nirq_capture_check_hard(const nirq_capture *c, uint32_t pin, uint32_t action, uint32_t trigger,
                                    uint32_t output_pin, uint32_t lockout_us);
nirq_status nirq_capture_set_hard(nirq_capture *c, uint32_t pin, uint32_t action, uint32_t trigger,
                                  uint32_t output_pin, uint32_t lockout_us, uint32_t now_us);

/* Stops capturing pin (the port has already removed its interrupt). Records still queued for it are
 * discarded when read. NIRQ_ERR_UNKNOWN_PIN if it was not captured. */
nirq_status nirq_capture_close(nirq_capture *c, uint32_t pin);

/* Consumer: drains the ring through the debouncers, then (only once the ring is empty) ticks every
 * debouncer with now_us. Writes at most max records to out, oldest first per pin; returns how many.
 * When it returns max, call again: records may remain. now_us must be read before the call. */
uint32_t nirq_capture_read(nirq_capture *c, uint32_t now_us, nirq_edge *out, uint32_t max);

/* True and the earliest time a debouncer needs a read/tick; false when no debouncer waits on time. */
bool nirq_capture_next_deadline(const nirq_capture *c, uint32_t *deadline_us);

/* Snapshot of one pin's counters; NIRQ_ERR_UNKNOWN_PIN if the pin is not captured. */
nirq_status nirq_capture_counters(const nirq_capture *c, uint32_t pin, nirq_counters *out);

/* Makes the compiler compute x here and keep it in a register, instead of re-deriving it (or spilling its
 * operands) where it is used: GCC 12's register allocation for Thumb-1 otherwise spills on the ChibiOS port's
 * callbacks. A port defines NIRQ_ISR_FOLD_EARLY before its includes to use it in nirq_isr_capture (it makes the
 * generic nirq_capture_isr_edge longer at -O2, so the core leaves it off). */
#if defined(__GNUC__)
#define NIRQ_KEEP_IN_REGISTER(x) __asm__("" : "+r"(x))
#else
#define NIRQ_KEEP_IN_REGISTER(x) ((void)0)
#endif

/* ISR entry: one edge on p, level (0/1) read and now_us stamped by the port at interrupt entry. Capture, then
 * the hard action (the toggle through nirq_port_toggle_output). Ports with a short path of their own (ChibiOS)
 * use the two inline halves below instead, and keep hard actions in a second callback. */
void nirq_capture_isr_edge(nirq_pin *p, uint32_t level, uint32_t now_us);

/* ISR, first half: numbers the edge, counts an overrun, pushes the record or counts a drop. No call, no loop. */
NIRQ_ALWAYS_INLINE void nirq_isr_capture(nirq_pin *p, uint32_t level, uint32_t now_us)
{
    /* ordered so that few values are live at once (Cortex-M0+ has 8 low registers): the level is folded into the
     * record word and the overrun test before the ring is touched */
    uint32_t word = p->word | (level << 16);
#if defined(NIRQ_ISR_FOLD_EARLY)
    NIRQ_KEEP_IN_REGISTER(word);  /* the ChibiOS port's callbacks: saves a spill on Cortex-M0+ (42 instead of 46) */
#endif
    uint32_t last = NIRQ_LOAD_RLX(&p->last_level);
    NIRQ_STORE_RLX(&p->last_level, level);
    if (last == level) {
        NIRQ_STORE_RLX(&p->overrun, NIRQ_LOAD_RLX(&p->overrun) + 1u);
    }
    uint32_t seq = NIRQ_LOAD_RLX(&p->seq) + 1u;
    NIRQ_STORE_RLX(&p->seq, seq);
    if (!nirq_ring_push(p->ring, now_us, seq, word)) {
        NIRQ_STORE_RLX(&p->dropped, NIRQ_LOAD_RLX(&p->dropped) + 1u);
    }
}

/* ISR, second half: when the hard action fires on this edge (it matches the trigger and is outside the lockout)
 * it is counted, the lockout restarts, and the result is hard_mask >> level (bit 0 set; bit 2 set when the action
 * toggles the output); otherwise 0. The caller toggles (bit 2, or out_mask != 0 through an XOR register).
 * nirq_isr_hard_due (the test, nothing written) and nirq_isr_hard_done (the count and the lockout restart) are its
 * two steps, for a port that stores the output between them. */
NIRQ_ALWAYS_INLINE uint32_t nirq_isr_hard_due(const nirq_pin *p, uint32_t level, uint32_t now_us)
{
    uint32_t m = (uint32_t)p->hard_mask >> level;
    if ((m & 1u) == 0u || now_us - NIRQ_LOAD_RLX(&p->last_hard_us) < p->hard_lockout_us) {
        return 0u;
    }
    return m;
}

NIRQ_ALWAYS_INLINE void nirq_isr_hard_done(nirq_pin *p, uint32_t now_us)
{
    NIRQ_STORE_RLX(&p->last_hard_us, now_us);
    NIRQ_STORE_RLX(&p->hard, NIRQ_LOAD_RLX(&p->hard) + 1u);
}

NIRQ_ALWAYS_INLINE uint32_t nirq_isr_hard(nirq_pin *p, uint32_t level, uint32_t now_us)
{
    uint32_t m = nirq_isr_hard_due(p, level, now_us);
    if (m != 0u) {
        nirq_isr_hard_done(p, now_us);
    }
    return m;
}

/* How many captured pins other than except_pin toggle output (a port reserves an output pin in nanoFramework's
 * pin map for the first of them and frees it after the last). */
uint32_t nirq_capture_output_users(const nirq_capture *c, uint32_t output, uint32_t except_pin);

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_CAPTURE_H */
