import { createHash } from 'node:crypto';

/** A run of text placed on a page (PDF points, origin bottom left). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
  /** Fill colour, 0–1. */
  color?: [number, number, number];
}

/** A filled rectangle: a rule, an underline, a strike-through line. */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
  color?: [number, number, number];
}

export interface SimplePage {
  texts: PdfText[];
  rects?: PdfRect[];
}

const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

/**
 * Writes a small but genuine PDF (A4 pages, Helvetica and Helvetica-Bold, text and filled
 * rectangles) so PDF import can be tested on exact layouts. With `password`, the file is
 * encrypted with the standard security handler (RC4, revision 2) and opens only with it.
 */
export function simplePdf(pages: SimplePage[], options: { title?: string; password?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const id = createHash('md5').update(JSON.stringify(pages)).digest();
  const encryption = options.password === undefined ? undefined : securityHandler(options.password, id);
  const encryptString = (num: number, text: string) => {
    if (!encryption) return `(${escapePdfString(text)})`;
    return `<${rc4(objectKey(encryption.key, num), Buffer.from(text, 'latin1')).toString('hex')}>`;
  };

  const catalog = add('');
  const pagesId = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const ops: string[] = [];
    for (const rect of page.rects ?? []) {
      const [r, g, b] = rect.color ?? [0, 0, 0];
      ops.push(`${r} ${g} ${b} rg ${rect.x} ${rect.y} ${rect.width} ${rect.height} re f`);
    }
    for (const t of page.texts) {
      const [r, g, b] = t.color ?? [0, 0, 0];
      ops.push(`${r} ${g} ${b} rg BT /${t.bold ? 'F2' : 'F1'} ${t.size ?? 12} Tf 1 0 0 1 ${t.x} ${t.y} Tm (${escapePdfString(t.text)}) Tj ET`);
    }
    const contentId = objects.length + 1;
    let data: Buffer = Buffer.from(ops.join('\n'), 'latin1');
    if (encryption) data = rc4(objectKey(encryption.key, contentId), data);
    add(`<< /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${contentId} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoId = objects.length + 1;
  add(`<< /Title ${encryptString(infoId, options.title ?? 'Test document')} /Producer ${encryptString(infoId, 'sec-versions tests')} >>`);
  const encryptId = encryption
    ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${encryption.o.toString('hex')}> /U <${encryption.u.toString('hex')}> /P ${encryption.p} >>`)
    : undefined;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R${encryptId ? ` /Encrypt ${encryptId} 0 R` : ''} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function securityHandler(password: string, id: Buffer): { key: Buffer; o: Buffer; u: Buffer; p: number } {
  const pad = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PADDING]).subarray(0, 32);
  const p = -44; // print and copy allowed, modify not
  const ownerKey = createHash('md5')
    .update(pad(`${password}-owner`))
    .digest()
    .subarray(0, 5);
  const o = rc4(ownerKey, pad(password));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(p);
  const key = createHash('md5')
    .update(Buffer.concat([pad(password), o, permissions, id]))
    .digest()
    .subarray(0, 5);
  return { key, o, u: rc4(key, PADDING), p };
}

function objectKey(key: Buffer, num: number): Buffer {
  const salt = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
  return createHash('md5')
    .update(Buffer.concat([key, salt]))
    .digest()
    .subarray(0, Math.min(key.length + 5, 16));
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
  }
  return out;
}
