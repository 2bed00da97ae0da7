// The C API behind NanoIrq.Native.NativeCapture, through the exported interface of
// libnanoirq_native_host.so (core + nirq_api.c + the host port): argument checks and their codes,
// nothing changed on error, read marshalling (pin * 2 + level, chunks), counters, hard actions.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "nirq/nirq_api.h"
#include "nirq_port_host.h"
}

namespace {

class Api : public ::testing::Test {
protected:
    void SetUp() override { nirq_host_reset(); }
    void TearDown() override { nirq_host_reset(); }

    static int32_t OpenPlain(int32_t pin, int32_t pull = 1)
    {
        return nirq_api_open(pin, pull, 0, 0, 0, 0, 0, 0);
    }

    struct Batch {
        std::vector<uint32_t> times, seqs;
        std::vector<int32_t> pin_levels;
        int32_t n;
    };

    static Batch Read(int32_t max)
    {
        Batch b;
        b.times.assign((size_t)max + 1, 0xDEADBEEFu);  // one sentinel past max: never written
        b.seqs.assign((size_t)max + 1, 0xDEADBEEFu);
        b.pin_levels.assign((size_t)max + 1, -77);
        b.n = nirq_api_read(b.times.data(), b.seqs.data(), b.pin_levels.data(), max);
        return b;
    }

    static std::vector<uint32_t> Counters(int32_t pin)
    {
        std::vector<uint32_t> v(NIRQ_API_COUNTER_COUNT, 0xFFFFFFFFu);
        EXPECT_EQ(NIRQ_OK, nirq_api_get_counters(pin, v.data(), (int32_t)v.size()));
        return v;
    }
};

TEST_F(Api, StartRefusesEveryUnsupportedCapacity)
{
    for (int32_t bad : {-1, -1024, 0, 4, 7, 100, 2048, 0x7FFFFFFF}) {
        EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_api_start(bad)) << bad;
    }
    EXPECT_EQ(NIRQ_ERR_NOT_STARTED, OpenPlain(4));
    EXPECT_EQ(NIRQ_OK, nirq_api_start(8));
    EXPECT_EQ(NIRQ_OK, nirq_api_start((int32_t)NIRQ_RING_MAX));  // the build's largest ring (CMake NIRQ_RING_RECORDS)
    EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_api_start((int32_t)NIRQ_RING_MAX * 2));
    EXPECT_EQ((int32_t)NIRQ_RING_MAX, nirq_api_limit(NIRQ_LIMIT_RING_MAX));
    EXPECT_EQ((int32_t)NIRQ_MAX_PINS, nirq_api_limit(NIRQ_LIMIT_SLOTS));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_limit(3));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_limit(-1));
}

// A redeploy: the previous program captured pins (one with a hard toggle) and queued records, then vanished
// without closing anything (C statics survive nanoFramework's soft reboot). The next start reclaims it all.
TEST_F(Api, StartReclaimsWhatAPreviousProgramLeftCaptured)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(16));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    ASSERT_EQ(NIRQ_OK, nirq_api_open(7, 1, 0, 0, 2, 3, 9, 0));  // hard toggle of GPIO 9 on both edges
    nirq_host_set_now_us(10);
    ASSERT_EQ(1, nirq_host_edge(4, 0));
    ASSERT_EQ(1, nirq_host_edge(7, 0));
    ASSERT_EQ(1, nirq_host_toggles(9));

    ASSERT_EQ(NIRQ_OK, nirq_api_start(32));  // the next program
    EXPECT_EQ(0, nirq_host_edge(4, 1)) << "the old capture's interrupt is off";
    EXPECT_EQ(0, nirq_host_edge(7, 1));
    EXPECT_EQ(1, nirq_host_toggles(9)) << "the old hard action no longer runs";
    EXPECT_EQ(0, Read(8).n) << "the old records are gone";
    uint32_t v[NIRQ_API_COUNTER_COUNT];
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_get_counters(4, v, NIRQ_API_COUNTER_COUNT));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_close(7));
    EXPECT_EQ(-1, nirq_api_next_deadline());

    // the same pins open again, with fresh sequences and counters, and only new edges arrive
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    ASSERT_EQ(NIRQ_OK, OpenPlain(7));
    nirq_host_set_now_us(20);
    ASSERT_EQ(1, nirq_host_edge(4, 0));
    Batch b = Read(8);
    ASSERT_EQ(1, b.n);
    EXPECT_EQ(20u, b.times[0]);
    EXPECT_EQ(1u, b.seqs[0]);
    EXPECT_EQ(4 * 2 + 0, b.pin_levels[0]);
    EXPECT_EQ((std::vector<uint32_t>{1, 1, 0, 0, 0, 0, 0}), Counters(4));
    EXPECT_EQ((std::vector<uint32_t>{0, 0, 0, 0, 0, 0, 0}), Counters(7));
    ASSERT_EQ(1, nirq_host_edge(7, 0));
    EXPECT_EQ(1, nirq_host_toggles(9)) << "pin 7 reopened without a hard action: no toggle";
}

TEST_F(Api, StartWithABadCapacityReclaimsNothing)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(16));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    nirq_host_set_now_us(10);
    ASSERT_EQ(1, nirq_host_edge(4, 0));
    for (int32_t bad : {-1, 0, 100, 2048}) {
        EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_api_start(bad)) << bad;
    }
    EXPECT_EQ(1, nirq_host_edge(4, 1)) << "still captured";
    Batch b = Read(8);
    ASSERT_EQ(2, b.n);
    EXPECT_EQ(10u, b.times[0]);
    EXPECT_EQ(2u, b.seqs[1]);
}

TEST_F(Api, StartWithNothingCapturedJustResets)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(8));  // first start after power-up: nothing to reclaim
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    ASSERT_EQ(NIRQ_OK, nirq_api_close(4));
    ASSERT_EQ(NIRQ_OK, nirq_api_start((int32_t)NIRQ_RING_MAX));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    for (int i = 0; i < (int)NIRQ_RING_MAX; i++) {  // the new, larger ring is in use: it fills without a drop
        ASSERT_EQ(1, nirq_host_edge(4, i % 2));
    }
    EXPECT_EQ(0u, Counters(4)[4]);
}

TEST_F(Api, OpenMapsEachBadArgumentToItsCode)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    struct Case { int32_t a[8]; int32_t code; };
    const Case cases[] = {
        {{-1, 1, 0, 0, 0, 0, 0, 0}, NIRQ_ERR_UNKNOWN_PIN},
        {{64, 1, 0, 0, 0, 0, 0, 0}, NIRQ_ERR_UNKNOWN_PIN},
        {{5, -1, 0, 0, 0, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 3, 0, 0, 0, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, -1, 0, 0, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 4, 100, 0, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 2, -1, 0, 0, 0, 0}, NIRQ_ERR_DEBOUNCE_RANGE},
        {{5, 1, 2, 0, 0, 0, 0, 0}, NIRQ_ERR_DEBOUNCE_RANGE},
        {{5, 1, 2, 10000001, 0, 0, 0, 0}, NIRQ_ERR_DEBOUNCE_RANGE},
        {{5, 1, 0, 5, 0, 0, 0, 0}, NIRQ_ERR_DEBOUNCE_RANGE},
        {{5, 1, 0, 0, -1, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 3, 1, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 1, 0, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 1, 4, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 1, -2, 0, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 2, 2, 5, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 2, 2, 64, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 2, 2, -1, 0}, NIRQ_ERR_BAD_ARGUMENT},
        {{5, 1, 0, 0, 1, 2, 0, -1}, NIRQ_ERR_DEBOUNCE_RANGE},
        {{5, 1, 0, 0, 1, 2, 0, 10000001}, NIRQ_ERR_DEBOUNCE_RANGE},
    };
    for (const Case &k : cases) {
        EXPECT_EQ(k.code, nirq_api_open(k.a[0], k.a[1], k.a[2], k.a[3], k.a[4], k.a[5], k.a[6], k.a[7]))
            << "pin " << k.a[0] << " pull " << k.a[1] << " mode " << k.a[2] << " window " << k.a[3]
            << " action " << k.a[4] << " trigger " << k.a[5] << " out " << k.a[6] << " lockout " << k.a[7];
        // nothing changed: pin 5 is still free, so an edge on it reaches no ISR
        EXPECT_EQ(0, nirq_host_edge(5, 0));
        EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_close(5));
    }
    EXPECT_EQ(NIRQ_OK, nirq_api_open(5, 1, 2, 10000000, 2, 3, 6, 10000000));  // the limits themselves pass
}

TEST_F(Api, OpenRefusesBusyPinAndNinthPin)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    for (int32_t pin = 0; pin < NIRQ_MAX_PINS; pin++) {
        ASSERT_EQ(NIRQ_OK, OpenPlain(pin));
    }
    EXPECT_EQ(NIRQ_ERR_PIN_BUSY, OpenPlain(3));
    EXPECT_EQ(NIRQ_ERR_NO_FREE_SLOT, OpenPlain(40));
    EXPECT_EQ(0, nirq_host_edge(40, 0));
    ASSERT_EQ(NIRQ_OK, nirq_api_close(3));
    EXPECT_EQ(NIRQ_OK, OpenPlain(40));
}

TEST_F(Api, OpenTakesTheLevelOfThePullOrOfTheDrivenPin)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(1, 1));
    ASSERT_EQ(NIRQ_OK, OpenPlain(2, 2));
    ASSERT_EQ(NIRQ_OK, nirq_host_set_level(3, 1));
    ASSERT_EQ(NIRQ_OK, OpenPlain(3, 2));  // driven high: the pull-down does not win
    EXPECT_EQ(1, nirq_api_read_level(1));
    EXPECT_EQ(0, nirq_api_read_level(2));
    EXPECT_EQ(1, nirq_api_read_level(3));
    // a same-level interrupt on a freshly opened pin is an overrun (its level did not change)
    nirq_host_edge(1, 1);
    EXPECT_EQ(1u, Counters(1)[5]);
}

TEST_F(Api, CloseAndCountersAndReadLevelRefuseUnknownPins)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    uint32_t v[NIRQ_API_COUNTER_COUNT] = {1, 2, 3, 4, 5, 6, 7};
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_close(-1));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_close(64));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_close(9));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_get_counters(-1, v, 7));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_get_counters(9, v, 7));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_get_counters(9, v, 6));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_get_counters(9, nullptr, 7));
    for (uint32_t i = 0; i < 7; i++) {
        EXPECT_EQ(i + 1u, v[i]);  // untouched
    }
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_read_level(-1));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_read_level(64));
    EXPECT_EQ(0, nirq_api_read_level(63));
}

TEST_F(Api, ReadRefusesNullArraysAndNegativeMaxAndReadsNothing)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4));
    nirq_host_edge(4, 0);
    uint32_t t[4], s[4];
    int32_t pl[4];
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_read(nullptr, s, pl, 4));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_read(t, nullptr, pl, 4));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_read(t, s, nullptr, 4));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_read(t, s, pl, -1));
    EXPECT_EQ(0, nirq_api_read(t, s, pl, 0));
    EXPECT_EQ(0, nirq_api_read(t, s, pl, 1));  // below 2 the core reads nothing (a fed edge may release 2)
    EXPECT_EQ(1, nirq_api_read(t, s, pl, 4));  // the edge is still there
}

TEST_F(Api, ReadMarshalsPinLevelTimeAndSequence)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(63, 1));
    ASSERT_EQ(NIRQ_OK, OpenPlain(0, 2));
    nirq_host_set_now_us(0xFFFFFFF0u);
    nirq_host_edge(63, 0);
    nirq_host_advance_us(0x20);  // wraps to 0x10
    nirq_host_edge(0, 1);
    nirq_host_advance_us(1);
    nirq_host_edge(63, 1);
    Batch b = Read(8);
    ASSERT_EQ(3, b.n);
    EXPECT_EQ(0xFFFFFFF0u, b.times[0]);
    EXPECT_EQ(63 * 2 + 0, b.pin_levels[0]);
    EXPECT_EQ(1u, b.seqs[0]);
    EXPECT_EQ(0x10u, b.times[1]);
    EXPECT_EQ(0 * 2 + 1, b.pin_levels[1]);
    EXPECT_EQ(1u, b.seqs[1]);
    EXPECT_EQ(0x11u, b.times[2]);
    EXPECT_EQ(63 * 2 + 1, b.pin_levels[2]);
    EXPECT_EQ(2u, b.seqs[2]);
    EXPECT_EQ(0xDEADBEEFu, b.times[3]);  // nothing written past the count
    EXPECT_EQ(-77, b.pin_levels[3]);
}

TEST_F(Api, ReadCrossesChunksUpToMaxAndLeavesTheRestQueued)
{
    static_assert(NIRQ_RING_MAX - 8 > 3 * NIRQ_API_CHUNK, "the test reads more than 3 chunks from a full ring");
    const int want = (int)NIRQ_RING_MAX - 8;
    ASSERT_EQ(NIRQ_OK, nirq_api_start((int32_t)NIRQ_RING_MAX));
    ASSERT_EQ(NIRQ_OK, OpenPlain(7, 1));
    for (int i = 0; i < (int)NIRQ_RING_MAX; i++) {
        nirq_host_set_now_us((uint32_t)i * 10u);
        ASSERT_EQ(1, nirq_host_edge(7, i % 2 == 0 ? 0 : 1));
    }
    Batch a = Read(want);  // more than 3 chunks of NIRQ_API_CHUNK
    ASSERT_GE(a.n, want - 1);
    ASSERT_LE(a.n, want);
    for (int i = 0; i < a.n; i++) {
        ASSERT_EQ((uint32_t)i + 1u, a.seqs[(size_t)i]);
        ASSERT_EQ((uint32_t)i * 10u, a.times[(size_t)i]);
        ASSERT_EQ(7 * 2 + (i % 2 == 0 ? 0 : 1), a.pin_levels[(size_t)i]);
    }
    EXPECT_EQ(0xDEADBEEFu, a.seqs[(size_t)want]);
    Batch b = Read(want);
    ASSERT_EQ((int)NIRQ_RING_MAX - a.n, b.n);
    EXPECT_EQ((uint32_t)a.n + 1u, b.seqs[0]);
    std::vector<uint32_t> k = Counters(7);
    EXPECT_EQ(NIRQ_RING_MAX, k[0]);  // seen
    EXPECT_EQ(NIRQ_RING_MAX, k[1]);  // delivered
    EXPECT_EQ(0u, k[4]);    // dropped
}

TEST_F(Api, CountersAddUpWithDebounceAndOverflow)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(8));
    ASSERT_EQ(NIRQ_OK, nirq_api_open(4, 2, 2, 1000, 0, 0, 0, 0));  // pull-down (level 0), quiet-time 1 ms
    for (int i = 0; i < 12; i++) {  // 12 bounces 0,1,0,1... into a ring of 8: seq 9..12 refused
        nirq_host_set_now_us(100u + (uint32_t)i * 10u);
        nirq_host_edge(4, i % 2 == 0 ? 0 : 1);  // the first finds the level unchanged: an overrun
    }
    nirq_host_edge(4, 0);  // seq 13, refused too
    EXPECT_EQ(-1, nirq_api_next_deadline());  // nothing fed to the debouncer yet
    Batch b = Read(16);
    EXPECT_EQ(0, b.n);  // quiet time not over
    EXPECT_EQ((int64_t)(170 + 1000), nirq_api_next_deadline());  // last queued edge: seq 8 at 170 µs
    nirq_host_set_now_us(5000);
    b = Read(16);
    ASSERT_EQ(1, b.n);
    EXPECT_EQ(1170u, b.times[0]);
    EXPECT_EQ(4 * 2 + 1, b.pin_levels[0]);  // seq 8 left the pin high; refused edges never reach the debouncer
    EXPECT_EQ(8u, b.seqs[0]);
    std::vector<uint32_t> k = Counters(4);
    EXPECT_EQ(13u, k[0]);  // seen
    EXPECT_EQ(1u, k[1]);   // delivered
    EXPECT_EQ(7u, k[2]);   // filtered
    EXPECT_EQ(0u, k[3]);   // pending
    EXPECT_EQ(5u, k[4]);   // dropped
    EXPECT_EQ(1u, k[5]);   // overrun
    EXPECT_EQ(k[0], k[1] + k[2] + k[3] + k[4]) << "seen == delivered + filtered + pending + dropped";
    EXPECT_EQ(-1, nirq_api_next_deadline());
}

TEST_F(Api, SetHardChangesTheActionOfACapturedPin)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4, 1));
    nirq_host_edge(4, 0);
    EXPECT_EQ(0, nirq_host_toggles(2));
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 2, 2, 2, 1000));  // toggle GPIO 2 on falling, 1 ms lockout
    nirq_host_set_now_us(10);
    nirq_host_edge(4, 1);
    nirq_host_edge(4, 0);  // acts
    nirq_host_set_now_us(500);
    nirq_host_edge(4, 1);
    nirq_host_edge(4, 0);  // inside the lockout
    nirq_host_set_now_us(2000);
    nirq_host_edge(4, 1);
    nirq_host_edge(4, 0);  // acts
    EXPECT_EQ(2, nirq_host_toggles(2));
    EXPECT_EQ(0, nirq_host_output_level(2));
    EXPECT_EQ(2u, Counters(4)[6]);
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 0, 0, 0, 0));  // disarm
    nirq_host_edge(4, 1);
    nirq_host_edge(4, 0);
    EXPECT_EQ(2, nirq_host_toggles(2));
    EXPECT_EQ(2u, Counters(4)[6]);  // the hard counter keeps counting across changes
}

TEST_F(Api, SetHardRefusesBadArgumentsAndKeepsTheOldAction)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4, 1));
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 1, 2, 0, 0));  // count falling edges
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_set_hard(-1, 1, 2, 0, 0));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_set_hard(5, 1, 2, 0, 0));  // not captured
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_set_hard(64, 1, 2, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, 3, 2, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, -1, 2, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, 1, 0, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, 1, 4, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, 2, 2, 4, 0));   // output = input
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(4, 2, 2, -3, 0));
    EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_api_set_hard(4, 1, 2, 0, -1));
    EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_api_set_hard(4, 1, 2, 0, 10000001));
    nirq_host_edge(4, 0);
    nirq_host_edge(4, 1);
    EXPECT_EQ(1u, Counters(4)[6]);  // still counting falling edges only
}

// The chip's GPIO count (a port constant: 30 on the RP2040) bounds inputs, toggle outputs and level reads.
TEST_F(Api, PinsAndOutputsAreCheckedAgainstTheChipsGpioCount)
{
    EXPECT_EQ(NIRQ_PIN_LIMIT, nirq_api_limit(NIRQ_LIMIT_GPIO_COUNT));  // the host port's default
    ASSERT_EQ(NIRQ_OK, nirq_host_set_gpio_count(30));
    EXPECT_EQ(30, nirq_api_limit(NIRQ_LIMIT_GPIO_COUNT));
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, OpenPlain(30));
    EXPECT_EQ(NIRQ_ERR_UNKNOWN_PIN, nirq_api_read_level(30));
    EXPECT_EQ(0, nirq_api_read_level(29));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_open(4, 1, 0, 0, 2, 2, 30, 0));  // toggle output past the chip
    EXPECT_EQ(0, nirq_host_reserved(4)) << "nothing reserved by a refused open";
    ASSERT_EQ(NIRQ_OK, nirq_api_open(4, 1, 0, 0, 2, 2, 29, 0));
    ASSERT_EQ(NIRQ_OK, OpenPlain(5));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(5, 2, 2, 30, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_api_set_hard(5, 2, 2, 63, 0));
    EXPECT_EQ(NIRQ_OK, nirq_api_set_hard(5, 2, 2, 29, 0));  // two captured pins may toggle one output
}

// A toggle output is reserved in nanoFramework's pin map while armed (a driver that holds it makes arming fail),
// released on disarm, on a change of output and on close; shared outputs are released after their last user.
TEST_F(Api, ToggleOutputIsReservedWhileArmed)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, nirq_api_open(4, 1, 0, 0, 2, 2, 2, 0));  // toggle GPIO 2 from the start
    EXPECT_EQ(1, nirq_host_reserved(4)) << "the captured input";
    EXPECT_EQ(1, nirq_host_reserved(2)) << "the armed output";
    EXPECT_EQ(0, nirq_host_reserve(2, 1)) << "another driver cannot take it";
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 0, 0, 0, 0));  // disarm
    EXPECT_EQ(0, nirq_host_reserved(2));
    ASSERT_EQ(1, nirq_host_reserve(3, 1));  // System.Device.Gpio holds GPIO 3
    EXPECT_EQ(NIRQ_ERR_OUTPUT_BUSY, nirq_api_set_hard(4, 2, 2, 3, 0));
    nirq_host_edge(4, 0);
    EXPECT_EQ(0, nirq_host_toggles(3)) << "refused: nothing armed";
    EXPECT_EQ(NIRQ_ERR_OUTPUT_BUSY, nirq_api_open(5, 1, 0, 0, 2, 2, 3, 0));
    EXPECT_EQ(0, nirq_host_reserved(5)) << "the refused open left its input free";
    ASSERT_EQ(NIRQ_OK, OpenPlain(6));
    EXPECT_EQ(NIRQ_ERR_OUTPUT_BUSY, nirq_api_set_hard(4, 2, 2, 6, 0)) << "a captured input is no output";
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 2, 2, 2, 0));  // re-arm on GPIO 2
    EXPECT_EQ(1, nirq_host_reserved(2));
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(4, 2, 2, 7, 0));  // move the output: 2 released, 7 taken
    EXPECT_EQ(0, nirq_host_reserved(2));
    EXPECT_EQ(1, nirq_host_reserved(7));
    ASSERT_EQ(NIRQ_OK, nirq_api_set_hard(6, 2, 2, 7, 0));  // a second user of GPIO 7
    ASSERT_EQ(NIRQ_OK, nirq_api_close(4));
    EXPECT_EQ(0, nirq_host_reserved(4));
    EXPECT_EQ(1, nirq_host_reserved(7)) << "pin 6 still toggles it";
    ASSERT_EQ(NIRQ_OK, nirq_api_close(6));
    EXPECT_EQ(0, nirq_host_reserved(7)) << "released after its last user";
    ASSERT_EQ(NIRQ_OK, nirq_api_open(4, 1, 0, 0, 2, 2, 2, 0));
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));  // a redeploy's reclaim closes it through the port: released too
    EXPECT_EQ(0, nirq_host_reserved(2));
    EXPECT_EQ(0, nirq_host_reserved(4));
    EXPECT_EQ(1, nirq_host_reserved(3)) << "the other driver's pin is untouched";
}

TEST_F(Api, ReopenedPinIgnoresRecordsOfItsPreviousCapture)
{
    ASSERT_EQ(NIRQ_OK, nirq_api_start(64));
    ASSERT_EQ(NIRQ_OK, OpenPlain(4, 1));
    nirq_host_edge(4, 0);
    ASSERT_EQ(NIRQ_OK, nirq_api_close(4));
    EXPECT_EQ(0, nirq_host_edge(4, 1));  // interrupt off: not captured
    ASSERT_EQ(NIRQ_OK, OpenPlain(4, 1));
    nirq_host_edge(4, 0);
    Batch b = Read(8);
    ASSERT_EQ(1, b.n);
    EXPECT_EQ(1u, b.seqs[0]);
    EXPECT_EQ(1u, nirq_host_stale());
}

TEST_F(Api, NowFollowsTheHostClock)
{
    nirq_host_set_now_us(123456u);
    EXPECT_EQ(123456u, nirq_api_now_us());
    EXPECT_EQ(0u, nirq_host_advance_us(0xFFFFFFFFu - 123455u));
    EXPECT_EQ(0u, nirq_api_now_us());
    EXPECT_EQ(-1, nirq_api_next_deadline());  // not started
}

}  // namespace
