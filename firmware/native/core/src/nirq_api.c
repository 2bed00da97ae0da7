/* NanoIrq native capture module: the C API behind NanoIrq.Native.NativeCapture (contract in nirq_api.h). */
#include "nirq/nirq_api.h"

#include "nirq_port.h"

/* One consumer thread calls nirq_api_read, so one static chunk buffer is enough (no stack burst). */
static nirq_edge s_chunk[NIRQ_API_CHUNK];

/* A negative number where the core wants an unsigned one: the code the core gives for out-of-range values. */
static int32_t negative_code(int32_t pin, int32_t window_us, int32_t lockout_us)
{
    if (pin < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    if (window_us < 0 || lockout_us < 0) {
        return NIRQ_ERR_DEBOUNCE_RANGE;
    }
    return NIRQ_ERR_BAD_ARGUMENT;
}

int32_t nirq_api_start(int32_t ring_capacity)
{
    if (ring_capacity < 0 || !nirq_ring_capacity_ok((uint32_t)ring_capacity)) {
        return NIRQ_ERR_RING_CAPACITY; /* checked before anything is reclaimed: nothing changes */
    }
    /* Reclaim what a previous program left: C statics survive a CLR soft reboot (a redeploy), the C# side does
     * not, so pins still captured here belong to a program that is gone (the C# side refuses a second source
     * within one program). The port's own close turns each interrupt off and frees its reservation. */
    nirq_capture *c = nirq_port_capture();
    if (c->started) {
        for (uint32_t pin = 0; pin < NIRQ_PIN_LIMIT; pin++) {
            if (c->slot_of[pin] >= 0) {
                (void)nirq_port_close(pin);
            }
        }
    }
    return (int32_t)nirq_port_start((uint32_t)ring_capacity);
}

int32_t nirq_api_open(int32_t pin, int32_t pull, int32_t debounce_mode, int32_t window_us,
                      int32_t hard_action, int32_t hard_trigger, int32_t hard_output_pin, int32_t hard_lockout_us)
{
    if (pin < 0 || pull < 0 || debounce_mode < 0 || window_us < 0 || hard_action < 0 || hard_trigger < 0 ||
        hard_output_pin < 0 || hard_lockout_us < 0) {
        return negative_code(pin, window_us, hard_lockout_us);
    }
    nirq_pin_config cfg = {0};
    cfg.pin = (uint32_t)pin;
    cfg.debounce_mode = (uint32_t)debounce_mode;
    cfg.window_us = (uint32_t)window_us;
    cfg.hard_action = (uint32_t)hard_action;
    cfg.hard_trigger = (uint32_t)hard_trigger;
    cfg.hard_output_pin = (uint32_t)hard_output_pin;
    cfg.hard_lockout_us = (uint32_t)hard_lockout_us;
    return (int32_t)nirq_port_open(&cfg, (uint32_t)pull);
}

int32_t nirq_api_set_hard(int32_t pin, int32_t hard_action, int32_t hard_trigger, int32_t hard_output_pin,
                          int32_t hard_lockout_us)
{
    if (pin < 0 || hard_action < 0 || hard_trigger < 0 || hard_output_pin < 0 || hard_lockout_us < 0) {
        return negative_code(pin, 0, hard_lockout_us);
    }
    return (int32_t)nirq_port_set_hard((uint32_t)pin, (uint32_t)hard_action, (uint32_t)hard_trigger,
                                       (uint32_t)hard_output_pin, (uint32_t)hard_lockout_us);
}

int32_t nirq_api_close(int32_t pin)
{
    if (pin < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    return (int32_t)nirq_port_close((uint32_t)pin);
}

int32_t nirq_api_read(uint32_t *times, uint32_t *sequences, int32_t *pin_levels, int32_t max)
{
    if (times == NULL || sequences == NULL || pin_levels == NULL || max < 0) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    uint32_t total = 0u;
    uint32_t limit = (uint32_t)max;
    /* nirq_capture_read keeps room for the 2 records one fed edge can release: below 2 it reads nothing */
    while (limit - total >= 2u) {
        uint32_t want = limit - total < NIRQ_API_CHUNK ? limit - total : NIRQ_API_CHUNK;
        uint32_t n = nirq_port_read(s_chunk, want);
        for (uint32_t i = 0; i < n; i++) {
            times[total + i] = s_chunk[i].time_us;
            sequences[total + i] = s_chunk[i].seq;
            pin_levels[total + i] = (int32_t)((uint32_t)s_chunk[i].pin * 2u + (uint32_t)s_chunk[i].level);
        }
        total += n;
        if (n + 1u < want) {
            break; /* fewer than want - 1: the module had no more ready */
        }
    }
    return (int32_t)total;
}

int64_t nirq_api_next_deadline(void)
{
    const nirq_capture *c = nirq_port_capture();
    uint32_t deadline;
    if (c == NULL || !c->started || !nirq_capture_next_deadline(c, &deadline)) {
        return -1;
    }
    return (int64_t)deadline;
}

int32_t nirq_api_get_counters(int32_t pin, uint32_t *values, int32_t count)
{
    if (values == NULL || count < NIRQ_API_COUNTER_COUNT) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (pin < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    nirq_counters k;
    nirq_status st = nirq_capture_counters(nirq_port_capture(), (uint32_t)pin, &k);
    if (st != NIRQ_OK) {
        return (int32_t)st;
    }
    values[0] = k.seen;
    values[1] = k.delivered;
    values[2] = k.filtered;
    values[3] = k.pending;
    values[4] = k.dropped;
    values[5] = k.overrun;
    values[6] = k.hard;
    return NIRQ_OK;
}

int32_t nirq_api_limit(int32_t which)
{
    switch (which) {
    case NIRQ_LIMIT_GPIO_COUNT:
        return (int32_t)nirq_port_gpio_count();
    case NIRQ_LIMIT_RING_MAX:
        return (int32_t)NIRQ_RING_MAX;
    case NIRQ_LIMIT_SLOTS:
        return (int32_t)NIRQ_MAX_PINS;
    default:
        return NIRQ_ERR_BAD_ARGUMENT;
    }
}

int32_t nirq_api_read_level(int32_t pin)
{
    if (pin < 0 || (uint32_t)pin >= nirq_port_gpio_count()) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    return nirq_port_read_level((uint32_t)pin) != 0u ? 1 : 0;
}

uint32_t nirq_api_now_us(void)
{
    return nirq_port_now_us();
}
