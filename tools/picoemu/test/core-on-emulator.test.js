'use strict';
// The native capture core on an emulated Cortex-M0+: the bare-metal program (firmware/native/ports/baremetal)
// runs in rp2040js through picoemu, edges are injected on its pins, and what it prints on UART0 (records,
// counters) is compared with the core's own semantics (firmware/native/core, tests/scenarios/debounce.txt).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { simulate } = require('../src/cli');
const { FIRMWARE_ELF, SCENARIO_FILE, needsFirmware, parseLines, lastCounters } = require('./helpers');

const STRAP0 = 26; // profile strap bit 0 (main.c)
const DEBUG_PIN = 25; // toggled by the port after each record
/** Profile 0 of main.c: debounce (mode, window) -> the pin captured with it. */
const DEBOUNCE_PINS = {
  'none 0': 2, 'lockout 5000': 3, 'lockout 1000': 4, 'lockout 2000': 5,
  'quiet 5000': 6, 'quiet 1000': 7, 'quiet 100': 8, 'glitch 100': 9,
};
const BOOT_US = 10000; // scenario times below this are shifted by it, so the program has finished its set-up
const U32 = 2 ** 32;
const diff = (a, b) => ((a - b) | 0); // wrap-safe a - b, as nirq_ticks_diff

function readScenarios() {
  return fs.readFileSync(SCENARIO_FILE, 'utf8').split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l) => {
      const [name, mode, window, initial, edges, end, expected] = l.split('|').map((f) => f.trim());
      const pairs = (s) => (s === '-' ? [] : s.split(/\s+/));
      return {
        name, mode, window: Number(window), initial: Number(initial), end: Number(end),
        edges: pairs(edges).map((e) => e.split(':').map(Number)),
        expected: pairs(expected),
      };
    });
}

/**
 * A scenario as absolute emulated µs: times unwrapped (a time below the previous one is after a 2^32 wrap),
 * shifted by BOOT_US if they start before the program is ready; an edge that repeats the level becomes a
 * merged pair (two changes at the same µs: the ISR sees one interrupt with an unchanged level, which is
 * what the scenario's duplicate edge stands for).
 */
function scenarioEvents(s, pin) {
  const shift = s.edges.length && s.edges[0][0] >= BOOT_US ? 0 : BOOT_US;
  const events = [{ us: 0, pin, level: s.initial }];
  let abs = null;
  let prev = null;
  let level = s.initial;
  for (const [t, l] of s.edges) {
    abs = abs === null ? t + shift : abs + ((t - prev) >>> 0);
    prev = t;
    if (l === level) {
      events.push({ us: abs, pin, level: 1 - l });
    }
    events.push({ us: abs, pin, level: l });
    level = l;
  }
  const endAbs = abs === null ? s.end + shift : abs + ((s.end - prev) >>> 0);
  return { events, shift, endAbs };
}

for (const s of readScenarios()) {
  test(`scenario ${s.name} (${s.mode} ${s.window} µs) on the emulated RP2040`, needsFirmware(), () => {
    const pin = DEBOUNCE_PINS[`${s.mode} ${s.window}`];
    assert.ok(pin !== undefined, `no pin of main.c's profile 0 has ${s.mode} ${s.window} µs: add it to s_debounce`);
    const { events, shift, endAbs } = scenarioEvents(s, pin);
    const r = simulate({ image: FIRMWARE_ELF, events, untilMs: (endAbs + 300) / 1000 });
    assert.equal(r.stop, null, r.stopText);
    const lines = parseLines(r.uart);
    const ready = lines.find((l) => l.kind === 'nirq-baremetal');
    assert.ok(ready && ready.profile === 0, 'the program started in profile 0');
    const opened = lines.find((l) => l.kind === 'open' && l.pin === pin);
    assert.equal(opened.status, 0);
    assert.equal(opened.level, s.initial, 'level read when the capture opened');
    const endWrapped = endAbs % U32;
    const records = lines.filter((l) => l.kind === 'rec' && l.pin === pin);
    const got = records.filter((l) => diff(endWrapped, l.t) >= 0).map((l) => `${l.t}:${l.level}#${l.seq}`);
    const want = s.expected.map((e) => {
      const [t, rest] = e.split(':');
      return `${(Number(t) + shift) % U32}:${rest}`;
    });
    assert.deepEqual(got, want);
    for (const other of lines.filter((l) => l.kind === 'rec' && l.pin !== pin)) {
      assert.fail(`a record on pin ${other.pin} that nothing drove: ${other.line}`);
    }
    const c = lastCounters(lines, pin);
    const duplicates = s.edges.filter(([, l], i) => l === (i ? s.edges[i - 1][1] : s.initial)).length;
    if (s.edges.length === 0) {
      assert.equal(c, undefined);
      return;
    }
    assert.equal(c.seen, s.edges.length, 'seen: one interrupt per edge');
    assert.equal(c.overrun, duplicates, 'overrun: the merged pairs');
    assert.equal(c.delivered, records.length, 'delivered: the records printed');
    assert.equal(c.dropped, 0);
    assert.equal(c.seen, c.delivered + c.filtered + c.pending + c.dropped, 'seen = delivered + filtered + pending + dropped');
  });
}

test('profile 1: ring overflow is counted, hard toggle with lockout, merged pair, bad calls refused', needsFirmware(), (t) => {
  const events = [{ us: 0, pin: STRAP0, level: 1 }];
  for (let i = 0; i < 20; i++) {
    events.push({ us: 10000 + 1000 * i, pin: 10, level: (i + 1) % 2 });
  }
  for (const [us, level] of [[60000, 1], [60100, 0], [60200, 1], [60300, 0], [62000, 1], [62100, 0]]) {
    events.push({ us, pin: 11, level });
  }
  events.push({ us: 70000, pin: 12, level: 1 }, { us: 71000, pin: 12, level: 0 }, { us: 71000, pin: 12, level: 1 },
    { us: 72000, pin: 12, level: 0 });
  const r = simulate({ image: FIRMWARE_ELF, events, record: [15], untilMs: 80 });
  assert.equal(r.stop, null, r.stopText);
  const lines = parseLines(r.uart);
  assert.equal(lines.find((l) => l.kind === 'nirq-baremetal').ring, 8);
  const status = Object.fromEntries(lines.filter((l) => l.kind === 'check').map((l) => [l.what, l.status]));
  assert.deepEqual(status, { 'open-pin-30': -1, 'open-busy': -2, 'toggle-output-30': -5 },
    'UNKNOWN_PIN for GPIO 30 (the RP2040 has 0..29), PIN_BUSY, BAD_ARGUMENT');

  // 20 edges while nothing reads: the ring of 8 keeps the first 8, refuses 12 and counts them
  const rec10 = lines.filter((l) => l.kind === 'rec' && l.pin === 10);
  assert.deepEqual(rec10.map((l) => [l.t, l.level, l.seq]), [...Array(8).keys()].map((i) => [10000 + 1000 * i, (i + 1) % 2, i + 1]));
  const c10 = lastCounters(lines, 10);
  assert.deepEqual([c10.seen, c10.delivered, c10.dropped, c10.pending, c10.filtered], [20, 8, 12, 0, 0]);

  // hard toggle on falling edges with a 1 ms lockout: 60100 toggles, 60300 is inside the lockout, 62100 toggles
  const c11 = lastCounters(lines, 11);
  assert.deepEqual([c11.seen, c11.delivered, c11.hard], [6, 6, 2]);
  const gp15 = r.traces.find((tr) => tr.pin === 15).changes.filter((c) => c.value !== 'z');
  assert.deepEqual(gp15.map((c) => c.value), ['0', '1', '0'], 'configured low, then two toggles');
  assert.ok(gp15[1].ns > 60100000 && gp15[1].ns < 60110000 && gp15[2].ns > 62100000 && gp15[2].ns < 62110000);
  const falls = r.inputs.filter((e) => e.pin === 11 && e.level === 0);
  const toggles = [falls[0], falls[2]].map((e, i) => `${gp15[i + 1].cycles - e.cycles} cycles ` +
    `(${gp15[i + 1].instructions - e.instructions} instructions)`);
  t.diagnostic(`hard toggle, falling edge on GP11 to GP15 toggled (ISR with a toggle): ${toggles.join(', ')}`);

  // merged pair: one interrupt, level unchanged -> overrun counted, the record still numbered
  const rec12 = lines.filter((l) => l.kind === 'rec' && l.pin === 12);
  assert.deepEqual(rec12.map((l) => [l.t, l.level, l.seq]), [[70000, 1, 1], [71000, 1, 2], [72000, 0, 3]]);
  const c12 = lastCounters(lines, 12);
  assert.deepEqual([c12.seen, c12.delivered, c12.overrun], [3, 3, 1]);
});

test('bouncy presses through quiet-time 5 ms: one record per press and per release; ISR cycles reported', needsFirmware(), (t) => {
  const r = simulate({
    image: FIRMWARE_ELF,
    press: ['6:count=5,start_ms=10,hold_ms=80,gap_ms=120,bounce_us=3000,bounces=4,seed=7'],
    latency: [`6:${DEBUG_PIN}`],
  });
  assert.equal(r.stop, null, r.stopText);
  const lines = parseLines(r.uart);
  const rec = lines.filter((l) => l.kind === 'rec' && l.pin === 6);
  assert.deepEqual(rec.map((l) => l.level), [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  const bursts = []; // edges closer than 10 ms belong to one press or release
  for (const e of r.inputs.filter((x) => x.pin === 6)) {
    const us = Math.round(e.ns / 1000);
    if (bursts.length && us - bursts[bursts.length - 1].last < 10000) {
      bursts[bursts.length - 1].last = us;
    } else {
      bursts.push({ first: us, last: us });
    }
  }
  assert.equal(bursts.length, 10);
  assert.deepEqual(rec.map((l) => l.t), bursts.map((b) => b.last + 5000), 'each record 5 ms after its burst\'s last edge');
  const c = lastCounters(lines, 6);
  assert.equal(c.seen, 5 * 2 * 9);
  assert.deepEqual([c.delivered, c.filtered, c.pending, c.dropped, c.overrun], [10, 80, 0, 0, 0]);
  const isr = r.latencies[0];
  assert.equal(isr.edges.length, 90, 'the port toggled GP25 once per edge');
  t.diagnostic(`ISR, edge on GP6 to record written (GP25 toggled): ${isr.cycles.count} edges, cycles min ${isr.cycles.min} ` +
    `median ${isr.cycles.median} max ${isr.cycles.max} (${isr.instructions.median} instructions) at ${r.clkSys / 1e6} MHz ` +
    '(rp2040js charges nothing for interrupt entry and flash fetches)');
});
