import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { cm, type Line, type PageLayout, printInput, readLayout, withoutSpaces } from './support/layout.js';
import { readExample, startTestServer, type TestServer } from './support/saraban.js';

// Issue 13: a letter's foot (ส่วนราชการเจ้าของเรื่อง: the unit, the section, โทร. and โทรสาร, the e-mail; then
// สำเนาส่ง) prints at the bottom left of the letter's last page, as a clerk types it, not straight under the
// signature. Measured on the printed PDF with pdftotext -bbox: the foot's last line ends at the bottom margin, its
// lines start at the left margin, and it shares its page with the signature.

/** The templates' page margins (base.css): left 3 cm, bottom 2 cm. */
const LEFT_MARGIN = cm(3);
const BOTTOM_MARGIN = cm(2);
/**
 * How far above the bottom margin the foot's last line may end, in points: pdftotext reports its glyph box (the
 * face's ascent to descent), which sits inside its 21.3 pt line box with some 3.7 pt under it, as on any body line
 * that ends a full page; nothing of it crosses the margin (Chromium's page area ends 0.2 pt under the nominal 2 cm).
 */
const BOTTOM_TOLERANCE = 5;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** The foot's lines as the template prints them: contact lines, then สำเนาส่ง and each copy. */
function footTexts(input: DocumentJson): string[] {
  const contact = input.contact ?? {};
  const copies: string[] = input.copiesTo ?? [];
  // The phone line prints its digits in the document's digits: it is found by its label.
  const phone = contact.phone ? 'โทร.' : contact.fax ? 'โทรสาร' : undefined;
  return [contact.unit, contact.subUnit, phone, contact.email, ...(copies.length > 0 ? ['สำเนาส่ง', ...copies] : [])]
    .filter((text): text is string => typeof text === 'string')
    .map(withoutSpaces);
}

/** The printed line that holds `text` (spaces ignored), on `page`. */
function lineWith(page: PageLayout, text: string): Line | undefined {
  return page.lines.find((line) => withoutSpaces(line.text).includes(text));
}

interface FootPlacement {
  pages: PageLayout[];
  page: PageLayout;
  first: Line;
  last: Line;
  footLines: Line[];
  signatureName: Line | undefined;
}

async function printFoot(input: DocumentJson): Promise<FootPlacement> {
  const pages = await readLayout(await printInput(server, input));
  const page = pages.at(-1) as PageLayout;
  const texts = footTexts(input);
  const footLines = texts.map((text) => {
    const line = lineWith(page, text);
    if (!line) throw new Error(`"${text}" is not on the last page`);
    return line;
  });
  const byTop = [...footLines].sort((a, b) => a.yMin - b.yMin);
  const signer = input.signer ?? {};
  const name = withoutSpaces(`(${signer.title ?? ''}${signer.givenName ?? ''}${signer.familyName ?? ''})`);
  return {
    pages,
    page,
    first: byTop[0] as Line,
    last: byTop.at(-1) as Line,
    footLines,
    signatureName: lineWith(page, name),
  };
}

function expectAtBottomLeft({ page, last, footLines }: FootPlacement): void {
  const bottom = page.height - BOTTOM_MARGIN;
  expect(last.yMax, 'the foot ends at the bottom margin').toBeLessThanOrEqual(bottom);
  expect(last.yMax, 'the foot ends at the bottom margin').toBeGreaterThanOrEqual(bottom - BOTTOM_TOLERANCE);
  for (const line of footLines)
    expect(line.xMin, `"${line.text}" starts at the left margin`).toBeCloseTo(LEFT_MARGIN, 0);
}

describe('the contact block and สำเนาส่ง at the bottom left of the last page', () => {
  test('a one-page external letter: the contact block under the signature, down at the bottom margin', async () => {
    const foot = await printFoot(readExample('external-letter', 'highest-recipient.json'));
    expect(foot.pages).toHaveLength(1);
    expectAtBottomLeft(foot);
    expect(foot.signatureName, 'the signature on the same page').toBeDefined();
    // Far below the signature: the page's room is between them, not under the foot.
    expect(foot.first.yMin - (foot.signatureName as Line).yMax).toBeGreaterThan(cm(2));
  });

  test('a two-page letter whose foot fits under the signature on page 2 keeps two pages', async () => {
    const foot = await printFoot(readExample('external-letter', 'circular-forward.json'));
    expect(foot.pages).toHaveLength(2);
    expectAtBottomLeft(foot);
    expect(foot.signatureName).toBeDefined();
  });

  test('a foot that does not fit under the signature takes the signature with it, never a page of its own', async () => {
    const foot = await printFoot(readExample('external-letter', 'letter-to-agency.json'));
    expectAtBottomLeft(foot);
    expect(foot.signatureName, 'the signature on the foot’s page').toBeDefined();
    expect((foot.signatureName as Line).yMax).toBeLessThan(foot.first.yMin);
  });

  test('a contact block of one line ends where a body line ends a full page, inside the margin', async () => {
    const letter = readExample('external-letter', 'highest-recipient.json');
    const foot = await printFoot({ ...letter, contact: { phone: letter.contact.phone } });
    expect(foot.footLines).toHaveLength(1);
    expectAtBottomLeft(foot);
  });

  test('an internal letter: contact block and สำเนาส่ง at the bottom left', async () => {
    const foot = await printFoot(readExample('internal-letter', 'budget-request.json'));
    expect(foot.pages).toHaveLength(1);
    expectAtBottomLeft(foot);
  });
});
