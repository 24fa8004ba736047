import type { StageTimings } from '@saraban/render';
import type { Render } from '@saraban/store';
import { builder } from '../builder.js';

export const RenderStageTimingsType = builder.objectRef<StageTimings>('RenderStageTimings').implement({
  description:
    'How long each stage of a render took, in milliseconds. A render found in the cache stops after cache: it has ' +
    'no print, finish or store.',
  fields: (t) => ({
    load: t.exposeFloat('load', { nullable: true, description: 'Reading the document and finding its template.' }),
    query: t.exposeFloat('query', { nullable: true, description: "Running the template's query through the schema." }),
    fill: t.exposeFloat('fill', { nullable: true, description: 'Filling the template into one HTML page.' }),
    cache: t.exposeFloat('cache', { nullable: true, description: 'Hashing the page and looking for a stored render.' }),
    print: t.exposeFloat('print', { nullable: true, description: 'Chromium printing the page to PDF.' }),
    finish: t.exposeFloat('finish', {
      nullable: true,
      description:
        "Finishing the PDF: metadata, word text, page count, continuation lines, a letter's foot moved down.",
    }),
    store: t.exposeFloat('store', { nullable: true, description: 'Storing the PDF and recording the render.' }),
  }),
});

export const RenderType = builder
  .objectRef<Render & { cached?: boolean; stageTimings?: StageTimings }>('Render')
  .implement({
    description: 'A PDF printed from one version of a document.',
    fields: (t) => ({
      id: t.exposeID('id', { description: 'The render id.' }),
      documentId: t.exposeID('documentId', { description: 'The document printed.' }),
      documentVersion: t.exposeInt('documentVersion', { description: 'The version of the document printed.' }),
      template: t.exposeString('template', {
        description: 'The template that printed it; "bundle" for the joined PDF of renderBundle.',
      }),
      templateVersion: t.exposeInt('templateVersion', {
        nullable: true,
        description: 'The published version of the template it printed with; null for renders from before versions.',
      }),
      url: t.string({
        description:
          'Where to download the PDF: a path on this server ("/renders/<id>.pdf"), or an absolute URL under the ' +
          "server's public URL when one is configured (saraban serve --public-url, SARABAN_PUBLIC_URL).",
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
      stageTimings: t.field({
        type: RenderStageTimingsType,
        nullable: true,
        description:
          'How long each stage of this renderDocument call took; null on a render read back later (render, Document.renders).',
        resolve: (render) => render.stageTimings ?? null,
      }),
    }),
  });
