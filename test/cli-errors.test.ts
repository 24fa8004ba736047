import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSaraban as saraban } from './support/saraban-process.js';

describe('saraban render with invalid data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const base = { kind: 'MEMO', subject: 'ทดสอบ', organization: { name: 'หน่วยงาน' }, body: [] };

  test('a date that does not exist gets the GraphQL error with its field path, and no stack trace', async () => {
    const file = join(dir, 'bad-date.json');
    await writeFile(file, JSON.stringify({ ...base, date: '2023-02-29' }));
    const result = await saraban(['render', '--data', file, '--out', join(dir, 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toMatch(/"input\.date"|input\.date/);
    expect(result.stderr).toMatch(/2023-02-29/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a block with two kinds of content names the block', async () => {
    const file = join(dir, 'two-kinds.json');
    await writeFile(
      file,
      JSON.stringify({
        ...base,
        body: [{ paragraph: { text: 'ก' } }, { paragraph: { text: 'ข' }, heading: { text: 'ค' } }],
      }),
    );
    const result = await saraban(['render', '--data', file, '--out', join(dir, 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'input.body[1]: set exactly one of paragraph, heading, list, table, measureTable, pageBreak',
    );
  });

  test('a missing required field is named', async () => {
    const file = join(dir, 'no-subject.json');
    const { subject: _subject, ...withoutSubject } = base;
    await writeFile(file, JSON.stringify(withoutSubject));
    const result = await saraban(['render', '--data', file, '--out', join(dir, 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/subject/);
  });

  test('a file that is not JSON says so', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "kind": ');
    const result = await saraban(['render', '--data', file, '--out', join(dir, 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: not valid JSON`);
  });
});

describe('saraban render when the render fails', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-cli-render-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a stored document that does not exist is named, with no stack trace', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const result = await saraban([
      'render',
      '--document',
      id,
      '--db',
      join(dir, 'saraban.db'),
      '--out',
      join(dir, 'x.pdf'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`document ${id}: document ${id} does not exist`);
  });

  test('a print over --print-timeout says the limit and how to raise it, with no stack trace', async () => {
    const file = join(dir, 'memo.json');
    await writeFile(
      file,
      JSON.stringify({ kind: 'MEMO', subject: 'ทดสอบ', organization: { name: 'หน่วยงาน' }, body: [] }),
    );
    const result = await saraban(['render', '--data', file, '--print-timeout', '1', '--out', join(dir, 'y.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: printing took longer than the limit of 1 ms`);
    expect(result.stderr).toContain('--print-timeout');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
