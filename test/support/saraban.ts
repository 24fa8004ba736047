import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSaraban } from '@saraban/app';
import { type HandlerOptions, type RunningServer, startServer } from '@saraban/server';
import type { Store } from '@saraban/store';
import type { DocumentJson } from './document-text.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const templatesDir = join(repoRoot, 'templates');

/**
 * A built-in template's example document: templates/<template>/examples/<file>, a DocumentInput.
 *
 * @example
 * const letter = readExample('external-letter', 'circular-forward.json');
 */
export function readExample(template: string, file: string): DocumentJson {
  return JSON.parse(readFileSync(join(templatesDir, template, 'examples', file), 'utf8'));
}

/** The `saraban` command as users run it: the bundle `npm start` and the package's bin run. */
export const sarabanBin = join(repoRoot, 'packages/cli/bundle/saraban.js');

/** A real Saraban on 127.0.0.1: a fresh SQLite file, real Chromium, the given templates. */
export interface TestServer {
  url: string;
  dir: string;
  /** POSTs one GraphQL operation and returns the whole response body. */
  graphql<T = DocumentJson>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    /** Undefined when the operation failed: tests check `errors` first. */
    data: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }>;
  close(): Promise<void>;
}

/**
 * Starts Saraban on a free port with a database in a new temp folder (or `database`, a PostgreSQL URL, whose render
 * queue the server then works itself); close() stops it and removes the folder.
 *
 * @example
 * const server = await startTestServer();
 * const { data } = await server.graphql('{ templates { name } }');
 */
export async function startTestServer(
  options: {
    templatesDir?: string;
    printTimeoutMs?: number;
    fillTimeoutMs?: number;
    corsOrigins?: string[];
    database?: string;
    zipLifetimeMs?: number;
    /** Runs on the store before the server starts: users and API tokens a test needs. */
    setUp?: (store: Store) => Promise<void>;
  } & Pick<HandlerOptions, 'graphiql' | 'introspection' | 'attemptLimits'> = {},
): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'saraban-test-'));
  const saraban = await openSaraban({
    databaseFile: options.database ?? join(dir, 'saraban.db'),
    templatesDir: options.templatesDir ?? templatesDir,
    poolSize: 1,
    printTimeoutMs: options.printTimeoutMs,
    fillTimeoutMs: options.fillTimeoutMs,
    zipLifetimeMs: options.zipLifetimeMs,
  });
  if (options.database) await saraban.work();
  let server: RunningServer;
  try {
    await options.setUp?.(saraban.store);
    server = await startServer(saraban.context, {
      port: 0,
      corsOrigins: options.corsOrigins,
      graphiql: options.graphiql,
      introspection: options.introspection,
      attemptLimits: options.attemptLimits,
    });
  } catch (error) {
    await saraban.close();
    throw error;
  }
  return {
    url: server.url,
    dir,
    async graphql(query, variables = {}) {
      const post = () =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
      // A kept-alive connection that the server closed while the test's own work held the event loop past the
      // keep-alive timeout resets the next request before the server reads it: that request is sent again, once.
      const response = await post().catch((error) => {
        if (error?.cause?.code === 'ECONNRESET') return post();
        throw error;
      });
      return response.json();
    },
    async close() {
      await server.close();
      await saraban.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
