import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { sarabanBin } from './support/saraban.js';

const run = promisify(execFile);
const badRows = new Map([
  [7, 'input.date'],
  [23, 'input.date'],
  [41, 'input.subject'],
]);

describe('saraban batch', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-batch-'));
    const lines = ['bookNumber,date,subject,signer.givenName,body.0.paragraph.text'];
    for (let row = 1; row <= 50; row++) {
      const date =
        badRows.get(row) === 'input.date' ? '2023-02-30' : `2023-04-${String((row % 28) + 1).padStart(2, '0')}`;
      const subject = badRows.get(row) === 'input.subject' ? '' : `ขออนุมัติเดินทางไปราชการ ครั้งที่ ${row}`;
      lines.push(`ลพ 51009/${row},${date},${subject},สมชาย${row},"ข้าพเจ้าขออนุมัติ, ครั้งที่ ${row}"`);
    }
    await writeFile(join(dir, 'rows.csv'), `${lines.join('\n')}\n`);
    await writeFile(
      join(dir, 'base.json'),
      JSON.stringify({
        kind: 'MEMO',
        subject: '',
        organization: { name: 'องค์การบริหารส่วนจังหวัดลำพูน', unit: 'กองการเจ้าหน้าที่', phone: '110' },
        recipient: { name: 'นายกองค์การบริหารส่วนจังหวัดลำพูน' },
        body: [{ paragraph: { text: 'แทนที่ด้วยแถว' } }, { paragraph: { text: 'จึงเรียนมาเพื่อโปรดพิจารณา' } }],
        signer: { title: 'นาย', givenName: 'แทนที่', familyName: 'ใจดี', positions: ['นักทรัพยากรบุคคล'] },
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** `saraban batch` over the 50 rows and the base document, into `out`. */
  const batchArgs = (out: string, ...more: string[]) => [
    sarabanBin,
    'batch',
    '--template',
    'memo',
    '--data',
    join(dir, 'rows.csv'),
    '--base',
    join(dir, 'base.json'),
    '--out',
    out,
    ...more,
  ];

  test('50 rows with 3 bad ones: 47 PDFs, 3 error lines naming row and field, exit code 1', async () => {
    const out = join(dir, 'out');
    const result = await run('node', batchArgs(out, '--name', '{row}')).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('50 rows: 47 PDFs');
    const pdfs = (await readdir(out)).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(47);
    for (const row of badRows.keys()) expect(pdfs).not.toContain(`${String(row).padStart(2, '0')}.pdf`);

    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(errors.map((error) => [error.row, error.field])).toEqual([...badRows]);

    // Each PDF holds its own row, with the base document around it.
    const { pages } = await readPdf(new Uint8Array(await readFile(join(out, '12.pdf'))));
    const text = compact(pages.join(''));
    expect(text).toContain(compact('ขออนุมัติเดินทางไปราชการ ครั้งที่ ๑๒'));
    expect(text).toContain(compact('ข้าพเจ้าขออนุมัติ, ครั้งที่ ๑๒'));
    expect(text).toContain(compact('(นายสมชาย๑๒ ใจดี)'));
    expect(text).toContain(compact('จึงเรียนมาเพื่อโปรดพิจารณา'));
  });

  test('killing Chromium in the middle of a batch still produces every PDF', async () => {
    const out = join(dir, 'out-killed');
    const child = spawn('node', batchArgs(out, '--pool', '2'), { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    let killed = 0;
    let over = false;
    void exited.then(() => {
      over = true;
    });
    // Wait for the first PDFs, then kill the browser the batch started (a child process of the CLI): however long
    // the batch takes to get there, as long as it runs.
    while (killed === 0 && !over) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const done = (await readdir(out).catch(() => [])).filter((name) => name.endsWith('.pdf')).length;
      if (done >= 5) {
        const { stdout } = await run('pgrep', ['-P', String(child.pid), 'chromium']).catch(() => ({ stdout: '' }));
        for (const pid of stdout.split('\n').filter(Boolean)) {
          process.kill(Number(pid), 'SIGKILL');
          killed += 1;
        }
      }
    }
    expect(killed).toBeGreaterThan(0);
    expect(await exited).toBe(1); // the three bad rows still fail
    const pdfs = (await readdir(out)).filter((name) => name.endsWith('.pdf'));
    expect(pdfs).toHaveLength(47);
    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8')).trim().split('\n');
    expect(errors).toHaveLength(3);
  });
});
