#!/usr/bin/env node
'use strict';
// picoemu: runs an RP2040 image in rp2040js with input pins driven from a CSV capture or generated bouncy
// presses, prints what the firmware writes on UART0, and records pins to a VCD. See docs/picoemu.md.

const fs = require('node:fs');
const { parseArgs } = require('node:util');
const { InputError } = require('./errors');
const { loadImage, addDeployment, parseDeploySpec, flashExtent, hex } = require('./image');
const { readCaptureFile, parsePressSpec, pressEvents, mergeEvents, parsePinList, checkPin, toCsv } = require('./drive');
const { Pico, describeStop } = require('./emulator');
const { formatVcd } = require('./vcd');
const { edgeLatencies, summarize } = require('./latency');

const USAGE = `usage:
  picoemu run IMAGE [options]   run IMAGE (.uf2, .bin for flash at 0x10000000, or .elf) in rp2040js
  picoemu press SPEC            print the CSV that --press SPEC would drive
  picoemu help

run options:
  --deploy FILE[@ADDR]   also write a deployment image (raw .bin) at ADDR (default 0x100fc000)
  --drive FILE.csv       drive input pins from a capture: lines time_us,pin,level (repeatable)
  --drive FILE.vcd:SIGNAL=PIN[,SIGNAL=PIN]
                         drive pins from signals of a VCD capture (repeatable)
  --press SPEC           drive bouncy button presses: PIN[:key=value,...] with count, active (low|high),
                         start_ms, hold_ms, gap_ms, bounce_us, bounces, seed (repeatable)
  --record PINS          record these pins (e.g. 15,25) to the VCD; driven pins are always in it
  --vcd FILE             write the recorded and driven pins to FILE (VCD, 1 ns timescale)
  --until-ms N           emulated time to run (default: last driven edge + 100 ms, at least 100 ms)
  --uart FILE            write UART0 output to FILE instead of stdout
  --latency IN:OUT       from each change of input IN to the next change of output OUT: cycles,
                         instructions executed and µs (min / median / max)
  --json                 print the result as JSON on stdout (UART text included)
  --quiet                no summary on stderr
  --verbose              emulator warnings on stderr

exit status: 0 ran to the time limit, 1 the firmware stopped (breakpoint, unimplemented instruction),
2 bad input (the message says what and where)`;

/**
 * The whole run, for the CLI and for tests. options: { image, deploy, drive: [CSV files or VCD specs], press: [specs],
 * events: [{us,pin,level}] (extra, e.g. from a test), record: [pins], untilMs, latency: ['IN:OUT'], onUart, log }.
 */
function simulate(options) {
  let image = loadImage(options.image);
  if (options.deploy) {
    const { file, address } = parseDeploySpec(options.deploy);
    image = addDeployment(image, file, address);
  }
  const lists = [];
  for (const file of options.drive || []) {
    lists.push(readCaptureFile(file));
  }
  for (const spec of options.press || []) {
    lists.push(pressEvents(parsePressSpec(spec)));
  }
  lists.push(options.events || []);
  const events = mergeEvents(lists);
  for (const e of events) {
    checkPin(e.pin, 'event: ');
  }
  const latencyPairs = (options.latency || []).map((spec) => {
    const m = /^(\d+):(\d+)$/.exec(spec);
    if (!m) {
      throw new InputError(`--latency ${spec}: expected IN:OUT pin numbers, e.g. 14:15`);
    }
    return { in: checkPin(Number(m[1]), `--latency ${spec}: `), out: checkPin(Number(m[2]), `--latency ${spec}: `) };
  });
  const lastUs = events.length ? events[events.length - 1].us : 0;
  const untilUs = options.untilMs !== undefined ? Math.round(options.untilMs * 1000) : Math.max(lastUs + 100000, 100000);
  if (!(untilUs > 0)) {
    throw new InputError(`--until-ms ${options.untilMs}: must be a positive time`);
  }

  const pico = new Pico(image, { onUart: options.onUart, log: options.log });
  const recordPins = [...new Set([...(options.record || []), ...latencyPairs.map((p) => p.out)])];
  const traces = new Map(recordPins.map((pin) => [pin, pico.record(pin)]));
  const stop = pico.run(events, untilUs);
  const cyclesPerUs = pico.mcu.clkSys / 1e6;
  const latencies = latencyPairs.map((p) => {
    const edges = edgeLatencies(pico.inputs, p.in, traces.get(p.out));
    return {
      in: p.in, out: p.out, edges, cycles: summarize(edges.map((e) => e.cycles)),
      instructions: summarize(edges.map((e) => e.instructions)), us: summarize(edges.map((e) => e.us)),
    };
  });
  return {
    format: image.format,
    entry: pico.entry,
    flash: flashExtent(image),
    untilUs,
    endNs: pico.nanos,
    cycles: pico.cycles,
    clkSys: pico.mcu.clkSys,
    cyclesPerUs,
    stop,
    stopText: describeStop(stop),
    uart: pico.uartText(),
    inputs: pico.inputs,
    initialLevels: pico.initialLevels,
    events,
    traces: [...traces.values()],
    latencies,
    warnings: pico.messages.filter((m) => m.level !== 'info'),
    symbols: image.symbols,
    pico,
  };
}

/** Signals for the VCD: each driven pin (from the events) and each recorded pin. */
function vcdSignals(result) {
  const driven = [...new Set(result.events.map((e) => e.pin))].sort((a, b) => a - b);
  const signals = driven.map((pin) => ({
    name: `GP${pin}`,
    initial: String(result.initialLevels.get(pin) ?? 0),
    changes: result.inputs.filter((e) => e.pin === pin).map((e) => ({ ns: e.ns, value: String(e.level) })),
  }));
  for (const t of result.traces) {
    if (!driven.includes(t.pin)) {
      signals.push({ name: `GP${t.pin}`, initial: t.initial, changes: t.changes });
    }
  }
  return signals;
}

function commandRun(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      deploy: { type: 'string' },
      drive: { type: 'string', multiple: true },
      press: { type: 'string', multiple: true },
      record: { type: 'string' },
      vcd: { type: 'string' },
      'until-ms': { type: 'string' },
      uart: { type: 'string' },
      latency: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if (positionals.length === 0) {
    throw new InputError('no firmware image given (picoemu run IMAGE ...)');
  }
  if (positionals.length > 1) {
    throw new InputError(`one image only, got: ${positionals.join(' ')}`);
  }
  let untilMs;
  if (values['until-ms'] !== undefined) {
    untilMs = Number(values['until-ms']);
    if (!Number.isFinite(untilMs) || untilMs <= 0) {
      throw new InputError(`--until-ms ${values['until-ms']}: must be a positive number of ms`);
    }
  }
  const uartFile = values.uart ? fs.openSync(values.uart, 'w') : null;
  const uartChunk = [];
  const flush = () => {
    if (uartChunk.length) {
      const buf = Buffer.from(uartChunk.splice(0));
      uartFile !== null ? fs.writeSync(uartFile, buf) : process.stdout.write(buf);
    }
  };
  const result = simulate({
    image: positionals[0],
    deploy: values.deploy,
    drive: values.drive,
    press: values.press,
    record: values.record ? parsePinList(values.record, '--record') : [],
    untilMs,
    latency: values.latency,
    onUart: values.json ? undefined : (b) => {
      uartChunk.push(b);
      if (b === 10 || uartChunk.length >= 4096) {
        flush();
      }
    },
    log: values.verbose ? (level, text) => process.stderr.write(`[${level}] ${text}\n`) : undefined,
  });
  flush();
  if (uartFile !== null) {
    fs.closeSync(uartFile);
  }
  if (values.vcd) {
    const comment = `${positionals[0]}, ${result.untilUs} us emulated`;
    fs.writeFileSync(values.vcd, formatVcd(vcdSignals(result), { endNs: result.endNs, comment }));
  }
  if (values.json) {
    const { pico, symbols, initialLevels, ...plain } = result;
    plain.initialLevels = Object.fromEntries(initialLevels);
    process.stdout.write(JSON.stringify(plain, null, 1) + '\n');
  }
  if (!values.quiet) {
    const lines = [];
    lines.push(`picoemu: ${result.format} image, started at ${result.entry.kind === 'boot2' ? 'boot2 ' : 'vector table '}${hex(result.entry.kind === 'boot2' ? result.entry.pc : result.entry.vtor)}; ` +
      `${(result.endNs / 1e6).toFixed(3)} ms emulated, ${result.cycles} cycles at ${result.clkSys / 1e6} MHz, ${result.inputs.length} edges driven`);
    for (const t of result.traces) {
      lines.push(`picoemu: GP${t.pin}: ${t.changes.length} changes`);
    }
    for (const l of result.latencies) {
      const c = l.cycles;
      const i = l.instructions;
      lines.push(c ? `picoemu: latency GP${l.in} -> GP${l.out}: ${c.count} edges, cycles min ${c.min} median ${c.median} max ${c.max}, ` +
        `instructions ${i.min} / ${i.median} / ${i.max}, µs ${l.us.min.toFixed(3)} / ${l.us.median.toFixed(3)} / ${l.us.max.toFixed(3)}`
        : `picoemu: latency GP${l.in} -> GP${l.out}: no output change after an edge`);
    }
    if (result.warnings.length && !values.verbose) {
      lines.push(`picoemu: ${result.warnings.length} emulator warnings (--verbose shows them)`);
    }
    if (values.vcd) {
      lines.push(`picoemu: VCD written to ${values.vcd}`);
    }
    if (result.stopText) {
      lines.push(`picoemu: ${result.stopText}`);
    }
    process.stderr.write(lines.join('\n') + '\n');
  }
  return result.stop ? 1 : 0;
}

function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return commandRun(rest);
      case 'press': {
        if (rest.length !== 1) {
          throw new InputError('picoemu press SPEC: one spec, e.g. 14:count=3,seed=2');
        }
        process.stdout.write(toCsv(pressEvents(parsePressSpec(rest[0]))));
        return 0;
      }
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new InputError(command ? `unknown command '${command}'` : 'no command given');
    }
  } catch (e) {
    if (e instanceof InputError || (e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`picoemu: ${e.message}\n`);
      if (!(e instanceof InputError)) {
        process.stderr.write(USAGE + '\n');
      }
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

module.exports = { simulate, vcdSignals, main, USAGE };
