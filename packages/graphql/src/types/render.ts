import type { Render } from '@saraban/store';
import { builder } from '../builder.js';

export const RenderType = builder.objectRef<Render & { cached?: boolean }>('Render').implement({
  description: 'A PDF printed from one version of a document.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The render id.' }),
    documentId: t.exposeID('documentId', { description: 'The document printed.' }),
    documentVersion: t.exposeInt('documentVersion', { description: 'The version of the document printed.' }),
    template: t.exposeString('template', { description: 'The template that printed it.' }),
    url: t.string({
      description: 'Where to download the PDF.',
      resolve: (render, _args, context) => `${context.rendersUrl}/${render.id}.pdf`,
    }),
    pages: t.exposeInt('pages', { description: 'Number of pages.' }),
    bytes: t.exposeInt('bytes', { description: 'Size of the PDF in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the PDF, hex.' }),
    warnings: t.exposeStringList('warnings', {
      description:
        'What the print had to make do with: an organization without an emblem (a placeholder printed), requests the page made that were blocked (a template asking for outside resources).',
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was printed.', resolve: (r) => r.createdAt }),
    cached: t.boolean({
      description:
        'True when renderDocument returned a stored render instead of printing: the same document version, template and data had been printed before.',
      resolve: (render) => render.cached ?? false,
    }),
  }),
});
