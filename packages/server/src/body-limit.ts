import type { IncomingMessage } from 'node:http';
import { LimitError, limits } from '@saraban/graphql';
import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from './request-access.js';

/**
 * How long the rest of a refused body is still read, and thrown away. The refusal is answered at once, but a
 * connection closed while the client still sends is reset by the client's system, which drops the answer unread:
 * the client would see EPIPE or ECONNRESET instead of the 413. A client still sending after this is cut off.
 */
const LINGER_MS = 10_000;

/**
 * Refuses a request whose body is over `limits.requestBytes` with HTTP 413 and a GraphQL error (code
 * LIMIT_EXCEEDED, the limit and what was sent), before anything reads it: by its Content-Length when it has one, or
 * counting a chunked body as it arrives (held only up to the limit). Without it, one request could make the server
 * hold any amount of JSON in memory. The rest of a refused body is read and dropped for a while (LINGER_MS), so the
 * client can finish sending and read the refusal.
 *
 * @example
 * createYoga({ schema, plugins: [useBodyLimit()] });
 */
export function useBodyLimit(): Plugin<object, ServerContext> {
  return {
    onRequest({ request, endResponse, fetchAPI, requestHandler, setRequestHandler, serverContext }) {
      const refuse = (found: number, what: string) => {
        lingerOn(serverContext.req);
        return fetchAPI.Response.json(
          { errors: [new LimitError('requestBytes', found, { what }).toJSON()] },
          { status: 413 },
        );
      };
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // Node reads and drops a body nobody read once the answer is sent.
        if (Number(declared) > limits.requestBytes) endResponse(refuse(Number(declared), 'bytes in the request body'));
        return;
      }
      if (!request.body) return;
      // A chunked body: read up to the limit, then handled as if it had come whole.
      setRequestHandler(async (chunked, serverContext) => {
        const chunks: Uint8Array[] = [];
        let bytes = 0;
        const reader = (chunked.body as ReadableStream<Uint8Array>).getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          bytes += read.value.byteLength;
          if (bytes > limits.requestBytes) {
            void dropRest(reader);
            return refuse(bytes, 'bytes in the request body or more');
          }
          chunks.push(read.value);
        }
        const body = Buffer.concat(chunks);
        return requestHandler(new fetchAPI.Request(chunked, { body, duplex: 'half' } as RequestInit), serverContext);
      });
    },
  };
}

/** Cuts the connection of a refused request whose body is still arriving after LINGER_MS. */
function lingerOn(request: IncomingMessage | undefined): void {
  if (!request || request.complete) return;
  const cut = setTimeout(() => request.socket.destroy(), LINGER_MS);
  cut.unref();
  request.once('close', () => clearTimeout(cut));
}

/** Reads what is left of a body and drops it; a connection cut meanwhile ends it. */
async function dropRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // Cut off (LINGER_MS) or gone: nothing is left to drop.
  }
}
