import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TableOfContents, HeadingLevel, TextRun } from 'docx';
import { packStableDocx, renumberBookmarks, stableDocx } from '#publish/stable-docx.ts';
import { publishedVersionDocx } from '#publish/version-docx.ts';
import { sampleSite } from '../support/sample-site.ts';

describe('renumberBookmarks', () => {
  it("numbers bookmarks from 1 in order of appearance, with the table of contents' links and page references", () => {
    const xml = [
      '<w:hyperlink w:anchor="_Toc41"><w:r><w:t>Scope</w:t></w:r></w:hyperlink>',
      '<w:instrText>PAGEREF _Toc41 \\h</w:instrText>',
      '<w:hyperlink w:anchor="_Toc42"><w:r><w:t>Devices</w:t></w:r></w:hyperlink>',
      '<w:bookmarkStart w:name="_Toc41" w:id="41"/><w:r><w:t>Scope</w:t></w:r><w:bookmarkEnd w:id="41"/>',
      '<w:ins w:id="41" w:author="SEC versions"><w:r><w:t>new</w:t></w:r></w:ins>',
      '<w:bookmarkStart w:name="_Toc42" w:id="42"/><w:r><w:t>Devices</w:t></w:r><w:bookmarkEnd w:id="42"/>',
    ].join('');
    expect(renumberBookmarks(xml)).toBe(
      [
        '<w:hyperlink w:anchor="_Toc1"><w:r><w:t>Scope</w:t></w:r></w:hyperlink>',
        '<w:instrText>PAGEREF _Toc1 \\h</w:instrText>',
        '<w:hyperlink w:anchor="_Toc2"><w:r><w:t>Devices</w:t></w:r></w:hyperlink>',
        '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:r><w:t>Scope</w:t></w:r><w:bookmarkEnd w:id="1"/>',
        // A revision's id is its own: not a bookmark's.
        '<w:ins w:id="41" w:author="SEC versions"><w:r><w:t>new</w:t></w:r></w:ins>',
        '<w:bookmarkStart w:name="_Toc2" w:id="2"/><w:r><w:t>Devices</w:t></w:r><w:bookmarkEnd w:id="2"/>',
      ].join(''),
    );
  });

  it('leaves a document without bookmarks as it is, _Toc text included', () => {
    const xml = '<w:p><w:r><w:t>See _Toc7 and w:id="7"</w:t></w:r></w:p>';
    expect(renumberBookmarks(xml)).toBe(xml);
  });
});

describe('publishedVersionDocx', () => {
  it('gives the same bytes whatever was made before it in the same process', async () => {
    const document = sampleSite().documents[0];
    const [first, , last] = document?.versions ?? [];
    if (!document || !first || !last) throw new Error('the sample site has no versions');
    const alone = await publishedVersionDocx(document, last);
    // Other files made in between take bookmark ids from the package's shared counter.
    await publishedVersionDocx(document, first);
    await publishedVersionDocx(document, first);
    const after = await publishedVersionDocx(document, last);
    expect(after).toEqual(alone);
    expect(strFromU8(unzipSync(after)['word/document.xml'] as Uint8Array)).toContain('<w:bookmarkStart w:name="_Toc1" w:id="1"/>');
  });
});

describe('packStableDocx', () => {
  const word = () =>
    new Document({
      title: 'T',
      sections: [
        {
          children: [
            new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-1' }),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Scope')] }),
            new Paragraph('The DCC shall act.'),
          ],
        },
      ],
    });

  it("zips the package's parts once, to the bytes of packing, unzipping and zipping again", async () => {
    const once = await packStableDocx(word(), '2020-07-24');
    const twice = stableDocx(new Uint8Array(await Packer.toArrayBuffer(word())), '2020-07-24');
    expect(once).toEqual(twice);
    const core = strFromU8(unzipSync(once)['docProps/core.xml'] as Uint8Array);
    expect(core).toContain('>2020-07-24T00:00:00Z</dcterms:created>');
  });

  it("finds the compiler docx's Packer zips with (else every Word file is zipped twice: a docx upgrade that moves it shows here)", () => {
    expect(typeof (Packer as unknown as { compiler?: { compile?: unknown } }).compiler?.compile).toBe('function');
  });
});
