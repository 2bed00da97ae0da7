'use strict';
// Input pin waveforms: a CSV capture (time_us,pin,level) or generated bouncy button presses. Both give a
// list of { us, pin, level } in time order; the emulator applies each at its time.

const fs = require('node:fs');
const path = require('node:path');
const { InputError } = require('./errors');

const GPIO_COUNT = 30; // RP2040: GPIO 0..29

function checkPin(pin, where) {
  if (!Number.isInteger(pin) || pin < 0 || pin >= GPIO_COUNT) {
    throw new InputError(`${where}pin ${pin} is out of range 0-${GPIO_COUNT - 1} (the RP2040's GPIOs)`);
  }
  return pin;
}

/** "15,25" or "15 25" -> [15, 25] (each checked). */
function parsePinList(text, option) {
  const parts = String(text).split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) {
    throw new InputError(`${option}: no pin given`);
  }
  return parts.map((p) => checkPin(/^\d+$/.test(p) ? Number(p) : NaN, `${option}: `));
}

/**
 * Parses a CSV capture: one `time_us,pin,level` per line (integers; level 0 or 1), times never decreasing.
 * Blank lines, lines starting with '#' and one header line (the first non-comment line, if it is three names,
 * e.g. time_us,pin,level) are skipped. Two lines with the same time on one pin are applied together, before the CPU runs again: the
 * hardware sees both edges at once (a merged pair).
 */
function parseCsv(text, name = 'capture') {
  const events = [];
  let sawData = false;
  let lastUs = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const where = `${name}:${i + 1}: `;
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const fields = line.split(',').map((f) => f.trim());
    const numeric = fields.length === 3 && fields.every((f) => /^\d+$/.test(f));
    if (!numeric) {
      if (!sawData && fields.length === 3 && fields.every((f) => /^[A-Za-z_][\w ]*$/.test(f))) {
        sawData = true; // a header line: three names
        continue;
      }
      throw new InputError(`${where}expected time_us,pin,level (three whole numbers), got '${line}'`);
    }
    sawData = true;
    const [us, pin, level] = fields.map(Number);
    if (!Number.isSafeInteger(us)) {
      throw new InputError(`${where}time ${fields[0]} is too large`);
    }
    checkPin(pin, where);
    if (level !== 0 && level !== 1) {
      throw new InputError(`${where}level ${level} is not 0 or 1`);
    }
    if (us < lastUs) {
      throw new InputError(`${where}time ${us} µs is before the previous line's ${lastUs} µs (lines must be in time order)`);
    }
    lastUs = us;
    events.push({ us, pin, level });
  }
  return events;
}

function readCsvFile(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the capture (${e.code || e.message})`);
  }
  return parseCsv(text, path.basename(file));
}

const TIMESCALE_NS = { s: 1e9, ms: 1e6, us: 1e3, ns: 1, ps: 1e-3, fs: 1e-6 };

/**
 * Parses a VCD capture (a logic analyser's, GTKWave's, picoemu's own) and drives pins from chosen signals:
 * mapping { signalName: pin }. A signal is named by its reference ("D0") or its dotted path ("top.D0").
 * Scalar values 0/1 drive the pin; x and z are ignored; the first value is the starting level (at time 0).
 * Times keep the file's resolution (µs with a fraction below 1 µs).
 */
function parseVcd(text, name, mapping) {
  const tokens = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const t of line.split(/\s+/).filter(Boolean)) {
      tokens.push({ t, line: i + 1 });
    }
  });
  const where = (tok) => `${name}:${tok ? tok.line : '?'}: `;
  let k = 0;
  let scaleNs = 1;
  const scopes = [];
  const byName = new Map(); // name and dotted path -> identifier
  const wanted = new Map(); // identifier -> pin
  for (; k < tokens.length && tokens[k].t !== '$enddefinitions'; k++) {
    const tok = tokens[k];
    if (k === 0 && !tok.t.startsWith('$')) {
      throw new InputError(`${where(tok)}not a VCD file (it starts with '${tok.t}', not a $ keyword)`);
    }
    const section = () => {
      const body = [];
      for (k++; k < tokens.length && tokens[k].t !== '$end'; k++) {
        body.push(tokens[k].t);
      }
      if (k >= tokens.length) {
        throw new InputError(`${where(tok)}${tok.t} is not closed by $end`);
      }
      return body;
    };
    if (tok.t === '$timescale') {
      const m = /^(1|10|100)\s*(s|ms|us|ns|ps|fs)$/.exec(section().join(''));
      if (!m) {
        throw new InputError(`${where(tok)}unknown $timescale`);
      }
      scaleNs = Number(m[1]) * TIMESCALE_NS[m[2]];
    } else if (tok.t === '$scope') {
      scopes.push(section()[1]);
    } else if (tok.t === '$upscope') {
      section();
      scopes.pop();
    } else if (tok.t === '$var') {
      const [, , id, ref] = section();
      byName.set(ref, byName.has(ref) ? null : id); // null: the short name is ambiguous
      byName.set([...scopes, ref].join('.'), id);
    } else if (tok.t.startsWith('$')) {
      section();
    }
  }
  if (k >= tokens.length) {
    throw new InputError(`${name}: no $enddefinitions: not a VCD file`);
  }
  for (const [signal, pin] of Object.entries(mapping)) {
    const id = byName.get(signal);
    if (!id) {
      const known = [...byName.keys()].filter((n) => byName.get(n) && !n.includes('.'));
      throw new InputError(`${name}: no signal '${signal}'${id === null ? ' (ambiguous: give its scope, e.g. top.' + signal + ')' : ''}; it has: ${known.join(', ')}`);
    }
    wanted.set(id, checkPin(pin, `${name}: ${signal}: `));
  }
  const events = [];
  const seen = new Set();
  let timeNs = 0;
  for (k++; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.t.startsWith('#')) {
      const t = Number(tok.t.slice(1)) * scaleNs;
      if (!Number.isFinite(t) || t < timeNs) {
        throw new InputError(`${where(tok)}time ${tok.t} is not a number or goes back`);
      }
      timeNs = t;
    } else if (/^[01xXzZ]/.test(tok.t) && !tok.t.startsWith('$')) {
      const id = tok.t.slice(1);
      if (wanted.has(id) && (tok.t[0] === '0' || tok.t[0] === '1')) {
        const pin = wanted.get(id);
        events.push({ us: seen.has(id) ? timeNs / 1000 : 0, pin, level: Number(tok.t[0]) });
        seen.add(id);
      }
    } else if (/^[bBrR]/.test(tok.t)) {
      k++; // a vector or real value and its identifier: not a pin
    }
  }
  return events;
}

/** "file.csv", or "file.vcd:SIGNAL=PIN,SIGNAL=PIN" -> events. */
function readCaptureFile(spec) {
  const m = /^(.*\.vcd):(.+)$/i.exec(spec);
  const file = m ? m[1] : spec;
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read the capture (${e.code || e.message})`);
  }
  if (!/\.vcd$/i.test(file)) {
    return parseCsv(text, path.basename(file));
  }
  if (!m) {
    throw new InputError(`--drive ${spec}: say which signal drives which pin, e.g. ${spec}:D0=14`);
  }
  const mapping = {};
  for (const pair of m[2].split(',')) {
    const [signal, pin] = pair.split('=');
    if (!signal || !/^\d+$/.test(pin || '')) {
      throw new InputError(`--drive ${spec}: '${pair}' is not SIGNAL=PIN`);
    }
    mapping[signal] = Number(pin);
  }
  return parseVcd(text, path.basename(file), mapping);
}

const PRESS_DEFAULTS = {
  count: 3, active: 'low', start_ms: 10, hold_ms: 100, gap_ms: 200, bounce_us: 1500, bounces: 4, seed: 1,
};

/** mulberry32: a small seeded generator, so a press sequence is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * "PIN" or "PIN:key=value,..." -> options for pressEvents. Keys: count, active (low|high), start_ms, hold_ms,
 * gap_ms (ms may have decimals), bounce_us, bounces, seed.
 */
function parsePressSpec(spec) {
  const [pinText, rest] = String(spec).split(/:(.*)/s);
  const options = { ...PRESS_DEFAULTS, pin: checkPin(/^\d+$/.test(pinText) ? Number(pinText) : NaN, `--press ${spec}: `) };
  for (const pair of (rest || '').split(',').filter(Boolean)) {
    const [key, value] = pair.split('=');
    if (!(key in PRESS_DEFAULTS) || value === undefined) {
      throw new InputError(`--press ${spec}: unknown setting '${pair}' (known: ${Object.keys(PRESS_DEFAULTS).join(', ')})`);
    }
    if (key === 'active') {
      if (value !== 'low' && value !== 'high') {
        throw new InputError(`--press ${spec}: active must be low or high`);
      }
      options.active = value;
    } else {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0 || (!key.endsWith('_ms') && !Number.isInteger(n))) {
        throw new InputError(`--press ${spec}: ${key}=${value} is not a ${key.endsWith('_ms') ? 'non-negative number' : 'whole number'}`);
      }
      options[key] = n;
    }
  }
  return options;
}

/**
 * A bouncy button: `count` presses starting at start_ms, each held hold_ms, gap_ms between a release and the
 * next press. Every transition is a burst of 2 * bounces + 1 level changes: the first at the transition time,
 * the others at distinct random whole µs within the next bounce_us, alternating, so the burst ends at the new
 * level (bounce on press and on release, as real switches do). The idle level is set at time 0.
 */
function pressEvents(options) {
  const o = { ...PRESS_DEFAULTS, ...options };
  const active = o.active === 'high' ? 1 : 0;
  const idle = 1 - active;
  const changes = 2 * o.bounces;
  const holdUs = Math.round(o.hold_ms * 1000);
  const gapUs = Math.round(o.gap_ms * 1000);
  if (changes > 0 && o.bounce_us < changes) {
    throw new InputError(`--press: bounce_us=${o.bounce_us} cannot hold ${changes} distinct bounce edges`);
  }
  if (o.bounce_us >= holdUs || o.bounce_us >= gapUs) {
    throw new InputError(`--press: hold_ms and gap_ms must be longer than the bounce (bounce_us=${o.bounce_us})`);
  }
  const next = random(o.seed);
  const events = [{ us: 0, pin: o.pin, level: idle }];
  const burst = (t, level) => {
    const offsets = new Set();
    while (offsets.size < changes) {
      offsets.add(1 + Math.floor(next() * o.bounce_us));
    }
    events.push({ us: t, pin: o.pin, level });
    [...offsets].sort((a, b) => a - b).forEach((dt, k) => {
      events.push({ us: t + dt, pin: o.pin, level: k % 2 === 0 ? 1 - level : level });
    });
  };
  let t = Math.round(o.start_ms * 1000);
  for (let i = 0; i < o.count; i++) {
    burst(t, active);
    t += holdUs;
    burst(t, idle);
    t += gapUs;
  }
  return events;
}

/** Merges event lists into one in time order (stable: equal times keep their order, first list first). */
function mergeEvents(lists) {
  return lists.flat().map((e, i) => ({ e, i })).sort((a, b) => a.e.us - b.e.us || a.i - b.i).map((x) => x.e);
}

function toCsv(events) {
  return 'time_us,pin,level\n' + events.map((e) => `${e.us},${e.pin},${e.level}`).join('\n') + '\n';
}

module.exports = {
  GPIO_COUNT, checkPin, parsePinList, parseCsv, readCsvFile, parseVcd, readCaptureFile, parsePressSpec, pressEvents, mergeEvents, toCsv,
  PRESS_DEFAULTS,
};
