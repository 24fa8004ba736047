import type { LoadedTemplate } from '@saraban/engine';
import type { DocumentKind } from '@saraban/store';
import { builder } from '../builder.js';
import { DocumentKindEnum } from './enums.js';

export const TemplateType = builder.objectRef<LoadedTemplate>('Template').implement({
  description: 'A template package that loaded: it prints documents of one kind.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name documents refer to, e.g. "memo".' }),
    title: t.exposeString('title', { description: 'A title for people.' }),
    kind: t.field({
      type: DocumentKindEnum,
      description: 'The kind of document it prints.',
      resolve: (template) => template.kind as DocumentKind,
    }),
    paper: t.exposeString('paper', { description: 'The paper: A4 or A5.' }),
  }),
});
