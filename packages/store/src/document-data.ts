import type { ChartKind } from '@saraban/figures';
import type { DigitStyle, MeasureField, Period } from '@saraban/thai';
import type { Organization } from './organizations.js';

/** The kind of official document, as the schema's DocumentKind enum names it. */
export type DocumentKind = 'MEMO' | 'EXTERNAL_LETTER' | 'INTERNAL_LETTER' | 'ANNOUNCEMENT' | 'ORDER' | 'REPORT';
export type RecipientClass = 'GENERAL' | 'HIGHEST' | 'MONK';
export type SpeedMark = 'MOST_URGENT' | 'VERY_URGENT' | 'URGENT';
export type SecrecyMark = 'TOP_SECRET' | 'SECRET' | 'CONFIDENTIAL';
export type ActingKind = 'ON_BEHALF' | 'ACTING_FOR' | 'ACTING_IN_POSITION';
export type ListStyle = 'DOT' | 'PAREN' | 'PARENS' | 'OUTLINE' | 'DASH' | 'NONE' | 'CHECKBOX';
export type ColumnAlign = 'LEFT' | 'CENTER' | 'RIGHT';
export type VerticalAlign = 'TOP' | 'MIDDLE' | 'BOTTOM';

export interface AssetData {
  mediaType: string;
  base64: string;
}

/** An organization's printed fields: the stored organization's, the emblem as base64 so it fits in JSON. */
export type OrganizationData = Omit<Organization, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'emblem'> & {
  emblem: AssetData | null;
};

export interface ActingData {
  kind: ActingKind;
  position: string;
}

export interface SignerData {
  personId: string | null;
  title: string;
  givenName: string;
  familyName: string;
  positions: string[];
  acting: ActingData | null;
}

export interface EndorsementData {
  opinion: string[];
  signer: SignerData;
  date: string | null;
}

export interface ContactData {
  unit: string | null;
  /** The section under the unit (กลุ่มงาน…, ฝ่าย…); absent in contacts stored before this. */
  subUnit?: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

export interface RecipientData {
  name: string;
  class: RecipientClass;
}

export type BlockData =
  | { type: 'paragraph'; text: string; indent: boolean }
  | HeadingData
  | { type: 'list'; style: ListStyle; start: number; outlinePrefix: number[]; items: ListItemData[] }
  | {
      type: 'table';
      columns: TableColumnData[];
      headerRows: TableRowData[];
      rows: TableRowData[];
      /** Absent in documents stored before tables had settings. */
      settings?: TableSettingsData;
    }
  | { type: 'measureTable'; columns: MeasureColumnData[]; groups: MeasureGroupData[]; settings?: TableSettingsData }
  | { type: 'pageBreak' }
  | FigureData;

/** A heading: its level, and how it prints when the document says so (absent in headings stored before these). */
export interface HeadingData {
  type: 'heading';
  text: string;
  /** 1 is the most prominent. */
  level: number;
  /** Null: the level's alignment in the template. */
  align?: ColumnAlign | null;
  /** Whether the first line starts at the paragraph indent; null: the template's choice for the level. */
  indented?: boolean | null;
  /** Official (TH SarabunPSK) points; null: the level's size. */
  textSize?: number | null;
  /** Null: the level's weight (bold). */
  bold?: boolean | null;
  /** Numbered "๑.", "๑.๑" … by level, among the numbered headings around it. */
  numbered?: boolean;
}

/** Figures: an image, a QR code, a chart drawn from the document's numbers; each with an optional caption. */
export type FigureData =
  | { type: 'image'; image: AssetData; caption: string | null; width: number | null }
  | { type: 'qrCode'; text: string; size: number; caption: string | null }
  | {
      type: 'chart';
      kind: ChartKind;
      categories: string[];
      series: { name: string; values: number[] }[];
      categoryLabel: string | null;
      valueLabel: string | null;
      caption: string | null;
      width: number | null;
    };

export type Orientation = 'PORTRAIT' | 'LANDSCAPE';

/** A time longer than a day: a month, a span of months, or words ("ภายในเดือนธันวาคม ๒๕๖๕"). */
export type PeriodData = Period;

/** One อ้างถึง or สิ่งที่ส่งมาด้วย of a letter, as the regulation lays it out. */
export interface LetterItemData {
  title: string;
  bookNumber: string | null;
  /** ISO date, printed after "ลงวันที่". */
  date: string | null;
  period: PeriodData | null;
  /** How many are sent ("จำนวน ๑ ชุด"), and in what unit. */
  count: number | null;
  unit: string | null;
}

/** A cover page: title lines, the fiscal year, the emblem, the organization and the month. */
export interface CoverData {
  titleLines: string[];
  /** Buddhist-era fiscal year, e.g. 2565. */
  fiscalYear: number | null;
  /** Empty for the organization's name. */
  organizationLines: string[];
  /** A day of the month the cover names (ISO date). */
  month: string | null;
  /** A span of months or words instead of the month; absent in covers stored before this. */
  period?: PeriodData | null;
  emblem: boolean;
}

/** A part of the document on pages of its own: its orientation, its title, its blocks. */
export interface SectionData {
  title: string | null;
  orientation: Orientation;
  pageNumbers: boolean;
  /**
   * Its pages are numbered on their own from ๑ (the first not printed, as a document's first page) and are not
   * counted in the document's numbering. Absent in sections stored before this.
   */
  restartPageNumbers?: boolean;
  body: BlockData[];
}

export type { MeasureField };

export interface MeasureColumnData extends ColumnWidthData {
  field: MeasureField;
  label: string;
  align?: ColumnAlign | null;
  verticalAlign?: VerticalAlign | null;
  /** For a CUSTOM column: which of each measure's custom texts it shows. */
  key?: string | null;
}

export interface MeasureGroupData {
  title: string | null;
  measures: MeasureData[];
}

/** มาตรการ: one measure of an agency's yearly plan, and what came of it. */
export interface MeasureData {
  title: string;
  steps: string[];
  owner: string | null;
  /** First and last calendar dates of the period; printed as a month range. */
  period: { start: string; end: string } | null;
  result: string[];
  outcome: string[];
  suggestion: string | null;
  // Absent in measures stored before measure tables had these.
  /** Print the period's days, not only its months. */
  periodExact?: boolean;
  /** The period in words ("ตลอดปีงบประมาณ"), printed instead of the dates. */
  periodNote?: string | null;
  deadline?: string | null;
  /** Baht. */
  budget?: number | null;
  /** Printed after the amount, or alone: "เงินรายได้", "ไม่ใช้งบประมาณ". */
  budgetNote?: string | null;
  indicator?: string | null;
  /** Blocks instead of the lists of paragraphs: lists with their markers, nested lists. */
  stepBlocks?: BlockData[] | null;
  resultBlocks?: BlockData[] | null;
  outcomeBlocks?: BlockData[] | null;
  /** การรายงานและติดตามผล: how and when progress is reported and followed up. */
  monitoring?: BlockData[];
  /** Texts for CUSTOM columns, by key. */
  custom?: { key: string; text: string }[];
}

export interface ListItemData {
  text: string;
  blocks: BlockData[];
  /** In a CHECKBOX list: the box is ticked. */
  checked?: boolean;
  /** In a list of people (an order's committee): the member's role, "กรรมการ", printed in a column of its own. */
  role?: string;
}

/**
 * How a table prints, as the document sets it; null leaves the template's choice. Sizes in official points
 * (TH SarabunPSK's) and centimetres.
 */
export interface TableSettingsData {
  textSize: number | null;
  cellPadding: { x: number | null; y: number | null } | null;
  width: number | null;
  widthCm: number | null;
  header: TableHeaderData | null;
  verticalAlign: VerticalAlign | null;
  /** Rows may break across pages (Word's "allow row to break across pages"); absent or false: they move whole. */
  rowsMayBreak?: boolean;
}

export interface TableHeaderData {
  bold: boolean;
  shaded: boolean;
  align: ColumnAlign;
  repeat: boolean;
}

/** A column's width: a percent of the table, centimetres, or a share of what the others leave (at most one set). */
export interface ColumnWidthData {
  width: number | null;
  /** Absent in documents stored before columns had these. */
  widthCm?: number | null;
  share?: number | null;
}

export interface TableColumnData extends ColumnWidthData {
  label: string;
  align: ColumnAlign;
  verticalAlign?: VerticalAlign | null;
  /** Score and amount columns: figures of one width, so digits line up. */
  numeric?: boolean;
}

export interface TableRowData {
  group: string | null;
  cells: TableCellData[];
}

export interface TableCellData {
  colspan: number;
  rowspan: number;
  blocks: BlockData[];
  /** The cell's own alignment; absent or null follows its column. */
  align?: ColumnAlign | null;
  verticalAlign?: VerticalAlign | null;
}

/**
 * The content of a document, one type from the store to the template: the document input after validation, with
 * the header organization and the signers filled in from stored records. The store keeps it as JSON; the schema's
 * Document type serves it; a template's query reads it.
 */
export interface DocumentData {
  kind: DocumentKind;
  template: string;
  organizationId: string | null;
  organization: OrganizationData;
  bookNumber: string | null;
  date: string | null;
  subject: string;
  recipient: RecipientData | null;
  references: string[];
  enclosures: string[];
  speed: SpeedMark | null;
  deadline: string | null;
  secrecy: SecrecyMark | null;
  body: BlockData[];
  closing: string | null;
  signer: SignerData | null;
  endorsements: EndorsementData[];
  contact: ContactData | null;
  copiesTo: string[];
  digitStyle: DigitStyle;
  /** Absent from documents stored before covers existed. */
  cover?: CoverData | null;
  /** After the body, before the signature; absent from documents stored before sections existed. */
  sections?: SectionData[];
  /** After the signature; absent from documents stored before annexes existed. */
  annexes?: SectionData[];
  // Absent from documents stored before these existed.
  /** The time the document covers, beyond a day (a report's months); printed under a report's title. */
  period?: PeriodData | null;
  /** อ้างถึง and สิ่งที่ส่งมาด้วย as structured items, instead of `references` and `enclosures` as lines. */
  referenceItems?: LetterItemData[];
  enclosureItems?: LetterItemData[];
  /** A circular (หนังสือเวียน): its book number prints with ว before the running number. */
  circular?: boolean;
}
