import type { Font, FontFileInfo } from '@saraban/store';
import { builder } from '../builder.js';
import { InputError } from '../errors.js';
import { fontFileFromUpload } from '../font-upload.js';

const FontFileType = builder.objectRef<FontFileInfo>('FontFile').implement({
  description: 'One file of a face.',
  fields: (t) => ({
    mediaType: t.exposeString('mediaType', {
      description: 'font/ttf, font/otf, font/woff or font/woff2, read from the first bytes of the file.',
    }),
    byteSize: t.int({ description: 'The size of the file in bytes.', resolve: (file) => file.bytes }),
  }),
});

export const FontType = builder.objectRef<Font>('Font').implement({
  description:
    'A face an organization supplies, such as TH SarabunIT๙, embedded in the PDFs of its documents. Its id is the ' +
    'SHA-256 of its files: uploading the same files again gives the same font.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The SHA-256 of the files, hex.' }),
    name: t.exposeString('name', { description: 'The name it was first uploaded under.' }),
    regular: t.field({ type: FontFileType, description: 'The regular file.', resolve: (font) => font.regular }),
    bold: t.field({
      type: FontFileType,
      nullable: true,
      description: 'The bold file; without one, bold text is the regular face thickened by Chromium.',
      resolve: (font) => font.bold,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was first uploaded.', resolve: (f) => f.createdAt }),
  }),
});

builder.queryField('font', (t) =>
  t.field({
    type: FontType,
    nullable: true,
    description: 'One font by id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The font id.' }) },
    resolve: async (_root, { id }, context) => (await context.fonts.get(String(id))) ?? null,
  }),
);

builder.mutationField('createFont', (t) =>
  t.field({
    type: FontType,
    description:
      'Upload a face (a GraphQL multipart request): each file TrueType, OpenType, WOFF or WOFF2, at most 10 MiB, ' +
      'with every Thai and ASCII character. Give its id to an organization as fontId.',
    args: {
      name: t.arg.string({ required: true, description: 'What to call it, e.g. "TH SarabunIT๙".' }),
      regular: t.arg({ type: 'File', required: true, description: 'The regular file.' }),
      bold: t.arg({ type: 'File', description: 'The bold file; without one, Chromium thickens the regular face.' }),
    },
    resolve: async (_root, args, context) => {
      const name = args.name.trim();
      if (name === '') throw new InputError('name', 'must not be empty');
      const regular = await fontFileFromUpload(args.regular, 'regular');
      const bold = args.bold ? await fontFileFromUpload(args.bold, 'bold') : null;
      return context.fonts.create({ name, regular, bold });
    },
  }),
);
