// ISR-versus-consumer stress test with real threads, built with -fsanitize=thread.
//
// A "producer" thread plays the GPIO interrupt: it calls nirq_capture_isr_edge for 4 pins in a random
// order with random spacing (0..3 µs, backing off when the ring is 3/4 full except
// in periodic bursts that overflow it, starting 1 s before the 2^32 µs wrap so that time wraps during the
// run). A "consumer" thread plays the dispatcher: it reads the clock, then nirq_capture_read in batches.
// Pins 0..2 have no debounce (every stored edge must come out); pin 3 has a 50 µs quiet-time debouncer
// and a hard COUNT action on both edges.
//
// Checks: per pin, sequence numbers strictly increase; the sum of the gaps equals the drop counter (no
// edge lost without being counted, none duplicated or reordered); each record's level matches the level
// its sequence number implies (no torn record); time stamps never go backwards (wrap-safe); counters add
// up: seen == produced, delivered + filtered + pending + dropped == seen, hard == seen on pin 3.
// ThreadSanitizer (halt_on_error=1) turns any data race in the ring or the counters into a failure.
// Usage: nirq_stress_tsan [edges]   (default 4,000,000)
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>

extern "C" {
#include "nirq/nirq_capture.h"
}

namespace {

constexpr uint32_t kPins = 4;
constexpr uint32_t kStart = 0xFFFFFFFFu - 1000000u;
std::atomic<uint32_t> g_now{kStart};
std::atomic<bool> g_done{false};

int g_failures = 0;
void Fail(const char *what, uint32_t pin, uint64_t a, uint64_t b)
{
    if (g_failures++ < 10) {
        std::fprintf(stderr, "FAIL pin %u: %s (%llu vs %llu)\n", pin, what, (unsigned long long)a, (unsigned long long)b);
    }
}

}  // namespace

int main(int argc, char **argv)
{
    const uint64_t edges = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 4000000ull;
    std::unique_ptr<nirq_capture> c(new nirq_capture());
    if (nirq_capture_init(c.get(), NIRQ_RING_MAX < 256u ? NIRQ_RING_MAX : 256u) != NIRQ_OK) return 2;
    nirq_pin *pins[kPins];
    for (uint32_t i = 0; i < kPins; i++) {
        nirq_pin_config cfg{};
        cfg.pin = 10 + i;
        cfg.initial_level = 0;
        if (i == 3) {
            cfg.debounce_mode = NIRQ_DEBOUNCE_QUIET;
            cfg.window_us = 50;
            cfg.hard_action = NIRQ_HARD_COUNT;
            cfg.hard_trigger = NIRQ_TRIGGER_BOTH;
        }
        if (nirq_capture_open(c.get(), &cfg, kStart, &pins[i]) != NIRQ_OK) return 2;
    }

    uint64_t produced[kPins] = {0, 0, 0, 0};
    std::thread producer([&] {
        std::mt19937 rng(12345);
        uint32_t now = kStart;
        for (uint64_t n = 0; n < edges; n++) {
            uint32_t r = rng();
            uint32_t i = r % kPins;
            now += (r >> 8) % 4u;
            g_now.store(now, std::memory_order_release);
            uint32_t seq = (uint32_t)(++produced[i]);
            nirq_capture_isr_edge(pins[i], seq & 1u, now);  // level alternates: odd sequence = high
            // Back-pressure (an interrupt source slower than the consumer), except in a burst of 400 edges
            // every 65,536 that runs into the full ring, so that drops happen and are checked too.
            if (n % 65536u >= 400u && nirq_ring_count(&c->ring) >= 192u) {
                while (nirq_ring_count(&c->ring) >= 64u) std::this_thread::yield();
            }
        }
        g_done.store(true, std::memory_order_release);
    });

    uint32_t last_seq[kPins] = {0, 0, 0, 0};
    uint32_t last_time[kPins] = {kStart, kStart, kStart, kStart};
    uint64_t gaps[kPins] = {0, 0, 0, 0};
    uint64_t got[kPins] = {0, 0, 0, 0};
    std::thread consumer([&] {
        nirq_edge batch[64];
        for (;;) {
            bool done = g_done.load(std::memory_order_acquire);
            uint32_t now = g_now.load(std::memory_order_acquire);
            if (done) now += 1000000u;  // the end: let every debounce window expire
            uint32_t n = nirq_capture_read(c.get(), now, batch, 64);
            for (uint32_t k = 0; k < n; k++) {
                const nirq_edge &e = batch[k];
                uint32_t i = e.pin - 10u;
                if (i >= kPins) { Fail("unknown pin", e.pin, e.pin, 0); continue; }
                if (e.seq <= last_seq[i]) Fail("sequence not increasing", i, e.seq, last_seq[i]);
                gaps[i] += e.seq - last_seq[i] - 1u;
                if (e.level != (e.seq & 1u)) Fail("level does not match sequence (torn record)", i, e.level, e.seq);
                if (nirq_ticks_diff(e.time_us, last_time[i]) < 0) Fail("time went backwards", i, e.time_us, last_time[i]);
                last_seq[i] = e.seq;
                last_time[i] = e.time_us;
                got[i]++;
            }
            if (done && n == 0 && nirq_ring_count(&c->ring) == 0) break;
            if (n == 0) std::this_thread::yield();
        }
    });
    producer.join();
    consumer.join();

    uint64_t total_dropped = 0, total_got = 0;
    for (uint32_t i = 0; i < kPins; i++) {
        nirq_counters k{};
        if (nirq_capture_counters(c.get(), 10 + i, &k) != NIRQ_OK) return 2;
        if (k.seen != (uint32_t)produced[i]) Fail("seen != produced", i, k.seen, produced[i]);
        if (k.delivered + k.filtered + k.pending + k.dropped != k.seen) Fail("counters do not add up", i, k.delivered + k.filtered + k.pending + k.dropped, k.seen);
        if (k.delivered != got[i]) Fail("delivered counter != records received", i, k.delivered, got[i]);
        if (k.pending != 0) Fail("a record still pending after the final read", i, k.pending, 0);
        gaps[i] += k.seen - last_seq[i];  // edges after the last record delivered
        if (i < 3) {
            if (gaps[i] != k.dropped) Fail("sequence gaps != dropped (silent loss or duplicate)", i, gaps[i], k.dropped);
            if (got[i] + k.dropped != produced[i]) Fail("received + dropped != produced", i, got[i] + k.dropped, produced[i]);
        } else {
            if (gaps[i] != k.dropped + k.filtered) Fail("gaps != dropped + filtered on the debounced pin", i, gaps[i], k.dropped + k.filtered);
            if (k.hard != k.seen) Fail("hard count != edges seen", i, k.hard, k.seen);
        }
        if (k.overrun != 0) Fail("overrun without a repeated level", i, k.overrun, 0);
        total_dropped += k.dropped;
        total_got += got[i];
        std::printf("pin %u: produced %llu, delivered %u, filtered %u, dropped %u\n", 10 + i,
                    (unsigned long long)produced[i], k.delivered, k.filtered, k.dropped);
    }
    std::printf("%llu edges, %llu delivered, %llu dropped (counted), %u stale, failures %d\n",
                (unsigned long long)edges, (unsigned long long)total_got, (unsigned long long)total_dropped, c->stale, g_failures);
    if (total_got == 0) Fail("nothing delivered", 0, 0, 0);
    return g_failures == 0 ? 0 : 1;
}
