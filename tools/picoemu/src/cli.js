#!/usr/bin/env node
'use strict';
// picoemu: runs an RP2040 image in rp2040js with input pins driven from a CSV capture or generated bouncy
// presses, prints what the firmware writes on UART0, and records pins to a VCD. See docs/picoemu.md.

const fs = require('node:fs');
const { parseArgs } = require('node:util');
const { InputError, ScriptError } = require('./errors');
const { loadImage, addDeployment, parseDeploySpec, flashExtent, hex } = require('./image');
const { readCaptureFile, parsePressSpec, pressEvents, mergeEvents, parsePinList, checkPin, toCsv } = require('./drive');
const { Pico, describeStop } = require('./emulator');
const { formatVcd } = require('./vcd');
const { edgeLatencies, summarize } = require('./latency');
const { loadBootrom } = require('./bootrom');
const { CdcHost } = require('./usbcdc');
const { RawRepl } = require('./micropython');
const { parseRowSpec, formatTable, runRows } = require('./bench');
const { runDemo } = require('./demo');
const { WireProtocolHost, commandName, flagNames, Flags } = require('./wireprotocol');

/** True for a nanoFramework firmware image (nanoCLR's strings), which talks the wire protocol over USB CDC. */
function isNanoFramework(image) {
  return image.segments.some((s) => Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.length).includes('nanoCLR'));
}

const USAGE = `usage:
  picoemu run IMAGE [options]   run IMAGE (.uf2, .bin for flash at 0x10000000, or .elf) in rp2040js
  picoemu latency --row NAME=IMAGE[,script=FILE.py][,deploy=FILE.bin][,elf=FILE.elf][,firmware=TEXT] ... [options]
                                one run per row, the same edges on --in, edge to next change of --out:
                                a table of cycles, µs and instructions per edge (min / median / max)
  picoemu demo --firmware nanoCLR.uf2 --deploy ButtonCounter.Pico.bin [--bootrom FILE] [--vcd FILE] [--seed N] [--json]
                                ButtonCounter.Pico on the emulated Pico: a tour of bouncy presses on GP14,
                                the LED GP25 recorded, the program's output read over the wire protocol,
                                PASS/FAIL checks (exit 0 when all pass)
  picoemu unittest --firmware nanoCLR.uf2 --deploy DIR|FILE.bin [--expect N] [--json]
                                a nanoFramework unit-test project (its bin/Debug folder of .pe files, or
                                a deployment image) through the test launcher; counts the Test passed /
                                failed / skipped lines read over the wire protocol (exit 0: none failed,
                                the launcher exited, and N tests when --expect is given)
  picoemu press SPEC            print the CSV that --press SPEC would drive
  picoemu help

run options:
  --bootrom FILE         the RP2040 boot ROM (16 KB .bin, or rp2040js's demo/bootrom.ts); default
                         $PICOEMU_BOOTROM; needed by pico-sdk firmware (MicroPython, nanoFramework)
  --script FILE.py       MicroPython: run FILE.py through the raw REPL over USB CDC once the firmware is
                         up; driven times then count from the end of the script
  --deploy FILE[@ADDR]   also write a deployment image (raw .bin) at ADDR (default 0x100fc000); with a
                         nanoFramework image the CLR is restarted once attached, so the program's
                         output is read from its start
  --monitor, --no-monitor
                         speak the nanoFramework wire protocol over USB CDC (default: on for an image
                         with nanoCLR in it): attach, enable the debugger, print Monitor_Message text
  --wire-log             one stderr line per wire-protocol packet (time, direction, command, seq, flags)
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

latency options:
  --row SPEC             a row (repeatable, in table order); script= runs a MicroPython script first,
                         deploy= writes a nanoFramework deployment image, bootrom= overrides --bootrom
  --in PIN --out PIN     input driven, output timed (default 14 and 15)
  --edges N              edges driven (default 20), alternating from low, the first rising
  --period-ms N          between edges (default 20); edge k is also delayed by k*1000/N µs (phase sweep)
  --start-ms N           first edge (default 10; after the script when there is one)
  --bootrom FILE         as for run (default $PICOEMU_BOOTROM)
  --json                 the rows as JSON (every edge's figures) instead of the table

exit status: 0 ran to the time limit, 1 the firmware stopped (breakpoint, unimplemented instruction),
2 bad input (the message says what and where)`;

/** Symbols of an idle loop that spins: ChibiOS's idle thread (nanoCLR: a `b .` when WFI idle is off). */
const IDLE_SYMBOLS = ['__idle_thread', '_idle_thread'];

/** The code ranges of the idle-thread symbols of an ELF file (the firmware's, e.g. nanoCLR.elf beside nanoCLR.uf2). */
function idleRangesFrom(file) {
  const elf = loadImage(file);
  if (elf.format !== 'elf') {
    throw new InputError(`${file}: the idle thread's symbols need an ELF file, not ${elf.format}`);
  }
  const ranges = [];
  for (const name of IDLE_SYMBOLS) {
    const sym = elf.symbols.get(name);
    if (sym) {
      ranges.push({ start: sym.address, end: sym.address + Math.max(sym.size, 2), name });
    }
  }
  if (ranges.length === 0) {
    throw new InputError(`${file}: no idle thread symbol (${IDLE_SYMBOLS.join(', ')})`);
  }
  return ranges;
}

/**
 * The whole run, for the CLI and for tests. options: { image, deploy, drive: [CSV files or VCD specs], press: [specs],
 * events: [{us,pin,level}] (extra, e.g. from a test), record: [pins], untilMs, latency: ['IN:OUT'], onUart, log }.
 */
function simulate(options) {
  let image = loadImage(options.image);
  if (!options.bootrom && isNanoFramework(image)) {
    // it would run, calling into an empty ROM: figures that no chip gives
    throw new InputError(`${options.image}: nanoCLR calls boot ROM functions; give the boot ROM (--bootrom FILE or $PICOEMU_BOOTROM)`);
  }
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

  let script = null;
  if (options.script !== undefined) {
    try {
      script = fs.readFileSync(options.script, 'utf8');
    } catch (e) {
      throw new InputError(`cannot read script ${options.script}: ${e.code || e.message}`);
    }
    if (!options.bootrom) {
      throw new InputError(`--script ${options.script}: MicroPython needs the boot ROM (--bootrom FILE)`);
    }
  }
  const bootrom = options.bootrom ? loadBootrom(options.bootrom) : null;

  const pico = new Pico(image, { onUart: options.onUart, log: options.log, bootrom });
  const idleRanges = options.idleElf ? idleRangesFrom(options.idleElf) : [];
  pico.setIdleRanges(idleRanges);
  const usbChunks = [];
  let repl = null;
  // nanoFramework: the wire protocol over USB CDC (attach, enable the debugger, Monitor_Message text)
  const monitor = options.monitor ?? (script === null && isNanoFramework(image));
  let wp = null;
  const cdc = new CdcHost(pico.mcu.usbCtrl, {
    sof: monitor,
    onConnected: () => {
      if (repl) {
        repl.start();
      }
    },
    onData: (buffer) => {
      if (wp) {
        wp.feed(buffer);
        if (options.onWire) {
          options.onWire(buffer);
        }
        return;
      }
      if (repl && repl.state !== 'done' && repl.state !== 'failed') {
        if (repl.feed(buffer, pico.nanos)) {
          pico.pause = true;
        }
        return;
      }
      usbChunks.push(Buffer.from(buffer));
      if (options.onUsb) {
        options.onUsb(buffer);
      }
    },
  });
  if (monitor) {
    wp = new WireProtocolHost({
      send: (bytes) => cdc.send(bytes),
      now: () => pico.nanos,
      onMessage: (text) => {
        if (wp.pauseOn && wp.pauseOn.test(wp.output)) {
          pico.pause = true;
        }
        usbChunks.push(Buffer.from(text, 'utf8'));
        if (options.onUsb) {
          options.onUsb(Buffer.from(text, 'utf8'));
        }
        if (options.onMessage) {
          options.onMessage(text, pico.nanos);
        }
      },
      onPacket: options.onPacket,
      onProgramExit: () => {
        if (options.stopOnExit) {
          pico.pause = true;
        }
      },
      // with a deployment, restart the CLR once attached so the program's output is read from its start
      restart: options.restart ?? !!options.deploy,
    });
  }
  const recordPins = [...new Set([...(options.record || []), ...latencyPairs.map((p) => p.out)])];
  const traces = new Map(recordPins.map((pin) => [pin, pico.record(pin)]));
  let stop;
  let offsetUs = 0;
  let runEvents = events;
  let endUs = untilUs;
  if (script !== null) {
    // Phase 1: boot, enumerate, run the script through the raw REPL (starting levels applied at time 0).
    repl = new RawRepl(cdc, script);
    const timeoutUs = Math.round((options.scriptTimeoutMs ?? 10000) * 1000);
    stop = pico.run(events.filter((e) => e.us === 0), timeoutUs);
    if (!stop && repl.state !== 'done') {
      const why = repl.state === 'failed' ? repl.error.trim()
        : !cdc.connected ? 'USB CDC never enumerated' : `no raw REPL answer (state ${repl.state}, device printed ${JSON.stringify(repl.text.slice(-200))})`;
      throw new ScriptError(`--script ${options.script}: ${why} (at ${(pico.nanos / 1e6).toFixed(3)} ms emulated)`, repl);
    }
    if (repl.output && options.onUsb) {
      options.onUsb(Buffer.from(repl.output, 'latin1'));
    }
    if (repl.output) {
      usbChunks.push(Buffer.from(repl.output, 'latin1'));
    }
    // Phase 2: driven times count from the end of the script, rounded up to the next ms.
    offsetUs = Math.ceil(pico.nanos / 1e6) * 1000;
    runEvents = events.filter((e) => e.us > 0).map((e) => ({ ...e, us: e.us + offsetUs }));
    endUs = offsetUs + untilUs;
  }
  let waited = null;
  if (!stop && script === null && options.waitFor) {
    // Phase 1 (nanoFramework): run until the program's output matches waitFor (e.g. its "ready" line); driven
    // times then count from there, rounded up to the next ms. Starting levels are applied at time 0.
    if (!wp) {
      throw new InputError('waiting for output needs the wire protocol (a nanoFramework image, or --monitor)');
    }
    const timeoutUs = Math.round((options.waitTimeoutMs ?? 10000) * 1000);
    wp.pauseOn = options.waitFor;
    stop = pico.run(events.filter((e) => e.us === 0), timeoutUs);
    wp.pauseOn = null;
    if (!stop && !options.waitFor.test(wp.output)) {
      throw new ScriptError(`the program never printed ${options.waitFor} (${(pico.nanos / 1e6).toFixed(3)} ms emulated; wire protocol ${wp.state}` +
        `${cdc.connected ? '' : ', USB CDC never enumerated'})`, null);
    }
    waited = pico.nanos;
    offsetUs = Math.ceil(pico.nanos / 1e6) * 1000;
    runEvents = events.filter((e) => e.us > 0).map((e) => ({ ...e, us: e.us + offsetUs }));
    endUs = offsetUs + untilUs;
  }
  if (!stop) {
    stop = pico.run(runEvents, endUs);
  }
  const cyclesPerUs = pico.mcu.clkSys / 1e6;
  const latencies = latencyPairs.map((p) => {
    const edges = edgeLatencies(pico.inputs, p.in, traces.get(p.out));
    return {
      in: p.in, out: p.out, edges, cycles: summarize(edges.map((e) => e.cycles)),
      instructions: summarize(edges.map((e) => e.instructions)), us: summarize(edges.map((e) => e.us)),
      busy: idleRanges.length ? summarize(edges.map((e) => e.busy)) : null,
    };
  });
  return {
    format: image.format,
    entry: pico.entry,
    flash: flashExtent(image),
    untilUs: endUs,
    offsetUs,
    waitedNs: waited,
    script: repl ? { output: repl.output, doneNs: repl.doneNs } : null,
    usb: Buffer.concat(usbChunks).toString('latin1'),
    usbConnected: cdc.connected,
    wire: wp ? {
      state: wp.state, device: wp.device, conditions: wp.conditions, messages: wp.messages, packets: wp.log,
      programExited: wp.programExited, bad: wp.parser.stats.bad,
    } : null,
    endNs: pico.nanos,
    cycles: pico.cycles,
    clkSys: pico.mcu.clkSys,
    cyclesPerUs,
    stop,
    stopText: describeStop(stop),
    uart: pico.uartText(),
    inputs: pico.inputs,
    initialLevels: pico.initialLevels,
    events: runEvents,
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
      bootrom: { type: 'string' },
      script: { type: 'string' },
      monitor: { type: 'boolean' },
      'no-monitor': { type: 'boolean' },
      'wire-log': { type: 'boolean' },
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
  const untilMs = positiveNumber(values, 'until-ms', undefined);
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
    bootrom: bootromOption(values),
    script: values.script,
    monitor: values['no-monitor'] ? false : values.monitor ? true : undefined,
    onPacket: values['wire-log'] ? (p) => process.stderr.write(`picoemu: wire ${(p.ns / 1e6).toFixed(3)} ms ${p.dir === 'in' ? 'device->host' : 'host->device'} ` +
      `${commandName(p.cmd)} seq ${p.seq}${p.flags & Flags.Reply ? ` reply to ${p.seqReply}` : ''} flags ${flagNames(p.flags)} ${p.size} B\n`) : undefined,
    onUsb: values.json ? undefined : (buffer) => process.stdout.write(Buffer.from(buffer)),
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

// --bootrom, else $PICOEMU_BOOTROM; with requiredBy (a command's name) a missing boot ROM is an input error.
function bootromOption(values, requiredBy) {
  const bootrom = values.bootrom ?? (process.env.PICOEMU_BOOTROM || undefined);
  if (!bootrom && requiredBy) {
    throw new InputError(`${requiredBy}: nanoCLR needs the boot ROM (--bootrom FILE or $PICOEMU_BOOTROM)`);
  }
  return bootrom;
}

function positiveNumber(values, key, fallback) {
  if (values[key] === undefined) {
    return fallback;
  }
  const n = Number(values[key]);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InputError(`--${key} ${values[key]}: must be a positive number`);
  }
  return n;
}

function commandLatency(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      row: { type: 'string', multiple: true },
      in: { type: 'string' },
      out: { type: 'string' },
      edges: { type: 'string' },
      'period-ms': { type: 'string' },
      'start-ms': { type: 'string' },
      bootrom: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length) {
    throw new InputError(`latency takes rows as --row NAME=IMAGE[,...], not '${positionals.join(' ')}'`);
  }
  if (!values.row || values.row.length === 0) {
    throw new InputError('latency: no rows (--row NAME=IMAGE[,script=FILE.py][,deploy=FILE.bin])');
  }
  const rows = values.row.map(parseRowSpec);
  const pin = (key, fallback) => (values[key] === undefined ? fallback : /^\d+$/.test(values[key]) ? Number(values[key]) : NaN);
  const count = positiveNumber(values, 'edges', 20);
  if (!Number.isInteger(count)) {
    throw new InputError(`--edges ${values.edges}: must be a whole number`);
  }
  const periodMs = positiveNumber(values, 'period-ms', 20);
  if (periodMs < 2) {
    throw new InputError(`--period-ms ${values['period-ms']}: at least 2 (the phase sweep adds up to 1 ms)`);
  }
  const results = runRows(rows, {
    simulate,
    inPin: pin('in', 14),
    outPin: pin('out', 15),
    count,
    periodMs,
    startMs: positiveNumber(values, 'start-ms', 10),
    bootrom: bootromOption(values),
    onRow: values.quiet || values.json ? undefined : (r) => process.stderr.write(`picoemu: ${r.name}: ${r.error ? `failed: ${r.error}` : `median ${r.us.median.toFixed(2)} µs`}\n`),
  });
  if (values.json) {
    process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  } else {
    const mhz = [...new Set(results.filter((r) => r.mhz).map((r) => r.mhz))];
    process.stdout.write(formatTable(results, { mhz: mhz.length === 1 ? mhz[0] : undefined }));
  }
  return results.some((r) => r.error) ? 1 : 0;
}

/** Results of nanoFramework's unit-test launcher: "Test passed,Class.Method.N,ticks", failed (with the message), skipped. */
function parseTestResults(text) {
  const results = { passed: [], failed: [], skipped: [] };
  for (const line of text.split(/\r?\n/)) {
    const m = /^Test (passed|failed|skipped),([^,]*)(?:,(.*))?$/.exec(line);
    if (m) {
      results[m[1]].push({ name: m[2], rest: m[3] || '' });
    }
  }
  return results;
}

function commandUnitTest(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      firmware: { type: 'string' },
      deploy: { type: 'string' },
      bootrom: { type: 'string' },
      expect: { type: 'string' },
      'until-ms': { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
    },
  });
  if (positionals.length || !values.firmware || !values.deploy) {
    throw new InputError('usage: picoemu unittest --firmware nanoCLR.uf2 --deploy DIR|FILE.bin [--expect N] (DIR: the test project\'s bin/Debug with its .pe files)');
  }
  const bootrom = bootromOption(values, 'unittest');
  const expect = values.expect === undefined ? null : Number(values.expect);
  if (expect !== null && !(Number.isInteger(expect) && expect >= 0)) {
    throw new InputError(`--expect ${values.expect}: a whole number of tests`);
  }
  const untilMs = positiveNumber(values, 'until-ms', 900000);
  let pending = '';
  const result = simulate({
    image: values.firmware, deploy: values.deploy, bootrom, monitor: true, stopOnExit: true, untilMs,
    onMessage: values.json || values.quiet ? undefined : (text) => {
      pending += text;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        if (/^Test (failed|skipped)/.test(line) || /^(Unhandled|\+\+\+\+ Exception)/.test(line)) {
          process.stdout.write(line + '\n');
        }
      }
    },
  });
  const output = result.wire ? result.wire.messages.map((m) => m.text).join('') : '';
  const r = parseTestResults(output);
  const total = r.passed.length + r.failed.length + r.skipped.length;
  const exited = !!(result.wire && result.wire.programExited);
  const ok = exited && r.failed.length === 0 && (expect === null || total === expect) && !result.stop;
  if (values.json) {
    process.stdout.write(JSON.stringify({ passed: r.passed.length, failed: r.failed, skipped: r.skipped, total, expect, exited, emulatedMs: result.endNs / 1e6, ok }, null, 1) + '\n');
  } else {
    process.stdout.write(`picoemu unittest: ${total} tests: ${r.passed.length} passed, ${r.failed.length} failed, ${r.skipped.length} skipped` +
      `${expect !== null ? ` (expected ${expect}: ${total === expect ? 'equal' : 'DIFFERENT'})` : ''}; ` +
      `${exited ? 'the launcher exited' : 'the launcher did NOT exit'} at ${(result.endNs / 1e6).toFixed(0)} ms emulated${result.stopText ? `; ${result.stopText}` : ''}\n`);
  }
  return ok ? 0 : 1;
}

function commandDemo(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      firmware: { type: 'string' },
      deploy: { type: 'string' },
      bootrom: { type: 'string' },
      vcd: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
    },
  });
  if (positionals.length) {
    throw new InputError(`demo takes --firmware nanoCLR.uf2 --deploy ButtonCounter.Pico.bin, not '${positionals.join(' ')}'`);
  }
  if (!values.firmware) {
    throw new InputError('demo: no firmware (--firmware nanoCLR.uf2: a PICO_RP2040 nanoCLR image)');
  }
  if (!values.deploy) {
    throw new InputError('demo: no deployment image (--deploy ButtonCounter.Pico.bin, from the Debug build: Release drops Debug.WriteLine)');
  }
  const bootrom = bootromOption(values, 'demo');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) {
    throw new InputError(`--seed ${values.seed}: a whole number`);
  }
  const echo = !values.json && !values.quiet;
  let pending = '';
  let lastNs = 0;
  const demo = runDemo({
    simulate,
    firmware: values.firmware,
    deploy: values.deploy,
    bootrom,
    seed,
    log: values.verbose ? (level, text) => process.stderr.write(`[${level}] ${text}\n`) : undefined,
    onMessage: echo ? (text, ns) => {
      pending += text;
      lastNs = ns;
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        if (line.trim()) {
          process.stdout.write(`${(lastNs / 1e9).toFixed(3).padStart(8)} s  ${line}\n`);
        }
      }
    } : undefined,
  });
  const { result, checks } = demo;
  if (values.vcd) {
    fs.writeFileSync(values.vcd, formatVcd(vcdSignals(result), { endNs: result.endNs, comment: `picoemu demo: ${values.firmware} + ${values.deploy}` }));
  }
  const passed = checks.filter((c) => c.ok).length;
  if (values.json) {
    process.stdout.write(JSON.stringify({
      checks, passed, failed: checks.length - passed, expected: demo.expected, presses: demo.presses, edgesDriven: demo.driven,
      readyMs: result.waitedNs / 1e6, endMs: result.endNs / 1e6, lines: demo.output.lines.map((l) => ({ ms: l.ns / 1e6, text: l.text })),
      led: result.traces[0].changes.map((c) => ({ ms: c.ns / 1e6, value: c.value })),
    }, null, 1) + '\n');
  } else {
    const lines = [`picoemu demo: program ready at ${(result.waitedNs / 1e6).toFixed(1)} ms; ${demo.presses.length} presses, ${demo.driven} edges driven on GP14 from ` +
      `${(result.offsetUs / 1000).toFixed(0)} ms; ${(result.endNs / 1e6).toFixed(0)} ms emulated`];
    for (const c of checks) {
      lines.push(`${c.ok ? 'PASS' : 'FAIL'}  ${c.text}`);
    }
    lines.push(`picoemu demo: ${passed} of ${checks.length} checks passed${values.vcd ? `; VCD (GP14 driven, GP25 recorded) written to ${values.vcd}` : ''}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
  if (result.stopText) {
    process.stderr.write(`picoemu: ${result.stopText}\n`);
  }
  return passed === checks.length ? 0 : 1;
}

function main(argv) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return commandRun(rest);
      case 'latency':
        return commandLatency(rest);
      case 'demo':
        return commandDemo(rest);
      case 'unittest':
        return commandUnitTest(rest);
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
    if (e instanceof ScriptError) {
      process.stderr.write(`picoemu: ${e.message}\n`);
      return 1;
    }
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

module.exports = { simulate, vcdSignals, main, USAGE, commandLatency, parseTestResults };
