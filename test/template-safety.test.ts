import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { sarabanBin, startTestServer, type TestServer, templatesDir } from './support/saraban.js';

const run = promisify(execFile);

/** Writes a template package into `root`. */
async function writeTemplate(root: string, name: string, files: Record<string, string>) {
  await mkdir(join(root, name), { recursive: true });
  const manifest = JSON.stringify({ name, title: name, kind: 'REPORT', paper: 'A4' });
  await writeFile(join(root, name, 'template.json'), manifest);
  await writeFile(join(root, name, 'style.css'), files['style.css'] ?? '');
  for (const [file, text] of Object.entries(files)) await writeFile(join(root, name, file), text);
}

const minimalQuery =
  'query Report($id: ID!) {\n  document(id: $id) {\n    subject\n    body { ... on Paragraph { text } }\n  }\n}\n';

describe('templates are locked down, data is escaped, broken templates are refused', () => {
  let bait: Server;
  let baitUrl: string;
  const baitRequests: string[] = [];
  let dir: string;
  let server: TestServer;

  beforeAll(async () => {
    bait = createServer((request, response) => {
      baitRequests.push(request.url ?? '');
      response.end('BAIT CONTENT');
    });
    await new Promise<void>((resolve) => bait.listen(0, '127.0.0.1', resolve));
    baitUrl = `http://127.0.0.1:${(bait.address() as AddressInfo).port}`;

    dir = await mkdtemp(join(tmpdir(), 'saraban-templates-'));
    await cp(join(templatesDir, '_shared'), join(dir, '_shared'), { recursive: true });
    await cp(join(templatesDir, 'memo'), join(dir, 'memo'), { recursive: true });
    await writeTemplate(dir, 'lockdown', {
      'query.graphql': minimalQuery,
      'template.hbs': [
        '<h1>{{document.subject}}</h1>',
        '{{#each document.body}}<p>{{text}}</p>{{/each}}',
        '<img src="file:///etc/hostname">',
        `<iframe src="${baitUrl}/frame"></iframe>`,
        `<link rel="stylesheet" href="${baitUrl}/sheet.css">`,
        "<script>document.body.innerHTML = 'SCRIPT RAN';</script>",
        '<div class="bait">background</div>',
      ].join('\n'),
      'style.css': `.bait { background: url(${baitUrl}/background.png); }`,
    });
    await writeTemplate(dir, 'broken-syntax', {
      'query.graphql': minimalQuery,
      'template.hbs': '<h1>{{document.subject}}</h1>\n{{#each document.body}}\n  <p>{{text}</p>\n{{/each}}\n',
    });
    await writeTemplate(dir, 'broken-query', {
      'query.graphql': 'query Report($id: ID!) {\n  document(id: $id) {\n    subject\n    noSuchField\n  }\n}\n',
      'template.hbs': '<h1>{{document.subject}}</h1>\n',
    });
    server = await startTestServer({ templatesDir: dir });
  });

  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => bait?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  test('a template asking for files, local servers and scripts prints none of it, and each blocked URL is reported', async () => {
    const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input: {
        kind: 'REPORT',
        template: 'lockdown',
        subject: 'ทดสอบการปิดกั้น',
        organization: { name: 'หน่วยงานทดสอบ' },
        body: [{ paragraph: { text: "<b>x</b> & <script>alert('x')</script>" } }],
      },
    });
    expect(created.errors).toBeUndefined();
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url warnings } }', {
      id: created.data.createDocument.id,
    });
    expect(rendered.errors).toBeUndefined();
    const { url, warnings } = rendered.data.renderDocument;
    const warningText = warnings.join('\n');
    for (const blocked of [
      'file:///etc/hostname',
      `${baitUrl}/frame`,
      `${baitUrl}/sheet.css`,
      `${baitUrl}/background.png`,
    ]) {
      expect(warningText).toContain(blocked);
    }
    expect(baitRequests).toEqual([]);

    const pdf = new Uint8Array(await (await fetch(`${server.url}${url}`)).arrayBuffer());
    const text = (await readPdf(pdf)).pages.join('\n');
    expect(text).toContain('ทดสอบการปิดกั้น');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('BAIT CONTENT');
    const hostname = (await readFile('/etc/hostname', 'utf8')).trim();
    if (hostname.length >= 6) expect(text).not.toContain(hostname);
    // The data is printed as the characters typed, never as markup.
    expect(compact(text)).toContain(compact("<b>x</b> & <script>alert('x')</script>"));
  });

  test('broken templates are refused with file, line and column; the others load and print', async () => {
    const listed = await server.graphql('{ templates { name } }');
    const names = listed.data.templates.map((t: { name: string }) => t.name);
    expect(names).toContain('memo');
    expect(names).toContain('lockdown');
    expect(names).not.toContain('broken-syntax');
    expect(names).not.toContain('broken-query');

    const check = await run('node', [sarabanBin, 'templates', 'check', '--templates', dir]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/broken-syntax[/\\]template\.hbs:3:12: Parse error/);
    expect(check.stderr).toMatch(/broken-query[/\\]query\.graphql:4:5/);
    expect(check.stderr).toContain('noSuchField');
    expect(check.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const memo = JSON.parse(await readFile(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));
    const created = await server.graphql('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input: memo,
    });
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { pages } }', {
      id: created.data.createDocument.id,
    });
    expect(rendered.errors).toBeUndefined();
    expect(rendered.data.renderDocument.pages).toBe(1);
  });
});
