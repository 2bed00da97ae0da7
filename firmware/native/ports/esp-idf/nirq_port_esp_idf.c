/*
 * NanoIrq native capture module: ESP-IDF port (ESP32, -S2, -S3, -C3, -C6, -H2...).
 *
 * Not built by this repository's CI: it is compiled only inside an nf-interpreter ESP32 firmware build
 * (see ../../README.md, which also records the syntax check run against ESP-IDF v5.5.4's headers).
 *
 * - Interrupts: the shared GPIO ISR service and one gpio_isr_handler_add per pin, armed on both edges.
 *   nanoFramework installs the service itself at every CLR start (CPU_GPIO_Initialize, flags 0), so
 *   gpio_install_isr_service here returns ESP_ERR_INVALID_STATE, which is expected.
 * - Ownership: gpio_isr_handler_add silently replaces a pin's handler, so a pin captured here must not be
 *   used by System.Device.Gpio. The port reserves each captured pin, and each hard-toggle output while it is
 *   armed, in nanoFramework's pin map (nirq_port_reserve_pin): GpioController.OpenPin on them then fails, and
 *   capturing a pin (toggling an output) that System.Device.Gpio (or SPI, I2C, PSRAM) holds fails with
 *   NIRQ_ERR_PIN_BUSY (NIRQ_ERR_OUTPUT_BUSY). GPIO numbers are checked against SOC_GPIO_PIN_COUNT.
 * - Soft reboot: a handler registered with nanoFramework (nirq_port_on_soft_reboot) closes every captured
 *   pin as the CLR stops. NativeStart (nirq_api_start) would reclaim such pins anyway, as on ChibiOS; the
 *   handler is kept because it acts earlier: the old handlers stop firing during the restart, and a next
 *   program that never starts the native module (or opens one of those pins with System.Device.Gpio
 *   first, whose gpio_isr_handler_add our late close would then remove) finds the pins free.
 * - Not protected against: GpioController.Dispose() calls gpio_uninstall_isr_service(), which removes
 *   every pin handler, ours included; edges are then no longer captured until the pins are reopened.
 * - Clock: esp_timer_get_time() (µs since boot, 64-bit; placed in IRAM by ESP_TIMER_IN_IRAM, default y),
 *   truncated to 32 bits like every NanoIrq clock.
 * - IRAM: the handler, the core's ISR path (NIRQ_ISR_ATTR becomes IRAM_ATTR when ESP_PLATFORM is defined,
 *   see core/src/nirq_capture.c) and the toggle hook are in IRAM, the capture state in internal DRAM.
 *   The ISR service itself is installed by nanoFramework without ESP_INTR_FLAG_IRAM, so it is masked
 *   while the flash cache is off (flash writes): an edge in that window is taken, and stamped, late.
 * - Dual core (ESP32, S3): the GPIO interrupt is routed to the one core that installed the service; the
 *   handler still takes the port spinlock, which also guards the toggle shadow (s_output_levels) against
 *   nirq_port_open. The consumer needs no lock (single consumer, see core/include/nirq/nirq_ring.h).
 */
#include "nirq_port.h"

#include "driver/gpio.h"
#include "esp_attr.h"
#include "esp_err.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "hal/gpio_ll.h"
#include "soc/soc_caps.h"

static nirq_capture s_capture;                    /* .bss: internal DRAM */
static portMUX_TYPE s_lock = portMUX_INITIALIZER_UNLOCKED;
static DRAM_ATTR uint64_t s_output_levels;        /* shadow of the toggled outputs */

nirq_capture *nirq_port_capture(void)
{
    return &s_capture;
}

uint32_t nirq_port_now_us(void)
{
    return (uint32_t)esp_timer_get_time();
}

uint32_t nirq_port_gpio_count(void)
{
    return SOC_GPIO_PIN_COUNT < NIRQ_PIN_LIMIT ? SOC_GPIO_PIN_COUNT : NIRQ_PIN_LIMIT;  /* ESP32 40, S3 49, C3 22, C6 31 */
}

uint32_t nirq_port_read_level(uint32_t pin)
{
    return (uint32_t)gpio_get_level((gpio_num_t)pin);
}

/* Called by the core from nirq_esp_isr, inside the spinlock. */
IRAM_ATTR void nirq_port_toggle_output(uint32_t pin)
{
    s_output_levels ^= (1ull << pin);
    gpio_ll_set_level(&GPIO, (gpio_num_t)pin, (uint32_t)((s_output_levels >> pin) & 1u));
}

static IRAM_ATTR void nirq_esp_isr(void *arg)
{
    nirq_pin *p = (nirq_pin *)arg;
    portENTER_CRITICAL_ISR(&s_lock);
    uint32_t now = (uint32_t)esp_timer_get_time();
    uint32_t level = (uint32_t)gpio_ll_get_level(&GPIO, (gpio_num_t)p->pin);
    nirq_capture_isr_edge(p, level, now);
    portEXIT_CRITICAL_ISR(&s_lock);
}

/* Stops one captured pin: interrupt off, handler removed, reservation freed, capture closed. */
static nirq_status nirq_esp_close_pin(uint32_t pin)
{
    if (pin >= NIRQ_PIN_LIMIT || s_capture.slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    const nirq_pin *p = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = p->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t output = p->hard_output;
    gpio_intr_disable((gpio_num_t)pin);
    gpio_isr_handler_remove((gpio_num_t)pin);
    (void)nirq_port_reserve_pin(pin, false);
    nirq_status st = nirq_capture_close(&s_capture, pin);
    if (had_output) {
        nirq_port_release_output(&s_capture, output);  /* after the close: this pin no longer counts as a user */
    }
    return st;
}

/* CLR soft reboot: release every pin the finished program left captured. */
static void nirq_esp_soft_reboot(void)
{
    for (uint32_t pin = 0; pin < NIRQ_PIN_LIMIT; pin++) {
        if (s_capture.started && s_capture.slot_of[pin] >= 0) {
            (void)nirq_esp_close_pin(pin);
        }
    }
}

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    nirq_status st = nirq_capture_init(&s_capture, ring_capacity);
    if (st != NIRQ_OK) {
        return st;
    }
    (void)nirq_port_on_soft_reboot(nirq_esp_soft_reboot);  /* registered once: repeats are ignored */
    esp_err_t err = gpio_install_isr_service(0);
    return (err == ESP_OK || err == ESP_ERR_INVALID_STATE) ? NIRQ_OK : NIRQ_ERR_PORT;
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    /* validate before touching hardware: nothing changes on error */
    nirq_status st = nirq_port_check_open(&s_capture, cfg, pull);
    if (st != NIRQ_OK) {
        return st;
    }
    if (!GPIO_IS_VALID_GPIO((gpio_num_t)cfg->pin)) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    if (cfg->hard_action == NIRQ_HARD_TOGGLE && !GPIO_IS_VALID_OUTPUT_GPIO((gpio_num_t)cfg->hard_output_pin)) {
        return NIRQ_ERR_BAD_ARGUMENT;  /* an input-only GPIO */
    }
    gpio_config_t io = {
        .pin_bit_mask = 1ull << cfg->pin,
        .mode = GPIO_MODE_INPUT,
        .pull_up_en = pull == NIRQ_PULL_UP ? GPIO_PULLUP_ENABLE : GPIO_PULLUP_DISABLE,
        .pull_down_en = pull == NIRQ_PULL_DOWN ? GPIO_PULLDOWN_ENABLE : GPIO_PULLDOWN_DISABLE,
        .intr_type = GPIO_INTR_DISABLE,
    };
    st = nirq_port_reserve_open(&s_capture, cfg);  /* System.Device.Gpio, a bus or PSRAM may hold a pin */
    if (st != NIRQ_OK) {
        return st;
    }
    if (gpio_config(&io) != ESP_OK) {
        nirq_port_unreserve_open(&s_capture, cfg);
        return NIRQ_ERR_PORT;
    }
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        gpio_set_direction((gpio_num_t)cfg->hard_output_pin, GPIO_MODE_INPUT_OUTPUT);
        uint64_t bit = 1ull << cfg->hard_output_pin;
        int high = gpio_get_level((gpio_num_t)cfg->hard_output_pin);
        portENTER_CRITICAL(&s_lock);  /* another pin's ISR may be toggling s_output_levels */
        s_output_levels = high ? (s_output_levels | bit) : (s_output_levels & ~bit);
        portEXIT_CRITICAL(&s_lock);
    }
    nirq_pin_config c = *cfg;
    c.initial_level = (uint32_t)gpio_get_level((gpio_num_t)cfg->pin);
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) {  /* cannot happen after the check above; undo anyway */
        nirq_port_unreserve_open(&s_capture, cfg);
        return st;
    }
    /* the handler is added while the pin's interrupt type is still GPIO_INTR_DISABLE (gpio_config) */
    if (gpio_isr_handler_add((gpio_num_t)cfg->pin, nirq_esp_isr, p) != ESP_OK ||
        gpio_set_intr_type((gpio_num_t)cfg->pin, GPIO_INTR_ANYEDGE) != ESP_OK ||
        gpio_intr_enable((gpio_num_t)cfg->pin) != ESP_OK) {
        (void)nirq_esp_close_pin(cfg->pin);
        return NIRQ_ERR_PORT;
    }
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_port_check_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    if (action == NIRQ_HARD_TOGGLE && !GPIO_IS_VALID_OUTPUT_GPIO((gpio_num_t)output_pin)) {
        return NIRQ_ERR_BAD_ARGUMENT;  /* an input-only GPIO */
    }
    const nirq_pin *p = &s_capture.pins[(uint32_t)s_capture.slot_of[pin]];
    bool had_output = p->hard_action == NIRQ_HARD_TOGGLE;
    uint32_t old_output = p->hard_output;
    bool same_output = had_output && action == NIRQ_HARD_TOGGLE && old_output == output_pin;
    if (!same_output && !nirq_port_claim_output(&s_capture, pin, action, output_pin)) {
        return NIRQ_ERR_OUTPUT_BUSY;  /* System.Device.Gpio, a bus, PSRAM or a captured input holds it */
    }
    if (action == NIRQ_HARD_TOGGLE) {
        gpio_set_direction((gpio_num_t)output_pin, GPIO_MODE_INPUT_OUTPUT);
    }
    /* the ISR body runs under s_lock on whichever core takes it: updating under the same spinlock means it
     * sees the old action or the new one, never half of each */
    portENTER_CRITICAL(&s_lock);
    if (action == NIRQ_HARD_TOGGLE) {
        if (gpio_ll_get_level(&GPIO, (gpio_num_t)output_pin)) {
            s_output_levels |= 1ull << output_pin;
        } else {
            s_output_levels &= ~(1ull << output_pin);
        }
    }
    st = nirq_capture_set_hard(&s_capture, pin, action, trigger, output_pin, lockout_us, nirq_port_now_us());
    portEXIT_CRITICAL(&s_lock);
    if (had_output && !same_output) {
        nirq_port_release_output(&s_capture, old_output);
    }
    return st;
}

nirq_status nirq_port_close(uint32_t pin)
{
    return nirq_esp_close_pin(pin);
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}
