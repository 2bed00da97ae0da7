/* NanoIrq native capture module: host port over simulated pins and a settable clock (nirq_port_host.h). */
#include "nirq_port_host.h"

#include <string.h>

#include "nirq_port.h"

static nirq_capture s_capture;
static uint32_t s_now;
static uint8_t s_level[NIRQ_PIN_LIMIT];
static uint8_t s_driven[NIRQ_PIN_LIMIT];
static uint8_t s_output[NIRQ_PIN_LIMIT];
static uint32_t s_toggles[NIRQ_PIN_LIMIT];
static nirq_pin *s_isr[NIRQ_PIN_LIMIT];  /* non-NULL while the pin's interrupt is enabled */
static uint8_t s_reserved[NIRQ_PIN_LIMIT]; /* the simulated nanoFramework pin map */
static uint32_t s_gpio_count = NIRQ_PIN_LIMIT;

/* ---- nirq_port.h ---------------------------------------------------------------------------------- */

nirq_capture *nirq_port_capture(void)
{
    return &s_capture;
}

uint32_t nirq_port_now_us(void)
{
    return __atomic_load_n(&s_now, __ATOMIC_RELAXED);
}

uint32_t nirq_port_read_level(uint32_t pin)
{
    return pin < NIRQ_PIN_LIMIT ? s_level[pin] : 0u;
}

uint32_t nirq_port_gpio_count(void)
{
    return s_gpio_count;
}

bool nirq_port_reserve_pin(uint32_t pin, bool reserve)
{
    if (pin >= s_gpio_count) {
        return false;
    }
    if (reserve && s_reserved[pin]) {
        return false;
    }
    s_reserved[pin] = reserve ? 1u : 0u;
    return true;
}

bool nirq_port_on_soft_reboot(void (*handler)(void))
{
    (void)handler;
    return false;
}

void nirq_port_toggle_output(uint32_t pin)
{
    s_output[pin] = (uint8_t)(s_output[pin] ^ 1u);
    s_toggles[pin]++;
}

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    return nirq_capture_init(&s_capture, ring_capacity);
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    nirq_status st = nirq_port_check_open(&s_capture, cfg, pull); /* nothing simulated changes on a refusal */
    if (st == NIRQ_OK) {
        st = nirq_port_reserve_open(&s_capture, cfg);
    }
    if (st != NIRQ_OK) {
        return st;
    }
    nirq_pin_config c = *cfg;
    uint32_t level = s_level[cfg->pin];
    if (!s_driven[cfg->pin] && pull != NIRQ_PULL_NONE) {
        level = pull == NIRQ_PULL_UP ? 1u : 0u;
    }
    c.initial_level = level;
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) { /* cannot happen after the check above; undo anyway */
        nirq_port_unreserve_open(&s_capture, cfg);
        return st;
    }
    s_level[cfg->pin] = (uint8_t)level;
    __atomic_store_n(&s_isr[cfg->pin], p, __ATOMIC_RELEASE); /* enable the interrupt last */
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_port_check_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    const nirq_pin *cur = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = cur->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t old_output = cur->hard_output;
    bool same_output = had_output && action == NIRQ_HARD_TOGGLE && old_output == output_pin;
    if (!same_output && !nirq_port_claim_output(&s_capture, pin, action, output_pin)) {
        return NIRQ_ERR_OUTPUT_BUSY;
    }
    /* mask the pin's interrupt, update, unmask (nirq_host_edge on a masked pin sets the level only) */
    nirq_pin *p = __atomic_exchange_n(&s_isr[pin], NULL, __ATOMIC_ACQ_REL);
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    __atomic_store_n(&s_isr[pin], p, __ATOMIC_RELEASE);
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
    const nirq_pin *p = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = p->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t output = p->hard_output;
    __atomic_store_n(&s_isr[pin], NULL, __ATOMIC_RELEASE);
    (void)nirq_port_reserve_pin(pin, false);
    nirq_status st = nirq_capture_close(&s_capture, pin);
    if (had_output) {
        nirq_port_release_output(&s_capture, output);
    }
    return st;
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}

/* ---- test controls (nirq_port_host.h) ------------------------------------------------------------- */

void nirq_host_reset(void)
{
    for (uint32_t i = 0; i < NIRQ_PIN_LIMIT; i++) {
        __atomic_store_n(&s_isr[i], NULL, __ATOMIC_RELEASE);
    }
    memset(&s_capture, 0, sizeof s_capture);
    memset(s_level, 0, sizeof s_level);
    memset(s_driven, 0, sizeof s_driven);
    memset(s_output, 0, sizeof s_output);
    memset(s_toggles, 0, sizeof s_toggles);
    memset(s_reserved, 0, sizeof s_reserved);
    s_gpio_count = NIRQ_PIN_LIMIT;
    __atomic_store_n(&s_now, 0u, __ATOMIC_RELAXED);
}

void nirq_host_set_now_us(uint32_t now_us)
{
    __atomic_store_n(&s_now, now_us, __ATOMIC_RELAXED);
}

uint32_t nirq_host_advance_us(uint32_t delta_us)
{
    return __atomic_add_fetch(&s_now, delta_us, __ATOMIC_RELAXED);
}

int32_t nirq_host_set_level(int32_t pin, int32_t level)
{
    if (pin < 0 || pin >= NIRQ_PIN_LIMIT) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    s_level[pin] = level != 0 ? 1u : 0u;
    s_driven[pin] = 1u;
    return NIRQ_OK;
}

int32_t nirq_host_edge(int32_t pin, int32_t level)
{
    if (pin < 0 || pin >= NIRQ_PIN_LIMIT) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    s_level[pin] = level != 0 ? 1u : 0u;
    s_driven[pin] = 1u;
    nirq_pin *p = __atomic_load_n(&s_isr[pin], __ATOMIC_ACQUIRE);
    if (p == NULL) {
        return 0;
    }
    /* what a port ISR does at entry: read the clock and the level, then run the capture path */
    uint32_t now = nirq_port_now_us();
    nirq_capture_isr_edge(p, s_level[pin], now);
    return 1;
}

int32_t nirq_host_toggles(int32_t pin)
{
    return pin < 0 || pin >= NIRQ_PIN_LIMIT ? -1 : (int32_t)s_toggles[pin];
}

int32_t nirq_host_output_level(int32_t pin)
{
    return pin < 0 || pin >= NIRQ_PIN_LIMIT ? -1 : (int32_t)s_output[pin];
}

uint32_t nirq_host_stale(void)
{
    return s_capture.stale;
}

int32_t nirq_host_set_gpio_count(int32_t count)
{
    if (count < 1 || count > NIRQ_PIN_LIMIT) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    s_gpio_count = (uint32_t)count;
    return NIRQ_OK;
}

int32_t nirq_host_reserve(int32_t pin, int32_t reserve)
{
    if (pin < 0 || pin >= NIRQ_PIN_LIMIT) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    return nirq_port_reserve_pin((uint32_t)pin, reserve != 0) ? 1 : 0;
}

int32_t nirq_host_reserved(int32_t pin)
{
    return pin < 0 || pin >= NIRQ_PIN_LIMIT ? -1 : (int32_t)s_reserved[pin];
}
