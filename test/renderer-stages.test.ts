import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSaraban, type SarabanApp } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { STAGES } from '@saraban/render';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPdf } from './support/pdf.js';
import { templatesDir } from './support/saraban.js';

// The Renderer owns a render's stages and says how long each took: the bench and the studio read these figures.

describe('the Renderer, stage by stage', () => {
  let dir: string;
  let saraban: SarabanApp;
  let id: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-renderer-'));
    saraban = await openSaraban({ databaseFile: join(dir, 'saraban.db'), templatesDir, poolSize: 1 });
    const input = JSON.parse(await readFile(join(templatesDir, 'memo/examples/seed-memo.json'), 'utf8'));
    const created = await graphql({
      schema,
      source: 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }',
      variableValues: { input },
      contextValue: saraban.context,
    });
    id = (created.data as { createDocument: { id: string } }).createDocument.id;
  });

  afterAll(async () => {
    await saraban?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a first render runs and times every stage, and stores the PDF it reports', async () => {
    const render = await saraban.renderer.render(id);
    expect(render.cached).toBe(false);
    expect(Object.keys(render.stageTimings)).toEqual([...STAGES]);
    for (const stage of STAGES) expect(render.stageTimings[stage]).toBeGreaterThanOrEqual(0);
    const file = await saraban.store.renders.getPdfFile(render.id);
    const pdf = await readPdf(new Uint8Array(Buffer.concat((await file?.stream().toArray()) ?? [])));
    // The page count the finish stage counted is the PDF's.
    expect(pdf.pages.length).toBe(render.pages);
  });

  test('a render found in the cache stops after the cache stage', async () => {
    const render = await saraban.renderer.render(id);
    expect(render.cached).toBe(true);
    expect(Object.keys(render.stageTimings)).toEqual(['load', 'query', 'fill', 'cache']);
  });

  test('renderDocument gives the stage times to a client, and null on a render read back later', async () => {
    const result = await graphql({
      schema,
      source: 'mutation ($id: ID!) { renderDocument(id: $id) { cached stageTimings { load query fill cache print } } }',
      variableValues: { id },
      contextValue: saraban.context,
    });
    const rendered = (result.data as { renderDocument: { cached: boolean; stageTimings: Record<string, unknown> } })
      .renderDocument;
    expect(rendered.cached).toBe(true);
    expect(rendered.stageTimings).toEqual({
      load: expect.any(Number),
      query: expect.any(Number),
      fill: expect.any(Number),
      cache: expect.any(Number),
      print: null,
    });
    const later = await graphql({
      schema,
      source: 'query ($id: ID!) { document(id: $id) { renders { stageTimings { load } } } }',
      variableValues: { id },
      contextValue: saraban.context,
    });
    expect(later.data).toEqual({ document: { renders: [{ stageTimings: null }] } });
  });
});
