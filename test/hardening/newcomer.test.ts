import { type ChildProcess, execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, templatesDir } from '../support/saraban.js';
import { graphqlAt, runSaraban, startSaraban, stopSaraban } from '../support/saraban-process.js';

const run = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saraban-newcomer-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a newcomer's first steps (issue 16)", () => {
  let serve: ChildProcess | undefined;
  afterAll(async () => {
    if (serve) await stopSaraban(serve);
  });

  test('serve --sample lists every sample document, and with --public-url a render gives an absolute URL', async () => {
    let examples = 0;
    for (const entry of await readdir(templatesDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('_')) continue;
      const files = await readdir(join(templatesDir, entry.name, 'examples')).catch(() => []);
      examples += files.filter((file) => file.endsWith('.json')).length;
    }
    const started = await startSaraban(
      [
        'serve',
        '--sample',
        '--port',
        '0',
        '--pool',
        '1',
        '--db',
        join(dir, 'sample.db'),
        '--public-url',
        'https://saraban.example.go.th/pao/',
      ],
      /Press Ctrl\+C to stop/,
    );
    serve = started.child;
    const listed = started.output().match(/^ {2}document \S+ {2}/gm) ?? [];
    expect(listed.length).toBe(examples);

    const origin = new URL(/GraphQL API and GraphiQL: (\S+)/.exec(started.output())?.[1] as string).origin;
    const api = graphqlAt(origin);
    const { documents } = await api<{ documents: { items: { id: string }[] } }>(
      '{ documents(limit: 1) { items { id } } }',
    );
    const id = documents.items[0]?.id as string;
    // graphqlAt throws the first error's message when the render answers with errors.
    const { renderDocument } = await api<{ renderDocument: { id: string; url: string } }>(
      'mutation ($id: ID!) { renderDocument(id: $id) { id url } }',
      { id },
    );
    const { url, id: renderId } = renderDocument;
    expect(url).toBe(`https://saraban.example.go.th/pao/renders/${renderId}.pdf`);
    // The proxy in front strips /pao: the server itself still answers the path.
    const download = await fetch(`${origin}/renders/${renderId}.pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  test('render says why a template did not load: the file, line and column', async () => {
    const templates = join(dir, 'templates');
    await cp(templatesDir, templates, { recursive: true });
    await writeFile(join(templates, 'memo', 'template.hbs'), '{{#if subject}}\n<p>{{subject}</p>\n{{/if}}\n');
    const result = await runSaraban([
      'render',
      '--templates',
      templates,
      '--data',
      join(templatesDir, 'memo/examples/seed-memo.json'),
      '--out',
      join(dir, 'memo.pdf'),
    ]);
    expect(result.stderr).toContain('input.template: template "memo" did not load: ');
    expect(result.stderr).toMatch(/memo\/template\.hbs:2:\d+: Parse error/);
    expect(result.code).toBe(1);
  });

  test('every validation error of a document is reported, not only the first', async () => {
    const file = join(dir, 'three-problems.json');
    await writeFile(
      file,
      JSON.stringify({
        kind: 'MEMO',
        subject: ' ',
        organization: { name: 'องค์การบริหารส่วนจังหวัดลำพูน' },
        body: [
          { paragraph: { text: 'ก' }, heading: { text: 'ข' } },
          { paragraph: { text: 'ค' } },
          { list: { start: 0, items: [{ text: 'ง' }] } },
        ],
      }),
    );
    const result = await runSaraban(['render', '--data', file, '--out', join(dir, 'x.pdf')]);
    expect(result.stderr).toContain('input.subject: must not be empty');
    expect(result.stderr).toContain('input.body[0]: set exactly one of');
    expect(result.stderr).toContain('input.body[2].list.start: must be 1 or more');
    expect(result.code).toBe(1);
  });

  test("README's commands work with npm alone, and the code has a licence", async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
      .flatMap((block) => (block[1] as string).split('\n'))
      .filter((line) => line.trim() !== '' && !line.startsWith('#') && !line.startsWith(' '));
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) expect(command).toMatch(/^(npm |node |curl )/);
    const { stdout } = await run('npm', ['run', '--silent', 'saraban', '--', 'templates', 'list'], { cwd: repoRoot });
    expect(stdout).toMatch(/^memo\tMEMO\t/m);
    const license = await readFile(join(repoRoot, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')).license).toBe('MIT');
  });
});
