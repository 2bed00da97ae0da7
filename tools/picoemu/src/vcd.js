'use strict';
// Value Change Dump (IEEE 1364) output: one 1-bit wire per pin, times in ns. Values 0/1, 'z' for a pin that
// nothing drives (an input, as the emulator reports a recorded pin the firmware has not made an output).

/** Identifier codes: '!' .. '~', then two characters, as VCD writers usually do. */
function identifier(index) {
  let id = '';
  let n = index;
  do {
    id += String.fromCharCode(33 + (n % 94));
    n = Math.floor(n / 94) - 1;
  } while (n >= 0);
  return id;
}

/**
 * signals: [{ name, initial: '0'|'1'|'z', changes: [{ ns, value }] }] (changes in time order per signal).
 * Returns the VCD text: header, $dumpvars with the initial values at #0, then every change in time order,
 * and a final #endNs so a viewer shows the whole run.
 */
function formatVcd(signals, { endNs = 0, comment = '', date = new Date() } = {}) {
  const out = [];
  out.push(`$date ${date.toUTCString()} $end`);
  out.push('$version picoemu (NanoIrq tools/picoemu, rp2040js) $end');
  if (comment) {
    out.push(`$comment ${comment} $end`);
  }
  out.push('$timescale 1 ns $end');
  out.push('$scope module pico $end');
  signals.forEach((s, i) => out.push(`$var wire 1 ${identifier(i)} ${s.name} $end`));
  out.push('$upscope $end');
  out.push('$enddefinitions $end');
  out.push('#0');
  out.push('$dumpvars');
  signals.forEach((s, i) => out.push(`${s.initial}${identifier(i)}`));
  out.push('$end');
  const all = [];
  signals.forEach((s, i) => s.changes.forEach((c, k) => all.push({ ns: c.ns, value: c.value, id: identifier(i), i, k })));
  all.sort((a, b) => a.ns - b.ns || a.i - b.i || a.k - b.k);
  let time = 0;
  for (const c of all) {
    if (c.ns !== time) {
      out.push(`#${c.ns}`);
      time = c.ns;
    }
    out.push(`${c.value}${c.id}`);
  }
  if (endNs > time) {
    out.push(`#${endNs}`);
  }
  return out.join('\n') + '\n';
}

module.exports = { formatVcd, identifier };
