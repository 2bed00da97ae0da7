'use strict';
// The nanoFramework wire protocol host (src/wireprotocol.js) without any firmware: CRC32 as nanoFramework computes
// it, packet framing and parsing (split packets, text between packets, CRC 0 accepted, bad CRCs and sizes
// refused and resynchronised), the attach sequence against a scripted device (ping, conditions, CLR restart,
// Monitor_Message text, acknowledgements), and start-of-frame on rp2040js's USB controller in device mode.

const test = require('node:test');
const assert = require('node:assert/strict');
const { RP2040 } = require('rp2040js');
const w = require('../src/wireprotocol');
const { startDeviceSof, INTR_DEV_SOF } = require('../src/usbcdc');

const { Flags, Commands, Conditions } = w;

/** A packet as the device builds it (WP_Message_PrepareRequest / PrepareReply), with or without CRC32. */
function devicePacket({ cmd, seq, seqReply = 0, flags, payload = Buffer.alloc(0), crc = false }) {
  return w.encodePacket({ cmd, seq, seqReply, flags, payload, crc });
}

function packetsOf(bytes) {
  return new w.PacketParser().feed(bytes).filter((i) => i.type === 'packet');
}

test('CRC32: polynomial 0x04C11DB7, MSB first, initial 0, no final XOR (SUPPORT_ComputeCRC)', () => {
  assert.equal(w.crc32(Buffer.from('123456789')), 0x89a1897f);
  assert.equal(w.crc32(Buffer.alloc(0)), 0);
  assert.equal(w.crc32(Buffer.from([0x01])), 0x04c11db7); // one byte: the table entry
  // chaining: the CRC of a whole equals the CRC of the second part started from the first part's CRC
  const a = Buffer.from('nanoFramework ');
  const b = Buffer.from('wire protocol');
  assert.equal(w.crc32(b, w.crc32(a)), w.crc32(Buffer.concat([a, b])));
});

test('packet framing: NFPKTV1 marker, little-endian header fields, header CRC over the header with its CRC zeroed', () => {
  const payload = Buffer.from([0x02, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const bytes = w.encodePacket({ cmd: 0x00020001, seq: 0x1234, seqReply: 0xabcd, flags: Flags.Reply | Flags.ACK, payload });
  assert.equal(bytes.length, w.HEADER_SIZE + 8);
  assert.equal(bytes.subarray(0, 8).toString('latin1'), 'NFPKTV1\0');
  const h = w.decodeHeader(bytes);
  assert.deepEqual(
    { cmd: h.cmd, seq: h.seq, seqReply: h.seqReply, flags: h.flags, size: h.size },
    { cmd: 0x00020001, seq: 0x1234, seqReply: 0xabcd, flags: 0x8002, size: 8 },
  );
  assert.equal(bytes.readUInt32LE(16), 0x00020001);
  assert.equal(bytes.readUInt16LE(20), 0x1234);
  assert.equal(h.crcData, w.crc32(payload));
  const zeroed = Buffer.from(bytes.subarray(0, 32));
  zeroed.writeUInt32LE(0, 8);
  assert.equal(h.crcHeader, w.crc32(zeroed));
  assert.equal(w.headerCrc(bytes), h.crcHeader);
  // without CRC (what PICO_RP2040's default build sends): both fields 0
  const plain = w.encodePacket({ cmd: 1, seq: 0, payload, crc: false });
  assert.equal(plain.readUInt32LE(8), 0);
  assert.equal(plain.readUInt32LE(12), 0);
  assert.throws(() => w.encodePacket({ cmd: 1, seq: 0, payload: Buffer.alloc(1025) }), /at most 1024/);
});

test('parser: packets split anywhere, text between packets, CRC 0 accepted, CRC checked when present', () => {
  const a = devicePacket({ cmd: Commands.Monitor_Message, seq: 7, flags: Flags.NonCritical | Flags.NoCaching, payload: Buffer.from('hello\r\n') });
  const b = devicePacket({ cmd: Commands.Monitor_Ping, seq: 8, flags: Flags.NonCritical, crc: true });
  const stream = Buffer.concat([Buffer.from('boot text '), a, Buffer.from('NFP'), Buffer.from('KT and more '), b]);
  const parser = new w.PacketParser();
  const items = [];
  for (let i = 0; i < stream.length; i += 5) {
    items.push(...parser.feed(stream.subarray(i, i + 5))); // 5-byte chunks: every field split somewhere
  }
  const packets = items.filter((i) => i.type === 'packet');
  assert.equal(packets.length, 2);
  assert.equal(packets[0].payload.toString(), 'hello\r\n');
  assert.equal(packets[0].seq, 7);
  assert.equal(packets[0].crcChecked, false);
  assert.equal(packets[1].cmd, Commands.Monitor_Ping);
  assert.equal(packets[1].crcChecked, true);
  const text = items.filter((i) => i.type === 'text').map((i) => i.text).join('');
  assert.equal(text, 'boot text NFPKT and more ');
  assert.equal(parser.stats.bad, 0);
});

test('parser: a bad header CRC, a bad payload CRC and an oversized packet are reported and skipped', () => {
  const good = devicePacket({ cmd: Commands.Monitor_Message, seq: 1, flags: Flags.NonCritical, payload: Buffer.from('ok'), crc: true });
  const badHeader = Buffer.from(good);
  badHeader.writeUInt16LE(99, 20); // seq changed after the CRC was computed
  const badPayload = Buffer.from(good);
  badPayload[w.HEADER_SIZE] ^= 0xff;
  const tooBig = devicePacket({ cmd: 1, seq: 2, flags: 0 });
  tooBig.writeUInt32LE(5000, 28);
  const parser = new w.PacketParser();
  const items = parser.feed(Buffer.concat([badHeader, badPayload, tooBig, good]));
  const bad = items.filter((i) => i.type === 'bad').map((i) => i.reason);
  assert.deepEqual(bad, ['header CRC', 'payload CRC', 'payload size 5000 over 1024']);
  const packets = items.filter((i) => i.type === 'packet');
  assert.equal(packets.length, 1);
  assert.equal(packets[0].payload.toString(), 'ok');
  assert.equal(packets[0].seq, 1);
});

/** A scripted device: collects what the host sends, answers like nanoCLR's handlers. */
function harness(options = {}) {
  const sent = [];
  const messages = [];
  let attached = 0;
  const host = new w.WireProtocolHost({
    send: (bytes) => sent.push(...packetsOf(bytes)),
    onMessage: (text) => messages.push(text),
    onAttached: () => attached++,
    ...options,
  });
  let deviceSeq = 100;
  const device = (p) => host.feed(devicePacket({ seq: deviceSeq++, ...p }));
  const reply = (req, payload) => device({ cmd: req.cmd, seqReply: req.seq, flags: Flags.Reply | Flags.ACK | Flags.NonCritical, payload });
  return { host, sent, messages, device, reply, attached: () => attached };
}

const u32 = (...values) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; }));

test('host: the device\'s boot ping is answered, then Monitor_Ping and ChangeConditions (enable, not stopped, not quiet)', () => {
  const h = harness();
  h.device({ cmd: Commands.Monitor_Ping, flags: Flags.NonCritical | Flags.NoCaching }); // Debugger_Discovery's broadcast
  assert.equal(h.sent.length, 2);
  const [pingReply, ping] = h.sent;
  assert.equal(pingReply.cmd, Commands.Monitor_Ping);
  assert.equal(pingReply.seqReply, 100);
  assert.ok(pingReply.flags & Flags.Reply && pingReply.flags & Flags.NonCritical);
  assert.deepEqual([...pingReply.payload], [...u32(w.PingSource.Host, 0)]); // no Stop flag: the program keeps running
  assert.equal(ping.flags, 0); // critical: the device replies
  assert.deepEqual([...ping.payload], [...u32(w.PingSource.Host, 0)]);
  assert.notEqual(ping.seq, pingReply.seq);
  h.reply(ping, u32(w.PingSource.NanoCLR, 0x000c0204));
  assert.deepEqual(h.host.device, { source: w.PingSource.NanoCLR, flags: 0x000c0204 });
  const cond = h.sent[2];
  assert.equal(cond.cmd, Commands.Debugging_Execution_ChangeConditions);
  assert.equal(cond.payload.readUInt32LE(0), Conditions.Enabled);
  assert.equal(cond.payload.readUInt32LE(4), (Conditions.Stopped | Conditions.Quiet) >>> 0);
  assert.equal(h.host.state, 'conditions');
  h.reply(cond, u32(0x40000400));
  assert.equal(h.host.state, 'attached');
  assert.equal(h.host.conditions, 0x40000400);
  assert.equal(h.attached(), 1);
  // a reply with another sequence number is not taken for ours
  h.device({ cmd: Commands.Debugging_Execution_ChangeConditions, seqReply: 999, flags: Flags.Reply, payload: u32(0) });
  assert.equal(h.host.conditions, 0x40000400);
});

test('host: Monitor_Message text goes to onMessage; a critical device request gets an ACK with its sequence number', () => {
  const h = harness();
  h.device({ cmd: Commands.Monitor_Message, flags: Flags.NonCritical | Flags.NoCaching, payload: Buffer.from('count 1, LED on  press\r\n') });
  h.device({ cmd: Commands.Monitor_Message, flags: Flags.NonCritical | Flags.NoCaching, payload: Buffer.from('Ready.\r\n') });
  assert.deepEqual(h.messages, ['count 1, LED on  press\r\n', 'Ready.\r\n']);
  assert.equal(h.host.output, 'count 1, LED on  press\r\nReady.\r\n');
  assert.equal(h.sent.length, 0); // non-critical: nothing to acknowledge
  h.device({ cmd: Commands.Debugging_Execution_BreakpointHit, flags: 0, payload: Buffer.alloc(8) });
  assert.equal(h.sent.length, 1);
  assert.equal(h.sent[0].cmd, Commands.Debugging_Execution_BreakpointHit);
  assert.equal(h.sent[0].seqReply, 102);
  assert.ok(h.sent[0].flags & Flags.ACK && h.sent[0].flags & Flags.Reply && h.sent[0].flags & Flags.NonCritical);
  // a program exit before the host is attached (the run before the CLR restart) is not the end
  h.device({ cmd: Commands.Monitor_ProgramExit, flags: Flags.NonCritical });
  assert.equal(h.host.programExited, false);
  h.host.state = 'attached';
  h.device({ cmd: Commands.Monitor_ProgramExit, flags: Flags.NonCritical });
  assert.equal(h.host.programExited, true);
});

test('host with restart: after attaching, the CLR is restarted waiting for the debugger; its next ping resumes it', () => {
  const h = harness({ restart: true });
  h.device({ cmd: Commands.Monitor_Ping, flags: Flags.NonCritical | Flags.NoCaching });
  h.reply(h.sent[1], u32(w.PingSource.NanoCLR, 0));
  h.reply(h.sent[2], u32(0x40000400));
  const reboot = h.sent[3];
  assert.equal(reboot.cmd, Commands.Monitor_Reboot);
  assert.equal(reboot.payload.readUInt32LE(0), w.RebootFlags.ClrOnly | w.RebootFlags.WaitForDebugger);
  assert.equal(h.host.state, 'restarting');
  assert.equal(h.attached(), 0);
  h.reply(reboot);
  h.device({ cmd: Commands.Monitor_Ping, flags: Flags.NonCritical | Flags.NoCaching }); // the restarted CLR
  assert.equal(h.host.boots, 2);
  const [pingReply, cond] = h.sent.slice(4);
  assert.ok(pingReply.flags & Flags.Reply);
  assert.equal(cond.cmd, Commands.Debugging_Execution_ChangeConditions);
  assert.equal(cond.payload.readUInt32LE(4), (Conditions.Stopped | Conditions.Quiet) >>> 0);
  h.reply(cond, u32(0x40000000));
  assert.equal(h.host.state, 'attached');
  assert.equal(h.attached(), 1);
  // sequence numbers of the host's packets all differ
  assert.equal(new Set(h.sent.map((p) => p.seq)).size, h.sent.length);
});

test('USB start-of-frame in device mode: DEV_SOF every ms with the frame number, cleared by reading SOF_RD', () => {
  const mcu = new RP2040();
  mcu.logger = { debug() {}, info() {}, warn() {}, error() {} };
  const usb = mcu.usbCtrl;
  const stop = startDeviceSof(usb);
  mcu.clock.tick(999999);
  assert.equal(usb.intRaw & INTR_DEV_SOF, 0);
  mcu.clock.tick(1);
  assert.equal(usb.intRaw & INTR_DEV_SOF, INTR_DEV_SOF);
  mcu.clock.tick(2000000);
  assert.equal(usb.readUint32(0x48), 3); // SOF_RD: frame 3 ...
  assert.equal(usb.intRaw & INTR_DEV_SOF, 0); // ... and the interrupt is cleared
  stop();
  mcu.clock.tick(5000000);
  assert.equal(usb.intRaw & INTR_DEV_SOF, 0);
});
