import type { MeasureField } from '@saraban/store';
import type { MeasureColumnView } from '../block-view.js';
import { builder } from '../builder.js';
import type { MeasureView } from '../measure-view.js';
// blocks.ts imports this file too: the two refer to each other only inside field thunks, read when the schema is built.
import { BlockInput, type BlockInputShape, BlockUnion } from './blocks.js';
import { ColumnAlignEnum } from './enums.js';
import {
  columnWidthFields,
  columnWidthInputFields,
  TableSettingsInput,
  type TableSettingsInputShape,
  VerticalAlignEnum,
} from './table-settings.js';

export const MeasureFieldEnum = builder.enumType('MeasureField', {
  description: 'What a column of a measure table (ตารางมาตรการ) shows.',
  values: {
    TITLE: { description: 'มาตรการ: the measure.' },
    STEPS: { description: 'วิธีการดำเนินการ: how it is carried out, as a list.' },
    OWNER: { description: 'ผู้รับผิดชอบ: who is responsible.' },
    PERIOD: {
      description:
        'ระยะเวลา: the period, as a month range such as "ต.ค.๖๔-ก.ย.๖๕", exact days, or the words the measure gives.',
    },
    DEADLINE: { description: 'กำหนดแล้วเสร็จ: the day it is due, as "๓๐ ก.ย. ๒๕๖๕".' },
    MONITORING: { description: 'การรายงานและติดตามผล: how and when progress is reported and followed up.' },
    RESULT: { description: 'ผลการดำเนินการ: what was done.' },
    OUTCOME: { description: 'ผลลัพธ์: what came of it.' },
    SUGGESTION: { description: 'ข้อเสนอแนะ: suggestions.' },
    BUDGET: { description: 'งบประมาณ: the amount in baht ("๑๒๐,๐๐๐ บาท") and its note.' },
    INDICATOR: { description: 'ตัวชี้วัด: how success is measured.' },
    CUSTOM: { description: "A text column of the document's own: each measure's custom text of the column's key." },
  } as const satisfies Record<MeasureField, unknown>,
});

export const MeasureColumnType = builder.objectRef<MeasureColumnView>('MeasureColumn').implement({
  description: 'A column of a measure table: which field, under which heading, how wide.',
  fields: (t) => ({
    field: t.expose('field', { type: MeasureFieldEnum, description: 'What the column shows.' }),
    label: t.exposeString('label', { description: 'The column heading.' }),
    ...columnWidthFields(t),
    align: t.expose('align', { type: ColumnAlignEnum, description: 'How the cells line up.' }),
    verticalAlign: t.expose('verticalAlign', { type: VerticalAlignEnum, description: 'Where text sits in the cells.' }),
    key: t.string({
      nullable: true,
      description: "A CUSTOM column's key: the measures' custom texts it shows.",
      resolve: (column) => column.key ?? null,
    }),
  }),
});

const MeasurePeriodType = builder
  .objectRef<{ start: string; end: string; text: string; exact: boolean }>('MeasurePeriod')
  .implement({
    description: 'When a measure runs, by its dates.',
    fields: (t) => ({
      start: t.field({
        type: 'Date',
        description: 'The first day, or a day in the first month.',
        resolve: (p) => p.start,
      }),
      end: t.field({ type: 'Date', description: 'The last day, or a day in the last month.', resolve: (p) => p.end }),
      text: t.exposeString('text', {
        description: 'As printed: "ต.ค.๖๔-ก.ย.๖๕" (or the words given instead of dates), in the document\'s digits.',
      }),
      exact: t.exposeBoolean('exact', {
        description: 'The days count, not only the months: printed "๑ ต.ค. ๒๕๖๔ - ๓๐ ก.ย. ๒๕๖๕".',
      }),
    }),
  });

const MeasureTextType = builder.objectRef<{ key: string; text: string }>('MeasureText').implement({
  description: "A measure's text for a CUSTOM column of its table.",
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The key a CUSTOM column names.' }),
    text: t.exposeString('text', { description: 'The text, with inline markup.' }),
  }),
});

export const MeasureType = builder.objectRef<MeasureView>('Measure');
MeasureType.implement({
  description: "มาตรการ: one measure of an agency's yearly plan, and what came of it.",
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The measure, e.g. "๑. การกำหนดขั้นตอนและระยะเวลาในการให้บริการ".' }),
    steps: t.exposeStringList('steps', {
      description: 'How it is carried out, step by step, as plain text (a line for each paragraph and list item).',
    }),
    owner: t.exposeString('owner', { nullable: true, description: 'Who is responsible.' }),
    period: t.field({
      type: MeasurePeriodType,
      nullable: true,
      description: 'When it runs.',
      resolve: (m) =>
        m.period && m.periodText !== null ? { ...m.period, text: m.periodText, exact: m.periodExact ?? false } : null,
    }),
    periodText: t.exposeString('periodText', {
      nullable: true,
      description: 'The period as printed, whether given by dates or in words ("ตลอดปีงบประมาณ").',
    }),
    deadline: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day it is due.',
      resolve: (m) => m.deadline ?? null,
    }),
    deadlineText: t.exposeString('deadlineText', {
      nullable: true,
      description: 'The deadline as printed: "๓๐ ก.ย. ๒๕๖๕".',
    }),
    budget: t.float({ nullable: true, description: 'Its budget in baht.', resolve: (m) => m.budget ?? null }),
    budgetText: t.exposeString('budgetText', {
      nullable: true,
      description: 'The budget as printed: "๑๒๐,๐๐๐ บาท", then its note ("เงินรายได้").',
    }),
    indicator: t.string({ nullable: true, description: 'ตัวชี้วัด.', resolve: (m) => m.indicator ?? null }),
    stepBlocks: t.field({
      type: [BlockUnion],
      description: 'The steps as blocks (lists numbered), also when they were given as paragraphs (steps).',
      resolve: (m) => m.stepBlocks,
    }),
    resultBlocks: t.field({
      type: [BlockUnion],
      description: 'What was done, as blocks, also when given as paragraphs (result).',
      resolve: (m) => m.resultBlocks,
    }),
    outcomeBlocks: t.field({
      type: [BlockUnion],
      description: 'What came of it, as blocks, also when given as paragraphs (outcome).',
      resolve: (m) => m.outcomeBlocks,
    }),
    monitoring: t.field({
      type: [BlockUnion],
      description: 'การรายงานและติดตามผล: how and when progress is reported and followed up.',
      resolve: (m) => m.monitoring,
    }),
    custom: t.field({
      type: [MeasureTextType],
      description: 'Texts for the CUSTOM columns of its table.',
      resolve: (m) => m.custom ?? [],
    }),
    result: t.exposeStringList('result', { description: 'What was done, paragraph by paragraph.' }),
    outcome: t.exposeStringList('outcome', { description: 'What came of it, paragraph by paragraph.' }),
    suggestion: t.exposeString('suggestion', { nullable: true, description: 'Suggestions.' }),
    tallerThanPage: t.boolean({
      description:
        "In a measure table: its row is estimated from its text to be taller than a page, so it may split across pages (any other row moves whole). False outside a table's print.",
      resolve: (m) => m.tallerThanPage ?? false,
    }),
  }),
});

export const MeasureGroupType = builder
  .objectRef<{ title: string | null; measures: MeasureView[] }>('MeasureGroup')
  .implement({
    description: 'Measures under one group row, such as "1. มาตรการเพิ่มประสิทธิภาพ…".',
    fields: (t) => ({
      title: t.exposeString('title', { nullable: true, description: 'The group row; null prints none.' }),
      measures: t.field({ type: [MeasureType], description: 'The measures, in order.', resolve: (g) => g.measures }),
    }),
  });

const MeasurePeriodInput = builder.inputType('MeasurePeriodInput', {
  description:
    'When a measure runs: its first and last day (any day of the month when only months print), or words, or both (the words print).',
  fields: (t) => ({
    start: t.field({ type: 'Date', description: 'The first day, or a day in the first month; give with end.' }),
    end: t.field({ type: 'Date', description: 'The last day, or a day in the last month; give with start.' }),
    exact: t.boolean({
      defaultValue: false,
      description: 'Print the days ("๑ ต.ค. ๒๕๖๔ - ๓๐ ก.ย. ๒๕๖๕"), not only the months ("ต.ค.๖๔-ก.ย.๖๕").',
    }),
    text: t.string({ description: 'The period in words, printed as given: "ตลอดปีงบประมาณ", "ไตรมาสที่ ๑-๒".' }),
  }),
});

const MeasureTextInput = builder.inputType('MeasureTextInput', {
  description: "A measure's text for a CUSTOM column of its table.",
  fields: (t) => ({
    key: t.string({ required: true, description: 'The key the CUSTOM column names.' }),
    text: t.string({ required: true, description: 'The text, with inline markup.' }),
  }),
});

/** A MeasureInput as resolvers get it (written out: it holds blocks, whose input holds measure tables). */
export interface MeasureInputShape {
  title: string;
  steps?: string[] | null;
  stepBlocks?: BlockInputShape[] | null;
  owner?: string | null;
  period?: typeof MeasurePeriodInput.$inferInput | null;
  deadline?: string | null;
  monitoring?: BlockInputShape[] | null;
  result?: string[] | null;
  resultBlocks?: BlockInputShape[] | null;
  outcome?: string[] | null;
  outcomeBlocks?: BlockInputShape[] | null;
  suggestion?: string | null;
  budget?: number | null;
  budgetNote?: string | null;
  indicator?: string | null;
  custom?: { key: string; text: string }[] | null;
}

/** A MeasureTableInput as resolvers get it. */
export interface MeasureTableInputShape {
  columns?: (typeof MeasureColumnInput.$inferInput)[] | null;
  groups: { title?: string | null; measures: MeasureInputShape[] }[];
  settings?: TableSettingsInputShape | null;
}

const MeasureInput = builder.inputRef<MeasureInputShape>('MeasureInput').implement({
  description: 'One measure.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'The measure.' }),
    steps: t.stringList({ description: 'How it is carried out, paragraph by paragraph; or give stepBlocks.' }),
    stepBlocks: t.field({
      type: [BlockInput],
      description: 'How it is carried out, as blocks: paragraphs, lists with their markers, nested lists.',
    }),
    owner: t.string({ description: 'Who is responsible.' }),
    period: t.field({ type: MeasurePeriodInput, description: 'When it runs.' }),
    deadline: t.field({ type: 'Date', description: 'The day it is due (กำหนดแล้วเสร็จ).' }),
    monitoring: t.field({
      type: [BlockInput],
      description: 'การรายงานและติดตามผล: how and when progress is reported and followed up, as blocks.',
    }),
    result: t.stringList({ description: 'What was done, paragraph by paragraph; or give resultBlocks.' }),
    resultBlocks: t.field({ type: [BlockInput], description: 'What was done, as blocks.' }),
    outcome: t.stringList({ description: 'What came of it, paragraph by paragraph; or give outcomeBlocks.' }),
    outcomeBlocks: t.field({ type: [BlockInput], description: 'What came of it, as blocks.' }),
    suggestion: t.string({ description: 'Suggestions.' }),
    budget: t.float({ description: 'Its budget in baht.' }),
    budgetNote: t.string({ description: 'Printed after the amount, or alone: "เงินรายได้", "ไม่ใช้งบประมาณ".' }),
    indicator: t.string({ description: 'ตัวชี้วัด: how success is measured.' }),
    custom: t.field({ type: [MeasureTextInput], description: 'Texts for the CUSTOM columns of its table, by key.' }),
  }),
});

const MeasureColumnInput = builder.inputType('MeasureColumnInput', {
  description: 'A column: which field, and optionally its heading and width.',
  fields: (t) => ({
    field: t.field({ type: MeasureFieldEnum, required: true, description: 'What the column shows.' }),
    label: t.string({
      description:
        "The heading; defaults to the field's usual heading (มาตรการ, ระยะเวลา …); a CUSTOM column needs one.",
    }),
    key: t.string({ description: "For a CUSTOM column: the key of the measures' custom texts it shows." }),
    ...columnWidthInputFields(t),
    align: t.field({ type: ColumnAlignEnum, defaultValue: 'LEFT', description: 'How the cells line up.' }),
    verticalAlign: t.field({ type: VerticalAlignEnum, description: "Where text sits; the table's unless given." }),
  }),
});

const MeasureGroupInput = builder.inputRef<MeasureTableInputShape['groups'][number]>('MeasureGroupInput').implement({
  description: 'Measures under one group row.',
  fields: (t) => ({
    title: t.string({ description: 'The group row spanning the table; leave out for none.' }),
    measures: t.field({ type: [MeasureInput], required: true, description: 'The measures, in order.' }),
  }),
});

export const MeasureTableInput = builder.inputRef<MeasureTableInputShape>('MeasureTableInput');
MeasureTableInput.implement({
  description: 'A measure table: structured measures, grouped, with the columns the document chooses.',
  fields: (t) => ({
    columns: t.field({
      type: [MeasureColumnInput],
      description: 'Columns in order; default TITLE, STEPS, OWNER, PERIOD, RESULT, SUGGESTION.',
    }),
    groups: t.field({ type: [MeasureGroupInput], required: true, description: 'The groups of measures.' }),
    settings: t.field({ type: TableSettingsInput, description: 'How the table prints: text size, padding, widths.' }),
  }),
});
