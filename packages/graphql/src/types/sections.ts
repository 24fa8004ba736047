import type { CoverData, Orientation, SectionData } from '@saraban/store';
import { type DigitStyle, formatMonthYear } from '@saraban/thai';
import { type BlockView, viewBlocks } from '../block-view.js';
import { builder } from '../builder.js';
import { BlockInput, type BlockInputShape, BlockUnion } from './blocks.js';
import { PeriodInput, type PeriodInputShape, PeriodType } from './periods.js';

export const OrientationEnum = builder.enumType('Orientation', {
  description: 'Which way up the paper is.',
  values: {
    PORTRAIT: { description: 'Upright, as letters and narratives print.' },
    LANDSCAPE: { description: 'On its side, for wide tables such as a measures plan.' },
  } as const,
});

/** A cover as the API returns it: with the document's name and digits at hand. */
export type CoverView = CoverData & { organizationName: string; digitStyle: DigitStyle };

export const CoverType = builder.objectRef<CoverView>('Cover').implement({
  description:
    'A cover page (หน้าปก), centred: the title lines, the fiscal year, the emblem, the organization and the month. It has no page number and pages are counted after it.',
  fields: (t) => ({
    titleLines: t.exposeStringList('titleLines', { description: 'The title, one entry per printed line.' }),
    fiscalYear: t.exposeInt('fiscalYear', {
      nullable: true,
      description: 'The Buddhist-era fiscal year printed as "ประจำปีงบประมาณ พ.ศ. …", e.g. 2565.',
    }),
    organizationLines: t.stringList({
      description: "The organization as printed, one entry per line; the document's organization name unless given.",
      resolve: (cover) => (cover.organizationLines.length > 0 ? cover.organizationLines : [cover.organizationName]),
    }),
    month: t.field({
      type: 'Date',
      nullable: true,
      description: 'A day in the month the cover names.',
      resolve: (cover) => cover.month,
    }),
    monthText: t.string({
      nullable: true,
      description: 'The month and Buddhist-era year as printed, e.g. "ตุลาคม ๒๕๖๕", in the document\'s digits.',
      resolve: (cover) => (cover.month ? formatMonthYear(cover.month, { digits: cover.digitStyle }) : null),
    }),
    period: t.field({
      type: PeriodType,
      nullable: true,
      description: 'A span of months or words the cover prints instead of the month.',
      resolve: (cover) => (cover.period ? { period: cover.period, digitStyle: cover.digitStyle } : null),
    }),
    emblem: t.exposeBoolean('emblem', { description: "Whether the organization's emblem prints on the cover." }),
  }),
});

/** A section as the API returns it: its blocks viewed in the document's digits. */
export type SectionView = Omit<SectionData, 'body'> & { body: BlockView[] };

/**
 * A document's sections or annexes in the document's digits.
 *
 * @example
 * viewSections(document.data.sections ?? [], document.data.digitStyle)
 */
export function viewSections(sections: SectionData[], digits: DigitStyle): SectionView[] {
  return sections.map((section) => ({ ...section, body: viewBlocks(section.body, digits) }));
}

export const SectionType = builder.objectRef<SectionView>('Section').implement({
  description:
    'Part of a document on pages of its own: a section after the body, or an annex after the signature (รายละเอียดแนบท้าย…). It starts a new page, in its own orientation; one PDF holds every orientation.',
  fields: (t) => ({
    title: t.exposeString('title', { nullable: true, description: 'Its title, centred above its blocks.' }),
    orientation: t.expose('orientation', { type: OrientationEnum, description: 'Which way up its pages are.' }),
    pageNumbers: t.exposeBoolean('pageNumbers', {
      description:
        "Whether its pages print their numbers; they are counted (in the document's numbering, or its own when restartPageNumbers) either way.",
    }),
    restartPageNumbers: t.boolean({
      description:
        "Whether its pages are numbered on their own from ๑ (its first page printing no number, as a document's first page), and left out of the document's numbering, which goes on after it.",
      resolve: (section) => section.restartPageNumbers ?? false,
    }),
    body: t.field({
      type: [BlockUnion],
      description: "Its blocks, list markers numbered in the document's digits.",
      resolve: (section) => section.body,
    }),
  }),
});

export interface CoverInputShape {
  titleLines: string[];
  fiscalYear?: number | null;
  organizationLines?: string[] | null;
  month?: string | null;
  period?: PeriodInputShape | null;
  emblem?: boolean | null;
}
export interface SectionInputShape {
  title?: string | null;
  orientation?: Orientation | null;
  pageNumbers?: boolean | null;
  restartPageNumbers?: boolean | null;
  body: BlockInputShape[];
}

export const CoverInput = builder.inputRef<CoverInputShape>('CoverInput');
CoverInput.implement({
  description: 'A cover page.',
  fields: (t) => ({
    titleLines: t.stringList({ required: true, description: 'The title, one entry per printed line.' }),
    fiscalYear: t.int({ description: 'The Buddhist-era fiscal year, e.g. 2565.' }),
    organizationLines: t.stringList({ description: 'The organization, one entry per line; default its name.' }),
    month: t.field({ type: 'Date', description: 'Any day of the month the cover names ("ตุลาคม ๒๕๖๕").' }),
    period: t.field({
      type: PeriodInput,
      description: 'Instead of month: a span of months ("ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๖") or words.',
    }),
    emblem: t.boolean({ defaultValue: true, description: "Print the organization's emblem." }),
  }),
});

export const SectionInput = builder.inputRef<SectionInputShape>('SectionInput');
SectionInput.implement({
  description: 'A section or an annex: blocks on pages of their own.',
  fields: (t) => ({
    title: t.string({ description: 'Its title, centred above its blocks.' }),
    orientation: t.field({ type: OrientationEnum, defaultValue: 'PORTRAIT', description: 'Which way up.' }),
    pageNumbers: t.boolean({ defaultValue: true, description: 'Print page numbers on its pages.' }),
    restartPageNumbers: t.boolean({
      defaultValue: false,
      description:
        "Number its pages on their own from ๑ (an annex numbered by itself), leaving them out of the document's numbering; the first page prints no number, as a document's first page.",
    }),
    body: t.field({ type: [BlockInput], required: true, description: 'Its blocks.' }),
  }),
});
