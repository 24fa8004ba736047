import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from '../support/pdf.js';
import { templatesDir } from '../support/saraban.js';
import { runSaraban } from '../support/saraban-process.js';
import { xlsxFile } from '../support/xlsx.js';

/**
 * Text as Thai Excel saves "CSV (Comma delimited)": Windows-874, where ASCII is itself and Thai U+0E01–U+0E5B are
 * the bytes 0xA1–0xFB (TIS-620's table).
 */
function windows874(text: string): Buffer {
  return Buffer.from(
    [...text].map((character) => {
      const code = character.codePointAt(0) as number;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
      throw new Error(`${character} is not in Windows-874`);
    }),
  );
}

const MEETING = 'ขอเชิญประชุมคณะกรรมการพัฒนาท้องถิ่น';
const SUPPLIES = 'ขออนุมัติจัดซื้อวัสดุสำนักงาน';

let dir: string;
let base: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saraban-staff-data-'));
  base = join(templatesDir, 'memo/examples/short-memo.json');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function batch(data: string, out: string, ...more: string[]) {
  return runSaraban(['batch', '--template', 'memo', '--base', base, '--data', data, '--out', out, ...more]);
}

async function pdfText(file: string): Promise<string> {
  const { pages } = await readPdf(await readFile(file));
  return compact(pages.join('\n'));
}

describe('staff data as Thai offices save it (issue 16: a Windows-874 CSV printed garbled, exit 0)', () => {
  test('a CSV in Windows-874 is told from UTF-8 and read right; an empty cell keeps the base document', async () => {
    const data = join(dir, 'rows-874.csv');
    await writeFile(data, windows874(`subject,speed\r\n${MEETING},\r\n${SUPPLIES},MOST_URGENT\r\n`));
    const out = join(dir, 'csv');
    const result = await batch(data, out);
    const first = await pdfText(join(out, '1.pdf'));
    expect(first).not.toContain('\uFFFD');
    expect(first).toContain(compact(MEETING));
    expect(result.stderr).toContain(`${data}: read as windows-874`);
    expect(result.code).toBe(0);
    // speed was left empty: the base memo's URGENT mark stays.
    expect(first).toContain('ด่วน');
    expect(await pdfText(join(out, '2.pdf'))).toContain(compact(SUPPLIES));
  });

  test('a CSV in another 8-bit encoding is refused with what to do, not printed garbled', async () => {
    const data = join(dir, 'rows-latin1.csv');
    await writeFile(data, Buffer.from('subject\r\nCaf\xe9 M\xfcller\r\n', 'latin1'));
    const out = join(dir, 'latin1');
    const result = await batch(data, out);
    expect(result.stderr.trim()).toBe(
      `${data}: neither UTF-8 nor Thai in Windows-874 (TIS-620), so it would print garbled: save it from Excel as ` +
        '"CSV UTF-8 (Comma delimited)", or name its encoding with --encoding',
    );
    expect(result.code).toBe(1);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  test('an .xlsx workbook is read directly: text, dates and numbers; with --empty-cells clear an empty cell clears the field', async () => {
    const data = join(dir, 'rows.xlsx');
    await writeFile(
      data,
      await xlsxFile([
        ['subject', 'date', 'speed', 'bookNumber'],
        [MEETING, { date: '2023-03-01' }, null, 'ลพ 51003/77'],
        [SUPPLIES, { date: '2023-03-02' }, 'VERY_URGENT', 215],
      ]),
    );
    const out = join(dir, 'xlsx');
    const result = await batch(data, out, '--empty-cells', 'clear');
    // A batch slower than 5 s (a busy machine) prints its progress, "batch: 1/2 rows, …, 0 failed": no row failed,
    // and nothing else said "failed" either.
    expect(result.stderr.replaceAll(', 0 failed\n', '\n')).not.toContain('failed');
    expect(result.code).toBe(0);
    const first = await pdfText(join(out, '1.pdf'));
    expect(first).toContain(compact(MEETING));
    expect(first).toContain(compact('๑ มีนาคม ๒๕๖๖'));
    expect(first).toContain(compact('ลพ ๕๑๐๐๓/๗๗'));
    expect(first).not.toContain('ด่วน');
    const second = await pdfText(join(out, '2.pdf'));
    expect(second).toContain(compact(SUPPLIES));
    expect(second).toContain('ด่วนมาก');
    expect(second).toContain(compact('๒ มีนาคม ๒๕๖๖'));
  });
});
