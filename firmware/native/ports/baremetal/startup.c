/*
 * Start-up of the bare-metal RP2040 test program: vector table, reset handler, default handlers, and the
 * memcpy/memset the compiler may call (the program links no C library).
 *
 * The vector table is the first thing in flash (0x10000000) and there is NO boot2 stage: on a real Pico the
 * boot ROM would refuse this image (it checks a CRC over a 256-byte second-stage loader at the start of
 * flash, which configures the flash for execute-in-place). The emulator tool (tools/picoemu) starts a core
 * at a vector table found at 0x10000000 instead of running the boot ROM, so nothing here pretends to boot a
 * chip: the image is a fixture for the emulator, and the parts it tests (the core, the port's interrupt
 * handler and registers) are the same on a chip.
 */
#include <stddef.h>
#include <stdint.h>

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[], __stack_top[];

int main(void);
void isr_io_bank0(void);
void isr_timer0(void);
void nirq_bm_reset(void);
void nirq_bm_fault(void);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);

void nirq_bm_reset(void)
{
    for (uint32_t *s = __data_load, *d = __data_start; d < __data_end;) {
        *d++ = *s++;
    }
    for (uint32_t *d = __bss_start; d < __bss_end;) {
        *d++ = 0u;
    }
    (void)main();
    for (;;) {
        __asm volatile("bkpt #1");
    }
}

/* Any exception without a handler: stop at a breakpoint (the emulator tool reports it with the PC). */
void nirq_bm_fault(void)
{
    for (;;) {
        __asm volatile("bkpt #0");
    }
}

typedef void (*vector_t)(void);

/* 16 system exceptions + 32 RP2040 interrupts (datasheet 2.3.2). */
#define F nirq_bm_fault
__attribute__((section(".vectors"), used)) const vector_t nirq_bm_vectors[48] = {
    (vector_t)(uintptr_t)__stack_top, nirq_bm_reset, F, F, F, F, F, F, F, F, F, F, F, F, F, F,
    /* IRQ 0: TIMER_IRQ_0 (debounce deadlines, main.c); IRQ 13: IO_IRQ_BANK0 (the port's edge handler) */
    isr_timer0, F, F, F, F, F, F, F, F, F, F, F, F, isr_io_bank0, F, F,
    F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F,
};
#undef F

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    while (n-- != 0u) {
        *d++ = *s++;
    }
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    while (n-- != 0u) {
        *d++ = (uint8_t)c;
    }
    return dst;
}
