import type {
  BlockData,
  CoverData,
  DocumentData,
  DocumentKind,
  HeadingData,
  LetterItemData,
  MeasureData,
  MeasureField,
  OrganizationData,
  SectionData,
  SignerData,
  TableColumnData,
  TableRowData,
  TableSettingsData,
} from '@saraban/store';
import { measureFieldLabel } from '@saraban/thai';
import type { SarabanContext } from './context.js';
import { InputError, LimitError } from './errors.js';
import { checkImage, figureFromInput, type ImagesToCheck } from './figure-input.js';
import { InputProblems } from './input-problems.js';
import { limits } from './limits.js';
import { periodFromInput } from './period-input.js';
import { organizationData, signerFromPerson } from './records.js';
import { checkTextLengths } from './text-lengths.js';
import type { BlockInputShape, HeadingInputShape, TableRowInputShape } from './types/blocks.js';
import type { DocumentInputShape, OrganizationInputShape, SignerInputShape } from './types/inputs.js';
import type { LetterItemInputShape } from './types/letter-items.js';
import type { MeasureInputShape, MeasureTableInputShape } from './types/measures.js';
import type { CoverInputShape, SectionInputShape } from './types/sections.js';
import type { TableSettingsInputShape } from './types/table-settings.js';
import { checkedImage } from './uploaded-image.js';

const defaultTemplates: Record<DocumentKind, string> = {
  MEMO: 'memo',
  EXTERNAL_LETTER: 'external-letter',
  INTERNAL_LETTER: 'internal-letter',
  ANNOUNCEMENT: 'announcement',
  ORDER: 'order',
  REPORT: 'report',
};

/**
 * Turns a DocumentInput into the stored document: checks what GraphQL's types cannot (one field per block, a
 * template that exists, limits) and fills the header organization and signers from stored records.
 *
 * @example
 * const data = await documentFromInput(context, args.input, 'input');
 */
export async function documentFromInput(
  context: SarabanContext,
  input: DocumentInputShape,
  path: string,
): Promise<DocumentData> {
  checkTextLengths(input, path);
  // Every part is checked on its own, so one answer names every problem (a part that fails stands in as empty).
  const problems = new InputProblems();
  const template = input.template ?? defaultTemplates[input.kind];
  problems.check(undefined, () => checkTemplate(context, template, `${path}.template`));
  problems.check(undefined, () => {
    if (input.subject.trim() === '') throw new InputError(`${path}.subject`, 'must not be empty');
  });
  const counter: BlockCounter = { blocks: 0, depth: 0, images: [] };
  const organization = await problems.checkAsync(undefined, () => headerOrganization(context, input, path));
  const body = blocksFromInput(input.body, `${path}.body`, counter, problems);
  const signer = input.signer
    ? await problems.checkAsync(null, () =>
        signerFromInput(context, input.signer as SignerInputShape, `${path}.signer`),
      )
    : null;
  const endorsements = await Promise.all(
    (input.endorsements ?? []).map(async (endorsement, index) => ({
      opinion: endorsement.opinion,
      signer: await problems.checkAsync(null, () =>
        signerFromInput(context, endorsement.signer, `${path}.endorsements[${index}].signer`),
      ),
      date: endorsement.date ?? null,
    })),
  );
  const cover = input.cover
    ? problems.check(null, () => coverFromInput(input.cover as CoverInputShape, `${path}.cover`))
    : null;
  const sections = problems.check([], () => sectionsFromInput(input.sections ?? [], `${path}.sections`, counter));
  const annexes = problems.check([], () => sectionsFromInput(input.annexes ?? [], `${path}.annexes`, counter));
  const period = input.period
    ? problems.check(null, () => periodFromInput(input.period as NonNullable<typeof input.period>, `${path}.period`))
    : null;
  const referenceItems = problems.check([], () =>
    letterItemsFromInput(input.referenceItems, input.references, `${path}.referenceItems`),
  );
  const enclosureItems = problems.check([], () =>
    letterItemsFromInput(input.enclosureItems, input.enclosures, `${path}.enclosureItems`),
  );
  // The image blocks' images, read with the blocks, are checked now (an SVG is sanitized on a DOM loaded once).
  await Promise.all(counter.images.map((image) => problems.checkAsync(undefined, () => checkImage(image))));
  problems.throwIfAny();
  return {
    kind: input.kind,
    template,
    organizationId: input.organizationId ?? null,
    organization: organization as OrganizationData,
    bookNumber: input.bookNumber ?? null,
    circular: input.circular ?? false,
    date: input.date ?? null,
    period,
    subject: input.subject,
    recipient: input.recipient ? { name: input.recipient.name, class: input.recipient.class ?? 'GENERAL' } : null,
    references: input.references ?? [],
    enclosures: input.enclosures ?? [],
    referenceItems,
    enclosureItems,
    speed: input.speed ?? null,
    deadline: input.deadline ?? null,
    secrecy: input.secrecy ?? null,
    body,
    closing: input.closing ?? null,
    signer,
    endorsements: endorsements as DocumentData['endorsements'],
    contact: input.contact
      ? {
          unit: input.contact.unit ?? null,
          subUnit: input.contact.subUnit ?? null,
          phone: input.contact.phone ?? null,
          fax: input.contact.fax ?? null,
          email: input.contact.email ?? null,
        }
      : null,
    copiesTo: input.copiesTo ?? [],
    digitStyle: input.digitStyle ?? 'THAI',
    cover,
    sections,
    annexes,
  };
}

/** The template must have loaded; when it did not, the error says why (its file, line and column). */
function checkTemplate(context: SarabanContext, template: string, field: string): void {
  if (context.templates.get(template)) return;
  const why = context.templates.problems.filter((problem) => problem.template === template);
  if (why.length > 0) {
    throw new InputError(
      field,
      `template "${template}" did not load: ${why.map((problem) => problem.message).join('; ')}`,
    );
  }
  const loaded = context.templates.list().map((t) => t.name);
  throw new InputError(field, `there is no template "${template}"; loaded: ${loaded.join(', ')}`);
}

function coverFromInput(cover: CoverInputShape, path: string): CoverData {
  if (cover.titleLines.every((line) => line.trim() === '')) {
    throw new InputError(`${path}.titleLines`, 'give at least one line of title');
  }
  return {
    titleLines: cover.titleLines,
    fiscalYear: cover.fiscalYear ?? null,
    organizationLines: cover.organizationLines ?? [],
    month: cover.month ?? null,
    period: cover.period ? periodFromInput(cover.period, `${path}.period`) : null,
    emblem: cover.emblem ?? true,
  };
}

function letterItemsFromInput(
  items: LetterItemInputShape[] | null | undefined,
  lines: string[] | null | undefined,
  path: string,
): LetterItemData[] {
  if (!items) return [];
  if (lines?.length) {
    const field = path.slice(path.lastIndexOf('.') + 1).replace('Items', 's');
    throw new InputError(path, `give ${field} as lines or as items, not both`);
  }
  return items.map((item, index) => {
    if (item.title.trim() === '') throw new InputError(`${path}[${index}].title`, 'must not be empty');
    if (item.count != null && item.count < 1) {
      throw new InputError(`${path}[${index}].count`, `must be 1 or more; got ${item.count}`);
    }
    return {
      title: item.title,
      bookNumber: item.bookNumber ?? null,
      date: item.date ?? null,
      period: item.period ? periodFromInput(item.period, `${path}[${index}].period`) : null,
      count: item.count ?? null,
      unit: item.unit ?? null,
    };
  });
}

function sectionsFromInput(sections: SectionInputShape[], path: string, counter: BlockCounter): SectionData[] {
  return sections.map((section, index) => ({
    title: section.title ?? null,
    orientation: section.orientation ?? 'PORTRAIT',
    pageNumbers: section.pageNumbers ?? true,
    restartPageNumbers: section.restartPageNumbers ?? false,
    body: blocksFromInput(section.body, `${path}[${index}].body`, counter),
  }));
}

async function headerOrganization(
  context: SarabanContext,
  input: DocumentInputShape,
  path: string,
): Promise<OrganizationData> {
  if (input.organization) return organizationFromInput(context, input.organization, `${path}.organization`);
  if (input.organizationId) {
    const stored = await context.organizations.get(input.organizationId);
    if (!stored) throw new InputError(`${path}.organizationId`, `there is no organization ${input.organizationId}`);
    return organizationData(stored);
  }
  throw new InputError(`${path}.organization`, 'give the header organization inline, or organizationId');
}

/**
 * Checks and normalizes an OrganizationInput; its fontId must name a stored font.
 *
 * @example
 * await organizationFromInput(context, { name: 'องค์การบริหารส่วนจังหวัดลำพูน' }, 'input')
 */
export async function organizationFromInput(
  context: SarabanContext,
  input: OrganizationInputShape,
  path: string,
): Promise<OrganizationData> {
  checkTextLengths(input, path);
  const fontId = input.fontId ? String(input.fontId) : null;
  if (fontId && !(await context.fonts.get(fontId))) {
    throw new InputError(`${path}.fontId`, `there is no font ${fontId}; upload one with createFont`);
  }
  return {
    name: input.name,
    unit: input.unit ?? null,
    bookNumberPrefix: input.bookNumberPrefix ?? null,
    addressLines: input.addressLines ?? [],
    phone: input.phone ?? null,
    fax: input.fax ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    emblem: input.emblem
      ? await checkedImage(input.emblem, `${path}.emblem`, { bytes: 'emblemBytes', pixels: 'emblemPixels' })
      : null,
    fontId,
  };
}

async function signerFromInput(context: SarabanContext, input: SignerInputShape, path: string): Promise<SignerData> {
  let base: SignerData | undefined;
  if (input.personId) {
    const person = await context.people.get(input.personId);
    if (!person) throw new InputError(`${path}.personId`, `there is no person ${input.personId}`);
    base = signerFromPerson(person);
  }
  const signer: SignerData = {
    personId: input.personId ?? null,
    title: input.title ?? base?.title ?? '',
    givenName: input.givenName ?? base?.givenName ?? '',
    familyName: input.familyName ?? base?.familyName ?? '',
    positions: input.positions ?? base?.positions ?? [],
    acting: input.acting ?? null,
  };
  for (const field of ['title', 'givenName', 'familyName'] as const) {
    if (signer[field] === '') throw new InputError(`${path}.${field}`, 'is required (or give personId)');
  }
  return signer;
}

/**
 * Counts what makes a document long (blocks, list items, table cells) and how deep its blocks nest, and gathers the
 * image blocks' images, checked once every block is read.
 */
interface BlockCounter {
  blocks: number;
  depth: number;
  images: ImagesToCheck;
}

function countBlock(counter: BlockCounter, path: string): void {
  counter.blocks += 1;
  if (counter.blocks > limits.blocks) {
    throw new LimitError('blocks', counter.blocks, { field: path, what: 'blocks, list items and table cells or more' });
  }
}

/** The blocks, checked; with `problems`, each block's problem is recorded there and the next block still checked. */
function blocksFromInput(
  blocks: BlockInputShape[],
  path: string,
  counter: BlockCounter,
  problems?: InputProblems,
): BlockData[] {
  if (blocks.length === 0) return [];
  counter.depth += 1;
  if (counter.depth > limits.blockDepth) {
    throw new LimitError('blockDepth', counter.depth, { field: path, what: 'levels of nested blocks' });
  }
  const depth = counter.depth;
  const data = blocks.map((block, index) => {
    const check = () => blockFromInput(block, `${path}[${index}]`, counter);
    if (!problems) return check();
    // A block that failed inside a nested list left the depth raised: the next block starts at this level.
    const checked = problems.check(undefined, check);
    counter.depth = depth;
    return checked;
  }) as BlockData[];
  counter.depth -= 1;
  return data;
}

function headingFromInput(heading: HeadingInputShape, path: string): HeadingData {
  const level = heading.level ?? 1;
  if (level < 1) throw new InputError(`${path}.level`, `must be 1 or more; got ${level}`);
  return {
    type: 'heading',
    text: heading.text,
    level,
    align: heading.align ?? null,
    indented: heading.indented ?? null,
    textSize: numberWithin(
      heading.textSize,
      limits.headingSize.min,
      limits.headingSize.max,
      `${path}.textSize`,
      'points',
    ),
    bold: heading.bold ?? null,
    numbered: heading.numbered ?? false,
  };
}

function blockFromInput(block: BlockInputShape, path: string, counter: BlockCounter): BlockData {
  countBlock(counter, path);
  const given = Object.entries(block).filter(([, value]) => value !== null && value !== undefined);
  if (given.length !== 1) {
    throw new InputError(
      path,
      `set exactly one of paragraph, heading, list, table, measureTable, pageBreak, image, qrCode, chart (got ${given.map(([k]) => k).join(', ') || 'none'})`,
    );
  }
  const figure = figureFromInput(block, path, counter.images);
  if (figure) return figure;
  if (block.paragraph) return { type: 'paragraph', text: block.paragraph.text, indent: block.paragraph.indent ?? true };
  if (block.heading) return headingFromInput(block.heading, `${path}.heading`);
  if (block.list) {
    const list = block.list;
    const start = list.start ?? 1;
    // Markers are numbered from 1 (๑.); a list starting lower could be stored but never printed.
    if (start < 1) throw new InputError(`${path}.list.start`, `must be 1 or more; got ${start}`);
    const outlinePrefix = list.outlinePrefix ?? [];
    const badPrefix = outlinePrefix.findIndex((number) => number < 1);
    if (badPrefix >= 0) {
      throw new InputError(
        `${path}.list.outlinePrefix[${badPrefix}]`,
        `must be 1 or more; got ${outlinePrefix[badPrefix]}`,
      );
    }
    return {
      type: 'list',
      style: list.style ?? 'DOT',
      start,
      outlinePrefix,
      items: list.items.map((item, i) => {
        const itemPath = `${path}.list.items[${i}]`;
        countBlock(counter, itemPath);
        if (item.checked != null && list.style !== 'CHECKBOX') {
          throw new InputError(`${itemPath}.checked`, 'only a CHECKBOX list has boxes to tick');
        }
        return {
          text: item.text,
          blocks: blocksFromInput(item.blocks ?? [], `${itemPath}.blocks`, counter),
          ...(item.checked ? { checked: true } : {}),
          ...(item.role ? { role: item.role } : {}),
        };
      }),
    };
  }
  if (block.table) {
    const table = block.table;
    const rows = (list: TableRowInputShape[], rowsPath: string) =>
      list.map((row, r) => tableRowFromInput(row, `${rowsPath}[${r}]`, counter, table.columns.length));
    return {
      type: 'table',
      columns: table.columns.map((column, c): TableColumnData => {
        checkColumnWidth(column, `${path}.table.columns[${c}]`);
        return {
          label: column.label,
          width: column.width ?? null,
          widthCm: column.widthCm ?? null,
          share: column.share ?? null,
          align: column.align ?? 'LEFT',
          verticalAlign: column.verticalAlign ?? null,
          numeric: column.numeric ?? false,
        };
      }),
      headerRows: rows(table.headerRows ?? [], `${path}.table.headerRows`),
      rows: rows(table.rows, `${path}.table.rows`),
      ...settingsFromInput(table.settings, `${path}.table.settings`),
    };
  }
  if (block.measureTable) return measureTableFromInput(block.measureTable, `${path}.measureTable`, counter);
  if (block.pageBreak !== true) throw new InputError(`${path}.pageBreak`, 'give true for a page break');
  return { type: 'pageBreak' };
}

const defaultMeasureColumns: MeasureField[] = ['TITLE', 'STEPS', 'OWNER', 'PERIOD', 'RESULT', 'SUGGESTION'];

function measureTableFromInput(table: MeasureTableInputShape, path: string, counter: BlockCounter): BlockData {
  const columns: NonNullable<MeasureTableInputShape['columns']> =
    table.columns ?? defaultMeasureColumns.map((field) => ({ field }));
  return {
    type: 'measureTable',
    columns: columns.map((column, c) => {
      const columnPath = `${path}.columns[${c}]`;
      checkColumnWidth(column, columnPath);
      if (column.field === 'CUSTOM' && !(column.key && column.label)) {
        throw new InputError(columnPath, 'a CUSTOM column needs its label and the key of the texts it shows');
      }
      return {
        field: column.field,
        label: column.label ?? measureFieldLabel(column.field),
        width: column.width ?? null,
        widthCm: column.widthCm ?? null,
        share: column.share ?? null,
        align: column.align ?? null,
        verticalAlign: column.verticalAlign ?? null,
        ...(column.key ? { key: column.key } : {}),
      };
    }),
    ...settingsFromInput(table.settings, `${path}.settings`),
    groups: table.groups.map((group, g) => ({
      title: group.title ?? null,
      measures: group.measures.map((measure, m) =>
        measureFromInput(measure, `${path}.groups[${g}].measures[${m}]`, counter),
      ),
    })),
  };
}

/** One measure, checked: dates in order, text or blocks for each of steps, result and outcome, not both. */
function measureFromInput(measure: MeasureInputShape, path: string, counter: BlockCounter): MeasureData {
  const period = measure.period ?? null;
  if (period) {
    if ((period.start == null) !== (period.end == null)) {
      throw new InputError(`${path}.period`, 'give both start and end, or neither');
    }
    if (period.start == null && !period.text) throw new InputError(`${path}.period`, 'give start and end, or text');
    if (period.start != null && period.end != null && period.start > period.end) {
      throw new InputError(`${path}.period`, 'start is after end');
    }
  }
  const either = (
    field: 'steps' | 'result' | 'outcome',
    blocksField: 'stepBlocks' | 'resultBlocks' | 'outcomeBlocks',
  ) => {
    const blocks = measure[blocksField];
    if (measure[field] && blocks)
      throw new InputError(`${path}.${blocksField}`, `give ${field} or ${blocksField}, not both`);
    return blocks ? { [blocksField]: blocksFromInput(blocks, `${path}.${blocksField}`, counter) } : {};
  };
  const keys = (measure.custom ?? []).map((text) => text.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated !== undefined) throw new InputError(`${path}.custom`, `the key "${repeated}" is given twice`);
  return {
    title: measure.title,
    steps: measure.steps ?? [],
    owner: measure.owner ?? null,
    period: period?.start != null && period.end != null ? { start: period.start, end: period.end } : null,
    result: measure.result ?? [],
    outcome: measure.outcome ?? [],
    suggestion: measure.suggestion ?? null,
    ...either('steps', 'stepBlocks'),
    ...either('result', 'resultBlocks'),
    ...either('outcome', 'outcomeBlocks'),
    ...(period?.exact ? { periodExact: true } : {}),
    ...(period?.text ? { periodNote: period.text } : {}),
    ...(measure.deadline ? { deadline: measure.deadline } : {}),
    ...(measure.budget != null ? { budget: measure.budget } : {}),
    ...(measure.budgetNote ? { budgetNote: measure.budgetNote } : {}),
    ...(measure.indicator ? { indicator: measure.indicator } : {}),
    ...(measure.monitoring ? { monitoring: blocksFromInput(measure.monitoring, `${path}.monitoring`, counter) } : {}),
    ...(measure.custom?.length ? { custom: measure.custom.map(({ key, text }) => ({ key, text })) } : {}),
  };
}

/** A column's width: at most one of width, widthCm and share, each above zero. */
function checkColumnWidth(
  column: { width?: number | null; widthCm?: number | null; share?: number | null },
  path: string,
): void {
  const given = (['width', 'widthCm', 'share'] as const).filter((key) => column[key] != null);
  if (given.length > 1) throw new InputError(path, `give one of width, widthCm and share (got ${given.join(', ')})`);
  for (const key of given) {
    if (!((column[key] as number) > 0)) throw new InputError(`${path}.${key}`, 'must be above 0');
  }
  if ((column.width ?? 0) > 100) throw new InputError(`${path}.width`, 'is a percent of the table: at most 100');
}

/** A number the input may leave out, checked against its bounds; null when left out. */
function numberWithin(value: number | null | undefined, min: number, max: number, path: string, unit: string) {
  if (value != null && !(value >= min && value <= max)) {
    throw new InputError(path, `must be ${min} to ${max} ${unit} (got ${value})`);
  }
  return value ?? null;
}

/** A table's settings, checked: sizes within what a page can print. Nothing when none were given. */
function settingsFromInput(
  input: TableSettingsInputShape | null | undefined,
  path: string,
): { settings?: TableSettingsData } {
  if (!input) return {};
  const within = (value: number | null | undefined, min: number, max: number, field: string, unit: string) =>
    numberWithin(value, min, max, `${path}.${field}`, unit);
  return {
    settings: {
      textSize: within(input.textSize, limits.tableTextSize.min, limits.tableTextSize.max, 'textSize', 'points'),
      cellPadding: input.cellPadding
        ? {
            x: within(input.cellPadding.x, 0, limits.cellPaddingCm, 'cellPadding.x', 'cm'),
            y: within(input.cellPadding.y, 0, limits.cellPaddingCm, 'cellPadding.y', 'cm'),
          }
        : null,
      width: within(input.width, 1, 100, 'width', 'percent'),
      widthCm: within(input.widthCm, 1, limits.tableWidthCm, 'widthCm', 'cm'),
      header: input.header
        ? {
            bold: input.header.bold ?? true,
            shaded: input.header.shaded ?? false,
            align: input.header.align ?? 'CENTER',
            repeat: input.header.repeat ?? true,
          }
        : null,
      verticalAlign: input.verticalAlign ?? null,
      ...(input.rowsMayBreak ? { rowsMayBreak: true } : {}),
    },
  };
}

function tableRowFromInput(
  row: TableRowInputShape,
  path: string,
  counter: BlockCounter,
  columns: number,
): TableRowData {
  // Chromium would widen the table past its columns' widths, silently: refused with the row's path instead.
  const spanned = (row.cells ?? []).reduce((sum, cell) => sum + (cell.colspan ?? 1), 0);
  if (spanned > columns) {
    throw new InputError(`${path}.cells`, `span ${spanned} columns; the table has ${columns}`);
  }
  return {
    group: row.group ?? null,
    cells: (row.cells ?? []).map((cell, c) => {
      const cellPath = `${path}.cells[${c}]`;
      countBlock(counter, cellPath);
      if ((cell.text ?? null) !== null && cell.blocks) {
        throw new InputError(cellPath, 'give text or blocks, not both');
      }
      const blocks = cell.blocks
        ? blocksFromInput(cell.blocks, `${cellPath}.blocks`, counter)
        : [{ type: 'paragraph' as const, text: cell.text ?? '', indent: false }];
      return {
        colspan: cell.colspan ?? 1,
        rowspan: cell.rowspan ?? 1,
        blocks,
        ...(cell.align ? { align: cell.align } : {}),
        ...(cell.verticalAlign ? { verticalAlign: cell.verticalAlign } : {}),
      };
    }),
  };
}
