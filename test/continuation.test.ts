import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toThaiDigits } from '@saraban/thai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bodyTextItems } from './support/document-text.js';
import { cm, type Line, type PageLayout, printInput, readLayout, withoutSpaces } from './support/layout.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const BOTTOM_MARGIN = cm(2);
const RIGHT = cm(19);

/** The continuation line of a page: in the bottom margin, "/…...". */
function continuationLine(page: PageLayout): Line | undefined {
  return page.lines.find((line) => line.yMin >= page.height - BOTTOM_MARGIN && /^\/.+\.\.\.$/.test(line.text));
}

describe('continuation lines on the seed memo, as renderDocument stamps them', () => {
  let server: TestServer;
  let dir: string;
  let before: PageLayout[];
  let after: PageLayout[];
  let documentText: string;
  beforeAll(async () => {
    // The memo as it ships (continuation lines on) beside a copy with them off, printed by the same server.
    dir = await mkdtemp(join(tmpdir(), 'saraban-continuation-'));
    await cp(templatesDir, dir, { recursive: true });
    await cp(join(templatesDir, 'memo'), join(dir, 'memo-plain'), { recursive: true });
    const manifest = JSON.parse(await readFile(join(dir, 'memo-plain/template.json'), 'utf8'));
    await writeFile(
      join(dir, 'memo-plain/template.json'),
      JSON.stringify({ ...manifest, name: 'memo-plain', continuation: false }),
    );
    server = await startTestServer({ templatesDir: dir });
    const input = JSON.parse(await readFile(join(templatesDir, 'memo/examples/seed-memo.json'), 'utf8'));
    const endorsements = input.endorsements.flatMap((endorsement: { opinion: string[] }) => endorsement.opinion);
    documentText = [...bodyTextItems(input.body), ...endorsements].map((item) => toThaiDigits(item)).join('\n');
    before = await readLayout(await printInput(server, { ...input, template: 'memo-plain' }));
    after = await readLayout(await printInput(server, { ...input, template: 'memo' }));
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('every page but the last ends with "/", the first words of the next page and "...", at the right margin', () => {
    expect(after.length).toBe(before.length);
    expect(after.length).toBeGreaterThan(2);
    for (const page of after.slice(0, -1)) {
      const line = continuationLine(page);
      expect(line, `page ${page.number}`).toBeDefined();
      expect(Math.abs((line?.xMax ?? 0) - RIGHT)).toBeLessThanOrEqual(cm(0.1));
      // The next page's first line below the page number, or below the table header it repeats, starts with those
      // words (seed memo: page 4 goes on with the table of page 3 since lines break between words only).
      const nextLines = (after[page.number] as PageLayout).lines.filter((candidate) => candidate.yMin >= cm(2.5) - 1);
      const words = withoutSpaces((line?.text ?? '').slice(1, -3));
      expect(words.length).toBeGreaterThan(3);
      const starts = nextLines.slice(0, 2).some((candidate) => withoutSpaces(candidate.text).startsWith(words));
      expect(starts, `page ${page.number}: ${line?.text}`).toBe(true);
      // Spaced as written (after a list marker the template adds), even where justification stretches the next
      // page's first line letter by letter.
      const written = (line?.text ?? '').slice(1, -3).replace(/^\(?[๐-๙]+[.)]\s/, '');
      expect(documentText, `page ${page.number}`).toContain(written);
    }
    expect(continuationLine(after.at(-1) as PageLayout)).toBeUndefined();
  });

  test('nothing else on the pages moves or changes', () => {
    for (const [index, page] of after.entries()) {
      const continuation = continuationLine(page);
      const others = page.lines.filter((line) => line !== continuation);
      expect(others).toEqual(before[index]?.lines);
    }
  });
});
