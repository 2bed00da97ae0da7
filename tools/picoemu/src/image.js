'use strict';
// Loading an RP2040 image: .uf2, raw .bin (flash from 0x10000000) or .elf, plus an optional deployment
// image (a nanoFramework application's .bin) at its own flash address, and where execution starts.

const fs = require('node:fs');
const path = require('node:path');
const { InputError } = require('./errors');

const FLASH_BASE = 0x10000000;
const FLASH_SIZE = 16 * 1024 * 1024; // what rp2040js models (a Pico has 2 MB)
const SRAM_BASE = 0x20000000;
const SRAM_SIZE = 264 * 1024;
const SRAM_END = SRAM_BASE + SRAM_SIZE;
/** Where nanoFramework's PICO_RP2040 target keeps the deployment region (the address issue 18 measured). */
const DEFAULT_DEPLOY_ADDRESS = 0x100fc000;

const UF2_MAGIC0 = 0x0a324655;
const UF2_MAGIC1 = 0x9e5d5157;
const UF2_MAGIC_END = 0x0ab16f30;
const UF2_FLAG_NOT_MAIN_FLASH = 0x00000001;
const UF2_FLAG_FAMILY_ID = 0x00002000;
const UF2_FAMILY_RP2040 = 0xe48bff56;

const hex = (n) => '0x' + (n >>> 0).toString(16).padStart(8, '0');

function inFlash(address, length) {
  return address >= FLASH_BASE && address + length <= FLASH_BASE + FLASH_SIZE;
}

function inSram(address, length) {
  return address >= SRAM_BASE && address + length <= SRAM_END;
}

function isUf2(bytes) {
  return bytes.length >= 512 && bytes.readUInt32LE(0) === UF2_MAGIC0 && bytes.readUInt32LE(4) === UF2_MAGIC1;
}

function isElf(bytes) {
  return bytes.length >= 52 && bytes[0] === 0x7f && bytes.toString('latin1', 1, 4) === 'ELF';
}

function parseUf2(bytes, name) {
  if (bytes.length % 512 !== 0) {
    throw new InputError(`${name}: UF2 file size ${bytes.length} is not a multiple of 512-byte blocks`);
  }
  const segments = [];
  for (let offset = 0; offset < bytes.length; offset += 512) {
    const block = offset / 512;
    if (bytes.readUInt32LE(offset) !== UF2_MAGIC0 || bytes.readUInt32LE(offset + 4) !== UF2_MAGIC1 ||
        bytes.readUInt32LE(offset + 508) !== UF2_MAGIC_END) {
      throw new InputError(`${name}: UF2 block ${block} has a wrong magic number (corrupt or not UF2)`);
    }
    const flags = bytes.readUInt32LE(offset + 8);
    const address = bytes.readUInt32LE(offset + 12);
    const size = bytes.readUInt32LE(offset + 16);
    const family = bytes.readUInt32LE(offset + 28);
    if (flags & UF2_FLAG_NOT_MAIN_FLASH) {
      continue;
    }
    if ((flags & UF2_FLAG_FAMILY_ID) && family !== UF2_FAMILY_RP2040) {
      throw new InputError(`${name}: UF2 block ${block} is for family ${hex(family)}, not RP2040 (${hex(UF2_FAMILY_RP2040)})`);
    }
    if (size > 476) {
      throw new InputError(`${name}: UF2 block ${block} claims ${size} payload bytes (at most 476)`);
    }
    if (!inFlash(address, size)) {
      throw new InputError(`${name}: UF2 block ${block} writes ${hex(address)}, outside flash ${hex(FLASH_BASE)}-${hex(FLASH_BASE + FLASH_SIZE)}`);
    }
    segments.push({ address, bytes: bytes.subarray(offset + 32, offset + 32 + size) });
  }
  if (segments.length === 0) {
    throw new InputError(`${name}: UF2 file has no block for the RP2040's flash`);
  }
  return { format: 'uf2', segments, symbols: new Map() };
}

function parseElf(bytes, name) {
  if (bytes[4] !== 1 || bytes[5] !== 1) {
    throw new InputError(`${name}: ELF file is not 32-bit little-endian (an RP2040 image is)`);
  }
  const machine = bytes.readUInt16LE(18);
  if (machine !== 40) {
    throw new InputError(`${name}: ELF machine ${machine} is not ARM (40)`);
  }
  const phoff = bytes.readUInt32LE(28);
  const shoff = bytes.readUInt32LE(32);
  const phentsize = bytes.readUInt16LE(42);
  const phnum = bytes.readUInt16LE(44);
  const shentsize = bytes.readUInt16LE(46);
  const shnum = bytes.readUInt16LE(48);
  const segments = [];
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (ph + 32 > bytes.length) {
      throw new InputError(`${name}: ELF program header ${i} lies past the end of the file`);
    }
    const type = bytes.readUInt32LE(ph);
    const fileOffset = bytes.readUInt32LE(ph + 4);
    const loadAddress = bytes.readUInt32LE(ph + 12); // p_paddr: where the bytes sit at reset
    const fileSize = bytes.readUInt32LE(ph + 16);
    if (type !== 1 || fileSize === 0) {
      continue; // not PT_LOAD, or nothing stored (bss)
    }
    if (fileOffset + fileSize > bytes.length) {
      throw new InputError(`${name}: ELF segment ${i} lies past the end of the file`);
    }
    if (!inFlash(loadAddress, fileSize) && !inSram(loadAddress, fileSize)) {
      throw new InputError(`${name}: ELF segment ${i} loads at ${hex(loadAddress)}, neither in flash nor in SRAM`);
    }
    segments.push({ address: loadAddress, bytes: bytes.subarray(fileOffset, fileOffset + fileSize) });
  }
  if (segments.length === 0) {
    throw new InputError(`${name}: ELF file has no loadable segment`);
  }
  return { format: 'elf', segments, symbols: readElfSymbols(bytes, shoff, shentsize, shnum) };
}

/** name -> { address, size } from .symtab (functions with the Thumb bit cleared). */
function readElfSymbols(bytes, shoff, shentsize, shnum) {
  const symbols = new Map();
  const section = (i) => {
    const sh = shoff + i * shentsize;
    return {
      type: bytes.readUInt32LE(sh + 4), offset: bytes.readUInt32LE(sh + 16), size: bytes.readUInt32LE(sh + 20),
      link: bytes.readUInt32LE(sh + 24), entsize: bytes.readUInt32LE(sh + 36),
    };
  };
  if (shoff === 0 || shoff + shnum * shentsize > bytes.length) {
    return symbols;
  }
  for (let i = 0; i < shnum; i++) {
    const symtab = section(i);
    if (symtab.type !== 2 || symtab.entsize < 16) {
      continue; // SHT_SYMTAB only
    }
    const strtab = section(symtab.link);
    for (let s = symtab.offset; s + 16 <= symtab.offset + symtab.size; s += symtab.entsize) {
      const nameStart = strtab.offset + bytes.readUInt32LE(s);
      const nameEnd = bytes.indexOf(0, nameStart);
      const symName = bytes.toString('latin1', nameStart, nameEnd);
      const type = bytes[s + 12] & 0xf;
      if (symName && (type === 1 || type === 2)) { // STT_OBJECT, STT_FUNC
        symbols.set(symName, { address: (bytes.readUInt32LE(s + 4) & (type === 2 ? ~1 : ~0)) >>> 0, size: bytes.readUInt32LE(s + 8) });
      }
    }
  }
  return symbols;
}

function parseBin(bytes, name) {
  if (bytes.length === 0) {
    throw new InputError(`${name}: the image is empty`);
  }
  if (bytes.length > FLASH_SIZE) {
    throw new InputError(`${name}: ${bytes.length} bytes do not fit the ${FLASH_SIZE}-byte flash`);
  }
  return { format: 'bin', segments: [{ address: FLASH_BASE, bytes }], symbols: new Map() };
}

function readFileOrFail(file, what) {
  if (!file) {
    throw new InputError(`no ${what} given`);
  }
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read the ${what} (${e.code || e.message})`);
  }
}

/**
 * Reads a firmware image. The format comes from the extension (.uf2, .bin, .elf) and must match the file's
 * magic number; a file with another extension is recognised by its magic (UF2, ELF), else refused.
 */
function loadImage(file) {
  const bytes = readFileOrFail(file, 'firmware image');
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.uf2' || (ext !== '.elf' && ext !== '.bin' && isUf2(bytes))) {
    if (!isUf2(bytes)) {
      throw new InputError(`${name}: not a UF2 file (wrong magic number in the first block)`);
    }
    return parseUf2(bytes, name);
  }
  if (ext === '.elf' || (ext !== '.bin' && isElf(bytes))) {
    if (!isElf(bytes)) {
      throw new InputError(`${name}: not an ELF file (no \\x7fELF magic)`);
    }
    return parseElf(bytes, name);
  }
  if (ext === '.bin') {
    if (isUf2(bytes) || isElf(bytes)) {
      throw new InputError(`${name}: named .bin but holds a ${isUf2(bytes) ? 'UF2' : 'ELF'} file; rename it`);
    }
    return parseBin(bytes, name);
  }
  throw new InputError(`${name}: unknown image format: expected a .uf2, a raw .bin (flash from ${hex(FLASH_BASE)}) or an .elf`);
}

/** The flash range [start, end) an image's segments cover, or null when it has none in flash. */
function flashExtent(image) {
  let start = Infinity;
  let end = -Infinity;
  for (const s of image.segments) {
    if (inFlash(s.address, s.bytes.length)) {
      start = Math.min(start, s.address);
      end = Math.max(end, s.address + s.bytes.length);
    }
  }
  return start === Infinity ? null : { start, end };
}

/**
 * Adds a deployment image (raw bytes, e.g. a nanoFramework application's .bin) at address; refuses one that
 * leaves the flash or overlaps the firmware's own flash bytes.
 */
function addDeployment(image, file, address = DEFAULT_DEPLOY_ADDRESS) {
  const isDir = (() => {
    try {
      return fs.statSync(file).isDirectory();
    } catch {
      return false;
    }
  })();
  const bytes = isDir ? deploymentFromPeFiles(file).bytes : readFileOrFail(file, 'deployment image');
  const name = path.basename(file);
  if (bytes.length === 0) {
    throw new InputError(`${name}: the deployment image is empty`);
  }
  if (isUf2(bytes) || isElf(bytes)) {
    throw new InputError(`${name}: a deployment image is raw bytes (.bin), not ${isUf2(bytes) ? 'UF2' : 'ELF'}`);
  }
  const end = address + bytes.length;
  if (!inFlash(address, bytes.length)) {
    throw new InputError(`${name}: deployment ${hex(address)}-${hex(end)} lies outside flash ${hex(FLASH_BASE)}-${hex(FLASH_BASE + FLASH_SIZE)}`);
  }
  for (const s of image.segments) {
    const sEnd = s.address + s.bytes.length;
    if (inFlash(s.address, s.bytes.length) && s.address < end && address < sEnd) {
      throw new InputError(`${name}: deployment ${hex(address)}-${hex(end)} overlaps the firmware's flash ${hex(s.address)}-${hex(sEnd)}`);
    }
  }
  return { ...image, segments: [...image.segments, { address, bytes, deployment: true }] };
}

const PE_MARKER = Buffer.from('NFMRK1', 'latin1');

/**
 * A deployment image from a build's output folder (bin/Debug or bin/Release): every .pe file, each padded to
 * 4 bytes, concatenated as nanoFramework's deployment does: mscorlib first, the program (a .pe whose .exe is
 * beside it: an application or the unit-test launcher) last, the others in name order between. The CLR finds
 * the assemblies by walking the deployment region (each starts with the NFMRK1 marker) and runs the entry point.
 */
function deploymentFromPeFiles(dir) {
  let names;
  try {
    names = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pe')).sort();
  } catch (e) {
    throw new InputError(`${dir}: cannot read the folder (${e.code || e.message})`);
  }
  if (names.length === 0) {
    throw new InputError(`${dir}: no .pe files (a nanoFramework build's bin/Debug or bin/Release folder)`);
  }
  const base = (f) => f.slice(0, -3);
  const programs = names.filter((f) => fs.existsSync(path.join(dir, `${base(f)}.exe`)));
  if (programs.length !== 1) {
    throw new InputError(`${dir}: expected one program (a .pe with its .exe beside it), found ${programs.length ? programs.join(', ') : 'none'}`);
  }
  const order = [
    ...names.filter((f) => f.toLowerCase() === 'mscorlib.pe'),
    ...names.filter((f) => f.toLowerCase() !== 'mscorlib.pe' && f !== programs[0]),
    programs[0],
  ];
  const parts = [];
  for (const f of order) {
    const b = readFileOrFail(path.join(dir, f), 'assembly');
    if (!b.subarray(0, PE_MARKER.length).equals(PE_MARKER)) {
      throw new InputError(`${path.join(dir, f)}: not a nanoFramework assembly (no NFMRK1 marker)`);
    }
    parts.push(b, Buffer.alloc((4 - (b.length % 4)) % 4));
  }
  return { bytes: Buffer.concat(parts), order };
}

/** "file.bin" or "file.bin@0x100fc000" -> { file, address }. */
function parseDeploySpec(spec) {
  const at = spec.lastIndexOf('@');
  if (at < 0) {
    return { file: spec, address: DEFAULT_DEPLOY_ADDRESS };
  }
  const text = spec.slice(at + 1);
  const address = /^(0x[0-9a-f]+|[0-9]+)$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(address)) {
    throw new InputError(`--deploy ${spec}: '${text}' is not an address (e.g. 0x100fc000)`);
  }
  return { file: spec.slice(0, at), address };
}

/**
 * Where to start, read from the loaded flash (word reader): a vector table at 0x10000000 (a bare-metal image:
 * SP and reset vector from it), else a second-stage loader (boot2) at 0x10000000 with the vector table at
 * 0x10000100 (a pico-sdk, MicroPython or nanoFramework image: boot2 runs first, as the boot ROM would run it).
 */
function findEntry(readWord) {
  const looksLikeVectors = (base) => {
    const sp = readWord(base);
    const reset = readWord(base + 4);
    return sp > SRAM_BASE && sp <= SRAM_END && (reset & 1) === 1 && inFlash(reset & ~1, 2);
  };
  if (looksLikeVectors(FLASH_BASE)) {
    return { kind: 'vector-table', vtor: FLASH_BASE, sp: readWord(FLASH_BASE), pc: (readWord(FLASH_BASE + 4) & ~1) >>> 0 };
  }
  if (looksLikeVectors(FLASH_BASE + 0x100)) {
    return { kind: 'boot2', vtor: 0, sp: SRAM_END, pc: FLASH_BASE };
  }
  throw new InputError(`no vector table at ${hex(FLASH_BASE)} or ${hex(FLASH_BASE + 0x100)}: not an RP2040 flash image`);
}

module.exports = {
  FLASH_BASE, FLASH_SIZE, SRAM_BASE, SRAM_SIZE, DEFAULT_DEPLOY_ADDRESS, UF2_FAMILY_RP2040,
  loadImage, addDeployment, parseDeploySpec, deploymentFromPeFiles, flashExtent, findEntry, hex,
};
