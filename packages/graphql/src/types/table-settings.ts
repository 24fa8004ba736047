import type { FieldRef, InputFieldRef } from '@pothos/core';
import type { ColumnWidthData, TableHeaderData, VerticalAlign } from '@saraban/store';
import { builder, type SarabanTypes } from '../builder.js';
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
  description: 'How a table prints: text size, padding, width, header style, vertical alignment, whether rows break.',
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
    rowsMayBreak: t.exposeBoolean('rowsMayBreak', {
      description:
        'Rows may break across pages, as Word\'s "allow row to break across pages": false (the default) moves a row no taller than a page whole to the next page.',
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
    rowsMayBreak: t.boolean({
      description:
        'Let rows break across pages, for denser tables: a row then starts where it stands and goes on at the top of the next page (its cells closed and reopened by their rules, at least two lines of a paragraph on each side) instead of moving whole and leaving room at the page foot. False unless given.',
    }),
  }),
});

export type TableSettingsInputShape = typeof TableSettingsInput.$inferInput;

/**
 * The width fields of every kind of table column: its width in percent, in centimetres, as a share, and as printed.
 *
 * @example
 * builder.objectRef<TableColumnView>('TableColumn').implement({ fields: (t) => ({ ...columnWidthFields(t) }) });
 */
export function columnWidthFields<Column extends ColumnWidthData & { printWidth: string | null }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SarabanTypes, Column>,
): Record<
  'width' | 'widthCm' | 'share' | 'printWidth',
  FieldRef<SarabanTypes, number | string | null | undefined, 'Object'>
> {
  return {
    width: t.float({
      nullable: true,
      description: 'Width as a share of the table, in percent; null shares what is left equally.',
      resolve: (column) => column.width,
    }),
    widthCm: t.float({
      nullable: true,
      description: 'Width in centimetres, when the column was given one.',
      resolve: (column) => column.widthCm ?? null,
    }),
    share: t.float({
      nullable: true,
      description: 'Its share of what the percent and centimetre columns leave, when given.',
      resolve: (column) => column.share ?? null,
    }),
    printWidth: t.string({
      nullable: true,
      description:
        'The width as CSS prints it on a <col>: "25%", or once any column is in centimetres or shares, a length from --table-width ("3cm", "calc(var(--table-width) * 0.25)"); null shares what is left equally.',
      resolve: (column) => column.printWidth,
    }),
  };
}

/**
 * The width fields of every kind of table column's input: at most one of width, widthCm and share.
 *
 * @example
 * builder.inputType('TableColumnInput', { fields: (t) => ({ ...columnWidthInputFields(t) }) });
 */
export function columnWidthInputFields(
  t: PothosSchemaTypes.InputFieldBuilder<SarabanTypes, 'InputObject'>,
): Record<'width' | 'widthCm' | 'share', InputFieldRef<SarabanTypes, number | null | undefined>> {
  return {
    width: t.float({ description: 'Width in percent of the table. Give at most one of width, widthCm and share.' }),
    widthCm: t.float({ description: 'Width in centimetres.' }),
    share: t.float({
      description:
        'A share of what the percent and centimetre columns leave, as 1, 2, 0.5: a column of share 2 is twice as wide as one of share 1. Columns that set no width take share 1 once any column sets a share.',
    }),
  };
}
