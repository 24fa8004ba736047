import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSaraban } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { pdfOutline, pdfPageSizes } from './support/poppler.js';
import { templatesDir } from './support/saraban.js';
import { runSaraban as saraban } from './support/saraban-process.js';

const exampleFile = (template: string, file: string) => join(templatesDir, template, 'examples', file);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saraban-agency-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('saraban bundle', () => {
  test('prints a letter and its enclosure from JSON files as one PDF with a bookmark to each', async () => {
    const out = join(dir, 'bundle.pdf');
    const result = await saraban([
      'bundle',
      '--data',
      exampleFile('external-letter', 'letter-to-agency.json'),
      '--data',
      exampleFile('announcement', 'service-standard-annex.json'),
      '--out',
      out,
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bundle\.pdf: 2 documents, \d+ pages/);
    const pdf = new Uint8Array(await readFile(out));
    const outline = await pdfOutline(pdf);
    expect(outline.map((item) => item.title)).toEqual([
      expect.stringContaining('ส่งรายงานผลการดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล'),
      'มาตรฐานการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
    ]);
    // The announcement's own page and its two landscape annex pages end the bundle.
    const sizes = await pdfPageSizes(pdf);
    expect(sizes.length - (outline[1]?.page ?? 0) + 1).toBe(3);
    expect(sizes.slice(-2).every((size) => size.width > size.height)).toBe(true);
  });

  test('refuses to mix JSON files and stored documents, or to get neither', async () => {
    const result = await saraban(['bundle', '--out', join(dir, 'x.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('give the documents as --data <file.json> (repeated) or as --document <id>');
  });
});

describe('saraban organizations emblem', () => {
  test('gives a stored organization its emblem: its next documents print it, and no placeholder warning', async () => {
    const db = join(dir, 'emblem.db');
    const image = join(dir, 'emblem.png');
    const annex = JSON.parse(readFileSync(exampleFile('announcement', 'service-standard-annex.json'), 'utf8'));
    await writeFile(image, Buffer.from(annex.annexes[0].body[1].image.base64, 'base64'));

    const call = async (source: string, variables: Record<string, unknown>) => {
      const app = await openSaraban({ databaseFile: db, templatesDir, poolSize: 1 });
      try {
        const result = await graphql({ schema, source, variableValues: variables, contextValue: app.context });
        expect(result.errors).toBeUndefined();
        return result.data as DocumentJson;
      } finally {
        await app.close();
      }
    };
    const { createOrganization } = await call(
      'mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }',
      { input: { name: 'เทศบาลตำบลแม่ทา', phone: '๐ ๕๓๕๗ ๖๐๐๐' } },
    );
    const id = createOrganization.id;

    const result = await saraban(['organizations', 'emblem', '--id', id, '--file', image, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`เทศบาลตำบลแม่ทา: emblem set from ${image} (version 2)\n`);

    const { organization } = await call('query ($id: ID!) { organization(id: $id) { phone emblem { mediaType } } }', {
      id,
    });
    // The emblem set, the other fields as they were.
    expect(organization).toEqual({ phone: '๐ ๕๓๕๗ ๖๐๐๐', emblem: { mediaType: 'image/png' } });
    const { createDocument } = await call(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      {
        input: { kind: 'REPORT', subject: 'รายงาน', organizationId: id, cover: { titleLines: ['รายงาน'] }, body: [] },
      },
    );
    const render = await saraban(['render', '--document', createDocument.id, '--db', db, '--out', join(dir, 'r.pdf')]);
    expect(render.code).toBe(0);
    expect(render.stderr).toBe('');
  });

  test('names the file when it is not an image it takes', async () => {
    const result = await saraban([
      'organizations',
      'emblem',
      '--id',
      'x',
      '--file',
      'emblem.gif',
      '--db',
      join(dir, 'x.db'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('emblem.gif: give a .png, .jpg or .svg image');
  });
});
