import type { FigureData } from '@saraban/store';
import { builder } from '../builder.js';

type Figure<T extends FigureData['type']> = Extract<FigureData, { type: T }>;

export const ChartKindEnum = builder.enumType('ChartKind', {
  description: 'How a chart draws its numbers.',
  values: {
    BAR: { description: 'One series as vertical bars, one per category.' },
    GROUPED_BAR: { description: 'Several series as bars side by side in each category, e.g. this year against last.' },
    LINE: { description: 'Each series as a line through its categories.' },
    PIE: { description: 'One series as slices of a circle, one per category.' },
  } as const,
});

export const ImageType = builder.objectRef<Figure<'image'>>('Image').implement({
  description: 'An image with an optional caption under it.',
  fields: (t) => ({
    mediaType: t.string({ description: 'image/png, image/jpeg or image/svg+xml.', resolve: (f) => f.image.mediaType }),
    dataUrl: t.string({
      description: 'The image as a data: URL, ready for an <img src>.',
      resolve: (f) => `data:${f.image.mediaType};base64,${f.image.base64}`,
    }),
    caption: t.exposeString('caption', { nullable: true, description: 'The caption, with inline markup.' }),
    width: t.exposeFloat('width', {
      nullable: true,
      description:
        "Width as a share of the text column, in percent; null for the image's own size, at most the column.",
    }),
  }),
});

export const QrCodeType = builder.objectRef<Figure<'qrCode'>>('QrCode').implement({
  description: 'A QR code of a URL or short text, drawn as vector shapes, with an optional caption.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'What the code holds, e.g. a URL.' }),
    size: t.exposeFloat('size', { description: 'Printed width and height in centimetres.' }),
    caption: t.exposeString('caption', { nullable: true, description: 'The caption, with inline markup.' }),
  }),
});

const ChartSeriesType = builder.objectRef<Figure<'chart'>['series'][number]>('ChartSeries').implement({
  description: 'One series of a chart: a number per category.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The series name, shown in the legend, e.g. "ปี ๒๕๖๕".' }),
    values: t.exposeFloatList('values', { description: 'One number per category, in order.' }),
  }),
});

export const ChartType = builder.objectRef<Figure<'chart'>>('Chart').implement({
  description:
    "A chart drawn on the server as SVG from the document's numbers: labels and values print as text in the document's face and digits.",
  fields: (t) => ({
    kind: t.expose('kind', { type: ChartKindEnum, description: 'How it draws its numbers.' }),
    categories: t.exposeStringList('categories', { description: 'The categories along the axis, or the slices.' }),
    series: t.field({ type: [ChartSeriesType], description: 'The series.', resolve: (f) => f.series }),
    categoryLabel: t.exposeString('categoryLabel', { nullable: true, description: "The category axis' name." }),
    valueLabel: t.exposeString('valueLabel', { nullable: true, description: "The value axis' name." }),
    caption: t.exposeString('caption', { nullable: true, description: 'The caption, with inline markup.' }),
    width: t.exposeFloat('width', {
      nullable: true,
      description: 'Width as a share of the text column, in percent; null for the whole column.',
    }),
  }),
});

export interface ImageInputShape {
  mediaType: string;
  base64: string;
  caption?: string | null;
  width?: number | null;
}
export interface QrCodeInputShape {
  text: string;
  size?: number | null;
  caption?: string | null;
}
export interface ChartInputShape {
  kind: Figure<'chart'>['kind'];
  categories: string[];
  series: { name: string; values: number[] }[];
  categoryLabel?: string | null;
  valueLabel?: string | null;
  caption?: string | null;
  width?: number | null;
}

export const ImageInput = builder.inputRef<ImageInputShape>('ImageInput');
ImageInput.implement({
  description: 'An image given inline: PNG, JPEG or SVG (an SVG prints as an image: no script or link in it runs).',
  fields: (t) => ({
    mediaType: t.string({ required: true, description: 'image/png, image/jpeg or image/svg+xml.' }),
    base64: t.string({ required: true, description: 'The image bytes, base64-encoded (limits: see the error).' }),
    caption: t.string({ description: 'The caption under it, with inline markup.' }),
    width: t.float({ description: "Width in percent of the text column; left out for the image's own size." }),
  }),
});

export const QrCodeInput = builder.inputRef<QrCodeInputShape>('QrCodeInput');
QrCodeInput.implement({
  description: 'A QR code.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'What it holds, e.g. a URL; at most 500 characters.' }),
    size: t.float({ defaultValue: 3, description: 'Printed width and height in centimetres, 1.5 to 10.' }),
    caption: t.string({ description: 'The caption under it, with inline markup.' }),
  }),
});

const ChartSeriesInput = builder.inputType('ChartSeriesInput', {
  description: 'One series: a number per category.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Its name in the legend.' }),
    values: t.floatList({ required: true, description: 'One number per category, in order.' }),
  }),
});

export const ChartInput = builder.inputRef<ChartInputShape>('ChartInput');
ChartInput.implement({
  description: 'A chart drawn from these numbers.',
  fields: (t) => ({
    kind: t.field({ type: ChartKindEnum, required: true, description: 'How to draw the numbers.' }),
    categories: t.stringList({ required: true, description: 'The categories along the axis, or the slices.' }),
    series: t.field({
      type: [ChartSeriesInput],
      required: true,
      description: 'The series; BAR and PIE take one.',
    }),
    categoryLabel: t.string({ description: "The category axis' name." }),
    valueLabel: t.string({ description: "The value axis' name." }),
    caption: t.string({ description: 'The caption under it, with inline markup.' }),
    width: t.float({ description: 'Width in percent of the text column; left out for the whole column.' }),
  }),
});
