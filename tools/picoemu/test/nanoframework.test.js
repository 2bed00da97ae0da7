'use strict';
// nanoFramework pieces that need no firmware: the deployment image built from a folder of .pe files, the
// unit-test launcher's result lines, and the demo's tour, expectations, output parsing and LED pulse reading.

const test = require('node:test');
const { after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { deploymentFromPeFiles } = require('../src/image');
const { parseTestResults } = require('../src/cli');
const { InputError } = require('../src/errors');
const demo = require('../src/demo');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'picoemu-nf-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function pe(dir, name, size) {
  const b = Buffer.alloc(size, 0x5a);
  Buffer.from('NFMRK1\0\0').copy(b);
  fs.writeFileSync(path.join(dir, name), b);
}

test('deployment from .pe files: mscorlib first, the program (with its .exe) last, each padded to 4 bytes', () => {
  const dir = path.join(tmp, 'bin');
  fs.mkdirSync(dir);
  pe(dir, 'nanoFramework.UnitTestLauncher.pe', 10);
  fs.writeFileSync(path.join(dir, 'nanoFramework.UnitTestLauncher.exe'), 'x');
  pe(dir, 'NFUnitTest.pe', 13);
  pe(dir, 'mscorlib.pe', 16);
  pe(dir, 'Lib.pe', 9);
  fs.writeFileSync(path.join(dir, 'Lib.dll'), 'not deployed');
  const { bytes, order } = deploymentFromPeFiles(dir);
  assert.deepEqual(order, ['mscorlib.pe', 'Lib.pe', 'NFUnitTest.pe', 'nanoFramework.UnitTestLauncher.pe']);
  assert.equal(bytes.length, 16 + 12 + 16 + 12);
  const markers = [];
  for (let at = bytes.indexOf('NFMRK1'); at >= 0; at = bytes.indexOf('NFMRK1', at + 1)) {
    markers.push(at);
  }
  assert.deepEqual(markers, [0, 16, 28, 44]); // every assembly starts on a 4-byte boundary
  assert.equal(bytes[16 + 9], 0); // padding
  fs.writeFileSync(path.join(dir, 'Lib.exe'), 'x');
  assert.throws(() => deploymentFromPeFiles(dir), (e) => e instanceof InputError && /one program.*found Lib.pe, nanoFramework/.test(e.message));
  fs.rmSync(path.join(dir, 'Lib.exe'));
  fs.writeFileSync(path.join(dir, 'Bad.pe'), 'MZ not an assembly');
  assert.throws(() => deploymentFromPeFiles(dir), /Bad.pe: not a nanoFramework assembly/);
  const empty = path.join(tmp, 'empty');
  fs.mkdirSync(empty);
  assert.throws(() => deploymentFromPeFiles(empty), /no .pe files/);
});

test('unit-test launcher lines: passed, failed with its message, skipped; other text ignored', () => {
  const r = parseTestResults([
    'Ready.', 'Test passed,NFUnitTest.A.B.0,0', 'Test passed,NFUnitTest.A.B.1,10000000',
    'Test failed,NFUnitTest.A.C.0,0,Expected 1 but was 2', 'Test skipped,NFUnitTest.A.D.0,0,needs hardware', '',
  ].join('\r\n'));
  assert.deepEqual(r.passed.map((t) => t.name), ['NFUnitTest.A.B.0', 'NFUnitTest.A.B.1']);
  assert.equal(r.failed.length, 1);
  assert.match(r.failed[0].rest, /Expected 1 but was 2/);
  assert.equal(r.skipped.length, 1);
});

test('demo tour: 10 presses, expected counts 1..8 then reset, final 2 with the LED off, one blink-out of 6', () => {
  const presses = demo.tour();
  assert.equal(presses.length, 10);
  const e = demo.expectations(presses);
  assert.deepEqual(e.counts, [1, 2, 3, 4, 5, 6, 7, 8, 1, 2]);
  assert.deepEqual({ final: e.finalCount, led: e.ledOn, resets: e.resets, blinks: e.blinks }, { final: 2, led: false, resets: 1, blinks: [6] });
  // the double click's presses are closer than the 400 ms double-click gap; the other gaps are wider
  const i = presses.findIndex((p) => p.kind === 'double-first');
  assert.ok(presses[i + 1].atMs - (presses[i].atMs + presses[i].holdMs) < 400);
  assert.ok(presses[i + 2].atMs - (presses[i + 1].atMs + presses[i + 1].holdMs) > 3900); // after the 3.9 s blink-out
  assert.ok(presses.find((p) => p.kind === 'long').holdMs > 1000);
  const events = demo.tourEvents(presses);
  const edges = events.filter((ev) => ev.us > 0);
  assert.equal(edges.length, 10 * 2 * 9); // each press and release: 9 level changes
  assert.ok(events.some((ev) => ev.us === 0 && ev.pin === demo.BUTTON_PIN && ev.level === 1)); // idle high (pull-up)
});

test('demo output: change lines and statistics parsed across Monitor_Message boundaries; LED pulses', () => {
  const msgs = [
    { ns: 1e9, text: 'count 1, LED on  press\r\ncount 1, LED on (blink' },
    { ns: 2e9, text: 'ing out)  double click: blinking out 1\r\n' },
    { ns: 3e9, text: 'count 1, LED on, presses 1 | raw edges 18, filtered 16, debounced 2, dropped 0, faults 0, ring high-water 9\r\n' },
  ];
  const out = demo.parseOutput(msgs);
  assert.deepEqual(out.changes.map((c) => [c.count, c.led, c.what]), [[1, true, 'press'], [1, true, 'double click: blinking out 1']]);
  assert.equal(out.changes[1].ns, 2e9);
  assert.deepEqual(out.stats.map((s) => [s.presses, s.raw, s.filtered, s.debounced, s.dropped, s.faults]), [[1, 18, 16, 2, 0, 0]]);
  const trace = { initial: 'z', changes: [{ ns: 10, value: '0' }, { ns: 100, value: '1' }, { ns: 300, value: '0' }, { ns: 500, value: '1' }, { ns: 700, value: '0' }] };
  assert.deepEqual(demo.pulses(trace, 50, 1000), [{ fromNs: 100, toNs: 300 }, { fromNs: 500, toNs: 700 }]);
  assert.deepEqual(demo.pulses(trace, 400, 1000), [{ fromNs: 500, toNs: 700 }]);
});

test('demo and unittest: missing firmware, deployment or boot ROM exit with 2 and say what is missing', () => {
  const { spawnSync } = require('node:child_process');
  const cli = (...args) => spawnSync(process.execPath, [path.join(__dirname, '../src/cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, PICOEMU_BOOTROM: '' } });
  let r = cli('demo', '--deploy', 'x.bin');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no firmware/);
  r = cli('demo', '--firmware', 'x.uf2');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no deployment image/);
  r = cli('demo', '--firmware', 'x.uf2', '--deploy', 'x.bin');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /boot ROM/);
  r = cli('unittest', '--firmware', 'x.uf2');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: picoemu unittest/);
});

test('run and latency: a nanoCLR image without the boot ROM is refused, naming the option', () => {
  const { simulate } = require('../src/cli');
  const file = path.join(tmp, 'nanoCLR.bin');
  const bytes = Buffer.alloc(512);
  bytes.write('nanoCLR', 256, 'latin1');
  fs.writeFileSync(file, bytes);
  assert.throws(() => simulate({ image: file, untilMs: 1 }),
    (e) => e instanceof InputError && /nanoCLR\.bin: nanoCLR calls boot ROM functions; give the boot ROM \(--bootrom FILE/.test(e.message));
});
