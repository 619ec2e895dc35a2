import { deflateSync, unzipSync } from 'fflate';

/**
 * Small files that expand into huge ones, built in the test (never stored): a raw deflate
 * stream of `n` zero bytes, a zip written by hand with any declared sizes, and a PDF whose
 * content stream inflates to gigabytes. About 1 MB per GB, the limit of deflate.
 */

/** Raw deflate (RFC 1951) of `n` zero bytes: a literal 0 then copies of 258 at distance 1, in fixed Huffman codes. */
export function deflateZeros(n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((n / 258) * 13 + 64) / 8) + 16);
  let bit = 0;
  const write = (value: number, length: number) => {
    for (let i = 0; i < length; i++) {
      if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] ?? 0) | (1 << (bit & 7));
      bit++;
    }
  };
  // Huffman codes are written most significant bit first.
  const code = (value: number, length: number) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed |= ((value >> i) & 1) << (length - 1 - i);
    write(reversed, length);
  };
  write(1, 1); // last block
  write(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = n - 1;
  while (left >= 258) {
    code(0b11000101, 8); // length code 285: 258 bytes
    code(0, 5); // distance code 0: distance 1
    left -= 258;
  }
  while (left > 0) {
    code(0x30, 8);
    left--;
  }
  code(0, 7); // end of block
  return out.slice(0, Math.ceil(bit / 8));
}

/** A zip entry as written: its name, its deflated data, and the size it declares. */
export interface RawEntry {
  name: string;
  deflated: Uint8Array;
  declaredSize: number;
}

/** Writes a zip by hand (no CRC: the reader under test does not need one), so entries can declare any size. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, entry.deflated.length, true);
    local.setUint32(22, Math.min(entry.declaredSize, 0xffffffff), true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, 8, true);
    header.setUint32(20, entry.deflated.length, true);
    header.setUint32(24, Math.min(entry.declaredSize, 0xffffffff), true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, entry.deflated);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.deflated.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const bytes = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of all) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The entries of a zip (made by any writer), re-deflated, honest about their sizes: to add hostile ones beside them. */
export function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, deflated: deflateSync(data), declaredSize: data.length }));
}

/** A one-page PDF whose content stream is `deflated` (zlib-wrapped here), declaring FlateDecode. */
export function pdfWithStream(deflated: Uint8Array): Uint8Array {
  const zlib = new Uint8Array(deflated.length + 6);
  zlib.set([0x78, 0x01]);
  zlib.set(deflated, 2);
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n' +
      `4 0 obj << /Length ${zlib.length} /Filter /FlateDecode >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return new Uint8Array(Buffer.concat([head, zlib, tail]));
}
