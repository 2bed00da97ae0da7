/*
 * Stand-in for ChibiOS's hal.h, only for cross/port_image.sh: the names ports/chibios/nirq_port_chibios.c uses,
 * with the RP2040's register layout (rp2040.h: SIO at 0xD0000000, GPIO_IN +0x04, GPIO_OUT_XOR +0x1C; TIMER at
 * 0x40054000, TIMERAWL +0x28; IO_BANK0 at 0x40014000, INTR0 +0xF0, PROC0_INTE0 +0x100, PROC0_INTS0 +0x120; CMSIS's
 * SCB at 0xE000ED00, VTOR +0x08), the RP2040 platform macro the board header defines (RP2040) and rp_isr.h's IRQ
 * number of IO_IRQ_BANK0 (13), and the RP PAL's semantics (hal_pal_lld.h GPIOv1: a line is the GPIO number,
 * palReadLine reads SIO GPIO_IN, pal_lld_get_line_event is &_pal_events[line], PAL events on core 0). The functions
 * that configure pads and events are left undefined here and provided by standin.c: they are not on the interrupt
 * path. The counts that matter are the ones taken on a real nf-interpreter image (cross/elf_isr_path.sh); this build
 * keeps them guarded in CI.
 */
#ifndef NIRQ_STANDIN_HAL_H
#define NIRQ_STANDIN_HAL_H

#include <stdbool.h>
#include <stdint.h>

#define TRUE 1
#define FALSE 0
#define CH_CFG_SMP_MODE FALSE
#define RP2040
#define RP_GPIO_NUM_LINES 30
#define RP_IO_IRQ_BANK0_NUMBER 13
#define RP_PAL_EVENT_CORE_AFFINITY 0

typedef struct {
    volatile uint32_t CPUID, GPIO_IN, GPIO_HI_IN, resvd0C, GPIO_OUT, GPIO_OUT_SET, GPIO_OUT_CLR, GPIO_OUT_XOR;
} SIO_TypeDef;
typedef struct {
    volatile uint32_t TIMEHW, TIMELW, TIMEHR, TIMELR, ALARM[4], ARMED, TIMERAWH, TIMERAWL;
} TIMER_TypeDef;
typedef struct {
    struct {
        volatile uint32_t STATUS, CTRL;
    } GPIO[30];
    volatile uint32_t INTR[4];
    struct {
        volatile uint32_t INTE[4], INTF[4], INTS[4];
    } PROC[2];
} IOUSER_TypeDef;
typedef struct {
    volatile uint32_t CPUID, ICSR, VTOR, AIRCR, SCR, CCR;
} SCB_Type;
#define SIO ((SIO_TypeDef *)0xD0000000u)
#define TIMER0 ((TIMER_TypeDef *)0x40054000u)
#define IO_BANK0 ((IOUSER_TypeDef *)0x40014000u)
#define SCB ((SCB_Type *)0xE000ED00u)
static inline void __DSB(void) { __asm__ volatile("dsb 0xF" ::: "memory"); }
static inline void __ISB(void) { __asm__ volatile("isb 0xF" ::: "memory"); }

typedef uint32_t ioline_t;
typedef uint32_t iomode_t;
typedef void (*palcallback_t)(void *arg);
typedef struct {
    palcallback_t cb;
    void *arg;
} palevent_t;
extern palevent_t _pal_events[RP_GPIO_NUM_LINES];

#define PAL_MODE_INPUT 1u
#define PAL_MODE_INPUT_PULLUP 2u
#define PAL_MODE_INPUT_PULLDOWN 3u
#define PAL_MODE_OUTPUT_PUSHPULL 4u
#define PAL_EVENT_MODE_BOTH_EDGES 3u

#define palReadLine(line) ((SIO->GPIO_IN >> (line)) & 1u)
#define palToggleLine(line) (SIO->GPIO_OUT_XOR = 1u << (line))
#define pal_lld_get_line_event(line) (&_pal_events[line])
void palSetLineMode(ioline_t line, iomode_t mode);
void palSetLineCallbackI(ioline_t line, palcallback_t cb, void *arg);
#define palSetLineCallback(line, cb, arg) palSetLineCallbackI(line, cb, arg)
void palEnableLineEvent(ioline_t line, uint32_t mode);
void palDisableLineEventI(ioline_t line);
void chSysLock(void);
void chSysUnlock(void);

#endif
