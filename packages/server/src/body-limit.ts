import { LimitError, limits } from '@saraban/graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses a request whose body is over `limits.requestBytes` with HTTP 413 and a GraphQL error (code
 * LIMIT_EXCEEDED, the limit and what was sent), before anything reads it: by its Content-Length when it has one, or
 * counting a chunked body as it arrives (held only up to the limit). Without it, one request could make the server
 * hold any amount of JSON in memory.
 *
 * @example
 * createYoga({ schema, plugins: [useBodyLimit()] });
 */
export function useBodyLimit(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI, requestHandler, setRequestHandler }) {
      const refuse = (found: number, what: string) =>
        fetchAPI.Response.json(
          { errors: [new LimitError('requestBytes', found, { what }).toJSON()] },
          { status: 413, headers: { connection: 'close' } },
        );
      const declared = request.headers.get('content-length');
      if (declared !== null) {
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
            await reader.cancel();
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
