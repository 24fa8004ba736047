import { Readable } from 'node:stream';
import { fileNameFrom } from '@saraban/app';
import { clientError, requirePermission, type SarabanContext } from '@saraban/graphql';
import type { Plugin } from 'graphql-yoga';
import { clientAddress, type RequestAccess, type ServerContext } from './request-access.js';

const renderPath = /^\/renders\/([0-9a-f-]{36})\.pdf$/;
const batchPath = /^\/batches\/([0-9a-f-]{36})\.zip$/;

/** A stored file to send. */
interface Download {
  /** The stored file: its size, and a stream of it. */
  file: { bytes: number; stream(): Readable };
  contentType: string;
  fileName: string;
  etag?: string;
  /** Kept out of every cache (a secret document's PDF, a zip that may hold one): `Cache-Control: no-store`. */
  noStore: boolean;
}

/**
 * A Yoga plugin that serves stored files: GET /renders/<id>.pdf, named after the document's subject, and
 * GET /batches/<id>.zip, a batch job's archive once it is done. Every file goes out with
 * `X-Content-Type-Options: nosniff` (a browser never guesses another type); a document with a secrecy mark, and
 * every zip, with `Cache-Control: no-store` as well. A download needs the READ permission, as the queries do:
 * 401 or 403 with what is needed otherwise.
 *
 * @example
 * createYoga({ schema, plugins: [useDownloads(context, new RequestAccess(context, { open: true }))] });
 */
export function useDownloads(context: SarabanContext, access: RequestAccess): Plugin<object, ServerContext> {
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (request.method !== 'GET') return;
      const render = renderPath.exec(url.pathname)?.[1];
      const batch = batchPath.exec(url.pathname)?.[1];
      if (!render && !batch) return;
      let download: Download | undefined;
      try {
        requirePermission(await access.viewer(request, clientAddress(serverContext)), 'READ', url.pathname);
        download = render ? await renderDownload(context, render) : await batchDownload(context, batch as string);
      } catch (error) {
        // Refused (nobody signed in, a role that may not read) or known but gone for good (an expired zip): its
        // status and what to do, from the one error map.
        const known = clientError(error);
        if (!known) throw error;
        const status = (known.extensions.http as { status?: number } | undefined)?.status ?? 400;
        endResponse(new fetchAPI.Response(`${known.code}: ${known.message}\n`, { status }));
        return;
      }
      if (!download) {
        endResponse(new fetchAPI.Response(`${url.pathname} does not exist (yet)\n`, { status: 404 }));
        return;
      }
      // Streamed chunk by chunk: a long report or a big zip is never whole in memory.
      const body = Readable.toWeb(download.file.stream()) as ReadableStream<Uint8Array<ArrayBuffer>>;
      endResponse(
        new fetchAPI.Response(body, {
          headers: {
            'content-type': download.contentType,
            'content-length': String(download.file.bytes),
            'content-disposition': contentDisposition(download.fileName),
            'x-content-type-options': 'nosniff',
            ...(download.noStore ? { 'cache-control': 'no-store' } : {}),
            ...(download.etag ? { etag: `"${download.etag}"` } : {}),
          },
        }),
      );
    },
  };
}

async function renderDownload(context: SarabanContext, id: string): Promise<Download | undefined> {
  const [render, pdf] = await Promise.all([context.renders.get(id), context.renders.getPdfFile(id)]);
  if (!render || !pdf) return undefined;
  const document = await context.documents.get(render.documentId);
  return {
    file: pdf,
    contentType: 'application/pdf',
    fileName: `${document?.subject ?? 'document'}.pdf`,
    etag: render.sha256,
    // A deleted document's marks are unknown: kept out of caches as if marked.
    noStore: !document || document.data.secrecy != null,
  };
}

async function batchDownload(context: SarabanContext, id: string): Promise<Download | undefined> {
  const archive = await context.batches.getArchive(id);
  return archive && { file: archive, contentType: 'application/zip', fileName: `batch-${id}.zip`, noStore: true };
}

/** `inline` with an ASCII fallback name and the real one (RFC 6266, RFC 5987). */
function contentDisposition(fileName: string): string {
  const name = fileNameFrom(fileName, { maxLength: 124 });
  return `inline; filename="download"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
