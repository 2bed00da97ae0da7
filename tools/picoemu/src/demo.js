'use strict';
// `picoemu demo`: ButtonCounter.Pico on the emulated Pico, end to end. The nanoCLR image boots, the deployment
// image (ButtonCounter.Pico.bin) is in flash, the tool attaches through the wire protocol and reads the program's
// Debug.WriteLine lines as Monitor_Message; once the program says it is ready, a tour of bouncy presses drives
// the button (GP14, to GND with the pull-up: pressed = low) and the LED (GP25, active high) is recorded. The
// checks read the program's own lines ("count 3, LED on  press", "long press: reset", "double click: blinking
// out 6", "blink-out done", the statistics line) and the LED's recording.
//
// The tour is the simulator's (tools/nanoirq demo, docs/demo.md): 4 clicks, a double click (blinks the count
// out), a click, a long press (resets), 2 clicks: 10 presses, final count 2, LED off, 1 reset, 1 blink-out of 6.

const { pressEvents, mergeEvents } = require('./drive');

const BUTTON_PIN = 14; // boards/NanoIrq.Boards/Profiles/RaspberryPiPico.cs: WithDemoPins(14, 25, true), button to GND, pull-up
const LED_PIN = 25;
const READY = /press the button/;

/** One press: kind, start (ms from the program's ready line), hold (ms). */
function tour() {
  const presses = [];
  let t = 500;
  const click = (kind = 'click', hold = 120, gap = 900) => {
    presses.push({ kind, atMs: t, holdMs: hold });
    t += hold + gap;
  };
  for (let i = 0; i < 4; i++) {
    click();
  }
  click('double-first', 100, 150); // second press 150 ms after the release: a double click (gap < 400 ms)
  click('double-second', 100, 4700); // the blink-out of 6 takes 3.9 s; the next press would cancel it
  click();
  click('long', 1500, 900); // held 1.5 s: a long press (1 s) resets
  click();
  click();
  return presses;
}

/** What the program should report for a list of presses (ButtonCounterApp's rules). */
function expectations(presses) {
  let count = 0;
  let toggled = false;
  const counts = [];
  let resets = 0;
  let blinks = [];
  for (let i = 0; i < presses.length; i++) {
    count++;
    toggled = !toggled;
    counts.push(count);
    if (presses[i].kind === 'long') {
      count = 0;
      toggled = false;
      resets++;
    }
    if (presses[i].kind === 'double-second') {
      blinks.push(count);
    }
  }
  return { presses: presses.length, counts, finalCount: count, ledOn: toggled, resets, blinks };
}

/** The press events: each press a burst of bounces on press and on release (seeded), pressed = low. */
function tourEvents(presses, { seed = 1, bounceUs = 3000, bounces = 4 } = {}) {
  return mergeEvents(presses.map((p, i) => pressEvents({
    pin: BUTTON_PIN, count: 1, active: 'low', start_ms: p.atMs, hold_ms: p.holdMs, gap_ms: 100, bounce_us: bounceUs, bounces, seed: seed + i,
  })));
}

/** The program's lines: changes ("count 3, LED on  press") and statistics. */
function parseOutput(messages) {
  const lines = [];
  let buffer = '';
  let ns = 0;
  for (const m of messages) {
    buffer += m.text;
    ns = m.ns;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push({ ns, text: buffer.slice(0, nl).replace(/\r$/, '') });
      buffer = buffer.slice(nl + 1);
    }
  }
  const changes = [];
  const stats = [];
  for (const l of lines) {
    const c = /^count (\d+), LED (on|off)( \(blinking out\))?\s+(.*)$/.exec(l.text);
    if (c && !/\|/.test(l.text)) {
      changes.push({ ns: l.ns, count: Number(c[1]), led: c[2] === 'on', what: c[4] });
      continue;
    }
    const s = /presses (\d+) \| raw edges (\d+), filtered (\d+), debounced (\d+), dropped (\d+), faults (\d+)/.exec(l.text);
    if (s) {
      stats.push({ ns: l.ns, presses: Number(s[1]), raw: Number(s[2]), filtered: Number(s[3]), debounced: Number(s[4]), dropped: Number(s[5]), faults: Number(s[6]), text: l.text });
    }
  }
  return { lines, changes, stats };
}

/** LED pulses (high intervals) from a recorded trace, between two times (ns). */
function pulses(trace, fromNs, toNs) {
  const out = [];
  let level = trace.initial;
  let since = 0;
  for (const c of trace.changes) {
    if (c.value === level) {
      continue;
    }
    if (level === '1' && c.value !== '1' && since >= fromNs && c.ns <= toNs) {
      out.push({ fromNs: since, toNs: c.ns });
    }
    level = c.value;
    since = c.ns;
  }
  return out;
}

/**
 * Runs the demo. simulate: cli.simulate. Returns { checks: [{ ok, text }], result, expected, output }.
 */
function runDemo({ simulate, firmware, deploy, bootrom, seed = 1, log, onMessage }) {
  const presses = tour();
  const expected = expectations(presses);
  const events = tourEvents(presses, { seed });
  const lastMs = presses[presses.length - 1].atMs + presses[presses.length - 1].holdMs;
  const result = simulate({
    image: firmware, deploy, bootrom, events, record: [LED_PIN], monitor: true, waitFor: READY, waitTimeoutMs: 10000,
    untilMs: lastMs + 6000, // long enough for a statistics line (every 5 s) after the last press
    log, onMessage,
  });
  const out = parseOutput(result.wire ? result.wire.messages : []);
  const presses_ = out.changes.filter((c) => c.what === 'press');
  const resets = out.changes.filter((c) => /long press: reset/.test(c.what));
  const blinkStarts = out.changes.filter((c) => /double click: blinking out/.test(c.what));
  const blinkDone = out.changes.filter((c) => /blink-out done/.test(c.what));
  const last = out.changes[out.changes.length - 1];
  const stats = out.stats[out.stats.length - 1];
  const led = result.traces.find((t) => t.pin === LED_PIN);
  const driven = result.inputs.filter((e) => e.pin === BUTTON_PIN).length;
  const checks = [];
  const check = (ok, text) => checks.push({ ok: !!ok, text });

  check(result.usbConnected && result.wire && result.wire.state === 'attached', `attached over the wire protocol (USB CDC ${result.usbConnected ? 'up' : 'down'}, state ${result.wire ? result.wire.state : '-'})`);
  check(out.lines.some((l) => /^ButtonCounter on pico/.test(l.text)), 'the program started ("ButtonCounter on pico ..." read from Monitor_Message)');
  check(presses_.length === expected.presses,
    `one count per press: ${presses_.length} presses counted of ${expected.presses} pressed (${driven} edges driven with bounce)`);
  const counts = presses_.map((c) => c.count);
  check(JSON.stringify(counts) === JSON.stringify(expected.counts), `counts after each press ${counts.join(',') || '-'} (expected ${expected.counts.join(',')})`);
  check(resets.length === expected.resets && resets.every((r) => r.count === 0), `long press resets: ${resets.length} reset line(s) with count ${resets.map((r) => r.count).join(',') || '-'} (expected ${expected.resets} with 0)`);
  check(blinkStarts.length === 1 && /blinking out (\d+)/.exec(blinkStarts[0].what)[1] === String(expected.blinks[0]) && blinkDone.length === 1,
    `double click blinks the count out: ${blinkStarts.map((b) => b.what).join('; ') || 'no blink-out'}${blinkDone.length ? ', then "blink-out done"' : ''} (expected ${expected.blinks[0]})`);
  if (blinkStarts.length && blinkDone.length) {
    const flashes = pulses(led, blinkStarts[0].ns, blinkDone[0].ns);
    const widths = flashes.map((f) => Math.round((f.toNs - f.fromNs) / 1e6));
    check(flashes.length === expected.blinks[0] && widths.every((w) => w >= 150 && w <= 250),
      `blink-out visible on GP${LED_PIN}: ${flashes.length} flashes of ${widths.join(',')} ms in the recording (expected ${expected.blinks[0]} of about 200 ms)`);
  } else {
    check(false, `blink-out visible on GP${LED_PIN}: no blink-out to look at`);
  }
  const ledLevel = led.changes.length ? led.changes[led.changes.length - 1].value : led.initial;
  check(last && last.count === expected.finalCount && last.led === expected.ledOn && ledLevel === (expected.ledOn ? '1' : '0'),
    `final state: count ${last ? last.count : '-'}, LED ${last ? (last.led ? 'on' : 'off') : '-'} in the output, GP${LED_PIN} ${ledLevel} (expected count ${expected.finalCount}, LED ${expected.ledOn ? 'on' : 'off'})`);
  check(stats && stats.raw === driven && stats.dropped === 0 && stats.faults === 0 && stats.presses === expected.presses,
    stats ? `statistics: presses ${stats.presses}, raw edges ${stats.raw} of ${driven} driven, filtered ${stats.filtered}, debounced ${stats.debounced}, dropped ${stats.dropped}, faults ${stats.faults}`
      : 'statistics: no statistics line read');
  return { checks, result, expected, output: out, presses, driven };
}

module.exports = { tour, expectations, tourEvents, parseOutput, pulses, runDemo, BUTTON_PIN, LED_PIN, READY };
