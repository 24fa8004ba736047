// `pnpm bench [--quick]`: times Saraban's whole pipeline (GraphQL query → template → PDF → store) against the
// floor (bare puppeteer-core printing the same HTML) and prints one JSON document. Progress goes to stderr.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultChromiumPath } from '@saraban/print';
import { startServer } from '@saraban/server';
import { launchFloor } from './lib/floor.mjs';
import { measureReportExample, memoExample, openTimedSaraban, repeatedMeasures } from './lib/pipeline.mjs';
import { mebibytes, startPssSampler, treeCpuMs } from './lib/processes.mjs';
import { latencySummary, percentile, round } from './lib/stats.mjs';
import { measureStudioPreview } from './studio-preview.mjs';

const quick = process.argv.includes('--quick');
const settings = quick
  ? {
      latencyRuns: { 'memo-1': 12, 'letter-2': 8, 'report-10': 6, 'report-100': 2 },
      throughputSeconds: 1.5,
      coldStarts: 1,
    }
  : {
      latencyRuns: { 'memo-1': 60, 'letter-2': 60, 'report-10': 15, 'report-100': 6 },
      throughputSeconds: 5,
      coldStarts: 3,
    };
/** Renders of each document before the timed ones, on both sides: until then Node and Chromium still optimise the code. */
const warmUpRuns = { 'memo-1': 8, 'letter-2': 8, 'report-10': 3, 'report-100': 1 };
const poolSizes = [1, 2, 4];
/** The `saraban` command as users run it (built by `pnpm build`). */
const sarabanBin = new URL('../packages/cli/bundle/saraban.js', import.meta.url).pathname;
const createDocumentMutation = 'mutation ($input: DocumentInput!) { createDocument(input: $input) { id } }';
const renderDocumentMutation = 'mutation ($id: ID!) { renderDocument(id: $id) { url pages } }';
/** One-page PDFs per second no pool reaches here: how many fresh documents a throughput run stores beforehand. */
const maxRate = 80;
const startedAt = performance.now();
const loadAtStart = loadavg()[0];
const log = (/** @type {string} */ message) =>
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1)}s] ${message}\n`);

// The bench's databases and PDFs go where `saraban serve` keeps its data by default (.saraban/ in the working
// directory), not in /tmp: on the bench's machine creating a file in /tmp costs 0.3 ms, elsewhere on the same disk
// 0.07 ms, and the pipeline creates a file for every render where the floor creates none.
const dataDir = new URL('../.saraban/', import.meta.url).pathname;
await mkdir(dataDir, { recursive: true });
const workDir = await mkdtemp(join(dataDir, 'bench-'));
try {
  const report = await runBench();
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}

async function runBench() {
  const latency = await measureWarmLatency();
  const healthDuringLongFinish = await measureHealthDuringLongRender(latency.reportOf300);
  const { throughput, peakMemory } = await measureThroughput();
  const coldStart = await measureColdStart(latency.memoPage);
  const studioPreview = await measureStudioPreview({
    memoPage: latency.memoPage,
    samples: quick ? 10 : 30,
    warmUps: quick ? 3 : 5,
    log,
  });
  const memo = latency.warmLatency['memo-1'];
  const letter = latency.warmLatency['letter-2'];
  const scaling = latency.pageScaling;
  const pool4 = throughput.pool4.pipeline.pdfsPerSecond;
  const pss4 = peakMemory.pool4.pipeline.totalMiB;
  return {
    mode: quick ? 'quick' : 'full',
    machine: await machine(),
    floor:
      'bare puppeteer-core, same Chromium and flags, fresh user-data dir; per document page.setContent(html, load) then ' +
      'page.pdf with the options @saraban/print uses, on reused tabs, the same assets answered by request interception',
    documents: latency.documents,
    warmLatency: latency.warmLatency,
    pageScaling: scaling,
    longReportMemory: latency.longReportMemory,
    healthDuringLongFinish,
    throughput,
    peakMemory,
    coldStart,
    studioPreview,
    targets: [
      target('memo-1 warm median ≤ 1.25 × floor', '≤ 1.25', memo.ratio.median, memo.ratio.median <= 1.25),
      target(
        'letter-2 (with its continuation line) warm median ≤ 1.35 × floor',
        '≤ 1.35',
        letter.ratio.median,
        letter.ratio.median <= 1.35,
      ),
      target('one-page PDFs per second, pool of 4', '≥ 30', pool4, pool4 >= 30),
      target(
        'cold start to first PDF (ms)',
        '≤ 1500',
        coldStart.pipeline.medianMs,
        coldStart.pipeline.medianMs <= 1500,
      ),
      target('peak PSS, Node + Chromium, pool of 4 (MiB)', '≤ 700', pss4, pss4 <= 700),
      target('100-page time / 10-page time', '≤ 12', scaling.ratio, scaling.ratio <= 12),
      target(
        'studio: edit to updated preview on screen, memo-1 median (ms)',
        '≤ 300',
        studioPreview.editToPreview.medianMs,
        studioPreview.editToPreview.medianMs <= 300,
      ),
    ],
    durationSeconds: round((performance.now() - startedAt) / 1000, 1),
  };
}

/**
 * @param {string} name
 * @param {string} goal
 * @param {number} measured
 * @param {boolean} pass
 */
function target(name, goal, measured, pass) {
  return { name, target: goal, measured, pass };
}

async function machine() {
  const chromiumPath = defaultChromiumPath();
  const chromium = await promisify(execFile)(chromiumPath, ['--version'])
    .then(({ stdout }) => `${stdout.trim()} (${chromiumPath})`)
    .catch(() => 'unknown');
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryMiB: mebibytes(totalmem()),
    node: process.version,
    chromium,
    // Anything else running shares the cores: figures taken under load are slower and noisier.
    loadAverage1m: { start: round(loadAtStart), end: round(loadavg()[0]) },
  };
}

/**
 * How many measures, cycled from the measure report example, print `pages` pages or a little more (a page or
 * 3 %): guesses in proportion to the pages printed until one reaches `pages`, then halving; one render per guess.
 * @param {Awaited<ReturnType<typeof openTimedSaraban>>} saraban
 * @param {{ body: Array<Record<string, any>> }} seed
 * @param {number} pages
 * @param {number} firstGuess measures
 */
async function documentOfPages(saraban, seed, pages, firstGuess) {
  // Close enough: a page or 3 % over.
  const tolerance = Math.max(1, Math.ceil(pages * 0.03));
  let below = 0;
  /** @type {{ blocks: number, pages: number } | undefined} */
  let reached;
  let blocks = firstGuess;
  for (let attempt = 0; attempt < 12; attempt++) {
    const printed = (await saraban.render(await saraban.createDocument(repeatedMeasures(seed, blocks)))).pages;
    if (printed >= pages) reached = { blocks, pages: printed };
    else below = blocks;
    if (reached && (reached.pages <= pages + tolerance || reached.blocks - below <= 1)) break;
    blocks = reached
      ? Math.floor((below + reached.blocks) / 2)
      : Math.max(blocks + 1, Math.ceil((blocks * pages) / printed));
  }
  if (!reached) throw new Error(`no document of ${pages} pages found`);
  return reached;
}

/**
 * Stores `count` copies of a document: a render of a stored version is served from the render cache, so every
 * timed render gets a document never printed before.
 * @param {Awaited<ReturnType<typeof openTimedSaraban>>} saraban
 * @param {object} input
 * @param {number} count
 */
async function storeCopies(saraban, input, count) {
  const ids = [];
  for (let copy = 0; copy < count; copy++) ids.push(await saraban.createDocument(input));
  return ids;
}

async function measureWarmLatency() {
  log('warm latency: opening Saraban (pool 1) and the floor (1 tab)');
  const saraban = await openTimedSaraban({ databaseFile: join(workDir, 'latency.db'), poolSize: 1 });
  const floor = await launchFloor(1);
  try {
    const seed = await measureReportExample();
    const memo = await memoExample('short-memo');
    log('finding the two-page letter');
    const letter = await twoPageLetter(saraban, await memoExample('seed-memo'));
    log('finding the 10- and 100-page measure reports');
    const ten = await documentOfPages(saraban, seed, 10, 5);
    const hundred = await documentOfPages(saraban, seed, 100, ten.blocks * 10);
    log('finding the 300-page measure report');
    const threeHundred = await documentOfPages(saraban, seed, 300, hundred.blocks * 3);
    const long = (/** @type {{ blocks: number, pages: number }} */ found) => ({
      document: 'measure-report',
      source: `measure-results.json with its measures cycled to ${found.blocks}, five to a group`,
      pages: found.pages,
    });
    const documents = {
      'memo-1': { document: 'memo', source: 'short-memo.json', pages: 0 },
      'letter-2': {
        document: 'memo',
        source: `seed-memo.json with its first ${letter.body.length} body blocks: two pages, a continuation line on the first`,
        pages: 0,
      },
      'report-10': long(ten),
      'report-100': long(hundred),
      'report-300': long(threeHundred),
    };
    const inputs = {
      'memo-1': memo,
      'letter-2': letter,
      'report-10': repeatedMeasures(seed, ten.blocks),
      'report-100': repeatedMeasures(seed, hundred.blocks),
    };
    /** @type {Record<string, any>} */
    const warmLatency = {};
    /** @type {import('./lib/pipeline.mjs').RenderedPage | undefined} */
    let memoPage;
    for (const [name, input] of Object.entries(inputs)) {
      const runs = settings.latencyRuns[/** @type {keyof typeof settings.latencyRuns} */ (name)];
      log(`warm latency: ${name}, ${runs} renders each`);
      const warmUps = warmUpRuns[/** @type {keyof typeof warmUpRuns} */ (name)];
      const ids = await storeCopies(saraban, input, warmUps + runs);
      const warm = await saraban.render(/** @type {string} */ (ids.shift()));
      documents[/** @type {keyof typeof documents} */ (name)].pages = warm.pages;
      const page = saraban.lastPage();
      if (!page) throw new Error('the template rendered nothing');
      if (name === 'memo-1') memoPage = page;
      await floor.print(0, page);
      for (const id of ids.splice(0, warmUps - 1)) {
        await saraban.render(id);
        await floor.print(0, page);
      }
      /** @type {number[]} */
      const pipelineMs = [];
      /** @type {number[]} */
      const floorMs = [];
      /** @type {Record<string, number[]>} */
      const stages = {};
      const renderOurs = async (/** @type {string} */ id) => {
        const rendered = await saraban.render(id);
        if (rendered.cached) throw new Error('a first render came from the render cache');
        pipelineMs.push(rendered.ms);
        for (const [stage, ms] of Object.entries(rendered.stages)) {
          stages[stage] ??= [];
          stages[stage].push(ms);
        }
      };
      const printBare = async () => {
        const floorStartedAt = performance.now();
        await floor.print(0, page);
        floorMs.push(performance.now() - floorStartedAt);
      };
      // Alternating the two spreads any drift of the machine evenly over both, and which goes first alternates too:
      // what one leaves the next (cold caches, a garbage collection) falls on both alike. Between the two, the event
      // loop runs what is left (a render's claim is released after it returns) so it counts in neither.
      for (const [sample, id] of ids.entries()) {
        for (const side of sample % 2 === 0 ? ['pipeline', 'floor'] : ['floor', 'pipeline']) {
          await (side === 'pipeline' ? renderOurs(id) : printBare());
          await new Promise((settled) => setImmediate(settled));
        }
      }
      const pipeline = latencySummary(pipelineMs);
      const bare = latencySummary(floorMs);
      /** @type {number[]} */
      const cachedMs = [];
      for (const id of ids.slice(0, 5)) cachedMs.push((await saraban.render(id)).ms);
      warmLatency[name] = {
        pipeline,
        floor: bare,
        ratio: { median: round(pipeline.medianMs / bare.medianMs), p95: round(pipeline.p95Ms / bare.p95Ms) },
        stagesMedianMs: Object.fromEntries(
          Object.entries(stages).map(([stage, samples]) => [stage, round(percentile(samples, 0.5))]),
        ),
        cachedRenderMedianMs: round(percentile(cachedMs, 0.5)),
      };
    }
    const pageScaling = {
      ratio: round(warmLatency['report-100'].pipeline.medianMs / warmLatency['report-10'].pipeline.medianMs),
      floorRatio: round(warmLatency['report-100'].floor.medianMs / warmLatency['report-10'].floor.medianMs),
      pageRatio: round(documents['report-100'].pages / documents['report-10'].pages),
    };
    if (!memoPage) throw new Error('the memo was not rendered');
    log('node memory: report-300');
    const longReportMemory = {
      'report-300': await nodeMemoryOfRender(saraban, repeatedMeasures(seed, threeHundred.blocks)),
    };
    return { documents, warmLatency, pageScaling, longReportMemory, memoPage, reportOf300: threeHundred.blocks };
  } finally {
    await floor.close();
    await saraban.close();
  }
}

/**
 * The seed memo cut to the first body blocks that print exactly two pages: a letter of two pages, whose first page
 * ends with a continuation line. One render per guess.
 * @param {Awaited<ReturnType<typeof openTimedSaraban>>} saraban
 * @param {{ body: unknown[] }} seed
 */
async function twoPageLetter(saraban, seed) {
  for (let blocks = 1; blocks <= seed.body.length; blocks++) {
    const input = { ...seed, body: seed.body.slice(0, blocks) };
    const { pages } = await saraban.render(await saraban.createDocument(input));
    if (pages === 2) return input;
    if (pages > 2) break;
  }
  throw new Error('no cut of the seed memo prints two pages');
}

/**
 * How long a server takes to answer /healthz while the same process renders report-300 (its print streamed from
 * Chromium, then its finishing, which reads every page): a separate process asks again and again, one request at a
 * time. The longest answer during the finish stage (from the Renderer's stage times) and during the whole render.
 * @param {number} measures the report-300's measures
 */
async function measureHealthDuringLongRender(measures) {
  log('health during a long render: report-300 on a server');
  // A machine under load may take longer than the default 30 s to print 300 pages.
  const saraban = await openTimedSaraban({
    databaseFile: join(workDir, 'health.db'),
    poolSize: 1,
    printTimeoutMs: 180_000,
  });
  const server = await startServer(saraban.context, { port: 0 });
  try {
    const [id] = await storeCopies(saraban, repeatedMeasures(await measureReportExample(), measures), 1);
    const poller = spawn(
      process.execPath,
      [new URL('./lib/health-poller.mjs', import.meta.url).pathname, `${server.url}/healthz`],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    let output = '';
    poller.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise((resolve) => poller.once('exit', resolve));
    await new Promise((resolve) => {
      const ready = () => (output.startsWith('ready\n') ? resolve(undefined) : undefined);
      poller.stdout.on('data', ready);
    });
    // A quiet second first: the answer time of an idle server.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const renderStart = Date.now();
    const rendered = await saraban.render(/** @type {string} */ (id));
    const renderEnd = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    poller.stdin.end();
    await exited;
    /** @type {Array<[number, number]>} */
    const answers = JSON.parse(output.split('\n')[1] ?? '[]');
    // Stages run in order: finish, then store, last.
    const finishStart = renderEnd - (rendered.stages.store ?? 0) - (rendered.stages.finish ?? 0);
    const finishEnd = renderEnd - (rendered.stages.store ?? 0);
    const longestBetween = (/** @type {number} */ from, /** @type {number} */ to) => {
      // An answer that was pending at any moment of the window counts.
      const during = answers.filter(([askedAt, ms]) => askedAt <= to && askedAt + ms >= from);
      return { longestMs: round(Math.max(0, ...during.map(([, ms]) => ms))), answers: during.length };
    };
    const idle = answers.filter(([askedAt]) => askedAt < renderStart).map(([, ms]) => ms);
    return {
      measured:
        '/healthz asked by a separate process, one request at a time, while the server process renders report-300 ' +
        '(Renderer stage times give the finish window)',
      pages: rendered.pages,
      renderMs: round(rendered.ms),
      finishMs: round(rendered.stages.finish ?? Number.NaN),
      idleMedianMs: round(percentile(idle, 0.5)),
      duringFinish: rendered.stages.finish === undefined ? null : longestBetween(finishStart, finishEnd),
      duringRender: longestBetween(renderStart, renderEnd),
    };
  } finally {
    await server.close();
    await saraban.close();
  }
}

/**
 * This Node process's memory while it renders one new copy of `input`: the highest RSS, external and ArrayBuffer
 * memory (sampled every 5 ms) above their values at the start, beside the size of the PDF. MiB.
 * @param {Awaited<ReturnType<typeof openTimedSaraban>>} saraban
 * @param {object} input
 */
async function nodeMemoryOfRender(saraban, input) {
  const [id] = await storeCopies(saraban, input, 1);
  const start = process.memoryUsage();
  const peak = { ...start };
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.external = Math.max(peak.external, now.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  }, 5);
  let rendered;
  try {
    rendered = await saraban.render(/** @type {string} */ (id));
  } finally {
    clearInterval(sampler);
  }
  const mib = (/** @type {number} */ bytes) => round(bytes / 2 ** 20, 1);
  return {
    pages: rendered.pages,
    pdfMiB: mib(rendered.bytes),
    peakAboveStartMiB: {
      rss: mib(peak.rss - start.rss),
      external: mib(peak.external - start.external),
      arrayBuffers: mib(peak.arrayBuffers - start.arrayBuffers),
    },
  };
}

/**
 * Runs `worker` in `concurrency` loops until `seconds` have passed; returns finished calls per second.
 * @param {number} concurrency
 * @param {number} seconds
 * @param {(slot: number) => Promise<unknown>} worker
 */
async function throughputOf(concurrency, seconds, worker) {
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  let finished = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, slot) => {
      while (performance.now() < deadline) {
        await worker(slot);
        finished++;
      }
    }),
  );
  const elapsed = (performance.now() - startedAt) / 1000;
  /** @type {{ pdfsPerSecond: number, pdfs: number, seconds: number, cpuMsPerPdf?: { node: number, chromium: number } }} */
  const result = { pdfsPerSecond: round(finished / elapsed, 1), pdfs: finished, seconds: round(elapsed) };
  return result;
}

/**
 * Counts the CPU time this Node process and a Chromium use from now on (the PSS sampler's share included).
 * @param {number | undefined} browserPid
 */
async function startCpuCount(browserPid) {
  const chromium = browserPid === undefined ? 0 : await treeCpuMs(browserPid);
  const node = process.cpuUsage();
  return {
    /** @param {number} pdfs */
    async perPdf(pdfs) {
      const nodeUsed = process.cpuUsage(node);
      const chromiumMs = browserPid === undefined ? 0 : (await treeCpuMs(browserPid)) - chromium;
      return {
        node: round((nodeUsed.user + nodeUsed.system) / 1000 / pdfs, 1),
        chromium: round(chromiumMs / pdfs, 1),
      };
    },
  };
}

/** @param {import('./lib/processes.mjs').PssPeak} peak */
function memoryFigures(peak) {
  return {
    totalMiB: mebibytes(peak.totalBytes),
    nodeMiB: mebibytes(peak.nodeBytes),
    chromiumMiB: mebibytes(peak.chromiumBytes),
    chromiumProcesses: peak.chromiumProcesses,
  };
}

async function measureThroughput() {
  /** @type {Record<string, any>} */
  const throughput = {};
  /** @type {Record<string, any>} */
  const peakMemory = {};
  for (const poolSize of poolSizes) {
    log(`throughput: pool of ${poolSize}, ${settings.throughputSeconds}s each`);
    const saraban = await openTimedSaraban({ databaseFile: join(workDir, `pool-${poolSize}.db`), poolSize });
    let page;
    let pipeline;
    let pipelinePeak;
    try {
      const memo = await memoExample('short-memo');
      const ids = await storeCopies(saraban, memo, poolSize * 3 + Math.ceil(settings.throughputSeconds * maxRate));
      await Promise.all(ids.splice(0, poolSize * 3).map((id) => saraban.render(id)));
      page = saraban.lastPage();
      const sampler = startPssSampler(saraban.printer.browserPid());
      const cpu = await startCpuCount(saraban.printer.browserPid());
      // Twice the pool in flight, so a tab never waits for Node between renders.
      pipeline = await throughputOf(poolSize * 2, settings.throughputSeconds, async () => {
        const id = ids.pop();
        if (id === undefined) throw new Error(`more than ${maxRate} PDFs per second: raise maxRate in bench/run.mjs`);
        await saraban.render(id);
      });
      pipelinePeak = await sampler.stop();
      pipeline.cpuMsPerPdf = await cpu.perPdf(pipeline.pdfs);
    } finally {
      await saraban.close();
    }
    if (!page) throw new Error('the template rendered nothing');
    const floor = await launchFloor(poolSize);
    let bare;
    let floorPeak;
    try {
      const renderedPage = page;
      await Promise.all(Array.from({ length: poolSize }, (_, tab) => floor.print(tab, renderedPage)));
      const sampler = startPssSampler(floor.browserPid());
      const cpu = await startCpuCount(floor.browserPid());
      bare = await throughputOf(poolSize, settings.throughputSeconds, (tab) => floor.print(tab, renderedPage));
      floorPeak = await sampler.stop();
      bare.cpuMsPerPdf = await cpu.perPdf(bare.pdfs);
    } finally {
      await floor.close();
    }
    throughput[`pool${poolSize}`] = {
      pipeline,
      floor: bare,
      ratio: round(pipeline.pdfsPerSecond / bare.pdfsPerSecond),
    };
    const pipelineMemory = memoryFigures(pipelinePeak);
    const floorMemory = memoryFigures(floorPeak);
    peakMemory[`pool${poolSize}`] = {
      pipeline: pipelineMemory,
      floor: floorMemory,
      ratio: round(pipelineMemory.totalMiB / floorMemory.totalMiB),
    };
  }
  return { throughput, peakMemory };
}

/**
 * Starts `node bench/cold-start.mjs <page.json>` and resolves when it has printed its result line, with the
 * time since it was spawned.
 * @param {string} pageFile
 */
function floorColdStart(pageFile) {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [new URL('./cold-start.mjs', import.meta.url).pathname, pageFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    let result;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!result && output.includes('\n')) {
        result = { spawnToFirstPdfMs: performance.now() - spawnedAt, ...JSON.parse(output.split('\n')[0]) };
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`cold start exited with ${code}`))));
  });
}

/**
 * Starts the `saraban` command as users run it (`serve` on a new database, its default pool) and, once it says where it
 * listens, stores the one-page memo, renders it and downloads the PDF over HTTP, as an integrator's first request
 * after a restart does. Milestones are ms since the spawn.
 * @param {string} dir
 */
async function serverColdStart(dir) {
  const spawnedAt = performance.now();
  const since = () => Math.round(performance.now() - spawnedAt);
  const args = [sarabanBin, 'serve', '--host', '127.0.0.1', '--port', '0', '--db', join(dir, 'cold.db')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const endpoint = await new Promise((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /GraphQL API and GraphiQL: (\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`saraban serve exited with ${code}: ${output}`)));
    });
    const listening = since();
    const { createDocument } = await postGraphql(endpoint, createDocumentMutation, {
      input: await memoExample('short-memo'),
    });
    const { renderDocument } = await postGraphql(endpoint, renderDocumentMutation, { id: createDocument.id });
    const response = await fetch(new URL(renderDocument.url, endpoint));
    const pdf = Buffer.from(await response.arrayBuffer());
    if (!response.ok || pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error(`no PDF: ${response.status}`);
    const firstPdf = since();
    return { spawnToFirstPdfMs: firstPdf, pages: renderDocument.pages, milestones: { listening, firstPdf } };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * One GraphQL request over HTTP; throws with the server's errors.
 * @param {string} endpoint
 * @param {string} query
 * @param {Record<string, unknown>} variables
 */
async function postGraphql(endpoint, query, variables) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
}

/** @param {import('./lib/pipeline.mjs').RenderedPage} memoPage */
async function measureColdStart(memoPage) {
  const pageFile = join(workDir, 'memo-page.json');
  const assets = [...memoPage.assets].map(([url, asset]) => [
    url,
    { contentType: asset.contentType, body: Buffer.from(asset.body).toString('base64') },
  ]);
  await writeFile(pageFile, JSON.stringify({ html: memoPage.html, assets }));
  /** @type {any[]} */
  const pipelineRuns = [];
  /** @type {any[]} */
  const floorRuns = [];
  // This process's own first fetch loads Node's HTTP client (~40 ms); that is the bench's cost, not Saraban's.
  await fetch('data:,warm-up');
  for (let run = 0; run < settings.coldStarts; run++) {
    log(`cold start ${run + 1} of ${settings.coldStarts}`);
    const dir = await mkdtemp(join(workDir, 'cold-'));
    pipelineRuns.push(await serverColdStart(dir));
    floorRuns.push(await floorColdStart(pageFile));
  }
  const summary = (/** @type {any[]} */ runs) => {
    const median = percentile(
      runs.map((run) => run.spawnToFirstPdfMs),
      0.5,
    );
    const typical = runs.find((run) => run.spawnToFirstPdfMs === median);
    return { runs: runs.length, medianMs: round(median, 0), milestonesMs: typical.milestones };
  };
  const pipeline = { command: 'saraban serve', ...summary(pipelineRuns) };
  const floor = summary(floorRuns);
  return {
    measured:
      'from spawning `node` to the first PDF in hand: for the pipeline, `saraban serve` (the bundle users run, a new ' +
      'database, the default pool) then the memo stored, rendered and downloaded over HTTP, milestones in ms since the ' +
      'spawn; for the floor, milestones in ms since its process started',
    pipeline,
    floor,
    ratio: round(pipeline.medianMs / floor.medianMs),
  };
}
