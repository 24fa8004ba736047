import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSaraban, renderDocument, schema } from '@saraban/graphql';

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
 * @typedef {'template' | 'cache' | 'print' | 'store'} Stage
 */

/**
 * Saraban opened as an application opens it, with each stage of renderDocument timed: the context's
 * template render, render-cache lookup, printer print and render store are wrapped on the instances (the bench
 * owns them), and what remains of a render (loading the document, running the template's query, the cache key) is
 * the query stage. The store stage hashes the PDF file, syncs it and records the render.
 *
 * @example
 * const bench = await openTimedSaraban({ databaseFile, poolSize: 1 });
 * const id = await bench.createDocument(await memoExample('short-memo'));
 * const { ms, stages } = await bench.render(id);
 * @param {{ databaseFile: string, poolSize: number }} options
 */
export async function openTimedSaraban({ databaseFile, poolSize }) {
  const saraban = await openSaraban({ databaseFile, templatesDir, poolSize });
  const { context } = saraban;
  /** @type {Record<Stage, number> | undefined} */
  let current;
  /** @type {RenderedPage | undefined} */
  let lastPage;
  // Stage times are attributed to the render that is running; with concurrent renders only totals are kept.
  const add = (/** @type {Stage} */ stage, /** @type {number} */ ms) => {
    if (current) current[stage] += ms;
  };

  for (const template of context.templates.list()) {
    const render = template.render.bind(template);
    template.render = (data, options) => {
      const startedAt = performance.now();
      const page = render(data, options);
      add('template', performance.now() - startedAt);
      lastPage = page;
      return page;
    };
  }
  // printer.print (the continuation overlay) goes through printToFile too. Finishing the file (metadata, word text)
  // is not in this stage since @saraban/pdf was split in two: it counts with "query", the rest.
  const printToFile = context.printer.printToFile.bind(context.printer);
  context.printer.printToFile = async (job, destination) => {
    const startedAt = performance.now();
    try {
      return await printToFile(job, destination);
    } finally {
      add('print', performance.now() - startedAt);
    }
  };
  const findCached = context.store.renders.findCached.bind(context.store.renders);
  context.store.renders.findCached = async (...args) => {
    const startedAt = performance.now();
    try {
      return await findCached(...args);
    } finally {
      add('cache', performance.now() - startedAt);
    }
  };
  const storeRender = context.store.renders.create.bind(context.store.renders);
  context.store.renders.create = async (render) => {
    const startedAt = performance.now();
    try {
      return await storeRender(render);
    } finally {
      add('store', performance.now() - startedAt);
    }
  };

  return {
    context,
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
    /** Renders through the whole pipeline; stages are timed when no other render runs at the same time. */
    async render(/** @type {string} */ id, { timeStages = true } = {}) {
      const stages = { query: 0, template: 0, cache: 0, print: 0, store: 0 };
      current = timeStages ? stages : undefined;
      const startedAt = performance.now();
      const stored = await renderDocument(schema, context, id);
      const ms = performance.now() - startedAt;
      current = undefined;
      stages.query = ms - stages.template - stages.cache - stages.print - stages.store;
      return { ms, stages, pages: stored.pages, bytes: stored.bytes, cached: stored.cached };
    },
    /** The HTML and assets of the last page the template filled in: what the floor prints. */
    lastPage: () => lastPage,
  };
}
