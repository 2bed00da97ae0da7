'use strict';
// The RP2040 boot ROM: rp2040js ships none in its npm package, and firmware built with the pico-sdk (MicroPython,
// nanoFramework's ChibiOS port through its flash code) calls ROM functions through the table at 0x14 (memcpy,
// the float library, flash erase/program). The user supplies the ROM: a 16 KB binary (built from
// github.com/raspberrypi/pico-bootrom) or rp2040js's demo/bootrom.ts from its repository, read as it is
// (the 32-bit words written as 0x........ literals).

const fs = require('node:fs');
const { InputError } = require('./errors');

const ROM_BYTES = 16 * 1024;

function parseBootrom(buffer, name) {
  let words;
  const text = buffer.toString('latin1');
  if (/\.(ts|js|txt)$/i.test(name) || /^\s*(\/\/|export|const|0x)/.test(text.slice(0, 200))) {
    const found = [...text.replace(/\/\/[^\n]*/g, '').matchAll(/0x([0-9a-fA-F]{1,8})\b/g)].map((m) => parseInt(m[1], 16) >>> 0);
    words = Uint32Array.from(found);
  } else {
    if (buffer.length % 4 !== 0) {
      throw new InputError(`${name}: boot ROM of ${buffer.length} bytes, not a whole number of 32-bit words`);
    }
    words = new Uint32Array(buffer.length / 4);
    for (let i = 0; i < words.length; i++) {
      words[i] = buffer.readUInt32LE(i * 4);
    }
  }
  if (words.length * 4 > ROM_BYTES) {
    throw new InputError(`${name}: boot ROM of ${words.length * 4} bytes, more than the RP2040's ${ROM_BYTES}`);
  }
  // bytes 0x10-0x12 are 'M', 'u', 0x01 on every RP2040 boot ROM
  if (words.length < 8 || (words[4] & 0xffffff) !== 0x01754d) {
    throw new InputError(`${name}: not an RP2040 boot ROM (no 'Mu' 0x01 magic at 0x10)`);
  }
  return words;
}

function loadBootrom(file) {
  let buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read boot ROM ${file}: ${e.code || e.message}`);
  }
  return parseBootrom(buffer, file);
}

module.exports = { loadBootrom, parseBootrom, ROM_BYTES };
