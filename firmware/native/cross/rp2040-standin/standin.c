/* The rest of the stand-in firmware for cross/port_image.sh: PAL and kernel calls that are not on the interrupt path,
 * nanoCLR's pin map, and an entry point that opens a plain pin and a hard-toggle pin so the linker keeps both callbacks
 * and the dispatcher that calls them (a ChibiOS-like loop over the interrupt status, as hal_pal_lld.c's handler). */
#include <stdint.h>

#include "hal.h"
#include "nirq/nirq_api.h"
#include "nirq_port.h"

palevent_t _pal_events[RP_GPIO_NUM_LINES];
volatile uint32_t standin_sink;

void palSetLineMode(ioline_t line, iomode_t mode) { standin_sink = line ^ mode; }
void palSetLineCallbackI(ioline_t line, palcallback_t cb, void *arg) { _pal_events[line].cb = cb; _pal_events[line].arg = arg; }
void palEnableLineEvent(ioline_t line, uint32_t mode) { standin_sink = line ^ mode; }
void palDisableLineEventI(ioline_t line) { standin_sink = line; }
void chSysLock(void) { __asm__ volatile("cpsid i" ::: "memory"); }
void chSysUnlock(void) { __asm__ volatile("cpsie i" ::: "memory"); }

static uint32_t s_reserved;
bool nirq_port_reserve_pin(uint32_t pin, bool reserve)
{
    if (reserve && (s_reserved & (1u << pin)) != 0u) return false;
    s_reserved = reserve ? s_reserved | (1u << pin) : s_reserved & ~(1u << pin);
    return true;
}
bool nirq_port_on_soft_reboot(void (*handler)(void)) { (void)handler; return false; }

/* ChibiOS's IO_IRQ_BANK0 handler shape: each pending line's PAL callback (_pal_isr_code). */
void standin_io_irq_bank0(void)
{
    uint32_t ints = standin_sink;
    for (uint32_t line = 0; ints != 0u; line++, ints >>= 4) {
        if ((ints & 0xFu) != 0u && _pal_events[line].cb != 0) {
            _pal_events[line].cb(_pal_events[line].arg);
        }
    }
}

void standin_main(void)
{
    uint32_t t[8], s[8];
    int32_t pl[8];
    nirq_api_start(64);
    nirq_api_open(4, 1, 0, 0, 0, 0, 0, 0);
    nirq_api_open(5, 1, 0, 0, 2, 2, 25, 50000);
    nirq_api_set_hard(5, 2, 3, 25, 1000);
    standin_io_irq_bank0();
    nirq_api_read(t, s, pl, 8);
    standin_sink = (uint32_t)nirq_api_limit(0) + nirq_api_now_us() + (uint32_t)nirq_api_read_level(3) + (uint32_t)nirq_api_close(4);
    for (;;) {
    }
}
