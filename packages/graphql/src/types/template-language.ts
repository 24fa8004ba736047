import type { TemplateLanguage } from '@saraban/engine';
import { builder } from '../builder.js';

const TemplateLanguageType = builder.objectRef<TemplateLanguage>('TemplateLanguage').implement({
  description:
    'What a template package may use besides its own files: the helpers and shared partials template.hbs can call, and the shared fragments query.graphql can spread. Editors complete from it.',
  fields: (t) => ({
    helpers: t.exposeStringList('helpers', {
      description: 'The helpers template.hbs can call, e.g. "thaiDate" in {{thaiDate date "full"}}.',
    }),
    partials: t.exposeStringList('partials', {
      description: 'The shared partials template.hbs can include, sorted, e.g. "signature" in {{> signature signer}}.',
    }),
    fragments: t.exposeString('fragments', {
      description: "The shared fragments' definitions as GraphQL text, e.g. fragment DocumentFields on Document.",
    }),
  }),
});

builder.queryField('templateLanguage', (t) =>
  t.field({
    type: TemplateLanguageType,
    description: 'The helpers, shared partials and shared fragments every template can use.',
    resolve: (_root, _args, context) => context.templates.language,
  }),
);
