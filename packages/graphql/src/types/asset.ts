import type { AssetData } from '@saraban/store';
import { builder } from '../builder.js';

export const AssetType = builder.objectRef<AssetData>('Asset').implement({
  description: "An image the document prints, such as an organization's emblem.",
  fields: (t) => ({
    mediaType: t.exposeString('mediaType', { description: 'The media type: image/png, image/jpeg or image/svg+xml.' }),
    dataUrl: t.string({
      description: 'The image as a data: URL, ready for an <img src>.',
      resolve: (asset) => `data:${asset.mediaType};base64,${asset.base64}`,
    }),
  }),
});

export const AssetInput = builder.inputType('AssetInput', {
  description: 'An image given inline (at most 1 MB).',
  fields: (t) => ({
    mediaType: t.string({ required: true, description: 'The media type: image/png, image/jpeg or image/svg+xml.' }),
    base64: t.string({ required: true, description: 'The image bytes, base64-encoded.' }),
  }),
});
