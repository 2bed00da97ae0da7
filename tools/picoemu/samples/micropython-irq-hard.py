# picoemu latency row: GP15 toggled by a Pin.irq handler (hard=True) on every edge of GP14.
from machine import Pin

out = Pin(15, Pin.OUT, value=0)
inp = Pin(14, Pin.IN)


def handler(p):
    out.toggle()


inp.irq(handler, Pin.IRQ_RISING | Pin.IRQ_FALLING, hard=True)
