/*
 * NanoIrq native capture module: ESP-IDF port (ESP32, -S2, -S3, -C3, -C6, -H2...).
 *
 * NOT BUILT IN THIS REPOSITORY'S CI (no ESP-IDF here): it is compiled only inside an nf-interpreter ESP32
 * firmware build (see ../../README.md). Kept thin on purpose: everything testable is in core/.
 *
 * - Interrupts: the shared GPIO ISR service (gpio_install_isr_service; ESP_ERR_INVALID_STATE means
 *   nanoFramework's own GPIO driver installed it already, which is fine) and one gpio_isr_handler_add
 *   per pin, armed on both edges (GPIO_INTR_ANYEDGE). A pin captured here must not also be opened with
 *   System.Device.Gpio: both drivers would claim the same per-pin handler slot.
 * - Clock: esp_timer_get_time() (µs since boot, 64-bit), truncated to 32 bits like every NanoIrq clock.
 * - IRAM: the ISR, the core's ISR path (NIRQ_ISR_ATTR becomes IRAM_ATTR when ESP_PLATFORM is defined,
 *   see core/src/nirq_capture.c) and the toggle hook live in IRAM; the
 *   capture state is ordinary .bss, which ESP-IDF places in internal DRAM (never in PSRAM), so the ISR
 *   runs while the flash cache is disabled.
 * - Dual core (ESP32, S3): the ISR body runs under portENTER_CRITICAL_ISR on a spinlock, so two producers
 *   on two cores can never interleave a ring write; the consumer needs no lock (single consumer, see
 *   core/include/nirq/nirq_ring.h).
 */
#include "nirq_port.h"

#include "driver/gpio.h"
#include "esp_attr.h"
#include "esp_err.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "hal/gpio_ll.h"

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

uint32_t nirq_port_read_level(uint32_t pin)
{
    return (uint32_t)gpio_get_level((gpio_num_t)pin);
}

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

nirq_status nirq_port_start(uint32_t ring_capacity)
{
    nirq_status st = nirq_capture_init(&s_capture, ring_capacity);
    if (st != NIRQ_OK) {
        return st;
    }
    esp_err_t err = gpio_install_isr_service(0);
    return (err == ESP_OK || err == ESP_ERR_INVALID_STATE) ? NIRQ_OK : NIRQ_ERR_PORT;
}

nirq_status nirq_port_open(const nirq_pin_config *cfg, uint32_t pull)
{
    if (cfg == NULL || pull > NIRQ_PULL_DOWN) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    if (cfg->pin >= NIRQ_PIN_LIMIT || !GPIO_IS_VALID_GPIO((gpio_num_t)cfg->pin)) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    if (cfg->hard_action == NIRQ_HARD_TOGGLE &&
        (cfg->hard_output_pin >= NIRQ_PIN_LIMIT || !GPIO_IS_VALID_OUTPUT_GPIO((gpio_num_t)cfg->hard_output_pin))) {
        return NIRQ_ERR_BAD_ARGUMENT;
    }
    gpio_config_t io = {
        .pin_bit_mask = 1ull << cfg->pin,
        .mode = GPIO_MODE_INPUT,
        .pull_up_en = pull == NIRQ_PULL_UP ? GPIO_PULLUP_ENABLE : GPIO_PULLUP_DISABLE,
        .pull_down_en = pull == NIRQ_PULL_DOWN ? GPIO_PULLDOWN_ENABLE : GPIO_PULLDOWN_DISABLE,
        .intr_type = GPIO_INTR_DISABLE,
    };
    nirq_pin_config c = *cfg;
    c.initial_level = 0u;
    /* validate in the core before touching hardware: nothing changes on error */
    nirq_status st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), NULL);
    if (st != NIRQ_OK) {
        return st;
    }
    (void)nirq_capture_close(&s_capture, cfg->pin);
    if (gpio_config(&io) != ESP_OK) {
        return NIRQ_ERR_PORT;
    }
    if (cfg->hard_action == NIRQ_HARD_TOGGLE) {
        gpio_set_direction((gpio_num_t)cfg->hard_output_pin, GPIO_MODE_INPUT_OUTPUT);
        if (gpio_get_level((gpio_num_t)cfg->hard_output_pin)) {
            s_output_levels |= 1ull << cfg->hard_output_pin;
        } else {
            s_output_levels &= ~(1ull << cfg->hard_output_pin);
        }
    }
    c.initial_level = (uint32_t)gpio_get_level((gpio_num_t)cfg->pin);
    nirq_pin *p = NULL;
    st = nirq_capture_open(&s_capture, &c, nirq_port_now_us(), &p);
    if (st != NIRQ_OK) {
        return st;
    }
    if (gpio_isr_handler_add((gpio_num_t)cfg->pin, nirq_esp_isr, p) != ESP_OK ||
        gpio_set_intr_type((gpio_num_t)cfg->pin, GPIO_INTR_ANYEDGE) != ESP_OK ||
        gpio_intr_enable((gpio_num_t)cfg->pin) != ESP_OK) {
        gpio_isr_handler_remove((gpio_num_t)cfg->pin);
        (void)nirq_capture_close(&s_capture, cfg->pin);
        return NIRQ_ERR_PORT;
    }
    return NIRQ_OK;
}

nirq_status nirq_port_set_hard(uint32_t pin, uint32_t action, uint32_t trigger, uint32_t output_pin,
                               uint32_t lockout_us)
{
    nirq_status st = nirq_capture_check_hard(&s_capture, pin, action, trigger, output_pin, lockout_us);
    if (st != NIRQ_OK) {
        return st;
    }
    if (action == NIRQ_HARD_TOGGLE) {
        if (!GPIO_IS_VALID_OUTPUT_GPIO((gpio_num_t)output_pin)) {
            return NIRQ_ERR_BAD_ARGUMENT;
        }
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
    return st;
}

nirq_status nirq_port_close(uint32_t pin)
{
    if (pin >= NIRQ_PIN_LIMIT || s_capture.slot_of[pin] < 0) {
        return NIRQ_ERR_UNKNOWN_PIN;
    }
    gpio_intr_disable((gpio_num_t)pin);
    gpio_isr_handler_remove((gpio_num_t)pin);
    return nirq_capture_close(&s_capture, pin);
}

uint32_t nirq_port_read(nirq_edge *out, uint32_t max)
{
    return nirq_capture_read(&s_capture, nirq_port_now_us(), out, max);
}
