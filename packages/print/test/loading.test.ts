import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterizePage, redShare } from '../../../test/support/layout.js';
import { readPdf } from '../../../test/support/pdf.js';
import { pdfText } from '../../../test/support/poppler.js';
import { launchPrinter, type PrintAsset, type Printer } from '../src/index.js';

// What a document loads only once a stylesheet it loads has come: the faces and background images that stylesheet
// declares or uses are not even asked for before then. A print must wait for them all.

let printer: Printer;
let laksaman: Uint8Array;

beforeAll(async () => {
  // One tab, so the prints share it and one document replaces another on it.
  printer = await launchPrinter({ poolSize: 1 });
  laksaman = await readFile('/usr/share/fonts/truetype/tlwg/Laksaman.ttf');
});

afterAll(async () => {
  await printer?.close();
});

const origin = 'https://assets.loading.test.invalid';
/** Files at URLs of their own each time: Chromium takes a URL it loaded before from its memory, at once. */
let printed = 0;
const fresh = (name: string) => `${origin}/${++printed}/${name}`;
const css = (body: string): PrintAsset => ({ contentType: 'text/css', body });
const page = (head: string, body: string) =>
  `<!doctype html><html lang="th"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** A page in a face it loads: the face and its URL, and the page's head and stylesheets, which differ by case. */
function inLateFace(head: (faceRule: string) => { head: string; stylesheets: [string, string][] }) {
  const faceUrl = fresh('laksaman.ttf');
  const { head: pageHead, stylesheets } = head(`@font-face { font-family: "Late Face"; src: url(${faceUrl}) }`);
  return {
    html: page(pageHead, '<p>บันทึกข้อความ LATE FACE</p>'),
    assets: new Map<string, PrintAsset>([
      [faceUrl, { contentType: 'font/ttf', body: laksaman }],
      ...stylesheets.map(([url, body]): [string, PrintAsset] => [url, css(body)]),
    ]),
  };
}

/** The fonts a PDF embeds, by name, without the subset's prefix. */
const fontNames = async (pdf: Uint8Array) =>
  (await readPdf(pdf)).fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));

// Whether such a file has come when the page prints is a race: a print that does not wait for it loses it now and
// then (a third to half of the time, measured), so each case prints a few times.
const rounds = 4;

describe('a print waits for what the stylesheets it loads bring', () => {
  it.each([
    [
      'the face a linked stylesheet declares',
      (faceRule: string) => {
        const url = fresh('faces.css');
        return {
          head: `<link rel="stylesheet" href="${url}">`,
          stylesheets: [[url, `${faceRule} body { font-family: "Late Face" }`]] as [string, string][],
        };
      },
    ],
    [
      'the face a stylesheet it imports declares',
      (faceRule: string) => {
        const url = fresh('imported.css');
        return {
          head: `<style>@import url(${url});</style>`,
          stylesheets: [[url, `${faceRule} body { font-family: "Late Face" }`]] as [string, string][],
        };
      },
    ],
    [
      'a face the page declares and only a linked stylesheet uses',
      (faceRule: string) => {
        const url = fresh('uses.css');
        return {
          head: `<style>${faceRule}</style><link rel="stylesheet" href="${url}">`,
          stylesheets: [[url, 'body { font-family: "Late Face" }']] as [string, string][],
        };
      },
    ],
  ])('prints in %s', async (_name, head) => {
    for (let round = 0; round < rounds; round++) {
      const { html, assets } = inLateFace(head);
      const { pdf, warnings } = await printer.print({ html, assets });

      expect(await pdfText(pdf)).toContain('บันทึกข้อความ LATE FACE');
      expect(await fontNames(pdf)).toEqual(['Laksaman']);
      expect(warnings).toEqual([]);
    }
  });

  it('prints the background image a linked stylesheet sets', async () => {
    const red =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#e00000"/></svg>';
    for (let round = 0; round < rounds; round++) {
      const [stylesheet, image] = [fresh('backdrop.css'), fresh('red.svg')];
      const { pdf } = await printer.print({
        html: page(`<link rel="stylesheet" href="${stylesheet}">`, '<div class="backdrop"></div>'),
        assets: new Map([
          [stylesheet, css(`.backdrop { background: url(${image}); width: 5cm; height: 5cm }`)],
          [image, { contentType: 'image/svg+xml', body: red }],
        ]),
      });

      const raster = await rasterizePage(pdf, 1, 36);
      const wholePage = { xMin: 0, yMin: 0, xMax: raster.width / raster.scale, yMax: raster.height / raster.scale };
      expect(redShare(raster, wholePage)).toBeGreaterThan(0.9);
    }
  });
});

describe('a document whose elements are named like the methods that write it', () => {
  it('prints, in its face, and the next document prints on the same tab', async () => {
    // An element with a name shadows the document's property of that name: document.close is then a <form>.
    const { html, assets } = inLateFace((faceRule) => ({
      head: `<style>${faceRule} body { font-family: "Late Face" }</style>`,
      stylesheets: [],
    }));
    const named = html.replace(
      '<body>',
      '<body><form name="open"></form><form name="write"></form><form name="close"></form><img name="fonts" alt=""><img name="readyState" alt="">',
    );
    const first = await printer.print({ html: named, assets });
    const next = await printer.print({ html: page('', '<p>NEXT DOCUMENT</p>'), assets });

    expect(await pdfText(first.pdf)).toContain('บันทึกข้อความ LATE FACE');
    expect(await fontNames(first.pdf)).toEqual(['Laksaman']);
    expect(await pdfText(next.pdf)).toContain('NEXT DOCUMENT');
  });
});
