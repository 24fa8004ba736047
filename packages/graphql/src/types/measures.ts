import type { MeasureColumnData, MeasureField } from '@saraban/store';
import type { MeasureView } from '../block-view.js';
import { builder } from '../builder.js';

export const MeasureFieldEnum = builder.enumType('MeasureField', {
  description: 'What a column of a measure table (ตารางมาตรการ) shows.',
  values: {
    TITLE: { description: 'มาตรการ: the measure.' },
    STEPS: { description: 'วิธีการดำเนินการ: how it is carried out, as a list.' },
    OWNER: { description: 'ผู้รับผิดชอบ: who is responsible.' },
    PERIOD: { description: 'ระยะเวลา: the period, as a month range such as "ต.ค.๖๔-ก.ย.๖๕".' },
    RESULT: { description: 'ผลการดำเนินการ: what was done.' },
    OUTCOME: { description: 'ผลลัพธ์: what came of it.' },
    SUGGESTION: { description: 'ข้อเสนอแนะ: suggestions.' },
  } as const satisfies Record<MeasureField, unknown>,
});

export const MeasureColumnType = builder.objectRef<MeasureColumnData>('MeasureColumn').implement({
  description: 'A column of a measure table: which field, under which heading, how wide.',
  fields: (t) => ({
    field: t.expose('field', { type: MeasureFieldEnum, description: 'What the column shows.' }),
    label: t.exposeString('label', { description: 'The column heading.' }),
    width: t.exposeFloat('width', {
      nullable: true,
      description: 'Width in percent of the table; null shares what is left equally.',
    }),
  }),
});

const MeasurePeriodType = builder.objectRef<{ start: string; end: string; text: string }>('MeasurePeriod').implement({
  description: 'When a measure runs.',
  fields: (t) => ({
    start: t.field({ type: 'Date', description: 'A day in the first month.', resolve: (p) => p.start }),
    end: t.field({ type: 'Date', description: 'A day in the last month.', resolve: (p) => p.end }),
    text: t.exposeString('text', { description: 'As printed: "ต.ค.๖๔-ก.ย.๖๕", in the document\'s digits.' }),
  }),
});

export const MeasureType = builder.objectRef<MeasureView>('Measure').implement({
  description: "มาตรการ: one measure of an agency's yearly plan, and what came of it.",
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The measure, e.g. "๑. การกำหนดขั้นตอนและระยะเวลาในการให้บริการ".' }),
    steps: t.exposeStringList('steps', { description: 'How it is carried out, step by step.' }),
    owner: t.exposeString('owner', { nullable: true, description: 'Who is responsible.' }),
    period: t.field({
      type: MeasurePeriodType,
      nullable: true,
      description: 'When it runs.',
      resolve: (m) => (m.period && m.periodText !== null ? { ...m.period, text: m.periodText } : null),
    }),
    result: t.exposeStringList('result', { description: 'What was done, paragraph by paragraph.' }),
    outcome: t.exposeStringList('outcome', { description: 'What came of it, paragraph by paragraph.' }),
    suggestion: t.exposeString('suggestion', { nullable: true, description: 'Suggestions.' }),
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
  description: 'When a measure runs: any day of the first and of the last month.',
  fields: (t) => ({
    start: t.field({ type: 'Date', required: true, description: 'A day in the first month.' }),
    end: t.field({ type: 'Date', required: true, description: 'A day in the last month.' }),
  }),
});

const MeasureInput = builder.inputType('MeasureInput', {
  description: 'One measure.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'The measure.' }),
    steps: t.stringList({ description: 'How it is carried out, step by step.' }),
    owner: t.string({ description: 'Who is responsible.' }),
    period: t.field({ type: MeasurePeriodInput, description: 'When it runs.' }),
    result: t.stringList({ description: 'What was done, paragraph by paragraph.' }),
    outcome: t.stringList({ description: 'What came of it, paragraph by paragraph.' }),
    suggestion: t.string({ description: 'Suggestions.' }),
  }),
});

const MeasureColumnInput = builder.inputType('MeasureColumnInput', {
  description: 'A column: which field, and optionally its heading and width.',
  fields: (t) => ({
    field: t.field({ type: MeasureFieldEnum, required: true, description: 'What the column shows.' }),
    label: t.string({ description: "The heading; defaults to the field's usual heading (มาตรการ, ระยะเวลา …)." }),
    width: t.float({ description: 'Width in percent of the table.' }),
  }),
});

const MeasureGroupInput = builder.inputType('MeasureGroupInput', {
  description: 'Measures under one group row.',
  fields: (t) => ({
    title: t.string({ description: 'The group row spanning the table; leave out for none.' }),
    measures: t.field({ type: [MeasureInput], required: true, description: 'The measures, in order.' }),
  }),
});

export const MeasureTableInput = builder.inputType('MeasureTableInput', {
  description: 'A measure table: structured measures, grouped, with the columns the document chooses.',
  fields: (t) => ({
    columns: t.field({
      type: [MeasureColumnInput],
      description: 'Columns in order; default TITLE, STEPS, OWNER, PERIOD, RESULT, SUGGESTION.',
    }),
    groups: t.field({ type: [MeasureGroupInput], required: true, description: 'The groups of measures.' }),
  }),
});

export type MeasureTableInputShape = typeof MeasureTableInput.$inferInput;
