'use strict';
// picoemu itself: image formats, deployment images, the CSV reader, the press generator, VCD output, and
// the error messages and exit status for bad input.

const test = require('node:test');
const { after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { simulate } = require('../src/cli');
const { parseCsv, parseVcd, pressEvents, parsePressSpec } = require('../src/drive');
const { formatVcd, identifier } = require('../src/vcd');
const { InputError } = require('../src/errors');
const { REPO, FIRMWARE_ELF, FIRMWARE_BIN, needsFirmware, parseLines, toUf2 } = require('./helpers');

const CLI = path.join(__dirname, '../src/cli.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'picoemu-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(name, content) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

function cli(...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EDGES = [{ us: 10000, pin: 2, level: 1 }, { us: 10050, pin: 2, level: 0 }];

test('the same program as .elf, .bin and .uf2 prints the same records', needsFirmware(), () => {
  const uf2 = write('fw.uf2', toUf2(fs.readFileSync(FIRMWARE_BIN)));
  const outputs = [FIRMWARE_ELF, FIRMWARE_BIN, uf2].map((image) => {
    const r = simulate({ image, events: EDGES, untilMs: 20 });
    assert.equal(r.stop, null);
    assert.equal(r.entry.kind, 'vector-table');
    return parseLines(r.uart).filter((l) => l.kind === 'rec').map((l) => l.line);
  });
  assert.deepEqual(outputs[0], ['rec pin=2 level=1 t=10000 seq=1', 'rec pin=2 level=0 t=10050 seq=2']);
  assert.deepEqual(outputs[1], outputs[0]);
  assert.deepEqual(outputs[2], outputs[0]);
});

test('ELF symbols are read: a RAM variable of the program can be inspected after the run', needsFirmware(), () => {
  const r = simulate({ image: FIRMWARE_ELF, events: EDGES, untilMs: 20 });
  const sym = r.symbols.get('s_reserved');
  assert.ok(sym && sym.address >= 0x20000000, 's_reserved (the port\'s reservation mask) is in SRAM');
  assert.equal(r.pico.readWord(sym.address), 0x3fc, 'GP2..GP9 reserved by profile 0');
});

test('a deployment image is written at its address; one overlapping the firmware is refused', needsFirmware(), () => {
  const app = write('app.bin', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
  const r = simulate({ image: FIRMWARE_ELF, deploy: app, untilMs: 1 });
  assert.equal(r.pico.readWord(0x100fc000), 0x04030201);
  assert.equal(r.pico.readWord(0x100fc004), 0x08070605);
  assert.throws(() => simulate({ image: FIRMWARE_ELF, deploy: `${app}@0x10000100`, untilMs: 1 }),
    (e) => e instanceof InputError && /deployment 0x10000100-0x10000108 overlaps the firmware's flash 0x10000000-/.test(e.message));
  assert.throws(() => simulate({ image: FIRMWARE_ELF, deploy: `${app}@0x10fffffc`, untilMs: 1 }), /lies outside flash/);
  assert.throws(() => simulate({ image: FIRMWARE_ELF, deploy: `${app}@here`, untilMs: 1 }), /'here' is not an address/);
});

test('bad images get a clear error and exit status 2', () => {
  const cases = [
    [[], /no firmware image given/],
    [[path.join(tmp, 'missing.uf2')], /missing\.uf2: cannot read the firmware image \(ENOENT\)/],
    [[write('text.uf2', 'hello')], /text\.uf2: not a UF2 file/],
    [[write('text.elf', 'hello')], /text\.elf: not an ELF file/],
    [[write('image.hex', ':020000040000FA\n')], /unknown image format: expected a \.uf2, a raw \.bin .* or an \.elf/],
    [[write('empty.bin', '')], /empty\.bin: the image is empty/],
    [[write('zeros.bin', Buffer.alloc(64))], /no vector table at 0x10000000 or 0x10000100/],
    [[write('rp2350.uf2', toUf2(Buffer.alloc(256), { family: 0xe48bff59 }))], /family 0xe48bff59, not RP2040 \(0xe48bff56\)/],
    [[write('torn.uf2', toUf2(Buffer.alloc(256), { magicEnd: 0 }))], /block 0 has a wrong magic number/],
    [[write('short.uf2', Buffer.concat([toUf2(Buffer.alloc(256)), Buffer.alloc(88)]))], /not a multiple of 512-byte blocks/],
  ];
  for (const [args, message] of cases) {
    const r = cli('run', ...args, '--until-ms', '1');
    assert.equal(r.status, 2, `exit status for ${args}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
});

test('CSV: records with their line numbers, and errors naming the line', () => {
  const csv = '# a comment\ntime_us,pin,level\n\n0,14,1\n1000,14,0\n1000,14,1\n';
  assert.deepEqual(parseCsv(csv, 'c.csv'), [{ us: 0, pin: 14, level: 1 }, { us: 1000, pin: 14, level: 0 }, { us: 1000, pin: 14, level: 1 }]);
  const bad = [
    ['0,14,1\n5,abc,1\n', /c\.csv:2: expected time_us,pin,level \(three whole numbers\), got '5,abc,1'/],
    ['0,14,1\n5,14\n', /c\.csv:2: expected time_us,pin,level/],
    ['garbage\n', /c\.csv:1: expected time_us,pin,level/],
    ['0,30,1\n', /c\.csv:1: pin 30 is out of range 0-29/],
    ['0,14,2\n', /c\.csv:1: level 2 is not 0 or 1/],
    ['10,14,1\n5,14,0\n', /c\.csv:2: time 5 µs is before the previous line's 10 µs/],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseCsv(text, 'c.csv'), (e) => e instanceof InputError && message.test(e.message), text);
  }
  const file = write('bad.csv', 'time_us,pin,level\n0,2,0\n100,2,x\n');
  const r = cli('run', FIRMWARE_ELF, '--drive', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.csv:3: expected time_us,pin,level/);
});

test('pins out of range and bad options are refused with exit status 2', () => {
  const cases = [
    [['--record', '15,31'], /--record: pin 31 is out of range 0-29/],
    [['--press', '40'], /--press 40: pin 40 is out of range 0-29/],
    [['--press', '14:colour=red'], /unknown setting 'colour=red'/],
    [['--press', '14:active=sideways'], /active must be low or high/],
    [['--latency', '14-15'], /--latency 14-15: expected IN:OUT/],
    [['--until-ms=-3'], /--until-ms -3: must be a positive number/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ];
  for (const [args, message] of cases) {
    const r = cli('run', FIRMWARE_ELF, ...args);
    assert.equal(r.status, 2, `${args}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  assert.equal(cli('launch').status, 2);
  assert.match(cli('launch').stderr, /unknown command 'launch'/);
});

test('press generator: bursts end at the new level, stay inside the bounce window, repeat with the seed', () => {
  const o = parsePressSpec('14:count=2,active=low,start_ms=5,hold_ms=50,gap_ms=60,bounce_us=2000,bounces=3,seed=9');
  const events = pressEvents(o);
  assert.deepEqual(events[0], { us: 0, pin: 14, level: 1 }, 'idle level at time 0');
  const edges = events.slice(1);
  assert.equal(edges.length, 2 * 2 * 7, '4 transitions x (2 x 3 + 1) changes');
  for (let b = 0; b < 4; b++) {
    const burst = edges.slice(b * 7, b * 7 + 7);
    const start = 5000 + [0, 50000, 110000, 160000][b];
    assert.equal(burst[0].us, start);
    assert.ok(burst.every((e) => e.us >= start && e.us <= start + 2000));
    assert.deepEqual(burst.map((e) => e.level), b % 2 === 0 ? [0, 1, 0, 1, 0, 1, 0] : [1, 0, 1, 0, 1, 0, 1]);
    assert.ok(burst.every((e, i) => i === 0 || e.us > burst[i - 1].us), 'distinct, increasing times');
  }
  assert.deepEqual(pressEvents(o), events, 'same seed, same sequence');
  assert.notDeepEqual(pressEvents({ ...o, seed: 10 }), events);
  assert.throws(() => pressEvents({ ...o, bounce_us: 60000 }), /must be longer than the bounce/);
  const r = cli('press', '3:count=1,bounces=0');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'time_us,pin,level\n0,3,1\n10000,3,0\n110000,3,1\n');
});

test('VCD: header, initial values, changes in time order, identifiers', () => {
  const text = formatVcd([
    { name: 'GP14', initial: '1', changes: [{ ns: 2000, value: '0' }, { ns: 5000, value: '1' }] },
    { name: 'GP15', initial: 'z', changes: [{ ns: 100, value: '0' }, { ns: 2000, value: '1' }] },
  ], { endNs: 9000, date: new Date(0) });
  assert.equal(text, [
    '$date Thu, 01 Jan 1970 00:00:00 GMT $end',
    '$version picoemu (NanoIrq tools/picoemu, rp2040js) $end',
    '$timescale 1 ns $end',
    '$scope module pico $end',
    '$var wire 1 ! GP14 $end',
    '$var wire 1 " GP15 $end',
    '$upscope $end',
    '$enddefinitions $end',
    '#0', '$dumpvars', '1!', 'z"', '$end',
    '#100', '0"',
    '#2000', '0!', '1"',
    '#5000', '1!',
    '#9000', '',
  ].join('\n'));
  assert.equal(identifier(0), '!');
  assert.equal(identifier(93), '~');
  assert.equal(identifier(94), '!!');
});

test('run --vcd --json: driven and recorded pins in the file, exit 0, UART text in the JSON', needsFirmware(), () => {
  const csv = write('drive.csv', 'time_us,pin,level\n0,2,1\n10000,2,0\n10100,2,1\n');
  const vcd = path.join(tmp, 'out.vcd');
  const r = cli('run', FIRMWARE_ELF, '--drive', csv, '--record', '25', '--vcd', vcd, '--until-ms', '20', '--json',
    '--latency', '2:25');
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.deepEqual(parseLines(result.uart).filter((l) => l.kind === 'rec').map((l) => l.line),
    ['rec pin=2 level=0 t=10000 seq=1', 'rec pin=2 level=1 t=10100 seq=2']);
  assert.equal(result.latencies[0].edges.length, 2);
  const lines = fs.readFileSync(vcd, 'utf8').split('\n');
  assert.ok(lines.includes('$var wire 1 ! GP2 $end') && lines.includes('$var wire 1 " GP25 $end'));
  const dump = lines.slice(lines.indexOf('$dumpvars'), lines.indexOf('$dumpvars') + 4);
  assert.deepEqual(dump, ['$dumpvars', '1!', 'z"', '$end'], 'GP2 starts high, GP25 undriven until configured');
  const at = (ns) => lines.slice(lines.indexOf(`#${ns}`) + 1, lines.indexOf(`#${ns}`) + 2)[0];
  assert.equal(at(10000000), '0!');
  assert.equal(at(10100000), '1!');
  assert.equal(lines[lines.length - 2], '#20000000');
  assert.match(r.stderr, /latency GP2 -> GP25: 2 edges, cycles min \d+/);
});

test('a firmware that hits a breakpoint stops the run with exit status 1', () => {
  // vector table: SP 0x20001000, reset 0x10000009 (Thumb); at 0x10000008: bkpt #7
  const image = Buffer.alloc(16);
  image.writeUInt32LE(0x20001000, 0);
  image.writeUInt32LE(0x10000009, 4);
  image.writeUInt16LE(0xbe07, 8);
  const r = cli('run', write('bkpt.bin', image), '--until-ms', '1');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /stopped at a breakpoint \(bkpt #7\) at 0x10000008/);
});

test('VCD capture as input: signals mapped to pins, starting level, sub-µs times, errors', () => {
  const vcd = [
    '$timescale 100 ns $end', '$scope module top $end', '$var wire 1 ! btn $end', '$var wire 4 " bus $end',
    '$var wire 1 # led $end', '$upscope $end', '$enddefinitions $end',
    '#0', '$dumpvars', '1!', 'b0000 "', 'x#', '$end', '#105', '0!', 'b0101 "', '#110', '1!', '1#', '#200', 'z!',
  ].join('\n');
  assert.deepEqual(parseVcd(vcd, 'v.vcd', { btn: 14 }), [
    { us: 0, pin: 14, level: 1 }, { us: 10.5, pin: 14, level: 0 }, { us: 11, pin: 14, level: 1 }]);
  assert.deepEqual(parseVcd(vcd, 'v.vcd', { 'top.led': 3 }), [{ us: 0, pin: 3, level: 1 }]);
  assert.throws(() => parseVcd(vcd, 'v.vcd', { button: 14 }), /v\.vcd: no signal 'button'; it has: btn, bus, led/);
  assert.throws(() => parseVcd(vcd, 'v.vcd', { btn: 30 }), /v\.vcd: btn: pin 30 is out of range 0-29/);
  assert.throws(() => parseVcd('0,1,1\n', 'c.vcd', { a: 1 }), /c\.vcd:1: not a VCD file/);
  assert.throws(() => parseVcd('$timescale 3 ns $end\n$enddefinitions $end\n', 'v.vcd', {}), /v\.vcd:1: unknown \$timescale/);
  assert.throws(() => parseVcd('$var wire 1 ! a $end\n$enddefinitions $end\n#5\n#4\n', 'v.vcd', {}), /v\.vcd:4: time #4 is not a number or goes back/);
});

test('run --drive sample.vcd:D0=6: the project\'s bouncy-button sample through quiet-time 5 ms', needsFirmware(), () => {
  const r = cli('run', FIRMWARE_ELF, '--drive', `${path.join(REPO, 'docs/samples/bouncy-button.vcd')}:D0=6`, '--until-ms', '400', '--quiet');
  assert.equal(r.status, 0, r.stderr);
  const rec = parseLines(r.stdout).filter((l) => l.kind === 'rec').map((l) => l.line);
  // press: last bounce at 202892 µs; release: last bounce at 321424 µs (the sample file), each + 5 ms
  assert.deepEqual(rec, ['rec pin=6 level=0 t=207892 seq=9', 'rec pin=6 level=1 t=326424 seq=16']);
  const missing = cli('run', FIRMWARE_ELF, '--drive', path.join(REPO, 'docs/samples/bouncy-button.vcd'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /say which signal drives which pin, e\.g\. .*bouncy-button\.vcd:D0=14/);
});
