/*
 * NanoIrq native capture module: bare-metal RP2040 port (no RTOS, no SDK, no nanoCLR).
 *
 * Built by this folder's CMakeLists.txt into a small test program that CI runs on the rp2040js emulator
 * (tools/picoemu): the same core and C API (nirq_api.c) that nanoCLR links, behind the thinnest port the chip
 * allows, so that the core's ISR path, ring, debouncers and counters run on a Cortex-M0+.
 *
 * - Interrupt: one handler for IO_IRQ_BANK0 (isr_io_bank0, in the vector table of startup.c). It reads the
 *   TIMER's 1 MHz counter once at entry (TIMERAWL, no latch), then for every GPIO whose edge bits are set in
 *   PROC0_INTS0..3 (found by their lowest set bit, no scan over idle GPIOs): acknowledges the edge bits in INTR first, then reads the level from SIO GPIO_IN (an edge
 *   that arrives after the ack raises the interrupt again; one read before the ack could miss it), and calls
 *   nirq_capture_isr_edge. A GPIO with both edge bits set had a pair of edges merged before the handler ran:
 *   it is one call with the level now, and the core counts an overrun when that level did not change.
 * - Hard toggle: nirq_port_toggle_output writes SIO GPIO_OUT_XOR (one store).
 * - Pin map: a 30-bit reservation mask stands in for nanoFramework's (nirq_port_reserve_pin); no soft reboot.
 * - Measurement hook: with -DNIRQ_BM_DEBUG_PIN=n the handler toggles GPIO n (SIO XOR, one store) after each
 *   edge's record is written, so an emulator or a scope sees the time from the input edge to the record.
 */
#include "nirq_port.h"

#include "rp2040_regs.h"

static nirq_capture s_capture;
static nirq_pin *s_isr[RP_GPIO_COUNT];  /* non-NULL while the pin's edge interrupt is enabled */
static uint32_t s_reserved;             /* bit n: GPIO n reserved (a captured input) */

nirq_capture *nirq_port_capture(void)
{
    return &s_capture;
}

uint32_t nirq_port_now_us(void)
{
    return TIMER_TIMERAWL;
}

uint32_t nirq_port_gpio_count(void)
{
    return RP_GPIO_COUNT;
}

uint32_t nirq_port_read_level(uint32_t pin)
{
    return pin < RP_GPIO_COUNT ? (SIO_GPIO_IN >> pin) & 1u : 0u;
}

void nirq_port_toggle_output(uint32_t pin)
{
    SIO_GPIO_OUT_XOR = 1u << pin;
}

bool nirq_port_reserve_pin(uint32_t pin, bool reserve)
{
    uint32_t bit = 1u << pin;
    if (pin >= RP_GPIO_COUNT || (reserve && (s_reserved & bit) != 0u)) {
        return false;
    }
    s_reserved = reserve ? s_reserved | bit : s_reserved & ~bit;
    return true;
}

bool nirq_port_on_soft_reboot(void (*handler)(void))
{
    (void)handler;
    return false;
}

/* Edge bits of pin in its INTR / PROC0_INTE register (reg = pin / 8). */
static uint32_t edge_bits(uint32_t pin)
{
    return (IO_EDGE_LOW | IO_EDGE_HIGH) << (4u * (pin % 8u));
}

static void set_edge_irq(uint32_t pin, bool on)
{
    uint32_t reg = pin / 8u;
    RP_REG(IO_PROC0_INTE_ADDR(reg) + (on ? RP_ALIAS_SET : RP_ALIAS_CLR)) = edge_bits(pin);
}

static void config_input(uint32_t pin, uint32_t pull)
{
    PADS_GPIO(pin) = PADS_IE | PADS_SCHMITT | PADS_DRIVE_4MA |
                     (pull == NIRQ_PULL_UP ? PADS_PUE : pull == NIRQ_PULL_DOWN ? PADS_PDE : 0u);
    SIO_GPIO_OE_CLR = 1u << pin;
    IO_GPIO_CTRL(pin) = IO_FUNCSEL_SIO;
}

static void config_output(uint32_t pin)
{
    PADS_GPIO(pin) = PADS_IE | PADS_SCHMITT | PADS_DRIVE_4MA;
    SIO_GPIO_OUT_CLR = 1u << pin;
    SIO_GPIO_OE_SET = 1u << pin;
    IO_GPIO_CTRL(pin) = IO_FUNCSEL_SIO;
}

/* Index of the lowest set bit of a non-zero word (de Bruijn multiply: the Cortex-M0+ has no CLZ/RBIT). */
static inline uint32_t lowest_bit(uint32_t x)
{
    static const uint8_t k_index[32] = {0,  1,  28, 2,  29, 14, 24, 3, 30, 22, 20, 15, 25, 17, 4,  8,
                                        31, 27, 13, 23, 21, 19, 16, 7, 26, 12, 18, 6,  11, 5,  10, 9};
    return k_index[((x & (0u - x)) * 0x077cb531u) >> 27];
}

void isr_io_bank0(void)
{
    uint32_t now = TIMER_TIMERAWL;
    for (uint32_t reg = 0; reg < (RP_GPIO_COUNT + 7u) / 8u; reg++) {
        uint32_t ints = IO_PROC0_INTS(reg) & 0xccccccccu; /* the edge bits of 8 GPIOs */
        while (ints != 0u) {
            uint32_t shift = lowest_bit(ints) & ~3u;      /* 4 * (pin % 8) */
            uint32_t edges = ints & ((IO_EDGE_LOW | IO_EDGE_HIGH) << shift);
            ints &= ~edges;
            IO_INTR(reg) = edges; /* ack first, then read the level */
            uint32_t pin = reg * 8u + shift / 4u;
            nirq_pin *p = s_isr[pin];
            if (p != NULL) {
                nirq_capture_isr_edge(p, (SIO_GPIO_IN >> pin) & 1u, now);
#ifdef NIRQ_BM_DEBUG_PIN
                SIO_GPIO_OUT_XOR = 1u << (NIRQ_BM_DEBUG_PIN);
#endif
            }
        }
    }
}

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    nirq_status st = nirq_capture_init(&s_capture, ring_capacity);
    if (st == NIRQ_OK) {
        NVIC_ICPR = 1u << RP_IRQ_IO_BANK0;
        NVIC_ISER = 1u << RP_IRQ_IO_BANK0;
    }
    return st;
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    nirq_status st = nirq_port_check_open(&s_capture, cfg, pull);  /* nothing touched on a refusal */
    if (st != NIRQ_OK) {
        return st;
    }
    nirq_pin_config c = *cfg;
    if (!nirq_port_reserve_pin(cfg->pin, true)) {  /* the input only: this fixture does not reserve toggle outputs */
        return NIRQ_ERR_PIN_BUSY;
    }
    config_input(cfg->pin, pull);
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        config_output(cfg->hard_output_pin);
    }
    IO_INTR(cfg->pin / 8u) = edge_bits(cfg->pin);  /* forget edges latched before the capture */
    c.initial_level = nirq_port_read_level(cfg->pin);
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) {
        (void)nirq_port_reserve_pin(cfg->pin, false);
        return st;
    }
    s_isr[cfg->pin] = p;
    set_edge_irq(cfg->pin, true);  /* the state first, then the interrupt */
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_port_check_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    if (action == NIRQ_HARD_TOGGLE) {
        config_output(output_pin);
    }
    uint32_t key = rp_irq_save();  /* one core, one handler: masked, the ISR sees the old action or the new */
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    rp_irq_restore(key);
    return st;
}

nirq_status nirq_port_close(uint32_t pin)
{
    if (pin >= RP_GPIO_COUNT || s_capture.slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    uint32_t key = rp_irq_save();
    set_edge_irq(pin, false);
    s_isr[pin] = NULL;
    rp_irq_restore(key);
    (void)nirq_port_reserve_pin(pin, false);
    return nirq_capture_close(&s_capture, pin);
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}
