'use strict';
// Runs a loaded image in rp2040js: places it in flash/SRAM, starts the core at the image's entry (not through
// the boot ROM), applies input pin events at their times, records pin changes and UART0 output, and stops at a
// time limit or at a breakpoint/fault.
//
// Emulator facts this relies on (rp2040js 1.4.1, read from its sources): one SimulationClock in ns drives the
// TIMER (TIMERAWL = ns / 1000) and SysTick; instructions cost their cycles at clk_sys (125 MHz unless the
// firmware reprograms the clocks); interrupt entry and flash fetches cost 0 cycles; a wfi parks the core until
// an interrupt, so idle time is skipped to the next alarm or pin event.

const { RP2040, GPIOPinState } = require('rp2040js');
const { FLASH_BASE, SRAM_BASE, findEntry, hex } = require('./image');
const { attachFlash } = require('./flash');

function pinValue(state) {
  if (state === GPIOPinState.High) {
    return '1';
  }
  return state === GPIOPinState.Low ? '0' : 'z';
}

class Pico {
  /** image: from image.loadImage (segments), options.log(level, text) receives emulator messages. */
  constructor(image, options = {}) {
    this.mcu = new RP2040(); // with its own SimulationClock (ns)
    this.clock = this.mcu.clock;
    this.messages = [];
    this.stop = null;
    const note = (level) => (component, text) => {
      this.messages.push({ level, component, text });
      if (level === 'warn' && /not implemented/.test(text) && !this.stop) {
        this.stop = { reason: 'unimplemented-instruction', pc: this.mcu.core.PC, detail: text };
      }
      if (options.log) {
        options.log(level, `${component}: ${text}`);
      }
    };
    this.mcu.logger = { debug: () => {}, info: note('info'), warn: note('warn'), error: note('error') };
    this.mcu.onBreak = (code) => {
      this.stop = { reason: 'breakpoint', code, pc: (this.mcu.core.PC - this.mcu.core.breakRewind) >>> 0 };
    };
    if (options.bootrom) {
      this.mcu.loadBootrom(options.bootrom); // resets the core and erases the flash: before the image
    }
    this.hasBootrom = !!options.bootrom;
    // PADS_BANK0 GPIOn after reset is 0x56 on the chip (input enable, Schmitt, pull-down, 4 mA); rp2040js starts
    // at 0x36, input enable off, so a pin whose driver only sets the function and pulls (ChibiOS's PAL, used by
    // nanoFramework) never sees its input change.
    for (const gpio of this.mcu.gpio) {
      gpio.padValue = 0x56;
    }
    this.flash = attachFlash(this.mcu); // SSI with a receive FIFO and a serial flash behind it (src/flash.js)
    for (const s of image.segments) {
      if (s.address >= SRAM_BASE) {
        this.mcu.sram.set(s.bytes, s.address - SRAM_BASE);
      } else {
        this.mcu.flash.set(s.bytes, s.address - FLASH_BASE);
      }
    }
    // Start where the chip would after its boot ROM: the boot ROM is not run (rp2040js has none loaded, and a
    // reset through it parks on an unimplemented register).
    this.entry = findEntry((a) => this.mcu.flashView.getUint32(a - FLASH_BASE, true));
    const { core } = this.mcu;
    core.VTOR = this.entry.vtor;
    core.SP = this.entry.sp;
    core.PC = this.entry.pc;
    this.uart = [];
    this.mcu.uart[0].onByte = (b) => {
      this.uart.push(b);
      if (options.onUart) {
        options.onUart(b);
      }
    };
    this.levels = new Array(this.mcu.gpio.length).fill(0);
    this.inputs = [];
    this.initialLevels = new Map();
    this.instructions = 0; // executed, counted by run()
    this.idleInstructions = 0; // of those, executed with the PC in one of idleRanges
    this.idleRanges = []; // [{ start, end }]: code counted as idle (e.g. ChibiOS's __idle_thread), see setIdleRanges
    this.pause = false; // set by a callback (USB data...) to make run() return early
  }

  get nanos() {
    return this.clock.nanos;
  }

  get cycles() {
    return this.mcu.core.cycles;
  }

  /**
   * Records every change of pin: [{ ns, cycles, instructions, value }] and the value at the start. A change
   * made by a store is stamped before that store's own cycles and count.
   */
  record(pin) {
    const gpio = this.mcu.gpio[pin];
    const trace = { pin, initial: pinValue(gpio.value), changes: [] };
    gpio.addListener((state) => {
      trace.changes.push({ ns: this.clock.nanos, cycles: this.mcu.core.cycles, instructions: this.instructions, idle: this.idleInstructions, value: pinValue(state) });
    });
    return trace;
  }

  /**
   * Drives an input pin now. The same level again is not an edge (nothing happens, as on the chip); every
   * pin starts low (rp2040js models no pull resistors), so driving a pin low at time 0 is no edge either.
   */
  drive(pin, level) {
    if (this.levels[pin] === level) {
      return;
    }
    this.levels[pin] = level;
    this.mcu.gpio[pin].setInputValue(level === 1);
    this.inputs.push({ pin, level, ns: this.clock.nanos, cycles: this.mcu.core.cycles, instructions: this.instructions, idle: this.idleInstructions });
  }

  /**
   * Runs until untilUs (µs of emulated time since start), applying events ({ us, pin, level }, in time
   * order) when their time is reached: between two instructions, so two events at the same µs reach the
   * hardware together; events at time 0 set the starting levels (no edge, not in this.inputs). Stops early at a breakpoint or an unimplemented instruction (this.stop).
   */
  run(events, untilUs) {
    const endNs = untilUs * 1000;
    const { core } = this.mcu;
    const idle = this.idleRanges;
    let next = 0;
    // events at time 0 are the levels the run starts with, not edges
    for (; next < events.length && events[next].us === 0 && this.clock.nanos === 0; next++) {
      const { pin, level } = events[next];
      if (this.levels[pin] !== level) {
        this.levels[pin] = level;
        this.mcu.gpio[pin].setInputValue(level === 1);
      }
      this.initialLevels.set(pin, level);
    }
    this.pause = false;
    while (!this.stop && !this.pause) {
      const now = this.clock.nanos;
      while (next < events.length && events[next].us * 1000 <= now) {
        this.drive(events[next].pin, events[next].level);
        next++;
      }
      if (now >= endNs) {
        break;
      }
      if (core.waiting) {
        let target = endNs;
        if (next < events.length) {
          target = Math.min(target, events[next].us * 1000);
        }
        if (this.clock.nextAlarm) {
          target = Math.min(target, now + Math.max(0, this.clock.nanosToNextAlarm));
        }
        this.clock.tick(target - now);
      } else {
        if (idle.length) {
          const pc = core.PC;
          for (const r of idle) {
            if (pc >= r.start && pc < r.end) {
              this.idleInstructions++;
              break;
            }
          }
        }
        const cycles = core.executeInstruction();
        this.instructions++;
        this.clock.tick((cycles * 1e9) / this.mcu.clkSys);
      }
    }
    return this.stop;
  }

  /**
   * Instructions whose PC is in one of these code ranges ([{ start, end }], end exclusive) are also counted in
   * idleInstructions, so a latency can leave out an idle loop that spins (ChibiOS's __idle_thread without WFI).
   * Interrupt handlers entered from the idle loop run at their own PCs and are not idle.
   */
  setIdleRanges(ranges) {
    this.idleRanges = ranges.map((r) => ({ start: r.start >>> 0, end: r.end >>> 0 }));
  }

  uartText() {
    return Buffer.from(this.uart).toString('latin1');
  }

  /** A 32-bit word of SRAM or flash (e.g. at an ELF symbol's address). */
  readWord(address) {
    return this.mcu.readUint32(address) >>> 0;
  }
}

function describeStop(stop) {
  if (!stop) {
    return null;
  }
  if (stop.reason === 'breakpoint') {
    return `stopped at a breakpoint (bkpt #${stop.code}) at ${hex(stop.pc)}`;
  }
  return `stopped: ${stop.detail} (pc ${hex(stop.pc)})`;
}

module.exports = { Pico, describeStop, pinValue };
