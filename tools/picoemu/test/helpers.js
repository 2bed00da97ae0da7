'use strict';
// Shared by the tests: where the bare-metal test program is, and how to read what it prints on UART0.

const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../../..');
/** The bare-metal program (firmware/native/ports/baremetal), built by run-tests.sh into build/baremetal. */
const FIRMWARE_ELF = process.env.PICOEMU_FIRMWARE || path.join(REPO, 'build/baremetal/nirq_baremetal.elf');
const FIRMWARE_BIN = FIRMWARE_ELF.replace(/\.elf$/, '.bin');
const SCENARIO_FILE = path.join(REPO, 'firmware/native/tests/scenarios/debounce.txt');

/**
 * Options for test(): skipped (with the reason) when the program has not been built, unless
 * PICOEMU_REQUIRE_FIRMWARE=1 (run-tests.sh sets it after building): then a missing build is a failure.
 */
function needsFirmware() {
  if (fs.existsSync(FIRMWARE_ELF) || process.env.PICOEMU_REQUIRE_FIRMWARE === '1') {
    return {};
  }
  return { skip: `${FIRMWARE_ELF} not built (cmake -S firmware/native/ports/baremetal, see docs/picoemu.md)` };
}

/** "rec pin=3 level=0 t=10000 seq=1" -> { kind: 'rec', pin: 3, level: 0, t: 10000, seq: 1 } (numbers parsed). */
function parseLines(uart) {
  return uart.split('\n').filter(Boolean).map((line) => {
    const [kind, ...pairs] = line.split(' ');
    const o = { kind, line };
    for (const p of pairs) {
      const [k, v] = p.split('=');
      o[k] = /^-?\d+$/.test(v) ? Number(v) : v;
    }
    return o;
  });
}

/** The last counters line printed for pin. */
function lastCounters(lines, pin) {
  return lines.filter((l) => l.kind === 'cnt' && l.pin === pin).pop();
}

/** Writes a UF2 (RP2040 family) holding bytes at flash 0x10000000, 256 payload bytes per block as picotool does. */
function toUf2(bytes, { family = 0xe48bff56, magicEnd = 0x0ab16f30 } = {}) {
  const blocks = Math.ceil(bytes.length / 256);
  const out = Buffer.alloc(blocks * 512);
  for (let i = 0; i < blocks; i++) {
    const b = out.subarray(i * 512, (i + 1) * 512);
    b.writeUInt32LE(0x0a324655, 0);
    b.writeUInt32LE(0x9e5d5157, 4);
    b.writeUInt32LE(0x00002000, 8);
    b.writeUInt32LE(0x10000000 + i * 256, 12);
    b.writeUInt32LE(256, 16);
    b.writeUInt32LE(i, 20);
    b.writeUInt32LE(blocks, 24);
    b.writeUInt32LE(family, 28);
    bytes.copy(b, 32, i * 256, Math.min(bytes.length, (i + 1) * 256));
    b.writeUInt32LE(magicEnd, 508);
  }
  return out;
}

module.exports = { REPO, FIRMWARE_ELF, FIRMWARE_BIN, SCENARIO_FILE, needsFirmware, parseLines, lastCounters, toUf2 };
