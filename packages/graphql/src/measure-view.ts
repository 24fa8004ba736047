import type { BlockData, MeasureColumnData, MeasureData } from '@saraban/store';
import {
  type DigitStyle,
  fiscalYear,
  formatBahtFigure,
  formatDayRange,
  formatMonthRange,
  formatThaiDate,
} from '@saraban/thai';
import {
  type BlockView,
  DEFAULT_TEXT_SIZE,
  type MeasureColumnView,
  paragraphsOf,
  SPLIT_ROW_PAGE_SHARE,
  viewBlocks,
} from './block-view.js';
import { columnFractions, columnPrintWidths, estimatePageShare, viewTableSettings } from './table-view.js';

/**
 * A measure as the API returns it: its period, deadline and budget printed in the document's digits; its steps,
 * results and outcomes as blocks (lists numbered) whether they were given as blocks or as paragraphs, and as plain
 * text; in a measure table, whether its row is estimated taller than a page (see {@link SPLIT_ROW_PAGE_SHARE}).
 */
export type MeasureView = Omit<MeasureData, 'stepBlocks' | 'resultBlocks' | 'outcomeBlocks' | 'monitoring'> & {
  periodText: string | null;
  deadlineText: string | null;
  budgetText: string | null;
  stepBlocks: BlockView[];
  resultBlocks: BlockView[];
  outcomeBlocks: BlockView[];
  monitoring: BlockView[];
  tallerThanPage?: boolean;
};

/**
 * A measure for the API and the templates: see {@link MeasureView}.
 *
 * @example
 * viewMeasure(measure, 'THAI').periodText // 'ต.ค.๖๔-ก.ย.๖๕'
 */
export function viewMeasure(measure: MeasureData, digits: DigitStyle): MeasureView {
  const { period } = measure;
  const datesText =
    period &&
    (measure.periodExact
      ? formatDayRange(period.start, period.end, { digits })
      : formatMonthRange(period.start, period.end, { digits }));
  const budgetParts = [
    measure.budget != null ? formatBahtFigure(measure.budget, { digits }) : null,
    measure.budgetNote ?? null,
  ].filter((part) => part !== null);
  const asBlocks = (blocks: BlockData[] | null | undefined, paragraphs: string[]) =>
    viewBlocks(blocks ?? paragraphs.map((text) => ({ type: 'paragraph', text, indent: false })), digits);
  return {
    ...measure,
    steps: measure.stepBlocks ? paragraphsOf(measure.stepBlocks) : measure.steps,
    result: measure.resultBlocks ? paragraphsOf(measure.resultBlocks) : measure.result,
    outcome: measure.outcomeBlocks ? paragraphsOf(measure.outcomeBlocks) : measure.outcome,
    periodText: measure.periodNote ?? datesText ?? null,
    deadlineText: measure.deadline ? formatThaiDate(measure.deadline, { style: 'short', digits }) : null,
    budgetText: budgetParts.length > 0 ? budgetParts.join(' ') : null,
    stepBlocks: asBlocks(measure.stepBlocks, measure.steps),
    resultBlocks: asBlocks(measure.resultBlocks, measure.result),
    outcomeBlocks: asBlocks(measure.outcomeBlocks, measure.outcome),
    monitoring: viewBlocks(measure.monitoring ?? [], digits),
  };
}

/**
 * A measure table for the templates: columns with their widths and alignments settled, measures viewed, and each
 * measure's row marked when its text is estimated taller than a page.
 *
 * @example
 * viewMeasureTable(block, 'THAI').groups[0].measures[0].tallerThanPage // false
 */
export function viewMeasureTable(
  block: Extract<BlockData, { type: 'measureTable' }>,
  digits: DigitStyle,
): Extract<BlockView, { type: 'measureTable' }> {
  const settings = viewTableSettings(block.settings);
  const widths = columnPrintWidths(block.columns);
  const fractions = columnFractions(block.columns);
  const columns: MeasureColumnView[] = block.columns.map((column, index) => ({
    ...column,
    printWidth: widths[index] ?? null,
    align: column.align ?? 'LEFT',
    verticalAlign: column.verticalAlign ?? settings.verticalAlign,
  }));
  return {
    type: 'measureTable',
    columns,
    settings,
    groups: block.groups.map((group) => ({
      title: group.title,
      measures: group.measures.map((measure) => {
        const view = viewMeasure(measure, digits);
        const cells = block.columns.map((column, index) => ({
          paragraphs: measureParagraphs(view, column),
          fraction: fractions[index] ?? 0,
        }));
        const share = estimatePageShare(
          cells,
          settings.textSize ?? DEFAULT_TEXT_SIZE.measureTable,
          settings.cellPadding,
        );
        return { ...view, tallerThanPage: share > SPLIT_ROW_PAGE_SHARE };
      }),
    })),
  };
}

/**
 * The text a measure prints in a column, paragraph by paragraph.
 *
 * @example
 * measureParagraphs(view, { field: 'OWNER', label: 'ผู้รับผิดชอบ', width: null }) // ['กองคลัง']
 */
export function measureParagraphs(measure: MeasureView, column: MeasureColumnData): string[] {
  const one = (text: string | null | undefined) => (text == null ? [] : [text]);
  switch (column.field) {
    case 'TITLE':
      return [measure.title];
    case 'STEPS':
      return measure.steps;
    case 'OWNER':
      return one(measure.owner);
    case 'PERIOD':
      return one(measure.periodText);
    case 'DEADLINE':
      return one(measure.deadlineText);
    case 'MONITORING':
      return paragraphsOf(measure.monitoring);
    case 'RESULT':
      return measure.result;
    case 'OUTCOME':
      return measure.outcome;
    case 'SUGGESTION':
      return one(measure.suggestion);
    case 'BUDGET':
      return one(measure.budgetText);
    case 'INDICATOR':
      return one(measure.indicator);
    case 'CUSTOM':
      return one(measure.custom?.find((text) => text.key === column.key)?.text);
  }
}

/**
 * Whether a measure belongs to a Buddhist-era fiscal year: its period overlaps it; a measure without dates counts in
 * its document's date's year.
 *
 * @example
 * inFiscalYear({ ...measure, period: { start: '2022-10-01', end: '2023-03-31' } }, null, 2566) // true
 */
export function inFiscalYear(measure: MeasureData, documentDate: string | null, year: number): boolean {
  if (measure.period) return fiscalYear(measure.period.start) <= year && fiscalYear(measure.period.end) >= year;
  return documentDate !== null && fiscalYear(documentDate) === year;
}
