/* NanoIrq native capture core: debouncers (semantics in nirq_debounce.h). */
#include "nirq/nirq_debounce.h"

nirq_status nirq_debounce_validate(uint32_t mode, uint32_t window_us)
{
    switch (mode) {
    case NIRQ_DEBOUNCE_NONE:
        return window_us == 0u ? NIRQ_OK : NIRQ_ERR_DEBOUNCE_RANGE;
    case NIRQ_DEBOUNCE_LOCKOUT:
    case NIRQ_DEBOUNCE_QUIET:
    case NIRQ_DEBOUNCE_GLITCH:
        return (window_us >= 1u && window_us <= NIRQ_WINDOW_MAX_US) ? NIRQ_OK : NIRQ_ERR_DEBOUNCE_RANGE;
    default:
        return NIRQ_ERR_BAD_ARGUMENT;
    }
}

nirq_status nirq_debouncer_init(nirq_debouncer *d, uint32_t mode, uint32_t window_us, uint32_t initial_level)
{
    if (d == NULL || initial_level > 1u) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    nirq_status st = nirq_debounce_validate(mode, window_us);
    if (st != NIRQ_OK) {
        return st;
    }
    d->mode = (uint8_t)mode;
    d->out_level = (uint8_t)initial_level;
    d->has_pending = 0u;
    d->locked = 0u;
    d->window_us = window_us;
    d->window_start = 0u;
    d->fed = 0u;
    d->emitted = 0u;
    d->filtered = 0u;
    return NIRQ_OK;
}

/* Emits e stamped at_us (the decision time; e's own time for an edge passed at once). */
static uint32_t emit(nirq_debouncer *d, const nirq_edge *e, uint32_t at_us, nirq_edge *out)
{
    *out = *e;
    out->time_us = at_us;
    d->out_level = e->level;
    d->emitted++;
    return 1u;
}

static bool elapsed(uint32_t now_us, uint32_t since_us, uint32_t window_us)
{
    return nirq_ticks_diff(now_us, since_us) >= (int32_t)window_us;
}

uint32_t nirq_debouncer_tick(nirq_debouncer *d, uint32_t now_us, nirq_edge *out)
{
    switch (d->mode) {
    case NIRQ_DEBOUNCE_LOCKOUT:
        if (d->locked && elapsed(now_us, d->window_start, d->window_us)) {
            if (!d->has_pending) {
                d->locked = 0u;
                return 0u;
            }
            d->has_pending = 0u;
            if (d->pending.level != d->out_level) {
                /* re-sync: the line ended the window at another level; reported at the window end, where
                 * a new window opens */
                d->window_start += d->window_us;
                return emit(d, &d->pending, d->window_start, out);
            }
            d->filtered++;
            d->locked = 0u;
        }
        return 0u;
    case NIRQ_DEBOUNCE_QUIET:
    case NIRQ_DEBOUNCE_GLITCH:
        if (d->has_pending && elapsed(now_us, d->pending.time_us, d->window_us)) {
            d->has_pending = 0u;
            if (d->pending.level != d->out_level) {
                return emit(d, &d->pending, d->pending.time_us + d->window_us, out);
            }
            d->filtered++;
        }
        return 0u;
    default:
        return 0u;
    }
}

uint32_t nirq_debouncer_feed(nirq_debouncer *d, const nirq_edge *edge, nirq_edge *out)
{
    uint32_t n = nirq_debouncer_tick(d, edge->time_us, out);
    d->fed++;
    switch (d->mode) {
    case NIRQ_DEBOUNCE_NONE:
        return n + emit(d, edge, edge->time_us, out + n);
    case NIRQ_DEBOUNCE_LOCKOUT:
        if (d->locked && !elapsed(edge->time_us, d->window_start, d->window_us)) {
            if (d->has_pending) {
                d->filtered++;
            }
            d->pending = *edge;
            d->has_pending = 1u;
            return n;
        }
        d->locked = 0u;
        if (edge->level == d->out_level) {
            d->filtered++;
            return n;
        }
        d->locked = 1u;
        d->window_start = edge->time_us;
        return n + emit(d, edge, edge->time_us, out + n);
    case NIRQ_DEBOUNCE_QUIET:
        if (d->has_pending) {
            d->filtered++;
        }
        d->pending = *edge;
        d->has_pending = 1u;
        return n;
    case NIRQ_DEBOUNCE_GLITCH:
        if (!d->has_pending) {
            if (edge->level == d->out_level) {
                d->filtered++;
            } else {
                d->pending = *edge;
                d->has_pending = 1u;
            }
        } else if (edge->level != d->pending.level) {
            /* the pulse ended before T: both of its edges are rejected */
            d->has_pending = 0u;
            d->filtered += 2u;
        } else {
            d->filtered++;
        }
        return n;
    default:
        return n;
    }
}

bool nirq_debouncer_deadline(const nirq_debouncer *d, uint32_t *deadline_us)
{
    if (!d->has_pending) {
        return false;
    }
    uint32_t since = d->mode == NIRQ_DEBOUNCE_LOCKOUT ? d->window_start : d->pending.time_us;
    *deadline_us = since + d->window_us;
    return true;
}
