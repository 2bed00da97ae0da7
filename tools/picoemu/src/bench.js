'use strict';
// `picoemu latency`: one emulator run per row (an image, optionally a MicroPython script or a nanoFramework
// deployment image), the same edges on one input pin for every row, the time from each edge to the next
// change of one output pin: a table of cycles, µs and instructions executed per edge (min / median / max).

const fs = require('node:fs');
const path = require('node:path');
const { InputError } = require('./errors');
const { checkPin } = require('./drive');

const ROW_KEYS = ['script', 'deploy', 'bootrom', 'firmware', 'elf'];

/**
 * "NAME=IMAGE[,key=value...]" with keys script, deploy, bootrom, elf (the firmware's ELF, whose idle-thread symbol
 * gives the instructions per edge without the idle thread), firmware (the firmware column's text; default:
 * the version found in the image, else its file name).
 */
function parseRowSpec(spec) {
  const eq = spec.indexOf('=');
  if (eq <= 0) {
    throw new InputError(`--row ${spec}: expected NAME=IMAGE[,script=FILE.py][,deploy=FILE.bin][,bootrom=FILE][,firmware=TEXT]`);
  }
  const name = spec.slice(0, eq);
  const [image, ...options] = spec.slice(eq + 1).split(',');
  if (!image) {
    throw new InputError(`--row ${spec}: no image after '${name}='`);
  }
  const row = { name, image };
  for (const o of options) {
    const k = o.indexOf('=');
    const key = k > 0 ? o.slice(0, k) : o;
    if (!ROW_KEYS.includes(key) || k <= 0 || k === o.length - 1) {
      throw new InputError(`--row ${name}: '${o}' is not one of ${ROW_KEYS.map((x) => `${x}=...`).join(', ')}`);
    }
    row[key] = o.slice(k + 1);
  }
  return row;
}

/**
 * The stimulus: `count` edges on `pin`, alternating from low (the first rises), `periodMs` apart from `startMs`,
 * edge k delayed by k * 1000 / count µs (rounded) so that the edges sweep one millisecond of phase against the
 * firmware's 1 ms tick (a periodic poll shows up as the spread between min and max).
 */
function edgeEvents({ pin, count = 20, periodMs = 20, startMs = 10 }) {
  const events = [];
  for (let k = 0; k < count; k++) {
    events.push({ us: Math.round(startMs * 1000 + k * periodMs * 1000 + (k * 1000) / count), pin, level: (k + 1) % 2 });
  }
  return events;
}

/** "MicroPython v1.28.0" (from the banner string in the image), a nanoFramework version, or null. */
function firmwareVersion(file) {
  let text;
  try {
    text = fs.readFileSync(file).toString('latin1');
  } catch {
    return null;
  }
  const mp = /MicroPython (v\d+\.\d+\.\d+[\w.+-]*)/.exec(text);
  if (mp) {
    return `MicroPython ${mp[1]}`;
  }
  const nf = /nanoCLR[^\0]{0,40}?(\d+\.\d+\.\d+\.\d+)/.exec(text);
  if (nf) {
    return `nanoFramework ${nf[1]}`;
  }
  return null;
}

const fmt = (v, digits) => (digits === undefined ? String(Math.round(v)) : v.toFixed(digits));
const triple = (s, digits) => (s ? `${fmt(s.min, digits)} / ${fmt(s.median, digits)} / ${fmt(s.max, digits)}` : '-');

/** rows: [{ name, firmware, cycles, us, instructions (summaries or null), edges, error }] -> a Markdown table. */
function formatTable(rows, { mhz } = {}) {
  const header = ['row', 'firmware', 'edges', 'cycles min / median / max', `µs${mhz ? ` at ${mhz} MHz` : ''} min / median / max`, 'instructions per edge min / median / max'];
  const withIdle = rows.some((r) => r.elf || r.busy);
  if (withIdle) {
    header.push('instructions without the idle thread min / median / max');
  }
  const lines = [header, header.map(() => '---')];
  for (const r of rows) {
    const line = r.error ? [r.name, r.firmware, '-', `failed: ${r.error}`, '-', '-']
      : [r.name, r.firmware, `${r.answered}/${r.driven}`, triple(r.cycles), triple(r.us, 2), triple(r.instructions)];
    if (withIdle) {
      line.push(r.error ? '-' : triple(r.busy));
    }
    lines.push(line);
  }
  return lines.map((cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`).join('\n') + '\n';
}

/**
 * Runs every row (options.simulate is cli.simulate; passed in to keep this module free of the CLI). A row that
 * fails (its script raises, the firmware stops) is reported in the table, not thrown, unless it is bad input.
 */
function runRows(rows, { simulate, inPin, outPin, count, periodMs, startMs, bootrom, untilMs, onRow }) {
  checkPin(inPin, '--in: ');
  checkPin(outPin, '--out: ');
  if (inPin === outPin) {
    throw new InputError(`--in and --out are the same pin (${inPin})`);
  }
  const events = edgeEvents({ pin: inPin, count, periodMs, startMs });
  const results = [];
  for (const row of rows) {
    const firmware = row.firmware || firmwareVersion(row.image) || path.basename(row.image);
    const out = { name: row.name, firmware, image: row.image, script: row.script || null, deploy: row.deploy || null, elf: row.elf || null, driven: events.length };
    try {
      const r = simulate({
        image: row.image, deploy: row.deploy, script: row.script, bootrom: row.bootrom || bootrom, events,
        latency: [`${inPin}:${outPin}`], untilMs, idleElf: row.elf,
      });
      const l = r.latencies[0];
      Object.assign(out, { answered: l.edges.length, cycles: l.cycles, us: l.us, instructions: l.instructions, busy: l.busy, mhz: r.clkSys / 1e6, edges: l.edges });
      if (r.stopText) {
        out.error = r.stopText;
      } else if (l.edges.length === 0) {
        out.error = `GP${outPin} never changed after an edge on GP${inPin}`;
      }
    } catch (e) {
      if (e instanceof InputError) {
        throw e;
      }
      if (e && e.name === 'ScriptError') {
        out.error = e.message;
      } else {
        throw e;
      }
    }
    results.push(out);
    if (onRow) {
      onRow(out);
    }
  }
  return results;
}

module.exports = { parseRowSpec, edgeEvents, firmwareVersion, formatTable, runRows };
