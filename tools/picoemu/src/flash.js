'use strict';
// A serial NOR flash (a W25Q16JV, the Pico's 2 MB part) behind the RP2040's SSI, replacing rp2040js's SSI model,
// which has no receive FIFO: RXFLR stays 0 and DR0 always reads 0, so a flash driver that counts received frames
// (ChibiOS's) polls forever, and one that erases or programs (the boot ROM's flash_range_erase/program used by
// MicroPython and the pico-sdk) changes nothing. Memory-mapped XIP reads stay rp2040js's (straight from its flash
// array), so what the model programs is what the firmware then reads at 0x10000000.
//
// What it models:
// - SSI: TX frames go to the flash at once and, in TMOD 0 (transmit and receive), each produces one RX frame
//   (a 16-deep FIFO: RXFLR, SR.RFNE, DR0); TMOD 1 (transmit only) produces none; TMOD 3 (EEPROM read) sends the
//   written frames and then receives CTRLR1.NDF + 1 frames. Frames of 8 to 32 bits (CTRLR0.DFS_32) go out most
//   significant byte first. SSIENR 0 empties both FIFOs. SR reports TFE, TFNF, RFNE/RFF and never BUSY.
// - Chip select: the boot ROM and the pico-sdk hold CS with IO_QSPI's GPIO_QSPI_SS_CTRL OUTOVER (2 low, 3 high):
//   a transaction ends when it goes high. With automatic CS (OUTOVER 0) a transaction ends when the SSI is
//   disabled, or when the firmware has read every received frame and writes the next command (its TX FIFO would
//   have run empty on a chip, which releases CS).
// - Flash commands: 03 read, 0B fast read, 6B/BB/EB (dual/quad reads: data from the address after the mode
//   byte), 05/35/15 status registers (BUSY never set, WEL after 06, QE set in status 2), 06/04 write enable and
//   disable, 02 page program (within the 256-byte page, ANDed into the array), 20/52/D8 erase 4/32/64 KB,
//   60/C7 chip erase, 9F JEDEC ID (EF 40 15), 4B unique ID (4 dummy bytes, then 8 bytes), 5A SFDP (zeros),
//   AB, 66, 99, FF and status writes (01, 31, 11) accepted and ignored.

const { BasePeripheral } = require('rp2040js');

const SSI = {
  CTRLR0: 0x00, CTRLR1: 0x04, SSIENR: 0x08, SER: 0x10, BAUDR: 0x14, TXFTLR: 0x18, RXFTLR: 0x1c, TXFLR: 0x20,
  RXFLR: 0x24, SR: 0x28, IMR: 0x2c, ISR: 0x30, RISR: 0x34, ICR: 0x48, DMACR: 0x4c, IDR: 0x58, VERSION: 0x5c,
  DR0: 0x60, RX_SAMPLE_DLY: 0xf0, SPI_CTRLR0: 0xf4, TXD_DRIVE_EDGE: 0xf8,
};
const FIFO_DEPTH = 16;
const SR_TFNF = 0x02;
const SR_TFE = 0x04;
const SR_RFNE = 0x08;
const SR_RFF = 0x10;
const JEDEC_ID = [0xef, 0x40, 0x15];
const UNIQUE_ID = [0x4e, 0x49, 0x52, 0x51, 0x50, 0x45, 0x4d, 0x55]; // "NIRQPEMU"

/** The flash chip: bytes in (one transaction at a time), bytes out. `array` is the flash contents (rp2040js's). */
class SpiFlash {
  constructor(array) {
    this.array = array;
    this.wel = false;
    this.log = []; // completed transactions: { command, address, length } (for tests and --verbose)
    this.begin();
  }

  begin() {
    this.bytes = [];
    this.command = null;
  }

  /** One byte clocked in while CS is low; returns the byte clocked out. */
  exchange(b) {
    const index = this.bytes.length;
    this.bytes.push(b);
    if (index === 0) {
      this.command = b;
      return 0xff;
    }
    const c = this.command;
    const addr = () => ((this.bytes[1] << 16) | (this.bytes[2] << 8) | this.bytes[3]) >>> 0;
    const data = (skip) => {
      const i = index - skip;
      return i >= 0 ? this.array[(addr() + i) % this.array.length] : 0xff;
    };
    switch (c) {
      case 0x03: return data(4);
      case 0x0b: case 0x6b: case 0xbb: return data(5);
      case 0xeb: return data(5); // address, mode byte (the dummy cycles of quad I/O are not bytes on this bus)
      case 0x05: return this.wel ? 0x02 : 0x00;
      case 0x35: return 0x02; // QE set: boot2 does not rewrite the status registers
      case 0x15: return 0x00;
      case 0x9f: return JEDEC_ID[index - 1] ?? 0x00;
      case 0x4b: return index >= 5 ? UNIQUE_ID[index - 5] ?? 0x00 : 0x00;
      case 0x02:
        if (index >= 4 && this.wel) {
          const base = addr();
          const page = base & ~0xff;
          const at = (page + (((base & 0xff) + index - 4) & 0xff)) % this.array.length;
          this.array[at] &= b;
        }
        return 0xff;
      default:
        return 0xff;
    }
  }

  /** CS high: commands that act at the end of a transaction. */
  end() {
    const c = this.command;
    if (c === null) {
      return;
    }
    const n = this.bytes.length;
    const address = n >= 4 ? ((this.bytes[1] << 16) | (this.bytes[2] << 8) | this.bytes[3]) >>> 0 : null;
    const erase = (size) => {
      if (this.wel && address !== null) {
        const start = (address & ~(size - 1)) % this.array.length;
        this.array.fill(0xff, start, Math.min(start + size, this.array.length));
      }
    };
    switch (c) {
      case 0x06: this.wel = true; break;
      case 0x04: this.wel = false; break;
      case 0x20: erase(4096); this.wel = false; break;
      case 0x52: erase(32768); this.wel = false; break;
      case 0xd8: erase(65536); this.wel = false; break;
      case 0x60: case 0xc7: if (this.wel) { this.array.fill(0xff); } this.wel = false; break;
      case 0x02: case 0x01: case 0x31: case 0x11: this.wel = false; break;
      default: break;
    }
    this.log.push({ command: c, address, length: n });
    if (this.log.length > 1000) {
      this.log.splice(0, 500);
    }
    this.begin();
  }
}

/** The SSI with receive FIFO, in place of rp2040js's RPSSI at 0x18000000. */
class SsiWithFlash extends BasePeripheral {
  constructor(rp2040, flash) {
    super(rp2040, 'SSI');
    this.flash = flash;
    this.regs = new Map();
    this.rx = [];
    this.ctrlr0 = 0;
    this.ctrlr1 = 0;
    this.enabled = 0;
    this.csForced = null; // null: automatic; true: held low by IO_QSPI OUTOVER; false: held high
    this.active = false; // a transaction is open (CS low)
    this.eepromPending = 0;
    this.readSinceWrite = false;
  }

  frameBytes() {
    const dfs32 = (this.ctrlr0 >>> 16) & 0x1f;
    return Math.max(1, Math.ceil((dfs32 + 1) / 8));
  }

  tmod() {
    return (this.ctrlr0 >>> 8) & 3;
  }

  setChipSelect(forcedLow) {
    const was = this.csForced;
    this.csForced = forcedLow;
    if (was === true && forcedLow !== true) {
      this.endTransaction();
    }
  }

  endTransaction() {
    if (this.active) {
      this.flash.end();
      this.active = false;
    }
    this.eepromPending = 0;
  }

  transfer(word) {
    const n = this.frameBytes();
    let out = 0;
    for (let i = n - 1; i >= 0; i--) {
      out = ((out << 8) | this.flash.exchange((word >>> (8 * i)) & 0xff)) >>> 0;
    }
    return out;
  }

  writeData(value) {
    if (this.csForced === false) {
      // CS held high (flash_exit_xip clocks the bus this way): the SSI still shifts frames, the flash ignores them
      if (this.tmod() === 0) {
        this.push(0xffffffff >>> (32 - 8 * this.frameBytes()));
      }
      return;
    }
    if (this.csForced === null && this.active && this.readSinceWrite && this.rx.length === 0 && this.eepromPending === 0) {
      this.endTransaction(); // automatic CS: the previous command's frames were all read, so CS went high between
    }
    this.active = true;
    this.readSinceWrite = false;
    const received = this.transfer(value >>> 0);
    const mode = this.tmod();
    if (mode === 0) {
      this.push(received);
    } else if (mode === 3) {
      this.eepromPending = (this.ctrlr1 & 0xffff) + 1;
    }
  }

  push(v) {
    if (this.rx.length < FIFO_DEPTH) {
      this.rx.push(v);
    }
  }

  fillEeprom() {
    while (this.eepromPending > 0 && this.rx.length < FIFO_DEPTH) {
      this.push(this.transfer(0));
      this.eepromPending--;
    }
  }

  readUint32(offset) {
    switch (offset) {
      case SSI.CTRLR0: return this.ctrlr0;
      case SSI.CTRLR1: return this.ctrlr1;
      case SSI.SSIENR: return this.enabled;
      case SSI.TXFLR: return 0;
      case SSI.RXFLR: this.fillEeprom(); return this.rx.length;
      case SSI.SR: {
        this.fillEeprom();
        let sr = SR_TFE | SR_TFNF;
        if (this.rx.length) {
          sr |= SR_RFNE;
        }
        if (this.rx.length >= FIFO_DEPTH) {
          sr |= SR_RFF;
        }
        return sr;
      }
      case SSI.IDR: return 0x51535049;
      case SSI.VERSION: return 0x3430312a;
      case SSI.ISR: case SSI.RISR: case SSI.ICR: return 0;
      case SSI.DR0: {
        this.fillEeprom();
        this.readSinceWrite = true;
        if (this.rx.length === 0) {
          return 0;
        }
        const v = this.rx.shift();
        if (this.rx.length === 0 && this.eepromPending === 0 && this.csForced === null && this.tmod() === 3) {
          this.endTransaction();
        }
        return v;
      }
      default:
        if (offset >= SSI.DR0 && offset < SSI.DR0 + 0x90) {
          return this.readUint32(SSI.DR0);
        }
        return this.regs.get(offset) ?? 0;
    }
  }

  writeUint32(offset, value) {
    switch (offset) {
      case SSI.CTRLR0: this.ctrlr0 = value >>> 0; return;
      case SSI.CTRLR1: this.ctrlr1 = value >>> 0; return;
      case SSI.SSIENR:
        this.enabled = value & 1;
        this.rx = [];
        if (this.csForced !== true) {
          this.endTransaction();
        }
        return;
      case SSI.DR0: this.writeData(value); return;
      default:
        if (offset >= SSI.DR0 && offset < SSI.DR0 + 0x90) {
          this.writeData(value);
          return;
        }
        this.regs.set(offset, value >>> 0);
    }
  }
}

/** IO_QSPI (0x40018000): a register file whose GPIO_QSPI_SS_CTRL OUTOVER drives the flash's chip select. */
class IoQspi extends BasePeripheral {
  constructor(rp2040, ssi) {
    super(rp2040, 'IO_QSPI');
    this.ssi = ssi;
    this.regs = new Map();
  }

  readUint32(offset) {
    return this.regs.get(offset) ?? 0;
  }

  writeUint32(offset, value) {
    this.regs.set(offset, value >>> 0);
    if (offset === 0x0c) { // GPIO_QSPI_SS_CTRL
      const outover = (value >>> 8) & 3;
      this.ssi.setChipSelect(outover === 2 ? true : outover === 3 ? false : null);
    }
  }
}

/** Puts the flash model into an RP2040 (rp2040js): returns the SpiFlash. */
function attachFlash(mcu) {
  const flash = new SpiFlash(mcu.flash);
  const ssi = new SsiWithFlash(mcu, flash);
  mcu.peripherals[0x18000] = ssi;
  mcu.peripherals[0x40018] = new IoQspi(mcu, ssi);
  return flash;
}

module.exports = { SpiFlash, SsiWithFlash, IoQspi, attachFlash, SSI, JEDEC_ID, UNIQUE_ID };
