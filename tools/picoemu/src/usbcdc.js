'use strict';
// The host side of the emulated USB: rp2040js's USBCDC helper (from its npm package) enumerates the device
// (address, configuration descriptor, SET_CONFIGURATION, SET_CONTROL_LINE_STATE DTR|RTS) and receives what the
// firmware writes on the CDC data IN endpoint. Its OUT side is replaced here:
// - the helper answers every arming of the OUT endpoint at once, with a zero-length packet when it has nothing
//   to send: the device's stack re-arms, gets another empty packet 10 µs later, and so on (a USB interrupt every
//   few µs that the latency figures would include, and a stack that stops re-arming after an empty transfer
//   never receives anything again). Here an armed OUT endpoint is held until the host has bytes for it, as a
//   real host does (it NAKs nothing: it simply sends when it has data);
// - the helper's 512-byte transmit FIFO drops bytes beyond it; here the host queue has no limit and is handed
//   over one packet (the size the device armed) at a time.

const { USBCDC } = require('rp2040js');

const BUF_AVAILABLE = 1 << 10;
const INTR_DEV_SOF = 1 << 17;
const SOF_RD = 0x48;
const SOF_PERIOD_NS = 1000000; // full speed: one frame per ms
const BUF_FULL = 1 << 15;
const BUF_LEN = 0x3ff;
const EP_DOUBLE_BUF = 1 << 30;

/**
 * Double-buffered IN endpoints, in the hardware's order. rp2040js looks at buffer 1 only when the endpoint
 * control register says double-buffered, which endpoint 0 has not (its buffers are fixed at 0x100 and 0x140),
 * and then sends buffer 1 before buffer 0. ChibiOS (nanoFramework) arms both buffers of endpoint 0 for a
 * 67-byte configuration descriptor: 64 bytes in buffer 0, 3 in buffer 1; rp2040js sends the 64 and never the 3,
 * and enumeration stops. Here buffer 0 goes first (rp2040js's own code, with buffer 1 masked), then buffer 1.
 */
function fixDoubleBufferedIn(usb) {
  if (typeof usb.DPRAMUpdated !== 'function') {
    return; // not rp2040js's controller (a test's stand-in)
  }
  const original = usb.DPRAMUpdated.bind(usb);
  usb.DPRAMUpdated = (offset, value) => {
    const high = value >>> 16;
    if (usb.hostMode || offset < 0x80 || offset > 0xfc || (offset & 4) || !(high & BUF_AVAILABLE)) {
      original(offset, value);
      return;
    }
    const endpoint = (offset - 0x80) >> 3;
    const view = usb.rp2040.usbDPRAMView;
    const base = endpoint === 0 ? 0x100 : view.getUint32(8 * endpoint, true) & 0xffc0; // EPn IN control at 8*n
    const doubled = endpoint === 0 || (view.getUint32(8 * endpoint, true) & EP_DOUBLE_BUF);
    if (!doubled) {
      original(offset, value);
      return;
    }
    const low = value & 0xffff;
    const rest = ((high & ~(BUF_AVAILABLE | BUF_FULL)) << 16) >>> 0;
    if (low & BUF_AVAILABLE) {
      view.setUint32(offset, (rest | low) >>> 0, true);
      original(offset, (rest | low) >>> 0);
    }
    const length = high & BUF_LEN;
    const buffer = usb.rp2040.usbDPRAM.slice(base + 64, base + 64 + length);
    const now = view.getUint32(offset, true);
    view.setUint32(offset, ((now & 0xffff) | rest) >>> 0, true);
    usb.indicateBufferReady(endpoint, false);
    usb.endpointWriteAlarms[endpoint].schedule(buffer, usb.writeDelayMicroseconds * 1000);
  };
}

/**
 * Start-of-frame in device mode: rp2040js raises SOF only as a host. A host sends one every millisecond; the
 * device's DEV_SOF interrupt (INTR bit 17) is raised with the frame number in SOF_RD, and reading SOF_RD clears
 * it. ChibiOS's serial-over-USB driver (nanoFramework) flushes a partly filled IN buffer from its SOF hook: without
 * frames, a reply shorter than 64 bytes stays in the device until later writes fill the buffer. Returns stop().
 */
function startDeviceSof(usb) {
  if (typeof usb.readUint32 !== 'function' || !usb.rp2040 || !usb.rp2040.clock) {
    return () => {};
  }
  let frame = 0;
  const originalRead = usb.readUint32.bind(usb);
  usb.readUint32 = (offset) => {
    if (offset === SOF_RD && !usb.hostMode) {
      usb.intRaw &= ~INTR_DEV_SOF;
      usb.checkInterrupts();
      return frame;
    }
    return originalRead(offset);
  };
  let running = true;
  const alarm = usb.rp2040.clock.createAlarm(() => {
    if (!running) {
      return;
    }
    frame = (frame + 1) & 0x7ff;
    if (!usb.hostMode) {
      usb.intRaw |= INTR_DEV_SOF;
      usb.checkInterrupts();
    }
    alarm.schedule(SOF_PERIOD_NS);
  });
  alarm.schedule(SOF_PERIOD_NS);
  return () => {
    running = false;
    alarm.cancel();
  };
}

class CdcHost {
  /**
   * usb: mcu.usbCtrl. onData(Uint8Array) gets device-to-host bytes; onConnected() when enumeration ends.
   * sof: send start-of-frame every ms once enumerated (a real host does; nanoFramework's CDC driver needs it).
   */
  constructor(usb, { onData, onConnected, sof = false } = {}) {
    this.usb = usb;
    this.cdc = new USBCDC(usb);
    fixDoubleBufferedIn(usb);
    this.stopSof = null;
    this.queue = [];
    this.armed = null; // { endpoint, size } while the device waits for an OUT packet
    this.connected = false;
    this.received = 0;
    this.sent = 0;
    this.cdc.onDeviceConnected = () => {
      this.connected = true;
      if (sof && !this.stopSof) {
        this.stopSof = startDeviceSof(usb);
      }
      if (onConnected) {
        onConnected();
      }
    };
    this.cdc.onSerialData = (buffer) => {
      this.received += buffer.length;
      if (onData) {
        onData(buffer);
      }
    };
    usb.onEndpointRead = (endpoint, size) => {
      if (endpoint === this.cdc.outEndpoint) {
        this.armed = { endpoint, size };
        this.pump();
      }
    };
  }

  /** Queues bytes (a string is sent as latin1) for the device; they go out as the device arms its endpoint. */
  send(data) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    for (const b of bytes) {
      this.queue.push(b);
    }
    this.pump();
  }

  pump() {
    if (!this.armed || this.queue.length === 0) {
      return;
    }
    const { endpoint, size } = this.armed;
    this.armed = null;
    const packet = Uint8Array.from(this.queue.splice(0, Math.min(size, 64, this.queue.length)));
    this.sent += packet.length;
    this.usb.endpointReadDone(endpoint, packet);
  }

  get pending() {
    return this.queue.length;
  }
}

module.exports = { CdcHost, fixDoubleBufferedIn, startDeviceSof, INTR_DEV_SOF };
