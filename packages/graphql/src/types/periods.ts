import type { PeriodData } from '@saraban/store';
import { type DigitStyle, formatPeriod } from '@saraban/thai';
import { builder } from '../builder.js';

/** A period as the API returns it: with the document's digits, to print it in. */
export interface PeriodView {
  period: PeriodData;
  digitStyle: DigitStyle;
}

export const PeriodType = builder.objectRef<PeriodView>('Period').implement({
  description:
    'A time longer than a day: a month ("ตุลาคม ๒๕๖๕"), a span of months ("ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖") or words ("ภายในเดือนธันวาคม ๒๕๖๕").',
  fields: (t) => ({
    month: t.field({
      type: 'Date',
      nullable: true,
      description: 'A day in the month it names, when it is one month.',
      resolve: ({ period }) => (period.kind === 'MONTH' ? period.month : null),
    }),
    from: t.field({
      type: 'Date',
      nullable: true,
      description: 'A day in its first month, when it is a span of months.',
      resolve: ({ period }) => (period.kind === 'MONTHS' ? period.from : null),
    }),
    to: t.field({
      type: 'Date',
      nullable: true,
      description: 'A day in its last month, when it is a span of months.',
      resolve: ({ period }) => (period.kind === 'MONTHS' ? period.to : null),
    }),
    words: t.string({
      nullable: true,
      description: 'The words given, when it is given in words.',
      resolve: ({ period }) => (period.kind === 'WORDS' ? period.words : null),
    }),
    text: t.string({
      description:
        "As printed, in the document's digits: full month names and Buddhist-era years, the year said once when both ends share it.",
      resolve: ({ period, digitStyle }) => formatPeriod(period, { digits: digitStyle }),
    }),
  }),
});

export interface PeriodInputShape {
  month?: string | null;
  from?: string | null;
  to?: string | null;
  words?: string | null;
}

export const PeriodInput = builder.inputRef<PeriodInputShape>('PeriodInput');
PeriodInput.implement({
  description: 'A time longer than a day. Give month, or from and to, or words.',
  fields: (t) => ({
    month: t.field({ type: 'Date', description: 'Any day of the month: "ตุลาคม ๒๕๖๕".' }),
    from: t.field({ type: 'Date', description: 'Any day of the first month of a span, with to.' }),
    to: t.field({ type: 'Date', description: 'Any day of the last month of a span: "ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖".' }),
    words: t.string({
      description: 'The period in words, printed as given in the document\'s digits: "ภายในเดือนธันวาคม ๒๕๖๕".',
    }),
  }),
});
