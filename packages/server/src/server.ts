import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { clientError, limits, maskError, type SarabanContext, schema } from '@saraban/graphql';
import { createFetch } from '@whatwg-node/fetch';
import { createLogger, createYoga } from 'graphql-yoga';
import { useBodyLimit } from './body-limit.js';
import { useDownloads } from './downloads.js';
import { ListenError } from './listen-error.js';
import { useQueryLimits } from './query-limits.js';
import { useStudio } from './studio-files.js';

/** How the HTTP surface is exposed to browsers. */
export interface HandlerOptions {
  /**
   * Origins (e.g. "https://studio.example.go.th") whose pages may call the API from a browser. None by default:
   * no CORS headers at all, so a page on another origin can neither read an answer nor send JSON.
   */
  corsOrigins?: readonly string[];
}

/**
 * The whole HTTP surface as one fetch-style handler: Saraban Studio at /, GraphQL at /graphql (GraphiQL in a
 * browser, from local files), PDFs at /renders/<id>.pdf and batch archives at /batches/<id>.zip, and /healthz. Every operation is bounded by
 * `limits` (tokens, depth, aliases, directives, cost); a request a browser would send without a CORS preflight
 * (a form post, a GET, a multipart upload) must carry the `x-graphql-yoga-csrf` header, which a page on another
 * origin cannot add.
 *
 * @example
 * const handler = createSarabanHandler(context);
 * const response = await handler.fetch('http://localhost/healthz');
 */
export function createSarabanHandler(context: SarabanContext, options: HandlerOptions = {}) {
  const logger = createLogger();
  const origins = options.corsOrigins ?? [];
  return createYoga({
    schema,
    context: () => context,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    // The one error map: each error a client can cause or meet gets its code and what to do; a bug is masked.
    maskedErrors: { maskError },
    // Yoga logs every error it maps; one a client caused (a missing document, a stale version) is the client's to
    // fix and only a bug is the operator's.
    logging: {
      debug: (...args) => logger.debug(...args),
      info: (...args) => logger.info(...args),
      warn: (...args) => logger.warn(...args),
      error: (...args) => (args.every((arg) => clientError(arg)) ? undefined : logger.error(...args)),
    },
    cors: origins.length > 0 ? { origin: [...origins], credentials: true } : false,
    // Uploads (GraphQL multipart requests, e.g. createFont): a file past uploadBytes is cut off while it streams
    // in and the request refused, instead of held in memory whole.
    fetchAPI: createFetch({ formDataLimits: { fileSize: limits.uploadBytes } }),
    // GraphiQL's page with its scripts and styles inlined, so it works without internet (yoga's own loads them from
    // a CDN). Its 9 MB load only when a browser first asks for it.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    plugins: [
      useBodyLimit(),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...useQueryLimits(),
      useStudio(),
      useDownloads(context),
    ],
  });
}

/** A server that is listening. */
export interface RunningServer {
  /** The base URL, e.g. "http://127.0.0.1:4000". */
  url: string;
  /**
   * Stops taking connections, lets the requests in flight finish and be answered (a render in progress completes),
   * then resolves. Requests still running after the drain limit are cut off.
   */
  close(): Promise<void>;
}

/** Where and how a server listens. */
export interface ListenOptions extends HandlerOptions {
  /** The address; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** The port; 0 (the default) picks a free one. */
  port?: number;
  /** How long close() waits for requests in flight, in milliseconds. Default 60 000 (two print time limits). */
  drainTimeoutMs?: number;
}

/**
 * Listens on `host` (127.0.0.1 unless told otherwise) and `port` (0 picks a free one).
 *
 * @throws {ListenError} when the port is in use or not allowed, or the host is not this machine's.
 * @example
 * const server = await startServer(context, { port: 4000 });
 * console.log(`${server.url}/graphql`);
 */
export async function startServer(context: SarabanContext, options: ListenOptions = {}): Promise<RunningServer> {
  const server = createServer(createSarabanHandler(context, options));
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ListenError(host, port, { cause: error })));
    server.listen(port, host, resolve);
  });
  let closing = false;
  // A connection kept alive for a next request closes as soon as its answer is sent, once the server is closing.
  server.on('request', (_request, response) => {
    response.once('finish', () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        const cutOff = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? 60_000);
        server.close((error) => {
          clearTimeout(cutOff);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
