import { strToU8, zipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a hand-written Word document; `body` is the inside of `w:body`, the others the inside of their roots. */
export interface WordParts {
  body: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  /** Relationships of document.xml besides styles, numbering and footnotes: `<Relationship …/>` elements. */
  relationships?: string;
  core?: { title?: string; version?: string; modified?: string };
}

/**
 * Zips a minimal .docx from XML fragments, for tests that need exact control over numbering
 * definitions, styles and runs (the `docx` package cannot write every construct Word does,
 * such as style-linked lists or tracked changes).
 */
export function wordPackage(parts: WordParts): Uint8Array {
  const xml = (root: string, inner: string, extra = '') =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} xmlns:w="${W}" xmlns:r="${R}"${extra}>${inner}</w:${root}>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>` +
        `<Relationship Id="rIdFootnotes" Type="${R}/footnotes" Target="footnotes.xml"/>` +
        `${parts.relationships ?? ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(xml('document', `<w:body>${parts.body}</w:body>`)),
    'word/styles.xml': strToU8(xml('styles', parts.styles ?? '')),
    'word/numbering.xml': strToU8(xml('numbering', parts.numbering ?? '')),
    'word/footnotes.xml': strToU8(xml('footnotes', parts.footnotes ?? '')),
  };
  if (parts.core) {
    const { title, version, modified } = parts.core;
    files['docProps/core.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `${title ? `<dc:title>${title}</dc:title>` : ''}${version ? `<cp:version>${version}</cp:version>` : ''}${modified ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${modified}</dcterms:modified>` : ''}</cp:coreProperties>`,
    );
  }
  return zipSync(files);
}

/** A paragraph: `p('text', { style: 'Heading1', num: ['1', 0] })`; runs may be given as XML with `xml`. */
export function p(text: string, options: { style?: string; num?: [string, number]; xml?: string } = {}): string {
  const pPr = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.num ? `<w:numPr><w:ilvl w:val="${options.num[1]}"/><w:numId w:val="${options.num[0]}"/></w:numPr>` : '',
  ].join('');
  const runs = options.xml ?? (text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : '');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A numbering level. */
export function lvl(ilvl: number, text: string, format = 'decimal', extra = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}
