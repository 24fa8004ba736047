import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compact, readPdf } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';
import { graphqlAt, type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

/** The words the published version adds under the memo's title. */
const ADDED = 'ฉบับแก้ไขจากอีกเครื่องหนึ่ง';

describe('a template published in one process is printed with by another sharing the database, without a restart', () => {
  let dir: string;
  const servers: SarabanProcess[] = [];
  const origins: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-publish-'));
    // One after the other: the second finds the templates folder already imported.
    for (let index = 0; index < 2; index++) {
      const serve = await startSaraban(
        ['serve', '--port', '0', '--pool', '1', '--db', join(dir, 'saraban.db')],
        /GraphQL API and GraphiQL: (\S+)/,
      );
      servers.push(serve);
      origins.push(new URL(serve.match[1] as string).origin);
    }
  });
  afterAll(async () => {
    for (const serve of servers) await stopSaraban(serve.child);
    await rm(dir, { recursive: true, force: true });
  });

  test('a memo version published through one server is the one the other server prints', async () => {
    const [publisher = '', printer = ''] = origins;
    const onPublisher = graphqlAt(publisher);
    const onPrinter = graphqlAt(printer);
    const input = JSON.parse(await readFile(join(templatesDir, 'memo', 'examples', 'short-memo.json'), 'utf8'));
    const { createDocument } = await onPrinter<{ createDocument: { id: string } }>(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      { input },
    );
    const render = () =>
      onPrinter<{ renderDocument: { templateVersion: number; url: string } }>(
        'mutation ($id: ID!) { renderDocument(id: $id) { templateVersion url } }',
        { id: createDocument.id },
      ).then((data) => data.renderDocument);
    expect((await render()).templateVersion).toBe(1);

    const { template } = await onPublisher<{ template: { files: { path: string; text: string }[] } }>(
      '{ template(name: "memo") { files { path text } } }',
    );
    const files = template.files.map((file) =>
      file.path === 'template.hbs'
        ? { ...file, text: file.text.replace('</h1>', `</h1>\n<p class="deadline">${ADDED}</p>`) }
        : file,
    );
    const { saveTemplateDraft } = await onPublisher<{ saveTemplateDraft: { revision: number } }>(
      'mutation ($files: [TemplateFileInput!]!) { saveTemplateDraft(name: "memo", files: $files) { revision } }',
      { files },
    );
    await onPublisher('mutation ($revision: Int!) { publishTemplate(name: "memo", revision: $revision) { version } }', {
      revision: saveTemplateDraft.revision,
    });

    // The other server looks for new versions every second: within a few, its renders use version 2.
    let rendered = await render();
    for (let attempt = 0; attempt < 50 && rendered.templateVersion !== 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rendered = await render();
    }
    expect(rendered.templateVersion).toBe(2);
    const pdf = new Uint8Array(await (await fetch(`${printer}${rendered.url}`)).arrayBuffer());
    const { pages } = await readPdf(pdf);
    expect(compact(pages.join('\n'))).toContain(compact(ADDED));
  });
});
