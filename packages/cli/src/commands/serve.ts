import { type OpenOptions, openApi, openSaraban, type SarabanApp } from '@saraban/app';
import { type IntrospectionAllowed, startServer } from '@saraban/server';
import { databaseLabel, storeOptionsFrom } from '@saraban/store';
import { openOptionsFrom, type PrintingProcessOptions } from '../printing-process.js';
import { storeSampleDocuments } from '../sample-data.js';
import { untilStopped } from '../until-stopped.js';
import { UserError } from '../user-error.js';

export interface ServeOptions extends PrintingProcessOptions {
  host: string;
  /** The port as given (--port, else PORT, else 4000): a whole number from 0 to 65535. */
  port: string;
  sample: boolean;
  /** Sites whose pages may call the API from a browser (CORS); none by default. */
  corsOrigin: string[];
  /** False (--no-worker): print nothing here, on PostgreSQL; workers print the renders. */
  worker: boolean;
  /** The address clients reach the server at: download URLs are absolute under it. */
  publicUrl?: string;
  /** False (--no-graphiql): no GraphiQL page. */
  graphiql: boolean;
  /** Who may query the schema. */
  introspection: IntrospectionAllowed;
}

/**
 * `saraban serve`: the GraphQL API and PDF downloads over HTTP until SIGINT or SIGTERM. With --sample, an empty
 * database is first filled with the templates' examples.
 *
 * @example
 * await serveCommand({ host: '127.0.0.1', port: '4000', db, templates, pool: 2, sample: true, corsOrigin: [], worker: true });
 */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const port = listenPort(options.port);
  const postgres = 'url' in storeOptionsFrom(options.db);
  if (!options.worker && !postgres) {
    throw new UserError(
      '--no-worker needs a PostgreSQL database (--db postgres://… or DATABASE_URL), where workers print the renders; on a SQLite file the server prints them itself',
    );
  }
  const openOptions = {
    ...openOptionsFrom(options),
    publicUrl: options.publicUrl === undefined ? undefined : publicUrl(options.publicUrl),
  };
  const saraban = options.worker ? await openPrinting(openOptions, postgres) : await openApi(openOptions);
  const { context } = saraban;
  for (const problem of saraban.templates.problems) console.error(`template refused: ${problem.message}`);
  if (options.sample && (await context.documents.list({ limit: 1 })).total === 0) {
    const samples = await storeSampleDocuments(context);
    console.log(`stored ${samples.length} sample documents in ${databaseLabel(options.db)}`);
  }
  const server = await startServer(context, {
    host: options.host,
    port,
    corsOrigins: options.corsOrigin,
    graphiql: options.graphiql,
    introspection: options.introspection,
  }).catch(async (error: unknown) => {
    // Chromium and the database close before the error is reported, so the process ends with it.
    await saraban.close();
    throw error;
  });
  const documents = await context.documents.list({ limit: LISTED_DOCUMENTS });
  console.log(`Saraban is serving ${documents.total} documents from ${databaseLabel(options.db)}`);
  console.log(`  studio:                   ${server.url}/`);
  console.log(`  GraphQL API${options.graphiql ? ' and GraphiQL' : ''}: ${server.url}/graphql`);
  console.log(`  health:                   ${server.url}/healthz`);
  console.log('  PDFs:                     renderDocument(id) returns a url under /renders/');
  // Every document up to a screenful: a newcomer sees each sample (one per template example) and its id.
  for (const document of documents.items.slice(0, LISTED_DOCUMENTS)) {
    console.log(`  document ${document.id}  ${document.template}  ${document.subject.slice(0, 60)}`);
  }
  if (documents.total > LISTED_DOCUMENTS) {
    console.log(`  … and ${documents.total - LISTED_DOCUMENTS} more: query documents(offset: ${LISTED_DOCUMENTS})`);
  }
  if (!options.worker) console.log('  renders:                  printed by workers (saraban worker) from the queue');
  console.log(
    server.open
      ? '  OPEN: no users are configured, so anyone at this machine may do anything here; ' +
          'add one with `saraban users add <name> --role admin`'
      : '  sign-in required: the studio asks for a user; integrators send an API token (saraban tokens create)',
  );
  console.log('Press Ctrl+C to stop.');
  await untilStopped();
  console.log('Stopping: answering the requests in flight first.');
  // Requests in flight (a render printing) finish and are answered before the printer and the database close.
  await server.close();
  await saraban.close();
}

/** How many stored documents the start-up message lists. */
const LISTED_DOCUMENTS = 100;

/**
 * The public URL, checked: an http or https address.
 *
 * @throws {UserError} when it is not one.
 */
function publicUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw new UserError(
      `invalid public URL "${value}" (--public-url or SARABAN_PUBLIC_URL): give the address clients use, e.g. https://saraban.example.go.th`,
    );
  }
  return url.href;
}

/**
 * The port to listen on, from --port or PORT.
 *
 * @throws {UserError} when it is not a whole number from 0 to 65535.
 */
function listenPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || port > 65535) {
    throw new UserError(
      `invalid port "${value}" (--port or PORT): give a whole number from 0 to 65535 (0 for any free one)`,
    );
  }
  return port;
}

/** A server that prints: on PostgreSQL it also takes queued jobs, beside any workers. */
async function openPrinting(options: OpenOptions, postgres: boolean): Promise<SarabanApp> {
  const saraban = await openSaraban(options);
  if (postgres) await saraban.work();
  return saraban;
}
