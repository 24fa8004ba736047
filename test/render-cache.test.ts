import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSaraban, type SarabanApp } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { templatesDir } from './support/saraban.js';

const RENDER = 'mutation ($id: ID!) { renderDocument(id: $id) { id sha256 cached documentVersion } }';

describe('the render cache', () => {
  let dir: string;
  let saraban: SarabanApp;
  let input: Record<string, unknown>;

  async function run<T = DocumentJson>(source: string, variables: Record<string, unknown>): Promise<T> {
    const result = await graphql({ schema, source, variableValues: variables, contextValue: saraban.context });
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-cache-'));
    saraban = await openSaraban({ databaseFile: join(dir, 'saraban.db'), templatesDir, poolSize: 1 });
    input = JSON.parse(await readFile(join(templatesDir, 'memo/examples/short-memo.json'), 'utf8'));
  });
  afterAll(async () => {
    await saraban?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('an unchanged document returns its stored render without Chromium; any change prints anew', async () => {
    const { createDocument } = await run('mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }', {
      input,
    });
    const { id } = createDocument;
    const first = (await run(RENDER, { id })).renderDocument;
    expect(first.cached).toBe(false);
    const again = (await run(RENDER, { id })).renderDocument;
    expect(again).toEqual({ ...first, cached: true });

    const UPDATE =
      'mutation ($id: ID!, $version: Int!, $input: DocumentInput!) { updateDocument(id: $id, version: $version, input: $input) { version } }';
    await run(UPDATE, { id, version: 1, input: { ...input, subject: `${input.subject} (แก้ไข)` } });
    const changed = (await run(RENDER, { id })).renderDocument;
    expect(changed.cached).toBe(false);
    expect(changed.id).not.toBe(first.id);
    expect(changed.sha256).not.toBe(first.sha256);
    expect(changed.documentVersion).toBe(2);

    // With Chromium gone, a cached render still answers and a new print cannot: the cache never touched it.
    await saraban.printer.close();
    expect((await run(RENDER, { id })).renderDocument).toEqual({ ...changed, cached: true });
    const fresh = await graphql({
      schema,
      source: RENDER,
      variableValues: { id: 'missing' },
      contextValue: saraban.context,
    });
    expect(fresh.errors?.[0]?.message).toMatch(/does not exist/);
  });
});
