/*
 * NanoIrq native capture core: debouncers, pure state machines fed edges and time.
 *
 * They run on the consumer side (the dispatcher thread, inside nirq_capture_read), never in the ISR, so
 * the ISR stays short and every decision that depends on time passing is taken with a known "now". They
 * read no clock and no pin: time comes with each edge and through nirq_debouncer_tick, exactly like the C#
 * IEdgeFilter, and with the same results as the C# LockoutDebouncer, QuietTimeDebouncer and GlitchFilter
 * (tests/scenarios/debounce.txt is run by both). Every record they emit is one of the raw records fed in
 * (pin, level, sequence number unchanged, so a gap in sequence numbers at the consumer counts the edges
 * filtered in between) stamped with the time of the decision: its own interrupt time when passed at once
 * (NONE, LOCKOUT's first edge), else the moment the window ended, which is exactly the raw edge time plus
 * T for QUIET and GLITCH (subtract T to get the interrupt time back).
 *
 * Modes (T = window_us, in 1 .. NIRQ_WINDOW_MAX_US µs; "level" = pin level after an edge):
 *
 *  NONE      Every raw edge is emitted at once, unchanged (window must be 0).
 *
 *  LOCKOUT   Lowest latency. An edge whose level differs from the output level is emitted at once and
 *            opens a window [t, t + T). Edges inside the window are not emitted; the last one is kept.
 *            When the window ends (at t + T), if that last edge's level differs from the output level it
 *            is emitted, stamped t + T (re-sync: a press shorter than T still gets its release), and a new
 *            window opens at t + T. An edge at exactly t + T is outside the window. An edge with
 *            the same level as the output, outside a window, is filtered. Failure mode: no noise
 *            immunity, any glitch that reaches the ISR is emitted as a level change.
 *
 *  QUIET     Quiet-time, the robust default for buttons. Every edge restarts a timer of T; when the input
 *            has had no edge for T (now - last edge >= T), the last edge is emitted if its level differs
 *            from the output level (stamped last edge + T), else it is filtered. Latency: T after the last
 *            bounce. Failure mode:
 *            a line that never stays quiet for T (continuous chatter) emits nothing.
 *
 *  GLITCH    Glitch filter: rejects pulses shorter than T. The first edge that changes the level becomes
 *            the candidate; an opposite edge within T of it cancels the pulse (both are filtered); an edge
 *            of the same level as the candidate is filtered without restarting the timer; the candidate is
 *            emitted once it has held for T (now - candidate time >= T), stamped candidate time + T. Differs from QUIET only on repeated same-level edges (QUIET restarts, GLITCH does not).
 *
 * Accounting: every raw edge fed ends up counted exactly once as emitted or filtered, or is the single
 * record held pending (nirq_debouncer_pending): fed == emitted + filtered + pending.
 */
#ifndef NIRQ_DEBOUNCE_H
#define NIRQ_DEBOUNCE_H

#include "nirq.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum nirq_debounce_mode {
    NIRQ_DEBOUNCE_NONE = 0,
    NIRQ_DEBOUNCE_LOCKOUT = 1,
    NIRQ_DEBOUNCE_QUIET = 2,
    NIRQ_DEBOUNCE_GLITCH = 3
} nirq_debounce_mode;

typedef struct nirq_debouncer {
    uint8_t mode;
    uint8_t out_level;    /* level of the last emitted edge (or the initial level) */
    uint8_t has_pending;  /* pending holds a record */
    uint8_t locked;       /* LOCKOUT: a window is open since window_start */
    uint32_t window_us;
    uint32_t window_start;
    nirq_edge pending;
    uint32_t fed;
    uint32_t emitted;
    uint32_t filtered;
} nirq_debouncer;

/* Checks mode and window: NIRQ_ERR_BAD_ARGUMENT for an unknown mode, NIRQ_ERR_DEBOUNCE_RANGE for a window
 * outside 1 .. NIRQ_WINDOW_MAX_US (NONE: window must be 0). */
nirq_status nirq_debounce_validate(uint32_t mode, uint32_t window_us);

/* Starts a debouncer with the pin's current level; the debouncer is unchanged on error. */
nirq_status nirq_debouncer_init(nirq_debouncer *d, uint32_t mode, uint32_t window_us, uint32_t initial_level);

/* Feeds one raw edge: first runs what became due by edge->time_us (as nirq_debouncer_tick would), then
 * the edge. Writes 0, 1 or 2 records to out (room for 2 required); returns how many. */
uint32_t nirq_debouncer_feed(nirq_debouncer *d, const nirq_edge *edge, nirq_edge *out);

/* Time has reached now_us: writes 0 or 1 record to out; returns how many. Calling it early or often is harmless. */
uint32_t nirq_debouncer_tick(nirq_debouncer *d, uint32_t now_us, nirq_edge *out);

/* True and *deadline_us when a tick is needed (a record is pending); false when idle. */
bool nirq_debouncer_deadline(const nirq_debouncer *d, uint32_t *deadline_us);

/* 1 when a record is held pending, else 0. */
static inline uint32_t nirq_debouncer_pending(const nirq_debouncer *d)
{
    return d->has_pending ? 1u : 0u;
}

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_DEBOUNCE_H */
