import type { ColumnAlign, ListStyle, VerticalAlign } from '@saraban/store';
import type { BlockView, ListItemView, TableCellView, TableColumnView, TableRowView } from '../block-view.js';
import { builder } from '../builder.js';
import { ColumnAlignEnum, ListStyleEnum } from './enums.js';
import {
  ChartInput,
  type ChartInputShape,
  ChartType,
  ImageInput,
  type ImageInputShape,
  ImageType,
  QrCodeInput,
  type QrCodeInputShape,
  QrCodeType,
} from './figures.js';
import { MeasureColumnType, MeasureGroupType, MeasureTableInput, type MeasureTableInputShape } from './measures.js';
import {
  columnWidthFields,
  columnWidthInputFields,
  TableSettingsInput,
  type TableSettingsInputShape,
  TableSettingsType,
  VerticalAlignEnum,
} from './table-settings.js';

type View<T extends BlockView['type']> = Extract<BlockView, { type: T }>;

const ParagraphType = builder.objectRef<View<'paragraph'>>('Paragraph').implement({
  description: 'A paragraph.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The text, with inline markup: **bold**, __underline__, `literal`.' }),
    indent: t.exposeBoolean('indent', { description: 'Indent the first line by the paragraph indent (2.5 cm).' }),
  }),
});

const HeadingType = builder.objectRef<View<'heading'>>('Heading').implement({
  description:
    'A heading inside the body, such as เรื่องเดิม or ข้อเท็จจริง, or a centred title. Each level has its size, weight, alignment and indent in the template; the fields below, when set, say otherwise for this heading.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The heading text.' }),
    level: t.exposeInt('level', { description: '1 is the most prominent.' }),
    align: t.field({
      type: ColumnAlignEnum,
      nullable: true,
      description: "How it lines up (CENTER for a title); null: the level's alignment.",
      resolve: (heading) => heading.align ?? null,
    }),
    indented: t.boolean({
      nullable: true,
      description: "Whether its first line starts at the paragraph indent; null: the level's choice.",
      resolve: (heading) => heading.indented ?? null,
    }),
    textSize: t.float({
      nullable: true,
      description: "Its size in official (TH SarabunPSK) points; null: the level's size.",
      resolve: (heading) => heading.textSize ?? null,
    }),
    bold: t.boolean({
      nullable: true,
      description: "Whether it prints bold; null: the level's weight.",
      resolve: (heading) => heading.bold ?? null,
    }),
    marker: t.exposeString('marker', {
      nullable: true,
      description:
        'When numbered: its number in the document\'s digits, "๑." at level 1, "๑.๑" at level 2, counted among the numbered headings of the same body, section or annex.',
    }),
  }),
});

const ListItemType = builder.objectRef<ListItemView>('ListItem');
const TableRowType = builder.objectRef<TableRowView>('TableRow');
const TableCellType = builder.objectRef<TableCellView>('TableCell');

const ListType = builder.objectRef<View<'list'>>('List').implement({
  description: 'A numbered or bulleted list.',
  fields: (t) => ({
    style: t.expose('style', { type: ListStyleEnum, description: 'How items are numbered.' }),
    start: t.exposeInt('start', { description: 'The number of the first item.' }),
    items: t.field({ type: [ListItemType], description: 'The items, in order.', resolve: (list) => list.items }),
  }),
});

const TableColumnType = builder.objectRef<TableColumnView>('TableColumn').implement({
  description: 'A table column.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'The header text.' }),
    ...columnWidthFields(t),
    align: t.expose('align', {
      type: ColumnAlignEnum,
      description: 'How the cells line up, merged cells too, unless a cell says otherwise.',
    }),
    verticalAlign: t.expose('verticalAlign', {
      type: VerticalAlignEnum,
      description: "Where text sits in the column's cells, unless a cell says otherwise.",
    }),
    numeric: t.exposeBoolean('numeric', {
      description: 'A score or amount column: figures of one width, so digits line up under each other.',
    }),
  }),
});

const TableType = builder.objectRef<View<'table'>>('Table').implement({
  description: 'A table that may run over many pages; its header rows repeat on every page.',
  fields: (t) => ({
    columns: t.field({ type: [TableColumnType], description: 'The columns.', resolve: (table) => table.columns }),
    headerRows: t.field({
      type: [TableRowType],
      description: 'Header rows, repeated on every page; one row of the column labels unless given.',
      resolve: (table) => table.headerRows,
    }),
    rows: t.field({ type: [TableRowType], description: 'Body rows and group rows.', resolve: (table) => table.rows }),
    settings: t.field({ type: TableSettingsType, description: 'How the table prints.', resolve: (t) => t.settings }),
  }),
});

const MeasureTableType = builder.objectRef<View<'measureTable'>>('MeasureTable').implement({
  description: 'A measure table (ตารางมาตรการ): measures grouped under group rows, in the columns the document chose.',
  fields: (t) => ({
    columns: t.field({ type: [MeasureColumnType], description: 'The columns, in order.', resolve: (m) => m.columns }),
    groups: t.field({ type: [MeasureGroupType], description: 'The groups of measures.', resolve: (m) => m.groups }),
    settings: t.field({ type: TableSettingsType, description: 'How the table prints.', resolve: (m) => m.settings }),
  }),
});

const PageBreakType = builder.objectRef<View<'pageBreak'>>('PageBreak').implement({
  description: 'A forced page break.',
  fields: (t) => ({
    pageBreak: t.boolean({ description: 'Always true; a GraphQL type needs one field.', resolve: () => true }),
  }),
});

const byType = {
  paragraph: ParagraphType,
  heading: HeadingType,
  list: ListType,
  table: TableType,
  measureTable: MeasureTableType,
  pageBreak: PageBreakType,
  image: ImageType,
  qrCode: QrCodeType,
  chart: ChartType,
} as const;

export const BlockUnion = builder.unionType('Block', {
  description: 'A block of the body.',
  types: [
    ParagraphType,
    HeadingType,
    ListType,
    TableType,
    MeasureTableType,
    PageBreakType,
    ImageType,
    QrCodeType,
    ChartType,
  ],
  resolveType: (block) => byType[block.type],
});

ListItemType.implement({
  description: "One list item, its marker already numbered in the document's digits.",
  fields: (t) => ({
    marker: t.exposeString('marker', {
      description:
        'The marker, e.g. "๑.", "(๒)", "๑.๓", "-"; "☐" or "☑" for CHECKBOX (templates draw it); empty for NONE.',
    }),
    checked: t.exposeBoolean('checked', {
      nullable: true,
      description: 'In a CHECKBOX list: the box is ticked; null in other lists.',
    }),
    text: t.exposeString('text', { description: 'The item text, with inline markup.' }),
    role: t.exposeString('role', {
      nullable: true,
      description:
        'In a list of people (an order\'s committee): the member\'s role, e.g. "กรรมการ", which templates print in a column of its own; null when not given.',
    }),
    blocks: t.field({
      type: [BlockUnion],
      description: 'Blocks under the item: further paragraphs, nested lists.',
      resolve: (item) => item.blocks,
    }),
  }),
});

TableRowType.implement({
  description: 'A row: cells, or a group row spanning the whole table.',
  fields: (t) => ({
    group: t.exposeString('group', {
      nullable: true,
      description: 'A group row\'s text, e.g. "1. มาตรการเพิ่มประสิทธิภาพ…"; null for an ordinary row.',
    }),
    cells: t.field({ type: [TableCellType], description: 'The cells, left to right.', resolve: (row) => row.cells }),
    printCells: t.field({
      type: [TableCellType],
      description:
        'The cells as they print: a body cell merged down over rows (rowspan) comes once in each of its rows, its text in the first (mergeBelow) and none in the rest (mergeAbove), so each row breaks across pages as any other. A merged cell set in the MIDDLE or at the BOTTOM of rows that fill a small share of a page prints whole (its rowspan), those rows kept on one page (keepWithNext). Header rows print their cells.',
      resolve: (row) => row.printCells,
    }),
    tallerThanPage: t.exposeBoolean('tallerThanPage', {
      description:
        'Estimated from its text to be taller than a page: such a row may split across pages; any other row moves whole to the next page.',
    }),
    keepWithNext: t.exposeBoolean('keepWithNext', {
      description:
        'Prints on the same page as the row after it: a merged cell in printCells spans both, its text in the middle or at the foot of all its rows.',
    }),
  }),
});

TableCellType.implement({
  description: 'A table cell.',
  fields: (t) => ({
    colspan: t.exposeInt('colspan', { description: 'Columns this cell spans.' }),
    rowspan: t.exposeInt('rowspan', { description: 'Rows this cell spans.' }),
    blocks: t.field({ type: [BlockUnion], description: 'The cell content.', resolve: (cell) => cell.blocks }),
    column: t.exposeInt('column', {
      description: 'The first column the cell covers, from 0, counting the columns merged cells above cover.',
    }),
    firstColumn: t.exposeBoolean('firstColumn', { description: 'The cell starts at the left edge of the table.' }),
    lastColumn: t.exposeBoolean('lastColumn', { description: 'The cell reaches the right edge of the table.' }),
    align: t.expose('align', {
      type: ColumnAlignEnum,
      description: "How the text lines up: the cell's own, else its first column's (header cells: the header's).",
    }),
    verticalAlign: t.expose('verticalAlign', {
      type: VerticalAlignEnum,
      description: "Where the text sits: the cell's own, else its column's (header cells: MIDDLE).",
    }),
    numeric: t.exposeBoolean('numeric', { description: 'The cell stands in a numeric column.' }),
    mergeAbove: t.exposeBoolean('mergeAbove', {
      description: 'In printCells: a merged cell goes on from the row above; it prints no text and no rule above.',
    }),
    mergeBelow: t.exposeBoolean('mergeBelow', {
      description: 'In printCells: a merged cell goes on into the row below; it prints no rule below.',
    }),
  }),
});

export interface BlockInputShape {
  paragraph?: { text: string; indent?: boolean | null } | null;
  heading?: HeadingInputShape | null;
  list?: ListInputShape | null;
  table?: TableInputShape | null;
  measureTable?: MeasureTableInputShape | null;
  pageBreak?: boolean | null;
  image?: ImageInputShape | null;
  qrCode?: QrCodeInputShape | null;
  chart?: ChartInputShape | null;
}
export interface HeadingInputShape {
  text: string;
  level?: number | null;
  align?: ColumnAlign | null;
  indented?: boolean | null;
  textSize?: number | null;
  bold?: boolean | null;
  numbered?: boolean | null;
}
export interface ListInputShape {
  style?: ListStyle | null;
  start?: number | null;
  outlinePrefix?: number[] | null;
  items: { text: string; blocks?: BlockInputShape[] | null; checked?: boolean | null; role?: string | null }[];
}
export interface TableInputShape {
  columns: {
    label: string;
    width?: number | null;
    widthCm?: number | null;
    share?: number | null;
    align?: ColumnAlign | null;
    verticalAlign?: VerticalAlign | null;
    numeric?: boolean | null;
  }[];
  headerRows?: TableRowInputShape[] | null;
  rows: TableRowInputShape[];
  settings?: TableSettingsInputShape | null;
}
export interface TableRowInputShape {
  group?: string | null;
  cells?:
    | {
        text?: string | null;
        blocks?: BlockInputShape[] | null;
        colspan?: number | null;
        rowspan?: number | null;
        align?: ColumnAlign | null;
        verticalAlign?: VerticalAlign | null;
      }[]
    | null;
}

export const BlockInput = builder.inputRef<BlockInputShape>('BlockInput');
const ListItemInput = builder.inputType('ListItemInput', {
  description: 'A list item.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'The item text, with inline markup.' }),
    blocks: t.field({ type: [BlockInput], description: 'Blocks under the item: paragraphs, nested lists.' }),
    checked: t.boolean({ description: 'In a CHECKBOX list: tick the box.' }),
    role: t.string({
      description:
        'In a list of people (an order\'s committee): the member\'s role, e.g. "กรรมการและเลขานุการ", printed in a column of its own, aligned from item to item. The text then holds the name or position.',
    }),
  }),
});
const ListInput = builder.inputType('ListInput', {
  description: 'A numbered or bulleted list.',
  fields: (t) => ({
    style: t.field({ type: ListStyleEnum, defaultValue: 'DOT', description: 'How items are numbered.' }),
    start: t.int({ defaultValue: 1, description: 'The number of the first item.' }),
    outlinePrefix: t.intList({
      description:
        'For an OUTLINE list that is not inside a list item: the number it continues, e.g. [2] gives ๒.๑, ๒.๒.',
    }),
    items: t.field({ type: [ListItemInput], required: true, description: 'The items, in order.' }),
  }),
});
const TableCellInput = builder.inputType('TableCellInput', {
  description: 'A cell: text for one paragraph, or blocks for more.',
  fields: (t) => ({
    text: t.string({ description: 'One paragraph of text.' }),
    blocks: t.field({ type: [BlockInput], description: 'Several blocks: paragraphs, lists.' }),
    colspan: t.int({ defaultValue: 1, description: 'Columns this cell spans.' }),
    rowspan: t.int({ defaultValue: 1, description: 'Rows this cell spans.' }),
    align: t.field({
      type: ColumnAlignEnum,
      description: "How the text lines up; the column's alignment unless given.",
    }),
    verticalAlign: t.field({
      type: VerticalAlignEnum,
      description: "Where the text sits; the column's unless given.",
    }),
  }),
});
const TableRowInput = builder.inputType('TableRowInput', {
  description: 'A row: cells, or a group row when group is given.',
  fields: (t) => ({
    group: t.string({ description: 'Makes this a group row spanning the table, with this text.' }),
    cells: t.field({ type: [TableCellInput], description: 'The cells, left to right.' }),
  }),
});
const TableColumnInput = builder.inputType('TableColumnInput', {
  description: 'A table column.',
  fields: (t) => ({
    label: t.string({ required: true, description: 'The header text.' }),
    ...columnWidthInputFields(t),
    align: t.field({
      type: ColumnAlignEnum,
      defaultValue: 'LEFT',
      description: 'How the cells line up; merged cells follow the column they start in.',
    }),
    verticalAlign: t.field({
      type: VerticalAlignEnum,
      description: "Where text sits in the cells; the table's unless given.",
    }),
    numeric: t.boolean({
      defaultValue: false,
      description: 'A score or amount column: figures of one width, so digits line up under each other.',
    }),
  }),
});
const TableInput = builder.inputType('TableInput', {
  description: 'A table.',
  fields: (t) => ({
    columns: t.field({ type: [TableColumnInput], required: true, description: 'The columns.' }),
    headerRows: t.field({ type: [TableRowInput], description: 'Header rows; one row of the labels unless given.' }),
    rows: t.field({ type: [TableRowInput], required: true, description: 'Body rows and group rows.' }),
    settings: t.field({ type: TableSettingsInput, description: 'How the table prints: text size, padding, widths.' }),
  }),
});

BlockInput.implement({
  description: 'One block of the body. Set exactly one field.',
  fields: (t) => ({
    paragraph: t.field({
      type: builder.inputType('ParagraphInput', {
        description: 'A paragraph.',
        fields: (p) => ({
          text: p.string({
            required: true,
            description: 'The text, with inline markup: **bold**, __underline__, `literal`.',
          }),
          indent: p.boolean({ defaultValue: true, description: 'Indent the first line (2.5 cm).' }),
        }),
      }),
      description: 'A paragraph.',
    }),
    heading: t.field({
      type: builder.inputType('HeadingInput', {
        description:
          'A heading. Its level gives its size, weight, alignment and indent as the template sets them; the other fields change them for this heading.',
        fields: (h) => ({
          text: h.string({ required: true, description: 'The heading text.' }),
          level: h.int({ defaultValue: 1, description: '1 is the most prominent.' }),
          align: h.field({
            type: ColumnAlignEnum,
            description: "How it lines up: CENTER for a centred title; the level's alignment unless given.",
          }),
          indented: h.boolean({
            description:
              "Start the first line at the paragraph indent (true) or at the margin (false); the level's choice unless given.",
          }),
          textSize: h.float({
            description: "Its size in official (TH SarabunPSK) points, e.g. 20 for a title; the level's unless given.",
          }),
          bold: h.boolean({ description: "Print it bold; the level's weight (bold) unless given." }),
          numbered: h.boolean({
            defaultValue: false,
            description:
              'Number it by level: "๑." at level 1, "๑.๑" at level 2 …, among the numbered headings of the same body, section or annex.',
          }),
        }),
      }),
      description: 'A heading.',
    }),
    list: t.field({ type: ListInput, description: 'A list.' }),
    table: t.field({ type: TableInput, description: 'A table.' }),
    measureTable: t.field({ type: MeasureTableInput, description: 'A measure table.' }),
    pageBreak: t.boolean({ description: 'A page break: give true.' }),
    image: t.field({ type: ImageInput, description: 'An image with a caption.' }),
    qrCode: t.field({ type: QrCodeInput, description: 'A QR code with a caption.' }),
    chart: t.field({ type: ChartInput, description: "A chart drawn from the document's numbers." }),
  }),
});
