'use strict';
// Parts of the tool that real firmware (MicroPython, nanoFramework) needs, tested without it: the SPI-flash model
// behind the SSI driven with the register sequences the boot ROM's flash functions and boot2 use, the boot ROM
// loader, the USB CDC host's OUT endpoint handling, the raw REPL exchange, and the latency command (rows, table,
// errors, and a row with the bare-metal program).

const test = require('node:test');
const { after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { RP2040 } = require('rp2040js');
const { attachFlash } = require('../src/flash');
const { parseBootrom } = require('../src/bootrom');
const { CdcHost } = require('../src/usbcdc');
const { RawRepl, RAW_PROMPT } = require('../src/micropython');
const { parseRowSpec, edgeEvents, formatTable, firmwareVersion } = require('../src/bench');
const { InputError } = require('../src/errors');
const { FIRMWARE_ELF, needsFirmware } = require('./helpers');

const CLI = path.join(__dirname, '../src/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'picoemu-flash-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SSI = 0x18000000;
const SS_CTRL = 0x4001800c;

/** A chip with the flash model, and the boot ROM's flash_do_cmd: CS low, frames out, as many in, CS high. */
function chip() {
  const mcu = new RP2040();
  mcu.logger = { debug() {}, info() {}, warn() {}, error() {} };
  const flash = attachFlash(mcu);
  const w = (a, v) => mcu.writeUint32(a, v);
  const r = (a) => mcu.readUint32(a) >>> 0;
  // flash_init_spi: disable, 8-bit frames, TX and RX, enable
  w(SSI + 0x08, 0);
  w(SSI + 0x00, (7 << 16) | (0 << 8));
  w(SSI + 0x10, 1);
  w(SSI + 0x08, 1);
  const doCmd = (bytes) => {
    w(SS_CTRL, 2 << 8); // OUTOVER low
    const got = [];
    let sent = 0;
    while (got.length < bytes.length) {
      if (sent < bytes.length && r(SSI + 0x20) + r(SSI + 0x24) < 14) {
        w(SSI + 0x60, bytes[sent++]);
      }
      if (r(SSI + 0x24)) {
        got.push(r(SSI + 0x60));
      }
    }
    w(SS_CTRL, 3 << 8); // OUTOVER high
    return got;
  };
  return { mcu, flash, w, r, doCmd };
}

test('SPI flash: JEDEC ID, unique ID and reads through the receive FIFO', () => {
  const { mcu, doCmd, r } = chip();
  assert.deepEqual(doCmd([0x9f, 0, 0, 0]).slice(1), [0xef, 0x40, 0x15]);
  assert.equal(Buffer.from(doCmd([0x4b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).slice(5)).toString('latin1'), 'NIRQPEMU');
  mcu.flash.set([1, 2, 3, 4, 5], 0x1234);
  assert.deepEqual(doCmd([0x03, 0x00, 0x12, 0x34, 0, 0, 0, 0, 0]).slice(4), [1, 2, 3, 4, 5]);
  assert.deepEqual(doCmd([0x0b, 0x00, 0x12, 0x35, 0xff, 0, 0]).slice(5), [2, 3]); // fast read: one dummy byte
  assert.equal(r(SSI + 0x24), 0, 'every frame read');
  assert.equal(r(SSI + 0x28) & 0x08, 0, 'RFNE clear with an empty FIFO');
});

test('SPI flash: write enable, sector erase, page program (ANDed, wrapping in the page), status', () => {
  const { mcu, flash, doCmd } = chip();
  mcu.flash.fill(0x00, 0x3000, 0x5000);
  doCmd([0x20, 0x00, 0x30, 0x10]); // erase without WEL: nothing
  assert.equal(mcu.flash[0x3000], 0x00);
  doCmd([0x06]);
  assert.equal(doCmd([0x05, 0])[1] & 0x02, 0x02, 'WEL set');
  doCmd([0x20, 0x00, 0x30, 0x10]); // any address in the 4 KB sector
  assert.equal(doCmd([0x05, 0])[1], 0x00, 'WEL cleared, never busy');
  assert.ok(mcu.flash.subarray(0x3000, 0x4000).every((b) => b === 0xff), 'sector erased');
  assert.equal(mcu.flash[0x4000], 0x00, 'next sector untouched');
  doCmd([0x06]);
  doCmd([0x02, 0x00, 0x30, 0xfe, 0x0f, 0xf1, 0x33]); // 3 bytes from 0x30fe: the third wraps to 0x3000
  assert.deepEqual([...mcu.flash.subarray(0x30fe, 0x3100)], [0x0f, 0xf1]);
  assert.equal(mcu.flash[0x3000], 0x33);
  assert.equal(mcu.flash[0x3100], 0xff);
  doCmd([0x06]);
  doCmd([0x02, 0x00, 0x30, 0xfe, 0xf0]); // programming only clears bits
  assert.equal(mcu.flash[0x30fe], 0x00);
  assert.deepEqual(flash.log.slice(-2).map((t) => t.command), [0x06, 0x02]);
  // memory-mapped XIP reads see it
  assert.equal(mcu.readUint32(0x10003000) & 0xff, 0x33);
});

test('SPI flash: CS held high still clocks frames (flash_exit_xip), automatic CS and EEPROM-mode reads', () => {
  const { mcu, flash, w, r } = chip();
  w(SS_CTRL, 3 << 8);
  w(SSI + 0x60, 0xff);
  w(SSI + 0x60, 0xff);
  assert.equal(r(SSI + 0x24), 2, 'two frames received with CS high');
  r(SSI + 0x60);
  r(SSI + 0x60);
  assert.equal(flash.log.length, 0, 'the flash saw nothing');
  // boot2's read_flash_sreg with automatic CS: command + dummy, read both, next command
  w(SS_CTRL, 0);
  w(SSI + 0x60, 0x35);
  w(SSI + 0x60, 0x00);
  assert.equal(r(SSI + 0x60), 0xff);
  assert.equal(r(SSI + 0x60), 0x02, 'QE set in status register 2');
  w(SSI + 0x60, 0x05);
  assert.deepEqual(flash.log.map((t) => t.command), [0x35], 'the first transaction ended before the next command');
  r(SSI + 0x60);
  w(SSI + 0x08, 0); // SSI disabled: CS released, FIFOs emptied
  assert.deepEqual(flash.log.map((t) => t.command), [0x35, 0x05]);
  // EEPROM read mode (TMOD 3) with 32-bit frames: one command word, NDF + 1 = 2 data words
  mcu.flash.set([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04], 0x100);
  w(SSI + 0x00, (31 << 16) | (3 << 8));
  w(SSI + 0x04, 1);
  w(SSI + 0x08, 1);
  w(SSI + 0x60, 0x03000100);
  assert.equal(r(SSI + 0x24), 2);
  assert.equal(r(SSI + 0x60), 0xdeadbeef);
  assert.equal(r(SSI + 0x60), 0x01020304);
});

test('boot ROM: a binary or rp2040js demo/bootrom.ts words, checked for the RP2040 magic', () => {
  const words = [0x20041f00, 0xef, 0x35, 0x31, 0x0201754d, 0x00c8007a, 0x1d, 0x88022300];
  const bin = Buffer.alloc(words.length * 4);
  words.forEach((v, i) => bin.writeUInt32LE(v >>> 0, i * 4));
  assert.deepEqual([...parseBootrom(bin, 'rom.bin')], words);
  const ts = `// RP2040 bootrom\nexport const bootromB1 = new Uint32Array([\n  ${words.map((v) => `0x${v.toString(16).padStart(8, '0')}`).join(', ')},\n]);\n`;
  assert.deepEqual([...parseBootrom(Buffer.from(ts), 'bootrom.ts')], words);
  assert.throws(() => parseBootrom(Buffer.alloc(32), 'zero.bin'), /not an RP2040 boot ROM/);
  assert.throws(() => parseBootrom(Buffer.alloc(30), 'odd.bin'), /whole number of 32-bit words/);
  assert.throws(() => parseBootrom(Buffer.alloc(20000), 'big.bin'), /more than the RP2040's 16384/);
  const r = cli('run', 'x.elf', '--bootrom', path.join(tmp, 'none.bin'));
  assert.equal(r.status, 2);
});

test('USB CDC host: an armed OUT endpoint is held until there is data, then one packet at a time', () => {
  const done = [];
  const usb = { endpointReadDone: (ep, data) => done.push([ep, [...data]]) };
  const host = new CdcHost(usb);
  host.cdc.outEndpoint = 2;
  usb.onEndpointRead(2, 64);
  assert.deepEqual(done, [], 'no zero-length packet');
  host.send('ab');
  assert.deepEqual(done, [[2, [0x61, 0x62]]]);
  host.send(Buffer.alloc(100, 7));
  assert.equal(done.length, 1, 'not armed again yet');
  usb.onEndpointRead(2, 64);
  usb.onEndpointRead(2, 64);
  assert.deepEqual(done.slice(1).map(([, d]) => d.length), [64, 36]);
  assert.equal(host.pending, 0);
  usb.onEndpointRead(0, 64); // endpoint 0 status stage: not the CDC endpoint
  assert.equal(done.length, 3);
});

test('raw REPL: prompt, script, OK, output, exception', () => {
  const sent = [];
  const cdc = { send: (d) => sent.push(Buffer.from(d).toString('latin1')) };
  const repl = new RawRepl(cdc, 'print(1)\r\nx = 2\n');
  repl.start();
  assert.equal(sent[0], '\r\x03\x03\x01');
  assert.equal(repl.feed(Buffer.from(`MicroPython v1.28.0\r\n>>> ${RAW_PROMPT}`), 1), false);
  assert.equal(sent[1], 'print(1)\nx = 2\n\x04');
  assert.equal(repl.feed(Buffer.from('OK1\r\n\x04'), 2), false);
  assert.equal(repl.feed(Buffer.from('\x04>'), 3), true);
  assert.equal(repl.state, 'done');
  assert.equal(repl.output, '1\r\n');
  assert.equal(repl.doneNs, 3);
  const bad = new RawRepl(cdc, 'import nothing');
  bad.start();
  bad.feed(Buffer.from(`${RAW_PROMPT}OK\x04Traceback (most recent call last):\r\nImportError: no module named 'nothing'\r\n\x04>`), 5);
  assert.equal(bad.state, 'failed');
  assert.match(bad.error, /ImportError/);
});

test('latency rows: specs, the edge sweep, the table, the firmware version from the image', () => {
  assert.deepEqual(parseRowSpec('hard=fw.elf,script=h.py'), { name: 'hard', image: 'fw.elf', script: 'h.py' });
  assert.deepEqual(parseRowSpec('stock=nf.bin,deploy=app.bin,firmware=nanoFramework 1.12'),
    { name: 'stock', image: 'nf.bin', deploy: 'app.bin', firmware: 'nanoFramework 1.12' });
  assert.throws(() => parseRowSpec('fw.elf'), InputError);
  assert.throws(() => parseRowSpec('a=fw.elf,scrpt=x.py'), /'scrpt=x.py' is not one of script=/);
  assert.throws(() => parseRowSpec('a='), /no image/);
  const ev = edgeEvents({ pin: 14, count: 4, periodMs: 20, startMs: 10 });
  assert.deepEqual(ev, [
    { us: 10000, pin: 14, level: 1 }, { us: 30250, pin: 14, level: 0 }, { us: 50500, pin: 14, level: 1 }, { us: 70750, pin: 14, level: 0 },
  ]);
  const s = (min, median, max) => ({ count: 3, min, median, max });
  const table = formatTable([
    { name: 'hard', firmware: 'MicroPython v1.28.0', driven: 20, answered: 20, cycles: s(1576, 1576, 1845), us: s(12.608, 12.608, 14.76), instructions: s(976, 976, 1153) },
    { name: 'x|y', firmware: 'fw.bin', error: 'GP15 never changed' },
  ], { mhz: 125 });
  assert.equal(table, [
    '| row | firmware | edges | cycles min / median / max | µs at 125 MHz min / median / max | instructions per edge min / median / max |',
    '| --- | --- | --- | --- | --- | --- |',
    '| hard | MicroPython v1.28.0 | 20/20 | 1576 / 1576 / 1845 | 12.61 / 12.61 / 14.76 | 976 / 976 / 1153 |',
    '| x\\|y | fw.bin | - | failed: GP15 never changed | - | - |',
    '',
  ].join('\n'));
  const fake = path.join(tmp, 'mp.bin');
  fs.writeFileSync(fake, Buffer.concat([Buffer.alloc(64), Buffer.from('MicroPython v1.28.0 on 2026-01-01; Raspberry Pi Pico'), Buffer.alloc(8)]));
  assert.equal(firmwareVersion(fake), 'MicroPython v1.28.0');
  assert.equal(firmwareVersion(path.join(tmp, 'none')), null);
});

test('latency command: bad input exits with 2 and says what is wrong', () => {
  const cases = [
    [['latency'], /no rows/],
    [['latency', 'fw.elf'], /not 'fw.elf'/],
    [['latency', '--row', 'fw.elf'], /expected NAME=IMAGE/],
    [['latency', '--row', 'a=fw.elf', '--in', '30'], /pin 30|30/],
    [['latency', '--row', 'a=fw.elf', '--in', '15', '--out', '15'], /same pin/],
    [['latency', '--row', 'a=fw.elf', '--edges', '0'], /--edges 0/],
    [['latency', '--row', 'a=fw.elf', '--period-ms', '1'], /at least 2/],
    [['latency', '--row', `a=${path.join(tmp, 'missing.elf')}`], /cannot read/],
    [['latency', '--row', `a=${path.join(tmp, 'missing.elf')},script=s.py`], /cannot read|boot ROM/],
    [['run', 'x.elf', '--script', path.join(tmp, 'none.py')], /cannot read/],
  ];
  for (const [args, message] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('latency command: the bare-metal program, edge on GP6 to its debug pin GP25, one row', needsFirmware(), () => {
  const r = cli('latency', '--row', `plain=${FIRMWARE_ELF}`, '--in', '6', '--out', '25', '--quiet');
  assert.equal(r.status, 0, r.stderr);
  const line = r.stdout.split('\n')[2];
  assert.equal(line, '| plain | nirq_baremetal.elf | 20/20 | 163 / 163 / 163 | 1.30 / 1.30 / 1.30 | 89 / 89 / 89 |');
  const j = JSON.parse(cli('latency', '--row', `plain=${FIRMWARE_ELF}`, '--in', '6', '--out', '25', '--json').stdout);
  assert.equal(j[0].edges.length, 20);
  assert.equal(j[0].mhz, 125);
});

test('USB: endpoint 0 with both buffers armed sends buffer 0, then buffer 1 (ChibiOS configuration descriptor)', () => {
  const mcu = new RP2040();
  mcu.logger = { debug() {}, info() {}, warn() {}, error() {} };
  const host = new CdcHost(mcu.usbCtrl);
  const writes = [];
  const inner = mcu.usbCtrl.onEndpointWrite;
  mcu.usbCtrl.onEndpointWrite = (ep, data) => {
    writes.push([ep, data.length, data[0]]);
    inner(ep, data);
  };
  mcu.usbDPRAM.fill(0xaa, 0x100, 0x140);
  mcu.usbDPRAM.fill(0xbb, 0x140, 0x180);
  // buffer 1: FULL | LAST | AVAILABLE | 3 bytes; buffer 0: DATA1 | FULL | AVAILABLE | 64 bytes
  mcu.writeUint32(0x50100080, ((0xc400 | 3) << 16 | 0xa400 | 64) >>> 0);
  mcu.clock.tick(100000);
  assert.deepEqual(writes, [[0, 64, 0xaa], [0, 3, 0xbb]]);
  assert.equal(mcu.readUint32(0x50100080) & ((1 << 10) | (1 << 26)), 0, 'both AVAILABLE bits cleared');
  assert.ok(host);
});

test('latency: instructions in the idle thread are counted apart (busy = all - idle)', () => {
  const { edgeLatencies } = require('../src/latency');
  const inputs = [{ pin: 14, ns: 1000, cycles: 100, instructions: 50, idle: 10 }];
  const trace = { initial: 0, changes: [{ ns: 5000, cycles: 600, instructions: 350, idle: 210, value: 1 }] };
  const [e] = edgeLatencies(inputs, 14, trace);
  assert.strictEqual(e.instructions, 300);
  assert.strictEqual(e.idle, 200);
  assert.strictEqual(e.busy, 100);
});
