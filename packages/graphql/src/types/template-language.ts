import type { TemplateLanguage } from '@saraban/engine';
import { builder } from '../builder.js';

const FaceScaleType = builder.objectRef<{ readonly name: string; readonly scale: number }>('FaceScale').implement({
  description: 'A face templates print in, and how much larger than TH SarabunPSK it draws the same point size.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'As template.json\'s "font" names it, e.g. "sarabun".' }),
    scale: t.exposeFloat('scale', {
      description:
        "Its letters at a size against TH SarabunPSK's at the same size, e.g. 1.5347 for Sarabun: a PDF's font size times the scale is the size in official points.",
    }),
  }),
});

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
    faces: t.field({
      type: [FaceScaleType],
      description: 'The built-in faces template.json\'s "font" can name, with their scale against TH SarabunPSK.',
      resolve: (language) => [...language.faces],
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
