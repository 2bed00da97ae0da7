/*
 * NanoIrq native capture module: the two nanoCLR services the C ports need, given C linkage.
 *
 * Compiled into the firmware with either port (FindINTEROP-NanoIrq.Native.cmake). nanoFramework declares
 * these services in C++ only (src/PAL/Include/CPU_GPIO_decl.h, src/HAL/Include/nanoHAL.h, where GPIO_PIN
 * is uint32_t); the declarations are repeated here so that this file needs no nanoCLR include tree. A
 * mismatch cannot pass silently: the C++ names are mangled with their parameter types, so the link fails.
 *
 * Needs the System.Device.Gpio API in the firmware (API_System.Device.Gpio, on by default): it provides
 * CPU_GPIO_ReservePin on ESP32 and ChibiOS targets.
 */
#include <stdint.h>

#include "nirq_port.h"

// nanoFramework's pin reservation map, the one System.Device.Gpio's GpioController.OpenPin consults.
bool CPU_GPIO_ReservePin(uint32_t Pin, bool fReserve);

#if defined(PLATFORM_ESP32)
// ESP32 targets only (targets/ESP32/_nanoCLR/targetHAL.cpp): up to 16 handlers run on a CLR soft reboot.
typedef void (*ON_SOFT_REBOOT_HANDLER)(void);
void HAL_AddSoftRebootHandler(ON_SOFT_REBOOT_HANDLER handler);
#endif

extern "C" bool nirq_port_reserve_pin(uint32_t pin, bool reserve)
{
    return CPU_GPIO_ReservePin(pin, reserve);
}

extern "C" bool nirq_port_on_soft_reboot(void (*handler)(void))
{
#if defined(PLATFORM_ESP32)
    HAL_AddSoftRebootHandler(handler);
    return true;
#else
    (void)handler;
    return false;
#endif
}
