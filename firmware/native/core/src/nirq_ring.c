/* NanoIrq native capture core: edge ring (see nirq_ring.h for the ordering rules). */
#include "nirq/nirq_ring.h"

bool nirq_ring_capacity_ok(uint32_t capacity)
{
    return capacity >= NIRQ_RING_MIN && capacity <= NIRQ_RING_MAX && (capacity & (capacity - 1u)) == 0u;
}

nirq_status nirq_ring_init(nirq_ring *r, nirq_edge *storage, uint32_t capacity)
{
    if (r == NULL || storage == NULL) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (!nirq_ring_capacity_ok(capacity)) {
        return NIRQ_ERR_RING_CAPACITY;
    }
    r->buf = storage;
    r->mask = capacity - 1u;
    NIRQ_STORE_RLX(&r->tail, 0u);
    NIRQ_STORE_REL(&r->head, 0u);
    return NIRQ_OK;
}

uint32_t nirq_ring_pop(nirq_ring *r, nirq_edge *out, uint32_t max)
{
    uint32_t tail = NIRQ_LOAD_RLX(&r->tail);
    uint32_t head = NIRQ_LOAD_ACQ(&r->head);
    uint32_t n = head - tail;
    if (n > max) {
        n = max;
    }
    for (uint32_t i = 0; i < n; i++) {
        out[i] = r->buf[(tail + i) & r->mask];
    }
    if (n != 0u) {
        NIRQ_STORE_REL(&r->tail, tail + n);
    }
    return n;
}

uint32_t nirq_ring_count(const nirq_ring *r)
{
    uint32_t head = NIRQ_LOAD_ACQ(&r->head);
    uint32_t tail = NIRQ_LOAD_ACQ(&r->tail);
    return head - tail;
}
