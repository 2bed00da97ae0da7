// Host "port" for the tests: records what the ISR asks the hardware to do.
#include <atomic>
#include <cstdint>

extern "C" {
#include "nirq/nirq_capture.h"
}

// Toggle count per output pin; read by the tests (atomic: the stress test calls it from another thread).
std::atomic<uint32_t> g_nirq_host_toggles[NIRQ_PIN_LIMIT];

extern "C" void nirq_port_toggle_output(uint32_t pin)
{
    g_nirq_host_toggles[pin].fetch_add(1, std::memory_order_relaxed);
}
