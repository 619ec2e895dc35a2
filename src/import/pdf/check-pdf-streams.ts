import { Unzlib, Inflate } from 'fflate';
import { checkLimit, limitBytes } from '../import-limits.ts';

/** Thrown inside the inflater to stop it as soon as a stream passes its limit. */
class Over extends Error {}

/**
 * Measures, before pdf.js reads the file, how much every Flate-compressed stream inflates to,
 * inflating in small steps and stopping as soon as one stream passes `pdfStreamMb` or all of
 * them together pass `pdfMb` (pdf.js itself would inflate a 1 GB content stream whole). Only
 * sizes are kept, never the data. Streams that do not inflate (encrypted, damaged) are left
 * for pdf.js to judge.
 */
export function checkPdfStreams(bytes: Uint8Array): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const perStream = limitBytes('pdfStreamMb');
  const all = limitBytes('pdfMb');
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = text.indexOf('stream', at);
    if (keyword < 0) break;
    at = keyword + 6;
    // `endstream` and words merely containing "stream" are not the keyword that starts data.
    if (text.startsWith('end', keyword - 3) || !/^\r?\n/.test(text.slice(at, at + 2))) continue;
    const dictStart = Math.max(text.lastIndexOf(' obj', keyword), keyword - 4096, 0);
    const dict = text.slice(dictStart, keyword);
    if (!/\/(FlateDecode|Fl)\b/.test(dict)) continue;
    const start = at + (text[at] === '\r' ? 2 : 1);
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const endKeyword = text.indexOf('endstream', start);
    const end = declared ? Math.min(start + Number(declared[1]), bytes.length) : endKeyword < 0 ? bytes.length : endKeyword;
    // FlateDecode data is zlib-wrapped (first byte 0x78); some writers leave the wrapper out.
    const zlib = text.charCodeAt(start) === 0x78;
    let size = 0;
    const count = (chunk: Uint8Array) => {
      size += chunk.length;
      if (size > perStream || total + size > all) throw new Over();
    };
    const inflater = zlib ? new Unzlib(count) : new Inflate(count);
    try {
      const STEP = 16 * 1024;
      for (let p = start; p < end; p += STEP) inflater.push(bytes.subarray(p, Math.min(p + STEP, end)), p + STEP >= end);
    } catch (error) {
      if (!(error instanceof Over)) {
        total += size;
        at = end;
        continue;
      }
      const object = /(\d+)\s+\d+\s+obj\s*$/.exec(text.slice(Math.max(0, dictStart - 20), dictStart + 4));
      const where = `stream${object ? ` of object ${object[1]}` : ''} at byte ${start}`;
      if (size > perStream) checkLimit('pdfStreamMb', size, where);
      checkLimit('pdfMb', total + size, `at ${where}`);
    }
    total += size;
    at = end;
  }
}
