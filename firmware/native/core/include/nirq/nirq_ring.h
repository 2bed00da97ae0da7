/*
 * NanoIrq native capture core: the edge ring, a lock-free single-producer single-consumer queue.
 *
 * Producer: the GPIO interrupt (one ISR stream; on dual-core ESP32 the port serialises producers with a
 * spinlock). Consumer: the dispatcher thread, through nirq_capture_read.
 *
 * Memory ordering (the same on every target):
 *  - head counts records ever written; only the producer stores it, with release order after writing the
 *    record; the consumer loads it with acquire order before reading records.
 *  - tail counts records ever consumed; only the consumer stores it, with release order after copying the
 *    records out; the producer loads it with acquire order before reusing a slot.
 *  - Both are free-running uint32_t: head - tail is the fill level, correct across the 2^32 wrap because
 *    capacity is a power of two no larger than 2^31.
 * Only atomic loads and stores are used, never read-modify-write: Cortex-M0+ and rv32imc (ESP32-C3) have
 * no atomic RMW instructions. GCC/Clang __atomic builtins compile to a plain load/store plus a barrier
 * (dmb on Arm, fence on RISC-V), and ThreadSanitizer understands them.
 *
 * When full, the ring keeps what it has and refuses the new record: the producer counts the refusal (per
 * pin, see nirq_capture.h), so loss is never silent and records already queued are never overwritten.
 */
#ifndef NIRQ_RING_H
#define NIRQ_RING_H

#include "nirq.h"

#ifdef __cplusplus
extern "C" {
#endif

/* NIRQ_SINGLE_CORE (set by a port's build when the interrupt and the consumer thread always run on the same core,
 * e.g. nf-interpreter's RP2040 target, CH_CFG_SMP_MODE FALSE, PAL events on core 0): a core observes its own
 * accesses in program order, so acquire/release need only stop the compiler from reordering (no dmb on Arm).
 * Otherwise they are real acquire/release accesses. */
#if defined(NIRQ_SINGLE_CORE) && NIRQ_SINGLE_CORE && !defined(__SANITIZE_THREAD__)
static inline uint32_t nirq_load_acq_1core(const uint32_t *p)
{
    uint32_t v = *(const volatile uint32_t *)p;
    __atomic_signal_fence(__ATOMIC_ACQUIRE);
    return v;
}
#define NIRQ_LOAD_ACQ(p) nirq_load_acq_1core(p)
#define NIRQ_STORE_REL(p, v) do { __atomic_signal_fence(__ATOMIC_RELEASE); \
                                  *(volatile uint32_t *)(p) = (v); } while (0)
#else
#define NIRQ_LOAD_ACQ(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define NIRQ_STORE_REL(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#endif
/* Relaxed accesses are used only on naturally aligned 32-bit words, which every supported target loads and
 * stores single-copy atomically with one plain instruction. On the targets (Arm, RISC-V, Xtensa) they are
 * written as volatile accesses (the kernel's READ_ONCE/WRITE_ONCE): same instruction, same guarantee, but
 * GCC 12's atomic patterns for Armv8-M cannot use an offset address and cost an extra add per access on the
 * ISR path. On the host, and under ThreadSanitizer, they stay __atomic builtins so that races are checked. */
#if (defined(__arm__) || defined(__riscv) || defined(__XTENSA__)) && !defined(__SANITIZE_THREAD__)
#define NIRQ_LOAD_RLX(p) (*(volatile __typeof__(*(p)) *)(p))
#define NIRQ_STORE_RLX(p, v) ((void)(*(volatile __typeof__(*(p)) *)(p) = (v)))
#else
#define NIRQ_LOAD_RLX(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define NIRQ_STORE_RLX(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#endif

typedef struct nirq_ring {
    uint32_t head;   /* records ever written (producer-owned) */
    uint32_t tail;   /* records ever consumed (consumer-owned) */
    uint32_t mask;   /* capacity - 1 */
    nirq_edge *buf;  /* capacity records */
} nirq_ring;

/* True when capacity is a power of two in NIRQ_RING_MIN .. NIRQ_RING_MAX. */
bool nirq_ring_capacity_ok(uint32_t capacity);

/* Empties the ring over storage (capacity records). NIRQ_ERR_RING_CAPACITY if capacity is not accepted,
 * NIRQ_ERR_BAD_ARGUMENT for NULL; the ring is unchanged on error. Not thread-safe: call before the ISR runs. */
nirq_status nirq_ring_init(nirq_ring *r, nirq_edge *storage, uint32_t capacity);

/* The last 4 bytes of a record as one word: pin | level << 16 | tag << 24 (little-endian layout of
 * nirq_edge.pin, .level, .reserved). Lets the ISR write them with one store. */
static inline uint32_t nirq_ring_word(uint32_t pin, uint32_t level, uint32_t tag)
{
    return (pin & 0xFFFFu) | ((level & 0xFFu) << 16) | ((tag & 0xFFu) << 24);
}

/* Producer: appends one record (word from nirq_ring_word); false (and nothing written) when the ring is
 * full. ISR-safe, O(1). */
NIRQ_ALWAYS_INLINE bool nirq_ring_push(nirq_ring *r, uint32_t time_us, uint32_t seq, uint32_t word)
{
    uint32_t head = NIRQ_LOAD_RLX(&r->head);
    uint32_t tail = NIRQ_LOAD_ACQ(&r->tail);
    if (head - tail > r->mask) {
        return false;
    }
    nirq_edge *e = &r->buf[head & r->mask];
    e->time_us = time_us;
    e->seq = seq;
    e->word = word;
    NIRQ_STORE_REL(&r->head, head + 1u);
    return true;
}

/* Consumer: moves up to max records into out, oldest first; returns how many. */
uint32_t nirq_ring_pop(nirq_ring *r, nirq_edge *out, uint32_t max);

/* Records queued now (either side may call; the answer may be stale by the time it is used). */
uint32_t nirq_ring_count(const nirq_ring *r);

/* Capacity in records. */
static inline uint32_t nirq_ring_capacity(const nirq_ring *r)
{
    return r->mask + 1u;
}

#ifdef __cplusplus
}
#endif

#endif /* NIRQ_RING_H */
