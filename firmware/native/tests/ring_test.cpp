// The edge ring: capacity rules, FIFO order, full-ring refusal, counter wrap.
#include <gtest/gtest.h>

#include <vector>

extern "C" {
#include "nirq/nirq_ring.h"
}

namespace {

class RingCapacity : public ::testing::TestWithParam<std::pair<uint32_t, bool>> {};

TEST_P(RingCapacity, AcceptsOnlyPowersOfTwoInRange)
{
    std::vector<nirq_edge> storage(4096);
    nirq_ring r{};
    nirq_status st = nirq_ring_init(&r, storage.data(), GetParam().first);
    EXPECT_EQ(GetParam().second ? NIRQ_OK : NIRQ_ERR_RING_CAPACITY, st) << GetParam().first;
}

INSTANTIATE_TEST_SUITE_P(Values, RingCapacity,
                         ::testing::Values(std::make_pair(0u, false), std::make_pair(4u, false),
                                           std::make_pair(8u, true), std::make_pair(12u, false),
                                           std::make_pair(64u, true), std::make_pair(NIRQ_RING_MAX, true),
                                           std::make_pair(NIRQ_RING_MAX * 2u, false),
                                           std::make_pair(NIRQ_RING_MAX - 1u, false)));

TEST(Ring, RefusedCapacityLeavesTheRingAsItWas)
{
    nirq_edge storage[8];
    nirq_ring r{};
    ASSERT_EQ(NIRQ_OK, nirq_ring_init(&r, storage, 8));
    ASSERT_TRUE(nirq_ring_push(&r, 1, 1, nirq_ring_word(2, 1, 0)));
    EXPECT_EQ(NIRQ_ERR_RING_CAPACITY, nirq_ring_init(&r, storage, 6));
    EXPECT_EQ(1u, nirq_ring_count(&r));
    EXPECT_EQ(8u, nirq_ring_capacity(&r));
}

TEST(Ring, PopsInPushOrder)
{
    nirq_edge storage[8];
    nirq_ring r{};
    ASSERT_EQ(NIRQ_OK, nirq_ring_init(&r, storage, 8));
    for (uint32_t i = 0; i < 5; i++) ASSERT_TRUE(nirq_ring_push(&r, 100 + i, i + 1, nirq_ring_word(7, (uint8_t)(i & 1), 3)));
    nirq_edge out[8];
    ASSERT_EQ(3u, nirq_ring_pop(&r, out, 3));
    ASSERT_EQ(2u, nirq_ring_pop(&r, out + 3, 8));
    for (uint32_t i = 0; i < 5; i++) {
        EXPECT_EQ(100 + i, out[i].time_us);
        EXPECT_EQ(i + 1, out[i].seq);
        EXPECT_EQ(7, out[i].pin);
        EXPECT_EQ(i & 1, out[i].level);
        EXPECT_EQ(3, out[i].reserved);
    }
    EXPECT_EQ(0u, nirq_ring_pop(&r, out, 8));
}

TEST(Ring, FullRingRefusesAndKeepsTheOldest)
{
    nirq_edge storage[8];
    nirq_ring r{};
    ASSERT_EQ(NIRQ_OK, nirq_ring_init(&r, storage, 8));
    for (uint32_t i = 0; i < 8; i++) ASSERT_TRUE(nirq_ring_push(&r, i, i + 1, nirq_ring_word(1, 0, 0)));
    EXPECT_FALSE(nirq_ring_push(&r, 99, 99, nirq_ring_word(1, 1, 0))) << "the ninth record is refused";
    nirq_edge out[8];
    ASSERT_EQ(8u, nirq_ring_pop(&r, out, 8));
    for (uint32_t i = 0; i < 8; i++) EXPECT_EQ(i + 1, out[i].seq) << "nothing overwritten";
    EXPECT_TRUE(nirq_ring_push(&r, 100, 9, nirq_ring_word(1, 1, 0))) << "room again after a pop";
}

TEST(Ring, IndicesWrapPast2To32)
{
    nirq_edge storage[8];
    nirq_ring r{};
    ASSERT_EQ(NIRQ_OK, nirq_ring_init(&r, storage, 8));
    r.head = r.tail = 0xFFFFFFFCu;
    for (uint32_t i = 0; i < 8; i++) ASSERT_TRUE(nirq_ring_push(&r, i, i, nirq_ring_word(1, 0, 0)));
    EXPECT_FALSE(nirq_ring_push(&r, 8, 8, nirq_ring_word(1, 0, 0)));
    EXPECT_EQ(8u, nirq_ring_count(&r));
    nirq_edge out[8];
    ASSERT_EQ(8u, nirq_ring_pop(&r, out, 8));
    for (uint32_t i = 0; i < 8; i++) EXPECT_EQ(i, out[i].seq);
    EXPECT_EQ(4u, r.head);
}

}  // namespace
