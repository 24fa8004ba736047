import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSaraban } from '@saraban/app';
import { schema } from '@saraban/graphql';
import { STAGES } from '@saraban/render';

// One copy of graphql: the one @saraban/graphql built its schema with.
const { graphql } = createRequire(new URL('../../packages/graphql/package.json', import.meta.url))('graphql');

export const templatesDir = new URL('../../templates/', import.meta.url).pathname;

const createDocumentMutation = /* GraphQL */ `
  mutation CreateDocument($input: DocumentInput!) { createDocument(input: $input) { id } }
`;

/**
 * A memo template example (templates/memo/examples/<name>.json) as a DocumentInput.
 *
 * @example
 * const input = await memoExample('short-memo');
 * @param {string} name
 */
export async function memoExample(name) {
  const file = new URL(`../../templates/memo/examples/${name}.json`, import.meta.url);
  return { ...JSON.parse(await readFile(file, 'utf8')), template: 'memo' };
}

/**
 * The measure report example (the second seed's measure results table) as a DocumentInput.
 *
 * @example
 * const input = await measureReportExample();
 */
export async function measureReportExample() {
  const file = new URL('../../templates/measure-report/examples/measure-results.json', import.meta.url);
  return { ...JSON.parse(await readFile(file, 'utf8')), template: 'measure-report' };
}

/**
 * A measure report whose table holds the example's measures cycled to `measures` measures, five to a group under
 * a group row: a long measure report of any length.
 *
 * @example
 * const input = repeatedMeasures(await measureReportExample(), 40);
 * @param {{ body: Array<Record<string, any>> }} input
 * @param {number} measures
 */
export function repeatedMeasures(input, measures) {
  const tableIndex = input.body.findIndex((block) => block.measureTable);
  const table = input.body[tableIndex].measureTable;
  const all = table.groups.flatMap((/** @type {{ measures: unknown[] }} */ group) => group.measures);
  const cycled = Array.from({ length: measures }, (_, i) => all[i % all.length]);
  const groups = [];
  for (let start = 0; start < cycled.length; start += 5) {
    groups.push({ title: `กลุ่มมาตรการที่ ${start / 5 + 1}`, measures: cycled.slice(start, start + 5) });
  }
  const body = [...input.body];
  body[tableIndex] = { measureTable: { ...table, groups } };
  return { ...input, body };
}

/**
 * @typedef {{ html: string, assets: ReadonlyMap<string, { contentType: string, body: Uint8Array | string }>, title?: string }} RenderedPage
 */

/**
 * Saraban opened as an application opens it (@saraban/app), rendering through its Renderer, which times each stage
 * of a render itself (load, query, fill, cache, print, finish, store: see packages/render). The templates' page is
 * wrapped on the instances (the bench owns them) only to keep the last page filled in, which the floor prints.
 *
 * @example
 * const bench = await openTimedSaraban({ databaseFile, poolSize: 1 });
 * const id = await bench.createDocument(await memoExample('short-memo'));
 * const { ms, stages } = await bench.render(id);
 * @param {{ databaseFile: string, poolSize: number, printTimeoutMs?: number }} options
 */
export async function openTimedSaraban({ databaseFile, poolSize, printTimeoutMs }) {
  const saraban = await openSaraban({ databaseFile, templatesDir, poolSize, printTimeoutMs });
  const { context } = saraban;
  /** @type {RenderedPage | undefined} */
  let lastPage;
  for (const template of saraban.templates.list()) {
    // The Renderer fills a template in on a fill thread, then makes the page here: the page is what is kept.
    const page = template.page.bind(template);
    template.page = (filled, options) => {
      lastPage = page(filled, options);
      return lastPage;
    };
  }

  return {
    context,
    printer: saraban.printer,
    close: () => saraban.close(),
    /** @param {object} input a DocumentInput */
    async createDocument(input) {
      const result = await graphql({
        schema,
        source: createDocumentMutation,
        variableValues: { input },
        contextValue: context,
      });
      if (result.errors?.length) throw new Error(`createDocument failed: ${result.errors[0].message}`);
      return /** @type {string} */ (result.data.createDocument.id);
    },
    /** Renders through the whole pipeline, with the Renderer's time for each stage. */
    async render(/** @type {string} */ id) {
      const startedAt = performance.now();
      const stored = await saraban.renderer.render(id);
      const ms = performance.now() - startedAt;
      /** @type {Record<string, number>} */
      const stages = Object.fromEntries(STAGES.map((stage) => [stage, stored.stageTimings[stage] ?? 0]));
      return { ms, stages, pages: stored.pages, bytes: stored.bytes, cached: stored.cached };
    },
    /** The HTML and assets of the last page the template filled in: what the floor prints. */
    lastPage: () => lastPage,
  };
}
