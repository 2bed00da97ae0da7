/*
 * The few RP2040 registers the bare-metal port and its test program touch, from the RP2040 datasheet
 * (chapter 2: SIO, IO_BANK0, PADS_BANK0, TIMER, UART, RESETS, NVIC, SysTick). Plain addresses, no vendor
 * header: this folder builds with nothing but arm-none-eabi-gcc.
 */
#ifndef NIRQ_RP2040_REGS_H
#define NIRQ_RP2040_REGS_H

#include <stdint.h>

#define RP_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* Atomic register aliases of APB/AHB peripherals (datasheet 2.1.2): write-1 sets/clears/xors bits. */
#define RP_ALIAS_XOR 0x1000u
#define RP_ALIAS_SET 0x2000u
#define RP_ALIAS_CLR 0x3000u

/* GPIOs of the RP2040 (QFN-56): 0 .. 29. */
#define RP_GPIO_COUNT 30u

/* SIO (single-cycle IO), 0xd0000000 */
#define SIO_BASE 0xd0000000u
#define SIO_GPIO_IN RP_REG(SIO_BASE + 0x004u)
#define SIO_GPIO_OUT_SET RP_REG(SIO_BASE + 0x014u)
#define SIO_GPIO_OUT_CLR RP_REG(SIO_BASE + 0x018u)
#define SIO_GPIO_OUT_XOR RP_REG(SIO_BASE + 0x01cu)
#define SIO_GPIO_OE_SET RP_REG(SIO_BASE + 0x024u)
#define SIO_GPIO_OE_CLR RP_REG(SIO_BASE + 0x028u)

/* IO_BANK0, 0x40014000: GPIOn_CTRL at 8n + 4; INTR0..3 at 0xf0; PROC0_INTE0..3 at 0x100; PROC0_INTS0..3 at
 * 0x120. Each interrupt register holds 8 GPIOs, 4 bits each: LEVEL_LOW, LEVEL_HIGH, EDGE_LOW, EDGE_HIGH. */
#define IO_BANK0_BASE 0x40014000u
#define IO_GPIO_CTRL(pin) RP_REG(IO_BANK0_BASE + 8u * (pin) + 4u)
#define IO_FUNCSEL_SIO 5u
#define IO_INTR(reg) RP_REG(IO_BANK0_BASE + 0x0f0u + 4u * (reg))
#define IO_PROC0_INTE_ADDR(reg) (IO_BANK0_BASE + 0x100u + 4u * (reg))
#define IO_PROC0_INTS(reg) RP_REG(IO_BANK0_BASE + 0x120u + 4u * (reg))
#define IO_EDGE_LOW 0x4u
#define IO_EDGE_HIGH 0x8u

/* PADS_BANK0, 0x4001c000: GPIOn at 4 + 4n */
#define PADS_BANK0_BASE 0x4001c000u
#define PADS_GPIO(pin) RP_REG(PADS_BANK0_BASE + 4u + 4u * (pin))
#define PADS_OD 0x80u       /* output disable */
#define PADS_IE 0x40u       /* input enable */
#define PADS_DRIVE_4MA 0x10u
#define PADS_PUE 0x08u
#define PADS_PDE 0x04u
#define PADS_SCHMITT 0x02u

/* TIMER, 0x40054000: free-running 1 MHz counter */
#define TIMER_BASE 0x40054000u
#define TIMER_ALARM0 RP_REG(TIMER_BASE + 0x10u)
#define TIMER_TIMERAWL RP_REG(TIMER_BASE + 0x28u)
#define TIMER_INTR RP_REG(TIMER_BASE + 0x34u)
#define TIMER_INTE RP_REG(TIMER_BASE + 0x38u)

/* UART0, 0x40034000 (PL011) */
#define UART0_BASE 0x40034000u
#define UART0_DR RP_REG(UART0_BASE + 0x00u)
#define UART0_FR RP_REG(UART0_BASE + 0x18u)
#define UART0_IBRD RP_REG(UART0_BASE + 0x24u)
#define UART0_FBRD RP_REG(UART0_BASE + 0x28u)
#define UART0_LCR_H RP_REG(UART0_BASE + 0x2cu)
#define UART0_CR RP_REG(UART0_BASE + 0x30u)
#define UART_FR_TXFF 0x20u

/* RESETS, 0x4000c000 */
#define RESETS_BASE 0x4000c000u
#define RESETS_RESET_CLR RP_REG(RESETS_BASE + RP_ALIAS_CLR)
#define RESETS_RESET_DONE RP_REG(RESETS_BASE + 0x8u)
#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)
#define RESET_TIMER (1u << 21)
#define RESET_UART0 (1u << 22)

/* Cortex-M0+ system control space */
#define NVIC_ISER RP_REG(0xe000e100u)
#define NVIC_ICPR RP_REG(0xe000e280u)

/* Interrupt numbers (datasheet 2.3.2) */
#define RP_IRQ_TIMER_0 0u
#define RP_IRQ_IO_BANK0 13u

static inline uint32_t rp_irq_save(void)
{
    uint32_t primask;
    __asm volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask)::"memory");
    return primask;
}

static inline void rp_irq_restore(uint32_t primask)
{
    __asm volatile("msr primask, %0" ::"r"(primask) : "memory");
}

#endif /* NIRQ_RP2040_REGS_H */
