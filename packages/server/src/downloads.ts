import type { SarabanContext } from '@saraban/graphql';
import type { Plugin } from 'graphql-yoga';

const renderPath = /^\/renders\/([0-9a-f-]{36})\.pdf$/;

/**
 * A Yoga plugin that serves stored PDFs at GET /renders/<id>.pdf, named after the document's subject.
 *
 * @example
 * createYoga({ schema, plugins: [useRenderDownloads(context)] });
 */
export function useRenderDownloads(context: SarabanContext): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = renderPath.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const id = match[1] as string;
      const [render, pdf] = await Promise.all([context.store.renders.get(id), context.store.renders.getPdf(id)]);
      if (!render || !pdf) {
        endResponse(new fetchAPI.Response(`render ${id} does not exist\n`, { status: 404 }));
        return;
      }
      const document = await context.store.documents.get(render.documentId);
      endResponse(
        // The store reads the bytes into a fresh buffer of their own, never a shared one.
        new fetchAPI.Response(pdf as Uint8Array<ArrayBuffer>, {
          headers: {
            'content-type': 'application/pdf',
            'content-length': String(pdf.byteLength),
            'content-disposition': contentDisposition(document?.subject ?? 'document'),
            etag: `"${render.sha256}"`,
          },
        }),
      );
    },
  };
}

/** `inline` with an ASCII fallback name and the subject itself (RFC 6266, RFC 5987). */
function contentDisposition(subject: string): string {
  const name = `${
    subject
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .trim()
      .slice(0, 120) || 'document'
  }.pdf`;
  return `inline; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
