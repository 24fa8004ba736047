import type { TableHeaderData, VerticalAlign } from '@saraban/store';
import { builder } from '../builder.js';
import type { TableSettingsView } from '../table-view.js';
import { ColumnAlignEnum } from './enums.js';

export const VerticalAlignEnum = builder.enumType('VerticalAlign', {
  description: 'Where text sits in a cell taller than the text.',
  values: {
    TOP: { description: 'At the top, as agencies set running text.' },
    MIDDLE: { description: 'In the middle, as header cells and short merged cells often are.' },
    BOTTOM: { description: 'At the bottom.' },
  } as const satisfies Record<VerticalAlign, unknown>,
});

const CellPaddingType = builder.objectRef<TableSettingsView['cellPadding']>('CellPadding').implement({
  description: 'Space between a cell’s borders and its text, in centimetres.',
  fields: (t) => ({
    x: t.exposeFloat('x', { description: 'Left and right.' }),
    y: t.exposeFloat('y', { description: 'Above and below.' }),
  }),
});

const TableHeaderType = builder.objectRef<TableHeaderData>('TableHeader').implement({
  description: 'How the header rows print.',
  fields: (t) => ({
    bold: t.exposeBoolean('bold', { description: 'Bold text.' }),
    shaded: t.exposeBoolean('shaded', { description: 'A light grey fill behind the header cells.' }),
    align: t.expose('align', { type: ColumnAlignEnum, description: 'How header text lines up.' }),
    repeat: t.exposeBoolean('repeat', { description: 'Repeat the header rows at the top of every page.' }),
  }),
});

export const TableSettingsType = builder.objectRef<TableSettingsView>('TableSettings').implement({
  description: 'How a table prints: text size, padding, width, header style, vertical alignment.',
  fields: (t) => ({
    textSize: t.exposeFloat('textSize', {
      nullable: true,
      description: "Text size in official points (TH SarabunPSK's), e.g. 14; null prints the template's size.",
    }),
    cellPadding: t.field({ type: CellPaddingType, description: 'Cell padding.', resolve: (s) => s.cellPadding }),
    width: t.exposeFloat('width', {
      nullable: true,
      description: 'Width in percent of the text column; null is the whole column.',
    }),
    widthCm: t.exposeFloat('widthCm', { nullable: true, description: 'Width in centimetres; wins over width.' }),
    header: t.field({ type: TableHeaderType, description: 'How the header rows print.', resolve: (s) => s.header }),
    verticalAlign: t.expose('verticalAlign', {
      type: VerticalAlignEnum,
      description: 'Where text sits in body cells, unless a column or a cell says otherwise.',
    }),
  }),
});

const CellPaddingInput = builder.inputType('CellPaddingInput', {
  description: 'Space between a cell’s borders and its text, in centimetres.',
  fields: (t) => ({
    x: t.float({ description: 'Left and right; 0.15 unless given.' }),
    y: t.float({ description: 'Above and below; 0 unless given.' }),
  }),
});

const TableHeaderInput = builder.inputType('TableHeaderInput', {
  description: 'How the header rows print.',
  fields: (t) => ({
    bold: t.boolean({ defaultValue: true, description: 'Bold text.' }),
    shaded: t.boolean({ defaultValue: false, description: 'A light grey fill behind the header cells.' }),
    align: t.field({ type: ColumnAlignEnum, defaultValue: 'CENTER', description: 'How header text lines up.' }),
    repeat: t.boolean({ defaultValue: true, description: 'Repeat the header rows at the top of every page.' }),
  }),
});

export const TableSettingsInput = builder.inputType('TableSettingsInput', {
  description: 'How a table prints. Everything is optional; what is left out keeps the template’s choice.',
  fields: (t) => ({
    textSize: t.float({
      description:
        "Text size in official points (TH SarabunPSK's): 16 is the body size, 14 and 12 are common in tables.",
    }),
    cellPadding: t.field({ type: CellPaddingInput, description: 'Cell padding in centimetres.' }),
    width: t.float({ description: 'Width in percent of the text column (1 to 100).' }),
    widthCm: t.float({ description: 'Width in centimetres; wins over width.' }),
    header: t.field({ type: TableHeaderInput, description: 'How the header rows print.' }),
    verticalAlign: t.field({
      type: VerticalAlignEnum,
      description: 'Where text sits in body cells: TOP unless given.',
    }),
  }),
});

export type TableSettingsInputShape = typeof TableSettingsInput.$inferInput;
