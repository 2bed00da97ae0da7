// The capture core: bad input and its error codes, ISR numbering, counters, hard actions, consumer read.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

extern "C" {
#include "nirq/nirq_capture.h"
}

extern std::atomic<uint32_t> g_nirq_host_toggles[NIRQ_PIN_LIMIT];

namespace {

std::unique_ptr<nirq_capture> Started(uint32_t capacity = 64)
{
    std::unique_ptr<nirq_capture> c(new nirq_capture());  // value-initialised: zeroed like static storage
    EXPECT_EQ(NIRQ_OK, nirq_capture_init(c.get(), capacity));
    return c;
}

nirq_pin_config Plain(uint32_t pin, uint32_t initial = 1)
{
    nirq_pin_config cfg{};
    cfg.pin = pin;
    cfg.initial_level = initial;
    cfg.debounce_mode = NIRQ_DEBOUNCE_NONE;
    return cfg;
}

std::vector<nirq_edge> ReadAll(nirq_capture *c, uint32_t now, uint32_t max = 64)
{
    std::vector<nirq_edge> out(max);
    out.resize(nirq_capture_read(c, now, out.data(), max));
    return out;
}

TEST(CaptureInit, RefusesUnsupportedRingCapacity)
{
    std::unique_ptr<nirq_capture> c(new nirq_capture());
    EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_capture_init(c.get(), 100));
    EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_capture_init(c.get(), NIRQ_RING_MAX * 2));
    EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_capture_init(c.get(), 4));
    EXPECT_FALSE(c->started);
    nirq_pin_config cfg = Plain(4);
    EXPECT_EQ(NIRQ_ERR_NOT_STARTED, nirq_capture_open(c.get(), &cfg, 0, nullptr));
}

TEST(CaptureInit, RefusedWhilePinsAreCapturedAndNothingChanges)
{
    auto c = Started(16);
    nirq_pin_config cfg = Plain(4);
    nirq_pin *p = nullptr;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    nirq_capture_isr_edge(p, 0, 10);
    EXPECT_EQ(NIRQ_ERR_PIN_BUSY, nirq_capture_init(c.get(), 32));
    EXPECT_EQ(16u, nirq_ring_capacity(&c->ring));
    EXPECT_EQ(1u, nirq_ring_count(&c->ring));
    ASSERT_EQ(NIRQ_OK, nirq_capture_close(c.get(), 4));
    EXPECT_EQ(NIRQ_OK, nirq_capture_init(c.get(), 32));
}

struct BadOpen {
    const char *what;
    nirq_pin_config cfg;
    nirq_status expected;
};

nirq_pin_config With(void (*edit)(nirq_pin_config &))
{
    nirq_pin_config cfg = Plain(5);
    edit(cfg);
    return cfg;
}

TEST(CaptureOpen, EachBadInputHasItsCodeAndChangesNothing)
{
    const BadOpen cases[] = {
        {"pin 64 is past NIRQ_PIN_LIMIT", With([](nirq_pin_config &c) { c.pin = NIRQ_PIN_LIMIT; }), NIRQ_ERR_UNKNOWN_PIN},
        {"pin already captured", With([](nirq_pin_config &c) { c.pin = 4; }), NIRQ_ERR_PIN_BUSY},
        {"quiet window 0", With([](nirq_pin_config &c) { c.debounce_mode = NIRQ_DEBOUNCE_QUIET; c.window_us = 0; }), NIRQ_ERR_DEBOUNCE_RANGE},
        {"lockout window above 1 s", With([](nirq_pin_config &c) { c.debounce_mode = NIRQ_DEBOUNCE_LOCKOUT; c.window_us = NIRQ_WINDOW_MAX_US + 1; }), NIRQ_ERR_DEBOUNCE_RANGE},
        {"window with mode none", With([](nirq_pin_config &c) { c.window_us = 10; }), NIRQ_ERR_DEBOUNCE_RANGE},
        {"unknown debounce mode", With([](nirq_pin_config &c) { c.debounce_mode = 7; c.window_us = 10; }), NIRQ_ERR_BAD_ARGUMENT},
        {"unknown hard action", With([](nirq_pin_config &c) { c.hard_action = 3; }), NIRQ_ERR_BAD_ARGUMENT},
        {"hard trigger 0", With([](nirq_pin_config &c) { c.hard_action = NIRQ_HARD_COUNT; c.hard_trigger = 0; }), NIRQ_ERR_BAD_ARGUMENT},
        {"hard trigger 4", With([](nirq_pin_config &c) { c.hard_action = NIRQ_HARD_COUNT; c.hard_trigger = 4; }), NIRQ_ERR_BAD_ARGUMENT},
        {"hard lockout above 1 s", With([](nirq_pin_config &c) { c.hard_action = NIRQ_HARD_COUNT; c.hard_trigger = 3; c.hard_lockout_us = NIRQ_WINDOW_MAX_US + 1; }), NIRQ_ERR_DEBOUNCE_RANGE},
        {"toggle the input pin itself", With([](nirq_pin_config &c) { c.hard_action = NIRQ_HARD_TOGGLE; c.hard_trigger = 1; c.hard_output_pin = 5; }), NIRQ_ERR_BAD_ARGUMENT},
        {"toggle output past the limit", With([](nirq_pin_config &c) { c.hard_action = NIRQ_HARD_TOGGLE; c.hard_trigger = 1; c.hard_output_pin = NIRQ_PIN_LIMIT; }), NIRQ_ERR_BAD_ARGUMENT},
        {"initial level 2", With([](nirq_pin_config &c) { c.initial_level = 2; }), NIRQ_ERR_BAD_ARGUMENT},
    };
    auto c = Started();
    nirq_pin_config first = Plain(4);
    nirq_pin *p4 = nullptr;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &first, 0, &p4));
    nirq_capture_isr_edge(p4, 0, 10);
    for (const BadOpen &b : cases) {
        nirq_pin *out = reinterpret_cast<nirq_pin *>(0x1);
        EXPECT_EQ(b.expected, nirq_capture_open(c.get(), &b.cfg, 0, &out)) << b.what;
        EXPECT_EQ(reinterpret_cast<nirq_pin *>(0x1), out) << b.what << ": out untouched";
        nirq_counters k{};
        EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_capture_counters(c.get(), 5, &k)) << b.what << ": pin 5 not captured";
        ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
        EXPECT_EQ(1u, k.seen) << b.what << ": pin 4 untouched";
    }
    EXPECT_EQ(1u, nirq_ring_count(&c->ring));
}

TEST(CaptureOpen, NoFreeSlotAfterMaxPins)
{
    auto c = Started();
    for (uint32_t i = 0; i < NIRQ_MAX_PINS; i++) {
        nirq_pin_config cfg = Plain(i);
        ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, nullptr));
    }
    nirq_pin_config extra = Plain(NIRQ_MAX_PINS);
    EXPECT_EQ(NIRQ_ERR_NO_FREE_SLOT, nirq_capture_open(c.get(), &extra, 0, nullptr));
    ASSERT_EQ(NIRQ_OK, nirq_capture_close(c.get(), 0));
    EXPECT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &extra, 0, nullptr)) << "a closed slot is reused";
}

TEST(CaptureClose, UnknownPinIsAnError)
{
    auto c = Started();
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_capture_close(c.get(), 3));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_capture_close(c.get(), 1000));
}

TEST(CaptureIsr, NumbersEdgesPerPinAndDeliversThemInOrder)
{
    auto c = Started();
    nirq_pin *a = nullptr, *b = nullptr;
    nirq_pin_config ca = Plain(4), cb = Plain(12, 0);
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &ca, 0, &a));
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cb, 0, &b));
    nirq_capture_isr_edge(a, 0, 10);
    nirq_capture_isr_edge(b, 1, 11);
    nirq_capture_isr_edge(a, 1, 20);
    nirq_capture_isr_edge(a, 0, 30);
    std::vector<nirq_edge> got = ReadAll(c.get(), 40);
    ASSERT_EQ(4u, got.size());
    EXPECT_EQ(4, got[0].pin); EXPECT_EQ(1u, got[0].seq); EXPECT_EQ(10u, got[0].time_us); EXPECT_EQ(0, got[0].level);
    EXPECT_EQ(12, got[1].pin); EXPECT_EQ(1u, got[1].seq); EXPECT_EQ(1, got[1].level);
    EXPECT_EQ(4, got[2].pin); EXPECT_EQ(2u, got[2].seq); EXPECT_EQ(20u, got[2].time_us);
    EXPECT_EQ(4, got[3].pin); EXPECT_EQ(3u, got[3].seq); EXPECT_EQ(0, got[3].reserved) << "the epoch tag is not handed out";
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(3u, k.seen);
    EXPECT_EQ(3u, k.delivered);
    EXPECT_EQ(0u, k.dropped);
    EXPECT_EQ(0u, k.overrun);
}

TEST(CaptureIsr, RepeatedLevelCountsAnOverrun)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    nirq_capture_isr_edge(p, 1, 5);   // level unchanged from the initial 1: a merged pair
    nirq_capture_isr_edge(p, 0, 10);
    nirq_capture_isr_edge(p, 0, 20);  // merged again
    nirq_capture_isr_edge(p, 1, 30);
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(2u, k.overrun);
    EXPECT_EQ(4u, k.seen) << "an overrun edge is still seen and queued";
}

TEST(CaptureIsr, FullRingDropsNewestCountsItAndSequenceShowsTheGap)
{
    auto c = Started(8);
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 0);
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    for (uint32_t i = 0; i < 11; i++) nirq_capture_isr_edge(p, (i + 1) & 1, 10 * i);
    std::vector<nirq_edge> got = ReadAll(c.get(), 1000);
    ASSERT_EQ(8u, got.size());
    for (uint32_t i = 0; i < 8; i++) EXPECT_EQ(i + 1, got[i].seq);
    nirq_capture_isr_edge(p, 0, 2000);
    got = ReadAll(c.get(), 3000);
    ASSERT_EQ(1u, got.size());
    EXPECT_EQ(12u, got[0].seq) << "seq 9..11 were dropped: the gap says 3";
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(3u, k.dropped);
    EXPECT_EQ(12u, k.seen);
    EXPECT_EQ(k.seen, k.delivered + k.filtered + k.pending + k.dropped);
}

TEST(CaptureHard, ToggleOnFallingWithLockout)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    cfg.hard_action = NIRQ_HARD_TOGGLE;
    cfg.hard_trigger = NIRQ_TRIGGER_FALLING;
    cfg.hard_output_pin = 2;
    cfg.hard_lockout_us = 1000;
    uint32_t before = g_nirq_host_toggles[2].load();
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0xFFFFFF00u, &p));
    nirq_capture_isr_edge(p, 0, 0xFFFFFF10u);  // falling: toggles (first edge is never locked out)
    nirq_capture_isr_edge(p, 1, 0xFFFFFF20u);  // rising: not a trigger
    nirq_capture_isr_edge(p, 0, 0xFFFFFF30u);  // falling 32 µs later: inside the lockout
    nirq_capture_isr_edge(p, 1, 500);          // rising
    nirq_capture_isr_edge(p, 0, 0x000002F7u);  // falling 999 µs after the first (across the wrap): locked
    nirq_capture_isr_edge(p, 1, 0x000002F8u);
    nirq_capture_isr_edge(p, 0, 0x000002F8u);  // exactly 1000 µs after the first: toggles
    EXPECT_EQ(before + 2u, g_nirq_host_toggles[2].load());
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(2u, k.hard);
    EXPECT_EQ(7u, k.seen) << "hard actions do not hide edges from the consumer";
}

TEST(CaptureHard, CountRisingOnlyWithoutLockout)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 0);
    cfg.hard_action = NIRQ_HARD_COUNT;
    cfg.hard_trigger = NIRQ_TRIGGER_RISING;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    uint32_t toggles = 0;
    for (uint32_t i = 0; i < NIRQ_PIN_LIMIT; i++) toggles += g_nirq_host_toggles[i].load();
    for (uint32_t i = 0; i < 10; i++) nirq_capture_isr_edge(p, (i + 1) & 1, i);
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(5u, k.hard);
    uint32_t after = 0;
    for (uint32_t i = 0; i < NIRQ_PIN_LIMIT; i++) after += g_nirq_host_toggles[i].load();
    EXPECT_EQ(toggles, after) << "count never toggles";
}

// Every hard action x trigger combination over one edge sequence, with and without lockout; expected
// counts worked out by hand. Initial level 1; edges (level@µs): 0@1000 1@1300 0@1600 1@2500 0@2600 and
// 0@4000 (an overrun: same level again, still a falling-edge interrupt). The lockout runs from the last
// action performed; an edge exactly lockout µs later is outside it.
struct HardCase {
    const char *name;
    uint32_t action, trigger, lockout_us;
    uint32_t hard, toggles;
};

void PrintTo(const HardCase &h, std::ostream *os) { *os << h.name; }

class CaptureHardTable : public ::testing::TestWithParam<HardCase> {};

TEST_P(CaptureHardTable, CountsAndTogglesExactlyTheMatchingEdges)
{
    const HardCase &h = GetParam();
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    cfg.hard_action = h.action;
    cfg.hard_trigger = h.trigger;
    cfg.hard_output_pin = 2;
    cfg.hard_lockout_us = h.lockout_us;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    uint32_t before = g_nirq_host_toggles[2].load();
    const uint32_t levels[] = {0, 1, 0, 1, 0, 0};
    const uint32_t times[] = {1000, 1300, 1600, 2500, 2600, 4000};
    for (int i = 0; i < 6; i++) nirq_capture_isr_edge(p, levels[i], times[i]);
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(h.hard, k.hard);
    EXPECT_EQ(h.toggles, g_nirq_host_toggles[2].load() - before);
    EXPECT_EQ(6u, k.seen);
    EXPECT_EQ(1u, k.overrun);
    EXPECT_EQ(6u, nirq_ring_count(&c->ring)) << "hard actions never keep an edge out of the ring";
}

INSTANTIATE_TEST_SUITE_P(Combinations, CaptureHardTable, ::testing::Values(
    HardCase{"CountBoth", NIRQ_HARD_COUNT, NIRQ_TRIGGER_BOTH, 0, 6, 0},
    HardCase{"CountFalling", NIRQ_HARD_COUNT, NIRQ_TRIGGER_FALLING, 0, 4, 0},
    HardCase{"CountRisingLockout1200", NIRQ_HARD_COUNT, NIRQ_TRIGGER_RISING, 1200, 2, 0},
    HardCase{"CountRisingLockout1201", NIRQ_HARD_COUNT, NIRQ_TRIGGER_RISING, 1201, 1, 0},
    HardCase{"ToggleBoth", NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_BOTH, 0, 6, 6},
    HardCase{"ToggleRising", NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_RISING, 0, 2, 2},
    HardCase{"ToggleFalling", NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_FALLING, 0, 4, 4},
    HardCase{"ToggleBothLockout500", NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_BOTH, 500, 4, 4},
    HardCase{"ToggleFallingLockout700", NIRQ_HARD_TOGGLE, NIRQ_TRIGGER_FALLING, 700, 3, 3},
    HardCase{"NoneNeverActs", NIRQ_HARD_NONE, NIRQ_TRIGGER_BOTH, 0, 0, 0}),
    [](const ::testing::TestParamInfo<HardCase> &info) { return std::string(info.param.name); });

TEST(CaptureClose, QueuedRecordsOfAClosedPinAreDiscardedEvenAfterReopen)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    nirq_capture_isr_edge(p, 0, 10);
    nirq_capture_isr_edge(p, 1, 20);
    ASSERT_EQ(NIRQ_OK, nirq_capture_close(c.get(), 4));
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 30, &p));
    nirq_capture_isr_edge(p, 0, 40);
    std::vector<nirq_edge> got = ReadAll(c.get(), 50);
    ASSERT_EQ(1u, got.size());
    EXPECT_EQ(1u, got[0].seq) << "the reopened pin numbers from 1";
    EXPECT_EQ(40u, got[0].time_us);
    EXPECT_EQ(2u, c->stale);
}

TEST(CaptureRead, QuietDebounceWaitsForItsDeadline)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    cfg.debounce_mode = NIRQ_DEBOUNCE_QUIET;
    cfg.window_us = 5000;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    nirq_capture_isr_edge(p, 0, 1000);
    nirq_capture_isr_edge(p, 1, 1200);
    nirq_capture_isr_edge(p, 0, 1500);
    uint32_t deadline = 0;
    EXPECT_FALSE(nirq_capture_next_deadline(c.get(), &deadline));
    EXPECT_EQ(0u, ReadAll(c.get(), 2000).size());
    ASSERT_TRUE(nirq_capture_next_deadline(c.get(), &deadline));
    EXPECT_EQ(6500u, deadline);
    EXPECT_EQ(0u, ReadAll(c.get(), 6499).size());
    std::vector<nirq_edge> got = ReadAll(c.get(), 6500);
    ASSERT_EQ(1u, got.size());
    EXPECT_EQ(6500u, got[0].time_us) << "stamped at the decision: the last edge (1500) + the 5000 µs window";
    EXPECT_EQ(3u, got[0].seq) << "gap of 2: two bounces filtered";
    nirq_counters k{};
    ASSERT_EQ(NIRQ_OK, nirq_capture_counters(c.get(), 4, &k));
    EXPECT_EQ(1u, k.delivered);
    EXPECT_EQ(2u, k.filtered);
    EXPECT_EQ(0u, k.pending);
    EXPECT_FALSE(nirq_capture_next_deadline(c.get(), &deadline));
}

TEST(CaptureRead, SmallBufferResumesWhereItStopped)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 0);
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    for (uint32_t i = 0; i < 10; i++) nirq_capture_isr_edge(p, (i + 1) & 1, i);
    std::vector<uint32_t> seqs;
    for (int call = 0; call < 4; call++) {
        std::vector<nirq_edge> got = ReadAll(c.get(), 100, 4);
        EXPECT_GE(got.size(), 1u) << "call " << call << " makes progress";
        EXPECT_LE(got.size(), 4u);
        for (const nirq_edge &e : got) seqs.push_back(e.seq);
    }
    ASSERT_EQ(10u, seqs.size());
    for (uint32_t i = 0; i < 10; i++) EXPECT_EQ(i + 1, seqs[i]);
}

TEST(CaptureRead, NoTickWhileRecordsAreStillQueued)
{
    auto c = Started();
    nirq_pin *p = nullptr;
    nirq_pin_config cfg = Plain(4, 1);
    cfg.debounce_mode = NIRQ_DEBOUNCE_QUIET;
    cfg.window_us = 100;
    ASSERT_EQ(NIRQ_OK, nirq_capture_open(c.get(), &cfg, 0, &p));
    nirq_capture_isr_edge(p, 0, 0);
    EXPECT_EQ(0u, ReadAll(c.get(), 50).size());
    nirq_capture_isr_edge(p, 1, 120);
    nirq_capture_isr_edge(p, 0, 130);
    std::vector<nirq_edge> got = ReadAll(c.get(), 1000, 2);  // room for one feed only
    ASSERT_EQ(1u, got.size());
    EXPECT_EQ(100u, got[0].time_us);
    EXPECT_EQ(1u, got[0].seq);
    got = ReadAll(c.get(), 1000, 2);
    EXPECT_EQ(0u, got.size()) << "120:1 was superseded by 130:0 before its window ended: never emitted";
}

}  // namespace
