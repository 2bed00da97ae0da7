// Runs every scenario of tests/scenarios/debounce.txt (format described at the top of that file) through
// the native debouncer, one GoogleTest case per scenario.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include "nirq/nirq_debounce.h"
}

namespace {

struct Scenario {
    std::string name;
    uint32_t mode = 0;
    uint32_t window = 0;
    uint32_t initial = 0;
    std::vector<nirq_edge> edges;
    uint32_t end = 0;
    std::string expected;
    int line = 0;
};

std::string Trim(const std::string &s)
{
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

uint32_t ModeOf(const std::string &m, int line)
{
    if (m == "none") return NIRQ_DEBOUNCE_NONE;
    if (m == "lockout") return NIRQ_DEBOUNCE_LOCKOUT;
    if (m == "quiet") return NIRQ_DEBOUNCE_QUIET;
    if (m == "glitch") return NIRQ_DEBOUNCE_GLITCH;
    throw std::runtime_error("line " + std::to_string(line) + ": unknown mode '" + m + "'");
}

std::vector<Scenario> Load()
{
    std::ifstream in(NIRQ_SCENARIO_FILE);
    if (!in) {
        throw std::runtime_error(std::string("cannot open ") + NIRQ_SCENARIO_FILE);
    }
    std::vector<Scenario> all;
    std::string raw;
    int line = 0;
    while (std::getline(in, raw)) {
        line++;
        std::string t = Trim(raw);
        if (t.empty() || t[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(t);
        std::string part;
        while (std::getline(ss, part, '|')) f.push_back(Trim(part));
        if (f.size() != 7) {
            throw std::runtime_error("line " + std::to_string(line) + ": expected 7 fields, got " + std::to_string(f.size()));
        }
        Scenario s;
        s.line = line;
        s.name = f[0];
        s.mode = ModeOf(f[1], line);
        s.window = static_cast<uint32_t>(std::stoul(f[2]));
        s.initial = static_cast<uint32_t>(std::stoul(f[3]));
        if (f[4] != "-") {
            std::stringstream es(f[4]);
            std::string tok;
            uint32_t seq = 1;
            while (es >> tok) {
                size_t colon = tok.find(':');
                nirq_edge e{};
                e.time_us = static_cast<uint32_t>(std::stoul(tok.substr(0, colon)));
                e.level = static_cast<uint8_t>(std::stoul(tok.substr(colon + 1)));
                e.seq = seq++;
                e.pin = 4;
                s.edges.push_back(e);
            }
        }
        s.end = static_cast<uint32_t>(std::stoul(f[5]));
        s.expected = f[6];
        all.push_back(s);
    }
    return all;
}

std::string Format(const nirq_edge &e)
{
    return std::to_string(e.time_us) + ":" + std::to_string(e.level) + "#" + std::to_string(e.seq);
}

// The driving rule of the scenario file: a dispatcher that ticks exactly at each deadline.
std::string RunScenario(const Scenario &s, nirq_debouncer *d)
{
    std::string out;
    nirq_edge buf[2];
    auto append = [&](uint32_t n) {
        for (uint32_t i = 0; i < n; i++) out += (out.empty() ? "" : " ") + Format(buf[i]);
    };
    auto tickUntil = [&](uint32_t t) {
        uint32_t deadline;
        int guard = 0;
        while (nirq_debouncer_deadline(d, &deadline) && nirq_ticks_diff(t, deadline) >= 0) {
            append(nirq_debouncer_tick(d, deadline, buf));
            if (++guard > 4) throw std::runtime_error("deadline does not advance");
        }
    };
    for (const nirq_edge &e : s.edges) {
        tickUntil(e.time_us);
        append(nirq_debouncer_feed(d, &e, buf));
    }
    tickUntil(s.end);
    return out.empty() ? "-" : out;
}

// Test names carry the scenario name; print only that instead of the raw bytes.
void PrintTo(const Scenario &s, std::ostream *os) { *os << s.name; }

class DebounceScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(DebounceScenario, MatchesTable)
{
    const Scenario &s = GetParam();
    nirq_debouncer d;
    ASSERT_EQ(NIRQ_OK, nirq_debouncer_init(&d, s.mode, s.window, s.initial)) << "line " << s.line;
    EXPECT_EQ(s.expected, RunScenario(s, &d)) << "scenario '" << s.name << "' (debounce.txt line " << s.line << ")";
    EXPECT_EQ(d.fed, d.emitted + d.filtered + nirq_debouncer_pending(&d)) << "every raw edge accounted for once";
    EXPECT_EQ(s.edges.size(), d.fed);
}

// A dispatcher that never ticks on time (only at the end) must get the same records: the filter settles a
// passed deadline when the next edge arrives.
TEST_P(DebounceScenario, SameRecordsWithoutTimelyTicks)
{
    const Scenario &s = GetParam();
    nirq_debouncer d;
    ASSERT_EQ(NIRQ_OK, nirq_debouncer_init(&d, s.mode, s.window, s.initial));
    std::string out;
    nirq_edge buf[2];
    for (const nirq_edge &e : s.edges) {
        uint32_t n = nirq_debouncer_feed(&d, &e, buf);
        for (uint32_t i = 0; i < n; i++) out += (out.empty() ? "" : " ") + Format(buf[i]);
    }
    uint32_t deadline;
    if (nirq_debouncer_deadline(&d, &deadline) && nirq_ticks_diff(s.end, deadline) >= 0) {
        uint32_t n = nirq_debouncer_tick(&d, s.end, buf);
        for (uint32_t i = 0; i < n; i++) out += (out.empty() ? "" : " ") + Format(buf[i]);
    }
    EXPECT_EQ(s.expected, out.empty() ? "-" : out) << "scenario '" << s.name << "'";
}

INSTANTIATE_TEST_SUITE_P(Table, DebounceScenario, ::testing::ValuesIn(Load()),
                         [](const ::testing::TestParamInfo<Scenario> &info) { return info.param.name; });

TEST(DebounceScenarioFile, HasAScenarioForEveryMode)
{
    std::vector<Scenario> all = Load();
    bool seen[4] = {false, false, false, false};
    for (const Scenario &s : all) seen[s.mode] = true;
    EXPECT_TRUE(seen[0] && seen[1] && seen[2] && seen[3]);
    EXPECT_GE(all.size(), 15u);
}

TEST(DebounceValidate, WindowRangesAndModes)
{
    EXPECT_EQ(NIRQ_OK, nirq_debounce_validate(NIRQ_DEBOUNCE_NONE, 0));
    EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_debounce_validate(NIRQ_DEBOUNCE_NONE, 1));
    for (uint32_t mode = 1; mode <= 3; mode++) {
        EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_debounce_validate(mode, 0)) << mode;
        EXPECT_EQ(NIRQ_OK, nirq_debounce_validate(mode, 1)) << mode;
        EXPECT_EQ(NIRQ_OK, nirq_debounce_validate(mode, NIRQ_WINDOW_MAX_US)) << mode;
        EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_debounce_validate(mode, NIRQ_WINDOW_MAX_US + 1)) << mode;
    }
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_debounce_validate(4, 100));
}

TEST(DebounceValidate, InitRefusesBadInputAndKeepsState)
{
    nirq_debouncer d;
    ASSERT_EQ(NIRQ_OK, nirq_debouncer_init(&d, NIRQ_DEBOUNCE_QUIET, 5000, 1));
    EXPECT_EQ(NIRQ_ERR_DEBOUNCE_RANGE, nirq_debouncer_init(&d, NIRQ_DEBOUNCE_QUIET, 0, 0));
    EXPECT_EQ(NIRQ_ERR_BAD_ARGUMENT, nirq_debouncer_init(&d, NIRQ_DEBOUNCE_QUIET, 5000, 2));
    EXPECT_EQ(5000u, d.window_us);
    EXPECT_EQ(1u, d.out_level);
}

}  // namespace
