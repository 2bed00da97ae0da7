'use strict';
// Edge-to-output latency: for each change of an input the tool drove, the first change of an output pin
// after it, in emulated cycles, instructions executed and µs. The seed of issue 18's latency table.

/** inputs: [{ pin, ns, cycles }] (Pico.inputs), output: a Pico.record trace. */
function edgeLatencies(inputs, inPin, output) {
  const result = [];
  let k = 0;
  for (const e of inputs.filter((x) => x.pin === inPin)) {
    // a change to or from 'z' is the pin being configured, not an answer to an edge
    while (k < output.changes.length && (output.changes[k].ns < e.ns || output.changes[k].value === 'z' ||
           (k > 0 ? output.changes[k - 1].value : output.initial) === 'z')) {
      k++;
    }
    if (k >= output.changes.length) {
      break;
    }
    const c = output.changes[k];
    const idle = (c.idle ?? 0) - (e.idle ?? 0);
    result.push({ inNs: e.ns, cycles: c.cycles - e.cycles, instructions: c.instructions - e.instructions, idle,
      busy: c.instructions - e.instructions - idle, us: (c.ns - e.ns) / 1000 });
    k++; // one output change answers one input edge
  }
  return result;
}

function summarize(values) {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { count: sorted.length, min: sorted[0], median, max: sorted[sorted.length - 1] };
}

module.exports = { edgeLatencies, summarize };
