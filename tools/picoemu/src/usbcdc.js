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

class CdcHost {
  /** usb: mcu.usbCtrl. onData(Uint8Array) gets device-to-host bytes; onConnected() when enumeration ends. */
  constructor(usb, { onData, onConnected } = {}) {
    this.usb = usb;
    this.cdc = new USBCDC(usb);
    this.queue = [];
    this.armed = null; // { endpoint, size } while the device waits for an OUT packet
    this.connected = false;
    this.received = 0;
    this.sent = 0;
    this.cdc.onDeviceConnected = () => {
      this.connected = true;
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

module.exports = { CdcHost };
