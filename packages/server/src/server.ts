import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { clientError, limits, maskError, type SarabanContext, schema } from '@saraban/graphql';
import { createFetch } from '@whatwg-node/fetch';
import { createLogger, createYoga } from 'graphql-yoga';
import { useBodyLimit } from './body-limit.js';
import type { AttemptLimits } from './credential-attempts.js';
import { useDownloads } from './downloads.js';
import { type IntrospectionAllowed, useIntrospectionRule } from './introspection-rule.js';
import { ListenError } from './listen-error.js';
import { useQueryLimits } from './query-limits.js';
import { clientAddress, hasCredentials, isLoopback, RequestAccess, type ServerContext } from './request-access.js';
import { useStudio } from './studio-files.js';

/** How the HTTP surface is exposed to browsers. */
export interface HandlerOptions {
  /**
   * Origins (e.g. "https://studio.example.go.th") whose pages may call the API from a browser. None by default:
   * no CORS headers at all, so a page on another origin can neither read an answer nor send JSON.
   */
  corsOrigins?: readonly string[];
  /**
   * Whether the server may run open while no user or API token exists (whoever reaches it may do anything). True by
   * default; startServer sets it from the address: true on a loopback address only.
   */
  open?: boolean;
  /** Serve GraphiQL at /graphql to browsers. True by default; production servers may turn it off. */
  graphiql?: boolean;
  /** Who may run introspection queries (`__schema`, `__type`): 'anyone' by default. The studio needs it signed in. */
  introspection?: IntrospectionAllowed;
  /**
   * Bounds on guessing: sign-in attempts per user name, failed sign-ins and unknown API tokens per client address,
   * and the window they are counted in; `limits`' by default (10 and 100 in 15 minutes).
   */
  attemptLimits?: Partial<AttemptLimits>;
}

/**
 * The whole HTTP surface as one fetch-style handler: Saraban Studio at /, GraphQL at /graphql (GraphiQL in a
 * browser, from local files), PDFs at /renders/<id>.pdf and batch archives at /batches/<id>.zip, and /healthz. Every operation is bounded by
 * `limits` (tokens, depth, aliases, directives, cost); a request a browser would send without a CORS preflight
 * (a form post, a GET, a multipart upload) must carry the `x-graphql-yoga-csrf` header, which a page on another
 * origin cannot add. Every query, mutation and download is checked against the one access policy with the request's
 * viewer: an API token (`Authorization: Bearer …`), the studio's session cookie, or, on an open server with nobody
 * configured, the open viewer.
 *
 * @example
 * const handler = createSarabanHandler(context);
 * const response = await handler.fetch('http://localhost/healthz');
 */
export function createSarabanHandler(context: SarabanContext, options: HandlerOptions = {}) {
  const logger = createLogger();
  const origins = options.corsOrigins ?? [];
  const access = new RequestAccess(context, { open: options.open ?? true, attemptLimits: options.attemptLimits });
  return createYoga<ServerContext>({
    schema,
    // Each request its own viewer and session; everything else is the application's context, shared.
    context: async ({ request, req }): Promise<SarabanContext> => ({
      ...context,
      viewer: await access.viewer(request, clientAddress({ req })),
      session: access.session(request, clientAddress({ req })),
    }),
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
    graphiql: options.graphiql ?? true,
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    plugins: [
      useBodyLimit(),
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      ...useQueryLimits(),
      useIntrospectionRule(options.introspection ?? 'anyone'),
      useStudio(),
      useDownloads(context, access),
      {
        onResponse({ request, response }) {
          const cookie = access.setCookie(request);
          if (cookie) response.headers.append('set-cookie', cookie);
        },
      },
    ],
  });
}

/** A server that is listening. */
export interface RunningServer {
  /** The base URL, e.g. "http://127.0.0.1:4000". */
  url: string;
  /** True when it runs open: no user or API token exists, and it listens on a loopback address. */
  open: boolean;
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
 * The server would run open (no user or API token configured) on an address other machines reach.
 *
 * @example
 * await startServer(context, { host: '0.0.0.0' }); // OpenServerError, while no user exists
 */
export class OpenServerError extends Error {
  override readonly name = 'OpenServerError';
  constructor(readonly host: string) {
    super(
      `refusing to serve on ${host} with no users: anyone who reaches it could do anything. ` +
        'Add a user (saraban users add <name> --role admin) or an API token (saraban tokens create), ' +
        'or listen on 127.0.0.1',
    );
  }
}

/**
 * Listens on `host` (127.0.0.1 unless told otherwise) and `port` (0 picks a free one). With no user or API token
 * configured it runs open on a loopback address, and refuses any other address.
 *
 * @throws {OpenServerError} when no user or API token exists and `host` is not a loopback address.
 * @throws {ListenError} when the port is in use or not allowed, or the host is not this machine's.
 * @example
 * const server = await startServer(context, { port: 4000 });
 * console.log(`${server.url}/graphql`);
 */
export async function startServer(context: SarabanContext, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  const loopback = isLoopback(host);
  const configured = await hasCredentials(context);
  if (!configured && !loopback) throw new OpenServerError(host);
  const server = createServer(createSarabanHandler(context, { ...options, open: loopback }));
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
    open: !configured,
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
