/* NanoIrq native capture core: capture state, ISR entry, consumer read (contract in nirq_capture.h). */
#include "nirq/nirq_capture.h"

/* Ports put ISR code in fast RAM with this: IRAM on ESP-IDF builds (ESP_PLATFORM is defined by its build
 * system), or whatever -DNIRQ_ISR_ATTR=... says. Empty on the host and on RP2040/RP2350. */
#ifndef NIRQ_ISR_ATTR
#if defined(ESP_PLATFORM)
#include "esp_attr.h"
#define NIRQ_ISR_ATTR IRAM_ATTR
#else
#define NIRQ_ISR_ATTR
#endif
#endif

nirq_status nirq_capture_init(nirq_capture *c, uint32_t ring_capacity)
{
    if (c == NULL) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (!nirq_ring_capacity_ok(ring_capacity)) {
        return NIRQ_ERR_RING_CAPACITY;
    }
    if (c->started) {
        for (uint32_t i = 0; i < NIRQ_MAX_PINS; i++) {
            if (c->pins[i].in_use) {
                return NIRQ_ERR_PIN_BUSY;
            }
        }
    }
    (void)nirq_ring_init(&c->ring, c->storage, ring_capacity);
    for (uint32_t i = 0; i < NIRQ_PIN_LIMIT; i++) {
        c->slot_of[i] = -1;
    }
    for (uint32_t i = 0; i < NIRQ_MAX_PINS; i++) {
        c->pins[i].in_use = 0u;
        c->pins[i].epoch = 0u;
    }
    c->stale = 0u;
    c->started = true;
    return NIRQ_OK;
}

static nirq_status validate_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                                 uint32_t lockout_us)
{
    if (action > NIRQ_HARD_TOGGLE) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (action != NIRQ_HARD_NONE) {
        if (trigger < NIRQ_TRIGGER_RISING || trigger > NIRQ_TRIGGER_BOTH) {
            return NIRQ_ERR_BAD_ARGUMENT;
        }
        if (lockout_us > NIRQ_WINDOW_MAX_US) {
            return NIRQ_ERR_DEBOUNCE_RANGE;
        }
    }
    if (action == NIRQ_HARD_TOGGLE && (output_pin >= NIRQ_PIN_LIMIT || output_pin == pin)) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    return NIRQ_OK;
}

/* Writes the hard-action fields of p (the ISR must not run on p meanwhile, or must not have started). */
static void apply_hard(nirq_pin *p, uint32_t action, uint32_t trigger, uint32_t output_pin, uint32_t lockout_us,
                       uint32_t now_us)
{
    uint8_t mask = 0u;
    if (action != NIRQ_HARD_NONE) {
        mask = (uint8_t)(((trigger & NIRQ_TRIGGER_RISING) ? 2u : 0u) | ((trigger & NIRQ_TRIGGER_FALLING) ? 1u : 0u));
        if (action == NIRQ_HARD_TOGGLE) {
            mask = (uint8_t)(mask | (mask << 2)); /* bits L+2: toggle on this level (tested by the ISR in one AND) */
        }
    }
    p->hard_action = (uint8_t)action;
    p->hard_mask = mask;
    p->hard_lockout_us = action == NIRQ_HARD_NONE ? 0u : lockout_us;
    p->hard_output = (uint16_t)(action == NIRQ_HARD_TOGGLE ? output_pin : 0u);
    p->out_mask = action == NIRQ_HARD_TOGGLE && output_pin < 32u ? 1u << output_pin : 0u;
    /* so that the first matching edge is never inside the hard lockout */
    NIRQ_STORE_RLX(&p->last_hard_us, now_us - p->hard_lockout_us);
}

static nirq_status validate(const nirq_capture *c, const nirq_pin_config *cfg)
{
    if (c == NULL || cfg == NULL) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (!c->started) {
        return NIRQ_ERR_NOT_STARTED;
    }
    if (cfg->pin >= NIRQ_PIN_LIMIT) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    if (c->slot_of[cfg->pin] >= 0) {
        return NIRQ_ERR_PIN_BUSY;
    }
    if (cfg->initial_level > 1u) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    nirq_status st = nirq_debounce_validate(cfg->debounce_mode, cfg->window_us);
    if (st != NIRQ_OK) {
        return st;
    }
    return validate_hard(cfg->pin, cfg->hard_action, cfg->hard_trigger, cfg->hard_output_pin, cfg->hard_lockout_us);
}

nirq_status nirq_capture_open(nirq_capture *c, const nirq_pin_config *cfg, uint32_t now_us, nirq_pin **out)
{
    nirq_status st = validate(c, cfg);
    if (st != NIRQ_OK) {
        return st;
    }
    uint32_t slot = 0;
    while (slot < NIRQ_MAX_PINS && c->pins[slot].in_use) {
        slot++;
    }
    if (slot == NIRQ_MAX_PINS) {
        return NIRQ_ERR_NO_FREE_SLOT;
    }
    nirq_pin *p = &c->pins[slot];
    (void)nirq_debouncer_init(&p->deb, cfg->debounce_mode, cfg->window_us, cfg->initial_level);
    apply_hard(p, cfg->hard_action, cfg->hard_trigger, cfg->hard_output_pin, cfg->hard_lockout_us, now_us);
    p->pin = (uint16_t)cfg->pin;
    p->in_mask = cfg->pin < 32u ? 1u << cfg->pin : 0u;
    p->epoch = (uint8_t)(p->epoch + 1u);
    p->word = nirq_ring_word(cfg->pin, 0u, p->epoch);
    p->ring = &c->ring;
    p->in_use = 1u;
    NIRQ_STORE_RLX(&p->seq, 0u);
    NIRQ_STORE_RLX(&p->dropped, 0u);
    NIRQ_STORE_RLX(&p->overrun, 0u);
    NIRQ_STORE_RLX(&p->hard, 0u);
    /* release: the ISR installed after this call sees a complete configuration */
    __atomic_store_n(&p->last_level, cfg->initial_level, __ATOMIC_RELEASE);
    c->slot_of[cfg->pin] = (int8_t)slot;
    if (out != NULL) {
        *out = p;
    }
    return NIRQ_OK;
}

nirq_status nirq_capture_check_hard(const nirq_capture *c, uint32_t pin, uint32_t action, uint32_t trigger,
                                    uint32_t output_pin, uint32_t lockout_us)
{
    if (c == NULL || pin >= NIRQ_PIN_LIMIT || !c->started || c->slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    return validate_hard(pin, action, trigger, output_pin, lockout_us);
}

nirq_status nirq_capture_set_hard(nirq_capture *c, uint32_t pin, uint32_t action, uint32_t trigger,
                                  uint32_t output_pin, uint32_t lockout_us, uint32_t now_us)
{
    nirq_status st = nirq_capture_check_hard(c, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    apply_hard(&c->pins[(uint32_t)c->slot_of[pin]], action, trigger, output_pin, lockout_us, now_us);
    /* no fence here: the port's unmask (spinlock release, interrupt enable) publishes the new action */
    return NIRQ_OK;
}

nirq_status nirq_capture_close(nirq_capture *c, uint32_t pin)
{
    if (c == NULL || pin >= NIRQ_PIN_LIMIT || !c->started || c->slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    c->pins[(uint32_t)c->slot_of[pin]].in_use = 0u;
    c->slot_of[pin] = -1;
    return NIRQ_OK;
}

/* One straight function: the two inline halves (nirq_capture.h), then the port's toggle hook. The longest path,
 * with a toggle and its lockout, is checked under 60 instructions on each cross target (cross/cross_check.sh). */
NIRQ_ISR_ATTR void nirq_capture_isr_edge(nirq_pin *p, uint32_t level, uint32_t now_us)
{
    nirq_isr_capture(p, level, now_us);
#ifndef NIRQ_NO_HARD_ACTIONS
    if ((nirq_isr_hard(p, level, now_us) & 4u) != 0u) {
        nirq_port_toggle_output(p->hard_output);
    }
#endif
}

uint32_t nirq_capture_output_users(const nirq_capture *c, uint32_t output, uint32_t except_pin)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < NIRQ_MAX_PINS; i++) {
        const nirq_pin *p = &c->pins[i];
        if (p->in_use && p->pin != except_pin && p->hard_action == NIRQ_HARD_TOGGLE && p->hard_output == output) {
            n++;
        }
    }
    return n;
}

uint32_t nirq_capture_read(nirq_capture *c, uint32_t now_us, nirq_edge *out, uint32_t max)
{
    uint32_t n = 0;
    if (c == NULL || out == NULL || !c->started) {
        return 0u;
    }
    /* a fed record can release up to 2 records: keep room for them */
    while (max - n >= 2u) {
        nirq_edge e;
        if (nirq_ring_pop(&c->ring, &e, 1u) == 0u) {
            break;
        }
        int8_t slot = e.pin < NIRQ_PIN_LIMIT ? c->slot_of[e.pin] : (int8_t)-1;
        if (slot < 0 || c->pins[(uint32_t)slot].epoch != e.reserved) {
            c->stale++;
            continue;
        }
        e.reserved = 0u;
        n += nirq_debouncer_feed(&c->pins[(uint32_t)slot].deb, &e, out + n);
    }
    if (nirq_ring_count(&c->ring) != 0u) {
        return n; /* ticking now could release a record whose successor is still queued */
    }
    for (uint32_t i = 0; i < NIRQ_MAX_PINS && n < max; i++) {
        if (c->pins[i].in_use) {
            n += nirq_debouncer_tick(&c->pins[i].deb, now_us, out + n);
        }
    }
    return n;
}

bool nirq_capture_next_deadline(const nirq_capture *c, uint32_t *deadline_us)
{
    bool any = false;
    uint32_t best = 0;
    for (uint32_t i = 0; i < NIRQ_MAX_PINS; i++) {
        uint32_t d;
        if (c->pins[i].in_use && nirq_debouncer_deadline(&c->pins[i].deb, &d)) {
            if (!any || nirq_ticks_diff(d, best) < 0) {
                best = d;
                any = true;
            }
        }
    }
    if (any) {
        *deadline_us = best;
    }
    return any;
}

nirq_status nirq_capture_counters(const nirq_capture *c, uint32_t pin, nirq_counters *out)
{
    if (c == NULL || out == NULL || pin >= NIRQ_PIN_LIMIT || !c->started || c->slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    const nirq_pin *p = &c->pins[(uint32_t)c->slot_of[pin]];
    out->seen = NIRQ_LOAD_RLX(&p->seq);
    out->dropped = NIRQ_LOAD_RLX(&p->dropped);
    out->overrun = NIRQ_LOAD_RLX(&p->overrun);
    out->hard = NIRQ_LOAD_RLX(&p->hard);
    out->delivered = p->deb.emitted;
    out->filtered = p->deb.filtered;
    out->pending = nirq_debouncer_pending(&p->deb);
    return NIRQ_OK;
}
