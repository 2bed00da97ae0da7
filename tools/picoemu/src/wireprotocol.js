'use strict';
// The nanoFramework wire protocol, host side, written from nf-interpreter's src/CLR/Include/WireProtocol.h,
// src/CLR/WireProtocol/WireProtocol_Message.c, src/CLR/Debugger/Debugger.cpp and src/CLR/Diagnostics/Info.cpp
// (read, not copied):
//
// - a packet is a 32-byte header then m_size payload bytes, little-endian:
//     m_signature[8] "NFPKTV1\0" | m_crcHeader u32 | m_crcData u32 | m_cmd u32 | m_seq u16 | m_seqReply u16 |
//     m_flags u32 | m_size u32
// - CRC32 (when the firmware is built with NF_WP_ENABLE_CRC32; PICO_RP2040's default build has it off and sends
//   0 in both fields): polynomial 0x04C11DB7, MSB first, initial value 0, no final XOR, over the payload
//   (m_crcData) and over the header with m_crcHeader set to 0 (m_crcHeader);
// - flags: c_NonCritical 0x0001 (no reply wanted), c_Reply 0x0002, c_BadHeader 0x0004, c_BadPayload 0x0008,
//   c_NoCaching 0x2000, c_NACK 0x4000, c_ACK 0x8000; a reply carries the request's m_seq in m_seqReply;
// - at boot nanoCLR broadcasts Monitor_Ping (Source 0x00010000 = nanoCLR) with c_NonCritical | c_NoCaching; a
//   Monitor_Ping received from the host sets the debugger's c_fDebugger_Enabled condition, and from then
//   CLR_Debug::Emit (every Debug.WriteLine / Console.WriteLine line, and the CLR's own messages) is sent as
//   Monitor_Message (0x00000001, payload = the text, no terminating zero) while the condition c_fDebugger_Quiet
//   (0x00010000) is clear. Without the debugger enabled the text goes to the debug text port, which on this
//   target writes nothing.

const MARKER = Buffer.from('NFPKTV1\0', 'latin1');
const HEADER_SIZE = 32;
const MAX_PAYLOAD = 1024; // WP_PACKET_SIZE default; the device refuses larger packets

const Flags = {
  NonCritical: 0x0001,
  Reply: 0x0002,
  BadHeader: 0x0004,
  BadPayload: 0x0008,
  NoCaching: 0x2000,
  NACK: 0x4000,
  ACK: 0x8000,
};

const Commands = {
  Monitor_Ping: 0x00000000,
  Monitor_Message: 0x00000001,
  Monitor_ReadMemory: 0x00000002,
  Monitor_Reboot: 0x00000007,
  Monitor_ProgramExit: 0x00000009,
  Monitor_TargetInfo: 0x00000020,
  Debugging_Execution_ChangeConditions: 0x00020001,
  Debugging_Execution_QueryCLRCapabilities: 0x00020008,
  Debugging_Execution_BreakpointHit: 0x00020006,
  Debugging_Button_Report: 0x00020080,
};

/** Monitor_Reboot flags (CLR_DBG_Commands::Monitor_Reboot). */
const RebootFlags = { Normal: 0, EnterNanoBooter: 1, ClrOnly: 2, WaitForDebugger: 4, EnterProprietaryBooter: 8 };

const PingSource = { NanoCLR: 0x00010000, NanoBooter: 0x00010001, Host: 0x00010002 };
const PingFlags = { Stop: 0x00000001, AppExit: 0x00000004, SupportsCRC32: 0x00000010 };

/** Debugger conditions (CLR_RT_ExecutionEngine::c_fDebugger_*), what Debugging_Execution_ChangeConditions sets and resets. */
const Conditions = {
  StateProgramRunning: 0x00000400,
  StateProgramExited: 0x00000800,
  BreakpointsDisabled: 0x00001000,
  Quiet: 0x00010000,
  ExitPending: 0x00020000,
  SourceLevelDebugging: 0x10000000,
  RebootPending: 0x20000000,
  Enabled: 0x40000000,
  Stopped: 0x80000000,
};

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) {
      c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    }
    table[i] = c >>> 0;
  }
  return table;
})();

/** nanoFramework's SUPPORT_ComputeCRC: CRC32 MSB first, polynomial 0x04C11DB7, from `crc` (0 in the protocol), no final XOR. */
function crc32(bytes, crc = 0) {
  let c = crc >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    c = (CRC_TABLE[((c >>> 24) ^ bytes[i]) & 0xff] ^ (c << 8)) >>> 0;
  }
  return c;
}

function commandName(cmd) {
  for (const [name, value] of Object.entries(Commands)) {
    if (value === cmd) {
      return name;
    }
  }
  return `0x${cmd.toString(16).padStart(8, '0')}`;
}

function flagNames(flags) {
  const names = Object.entries(Flags).filter(([, v]) => flags & v).map(([n]) => n);
  return names.length ? names.join('|') : '0';
}

/** A packet's bytes. crc: compute both CRCs (a device without CRC32 ignores them; one with it needs them). */
function encodePacket({ cmd, seq, seqReply = 0, flags = 0, payload = Buffer.alloc(0), crc = true }) {
  const body = Buffer.from(payload);
  if (body.length > MAX_PAYLOAD) {
    throw new RangeError(`payload of ${body.length} bytes: the device takes at most ${MAX_PAYLOAD}`);
  }
  const header = Buffer.alloc(HEADER_SIZE);
  MARKER.copy(header, 0);
  header.writeUInt32LE(crc ? crc32(body) : 0, 12);
  header.writeUInt32LE(cmd >>> 0, 16);
  header.writeUInt16LE(seq & 0xffff, 20);
  header.writeUInt16LE(seqReply & 0xffff, 22);
  header.writeUInt32LE(flags >>> 0, 24);
  header.writeUInt32LE(body.length, 28);
  header.writeUInt32LE(crc ? crc32(header) : 0, 8); // over the header with m_crcHeader = 0
  return Buffer.concat([header, body]);
}

function decodeHeader(header) {
  return {
    crcHeader: header.readUInt32LE(8),
    crcData: header.readUInt32LE(12),
    cmd: header.readUInt32LE(16),
    seq: header.readUInt16LE(20),
    seqReply: header.readUInt16LE(22),
    flags: header.readUInt32LE(24),
    size: header.readUInt32LE(28),
  };
}

/** The CRC the header should carry (over the 32 bytes with the m_crcHeader field zeroed). */
function headerCrc(header) {
  const copy = Buffer.from(header.subarray(0, HEADER_SIZE));
  copy.writeUInt32LE(0, 8);
  return crc32(copy);
}

/**
 * Splits the device's byte stream into packets. feed(bytes) returns the items completed by these bytes, in
 * order: { type: 'packet', cmd, seq, seqReply, flags, size, payload, crcChecked }, { type: 'text', text } for
 * bytes outside packets (a firmware that prints plain text on the same port), { type: 'bad', reason, header }
 * for a header or payload that fails its check (the parser then looks for the next marker after that marker).
 * CRCs: a field of 0 is accepted (firmware built without CRC32, the default); any other value must match.
 */
class PacketParser {
  constructor() {
    this.buffer = Buffer.alloc(0);
    this.stats = { packets: 0, bad: 0, textBytes: 0 };
  }

  feed(bytes) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, Buffer.from(bytes)]) : Buffer.from(bytes);
    const out = [];
    for (;;) {
      const at = this.buffer.indexOf(MARKER);
      if (at < 0) {
        // keep a tail that could be the start of a marker
        let keep = 0;
        for (let k = Math.min(MARKER.length - 1, this.buffer.length); k > 0; k--) {
          if (this.buffer.subarray(this.buffer.length - k).equals(MARKER.subarray(0, k))) {
            keep = k;
            break;
          }
        }
        this.text(out, this.buffer.subarray(0, this.buffer.length - keep));
        this.buffer = this.buffer.subarray(this.buffer.length - keep);
        return out;
      }
      this.text(out, this.buffer.subarray(0, at));
      this.buffer = this.buffer.subarray(at);
      if (this.buffer.length < HEADER_SIZE) {
        return out;
      }
      const header = this.buffer.subarray(0, HEADER_SIZE);
      const h = decodeHeader(header);
      if ((h.crcHeader !== 0 && h.crcHeader !== headerCrc(header)) || h.size > MAX_PAYLOAD) {
        this.stats.bad++;
        out.push({ type: 'bad', reason: h.size > MAX_PAYLOAD ? `payload size ${h.size} over ${MAX_PAYLOAD}` : 'header CRC', header: h });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      if (this.buffer.length < HEADER_SIZE + h.size) {
        return out;
      }
      const payload = Buffer.from(this.buffer.subarray(HEADER_SIZE, HEADER_SIZE + h.size));
      if (h.crcData !== 0 && h.crcData !== crc32(payload)) {
        this.stats.bad++;
        out.push({ type: 'bad', reason: 'payload CRC', header: h });
        this.buffer = this.buffer.subarray(1);
        continue;
      }
      this.buffer = this.buffer.subarray(HEADER_SIZE + h.size);
      this.stats.packets++;
      out.push({ type: 'packet', ...h, payload, crcChecked: h.crcHeader !== 0 });
    }
  }

  text(out, bytes) {
    if (bytes.length) {
      this.stats.textBytes += bytes.length;
      out.push({ type: 'text', text: Buffer.from(bytes).toString('latin1') });
    }
  }
}

function u32le(a) {
  const p = Buffer.alloc(4);
  p.writeUInt32LE(a >>> 0, 0);
  return p;
}

function u32pair(a, b) {
  const p = Buffer.alloc(8);
  p.writeUInt32LE(a >>> 0, 0);
  p.writeUInt32LE(b >>> 0, 4);
  return p;
}

/**
 * The host: what a debugger does to get a running program's output. attach() (called once the device is
 * heard from, or at once) sends Monitor_Ping {Source: host, Flags: 0 (do not stop)}; on its reply, sends
 * Debugging_Execution_ChangeConditions {set: Enabled, reset: Stopped | Quiet} as a critical request (so the
 * device replies with the conditions now in force), which keeps a stopped program running and the debug text
 * flowing. Device requests that want an answer (no c_NonCritical) get an empty ACK reply; a device ping gets a
 * ping reply. Monitor_Message payloads go to onMessage(text); everything to onPacket(item, direction).
 *
 * send(bytes) writes to the device (the CDC host's queue); feed(bytes) takes the device's bytes.
 */
class WireProtocolHost {
  constructor({ send, onMessage, onPacket, onText, onAttached, onProgramExit, now = () => 0, crc = true, restart = false } = {}) {
    this.onProgramExit = onProgramExit;
    this.restart = restart;
    this.restarted = false;
    this.boots = 0; // device pings seen (one per CLR start)
    this.sendBytes = send;
    this.onMessage = onMessage;
    this.onPacket = onPacket;
    this.onText = onText;
    this.onAttached = onAttached;
    this.now = now;
    this.crc = crc;
    this.parser = new PacketParser();
    this.seq = 0;
    this.pending = new Map(); // seq -> { cmd, resolve }
    this.state = 'idle'; // idle -> pinging -> conditions -> attached
    this.device = null; // { source, flags } from the ping reply
    this.conditions = null; // from the ChangeConditions reply
    this.log = []; // { ns, dir: 'in'|'out', cmd, seq, seqReply, flags, size }
    this.messages = []; // { ns, text }
    this.programExited = false;
  }

  request(cmd, payload, flags, onReply) {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xffff;
    const bytes = encodePacket({ cmd, seq, flags, payload, crc: this.crc });
    if (onReply) {
      this.pending.set(seq, { cmd, onReply });
    }
    this.record('out', { cmd, seq, seqReply: 0, flags, size: bytes.length - HEADER_SIZE });
    this.sendBytes(bytes);
    return seq;
  }

  reply(packet, flags, payload = Buffer.alloc(0)) {
    const seq = this.seq;
    this.seq = (this.seq + 1) & 0xffff;
    const f = flags | Flags.Reply;
    const bytes = encodePacket({ cmd: packet.cmd, seq, seqReply: packet.seq, flags: f, payload, crc: this.crc });
    this.record('out', { cmd: packet.cmd, seq, seqReply: packet.seq, flags: f, size: payload.length });
    this.sendBytes(bytes);
  }

  record(dir, h) {
    const entry = { ns: this.now(), dir, cmd: h.cmd, seq: h.seq, seqReply: h.seqReply, flags: h.flags, size: h.size };
    this.log.push(entry);
    if (this.onPacket) {
      this.onPacket(entry);
    }
  }

  attach() {
    if (this.state !== 'idle') {
      return;
    }
    this.state = 'pinging';
    this.request(Commands.Monitor_Ping, u32pair(PingSource.Host, 0), 0, (p) => {
      this.device = p.payload.length >= 8 ? { source: p.payload.readUInt32LE(0), flags: p.payload.readUInt32LE(4) } : null;
      this.state = 'conditions';
      this.request(
        Commands.Debugging_Execution_ChangeConditions,
        u32pair(Conditions.Enabled, Conditions.Stopped | Conditions.Quiet),
        0,
        (r) => {
          this.conditions = r.payload.length >= 4 ? r.payload.readUInt32LE(0) : null;
          if (this.restart && !this.restarted) {
            // The CLR printed its boot messages and started Main before the device could read anything (its
            // receiver thread starts 500 ms after boot): restart the CLR (not the chip) waiting for the debugger,
            // as Visual Studio does before a debug session, so the program runs again from the start with the
            // debugger enabled and all of its output comes as Monitor_Message.
            this.restarted = true;
            this.state = 'restarting';
            this.request(Commands.Monitor_Reboot, u32le(RebootFlags.ClrOnly | RebootFlags.WaitForDebugger), 0, () => {});
            return;
          }
          this.state = 'attached';
          if (this.onAttached) {
            this.onAttached(this);
          }
        },
      );
    });
  }

  /** After a CLR restart: the device pinged again; enable the debugger and let the program run. */
  resume() {
    this.request(
      Commands.Debugging_Execution_ChangeConditions,
      u32pair(Conditions.Enabled, Conditions.Stopped | Conditions.Quiet),
      0,
      (r) => {
        this.conditions = r.payload.length >= 4 ? r.payload.readUInt32LE(0) : null;
        this.state = 'attached';
        if (this.onAttached) {
          this.onAttached(this);
        }
      },
    );
  }

  feed(bytes) {
    for (const item of this.parser.feed(bytes)) {
      if (item.type === 'text') {
        if (this.onText) {
          this.onText(item.text);
        }
        continue;
      }
      if (item.type === 'bad') {
        continue;
      }
      this.record('in', item);
      if (item.flags & Flags.Reply) {
        const waiting = this.pending.get(item.seqReply);
        if (waiting && waiting.cmd === item.cmd) {
          this.pending.delete(item.seqReply);
          waiting.onReply(item);
        }
        continue;
      }
      if (item.cmd === Commands.Monitor_Message) {
        const text = item.payload.toString('utf8');
        this.messages.push({ ns: this.now(), text });
        if (this.onMessage) {
          this.onMessage(text);
        }
      } else if (item.cmd === Commands.Monitor_ProgramExit) {
        if (this.state === 'attached') {
          this.programExited = true;
          if (this.onProgramExit) {
            this.onProgramExit();
          }
        }
      }
      if (item.cmd === Commands.Monitor_Ping) {
        // the device announces itself (boot): answer as a debugger would, and attach
        this.boots++;
        this.reply(item, Flags.ACK | Flags.NonCritical, u32pair(PingSource.Host, 0));
        if (this.state === 'restarting') {
          this.resume();
        } else {
          this.attach();
        }
      } else if (!(item.flags & Flags.NonCritical)) {
        this.reply(item, Flags.ACK | Flags.NonCritical);
      }
    }
  }

  /** The Monitor_Message text so far, joined. */
  get output() {
    return this.messages.map((m) => m.text).join('');
  }
}

module.exports = {
  MARKER, HEADER_SIZE, MAX_PAYLOAD, Flags, Commands, Conditions, PingSource, PingFlags, RebootFlags,
  crc32, encodePacket, decodeHeader, headerCrc, PacketParser, WireProtocolHost, commandName, flagNames,
};
