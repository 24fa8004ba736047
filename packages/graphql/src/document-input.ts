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
import type {
  BlockInputShape,
  HeadingInputShape,
  ListInputShape,
  TableInputShape,
  TableRowInputShape,
} from './types/blocks.js';
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
  if (input.subject.trim() === '') problems.add(`${path}.subject`, 'must not be empty');
  const reading: BlockReading = { blocks: 0, depth: 0, images: [], problems };
  const organization = await problems.checkAsync(undefined, () => headerOrganization(context, input, path, problems));
  const body = blocksFromInput(input.body, `${path}.body`, reading);
  const signer = input.signer
    ? await problems.checkAsync(null, () =>
        signerFromInput(context, input.signer as SignerInputShape, `${path}.signer`, problems),
      )
    : null;
  const endorsements = await Promise.all(
    (input.endorsements ?? []).map(async (endorsement, index) => ({
      opinion: endorsement.opinion,
      signer: await problems.checkAsync(null, () =>
        signerFromInput(context, endorsement.signer, `${path}.endorsements[${index}].signer`, problems),
      ),
      date: endorsement.date ?? null,
    })),
  );
  const cover = input.cover ? coverFromInput(input.cover, `${path}.cover`, problems) : null;
  const sections = sectionsFromInput(input.sections ?? [], `${path}.sections`, reading);
  const annexes = sectionsFromInput(input.annexes ?? [], `${path}.annexes`, reading);
  const period = input.period
    ? problems.check(null, () => periodFromInput(input.period as NonNullable<typeof input.period>, `${path}.period`))
    : null;
  const referenceItems = letterItemsFromInput(
    input.referenceItems,
    input.references,
    `${path}.referenceItems`,
    problems,
  );
  const enclosureItems = letterItemsFromInput(
    input.enclosureItems,
    input.enclosures,
    `${path}.enclosureItems`,
    problems,
  );
  // The image blocks' images, read with the blocks, are checked now (an SVG is sanitized on a DOM loaded once).
  await Promise.all(reading.images.map((image) => problems.checkAsync(undefined, () => checkImage(image))));
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

function coverFromInput(cover: CoverInputShape, path: string, problems: InputProblems): CoverData {
  const period = cover.period;
  if (cover.titleLines.every((line) => line.trim() === '')) {
    problems.add(`${path}.titleLines`, 'give at least one line of title');
  }
  return {
    titleLines: cover.titleLines,
    fiscalYear: cover.fiscalYear ?? null,
    organizationLines: cover.organizationLines ?? [],
    month: cover.month ?? null,
    period: period ? problems.check(null, () => periodFromInput(period, `${path}.period`)) : null,
    emblem: cover.emblem ?? true,
  };
}

function letterItemsFromInput(
  items: LetterItemInputShape[] | null | undefined,
  lines: string[] | null | undefined,
  path: string,
  problems: InputProblems,
): LetterItemData[] {
  if (!items) return [];
  if (lines?.length) {
    const field = path.slice(path.lastIndexOf('.') + 1).replace('Items', 's');
    problems.add(path, `give ${field} as lines or as items, not both`);
  }
  return items.map((item, index) => {
    const period = item.period;
    if (item.title.trim() === '') problems.add(`${path}[${index}].title`, 'must not be empty');
    if (item.count != null && item.count < 1) {
      problems.add(`${path}[${index}].count`, `must be 1 or more; got ${item.count}`);
    }
    return {
      title: item.title,
      bookNumber: item.bookNumber ?? null,
      date: item.date ?? null,
      period: period ? problems.check(null, () => periodFromInput(period, `${path}[${index}].period`)) : null,
      count: item.count ?? null,
      unit: item.unit ?? null,
    };
  });
}

function sectionsFromInput(sections: SectionInputShape[], path: string, reading: BlockReading): SectionData[] {
  return sections.map((section, index) => ({
    title: section.title ?? null,
    orientation: section.orientation ?? 'PORTRAIT',
    pageNumbers: section.pageNumbers ?? true,
    restartPageNumbers: section.restartPageNumbers ?? false,
    body: blocksFromInput(section.body, `${path}[${index}].body`, reading),
  }));
}

async function headerOrganization(
  context: SarabanContext,
  input: DocumentInputShape,
  path: string,
  problems: InputProblems,
): Promise<OrganizationData> {
  if (input.organization) {
    return organizationFromInput(context, input.organization, `${path}.organization`, problems);
  }
  if (input.organizationId) {
    const stored = await context.organizations.get(input.organizationId);
    if (!stored) throw new InputError(`${path}.organizationId`, `there is no organization ${input.organizationId}`);
    return organizationData(stored);
  }
  throw new InputError(`${path}.organization`, 'give the header organization inline, or organizationId');
}

/**
 * Checks and normalizes an OrganizationInput: its fontId must name a stored font, its emblem be an image within its
 * limits. Each problem is recorded in `problems` (the caller throws them, all in one answer); a part with one stands
 * in as empty.
 *
 * @example
 * const problems = new InputProblems();
 * const organization = await organizationFromInput(context, { name: 'องค์การบริหารส่วนจังหวัดลำพูน' }, 'input', problems);
 * problems.throwIfAny();
 */
export async function organizationFromInput(
  context: SarabanContext,
  input: OrganizationInputShape,
  path: string,
  problems: InputProblems,
): Promise<OrganizationData> {
  checkTextLengths(input, path);
  const fontId = input.fontId ? String(input.fontId) : null;
  if (fontId && !(await context.fonts.get(fontId))) {
    problems.add(`${path}.fontId`, `there is no font ${fontId}; upload one with createFont`);
  }
  const emblem = input.emblem;
  return {
    name: input.name,
    unit: input.unit ?? null,
    bookNumberPrefix: input.bookNumberPrefix ?? null,
    addressLines: input.addressLines ?? [],
    phone: input.phone ?? null,
    fax: input.fax ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    emblem: emblem
      ? await problems.checkAsync(null, () =>
          checkedImage(emblem, `${path}.emblem`, { bytes: 'emblemBytes', pixels: 'emblemPixels' }),
        )
      : null,
    fontId,
  };
}

/** A signer, from the person named and what the input gives over it: each name left empty is a problem of its own. */
async function signerFromInput(
  context: SarabanContext,
  input: SignerInputShape,
  path: string,
  problems: InputProblems,
): Promise<SignerData> {
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
    if (signer[field] === '') problems.add(`${path}.${field}`, 'is required (or give personId)');
  }
  return signer;
}

/**
 * What reading a document's blocks carries along: what makes it long (blocks, list items, table cells) and how deep
 * its blocks nest, the image blocks' images (checked once every block is read), and the problems found so far: each
 * block, item, row, cell and setting records its own and the next is still read, so one answer names them all.
 */
interface BlockReading {
  blocks: number;
  depth: number;
  images: ImagesToCheck;
  problems: InputProblems;
}

function countBlock(reading: BlockReading, path: string): void {
  reading.blocks += 1;
  if (reading.blocks > limits.blocks) {
    throw new LimitError('blocks', reading.blocks, { field: path, what: 'blocks, list items and table cells or more' });
  }
}

/** The blocks, checked: each block's problems are recorded and the next block still checked. */
function blocksFromInput(blocks: BlockInputShape[], path: string, reading: BlockReading): BlockData[] {
  if (blocks.length === 0) return [];
  reading.depth += 1;
  if (reading.depth > limits.blockDepth) {
    throw new LimitError('blockDepth', reading.depth, { field: path, what: 'levels of nested blocks' });
  }
  const depth = reading.depth;
  const data = reading.problems.each(blocks, (block, index) => {
    reading.depth = depth; // a block refused halfway down its nested blocks left the depth raised
    return blockFromInput(block, `${path}[${index}]`, reading);
  });
  reading.depth = depth - 1;
  return data;
}

function headingFromInput(heading: HeadingInputShape, path: string, problems: InputProblems): HeadingData {
  const level = heading.level ?? 1;
  if (level < 1) problems.add(`${path}.level`, `must be 1 or more; got ${level}`);
  return {
    type: 'heading',
    text: heading.text,
    level,
    align: heading.align ?? null,
    indented: heading.indented ?? null,
    textSize: problems.check(null, () =>
      numberWithin(heading.textSize, limits.headingSize.min, limits.headingSize.max, `${path}.textSize`, 'points'),
    ),
    bold: heading.bold ?? null,
    numbered: heading.numbered ?? false,
  };
}

function blockFromInput(block: BlockInputShape, path: string, reading: BlockReading): BlockData {
  countBlock(reading, path);
  const given = Object.entries(block).filter(([, value]) => value !== null && value !== undefined);
  if (given.length !== 1) {
    throw new InputError(
      path,
      `set exactly one of paragraph, heading, list, table, measureTable, pageBreak, image, qrCode, chart (got ${given.map(([k]) => k).join(', ') || 'none'})`,
    );
  }
  const figure = figureFromInput(block, path, reading);
  if (figure) return figure;
  if (block.paragraph) return { type: 'paragraph', text: block.paragraph.text, indent: block.paragraph.indent ?? true };
  if (block.heading) return headingFromInput(block.heading, `${path}.heading`, reading.problems);
  if (block.list) return listFromInput(block.list, `${path}.list`, reading);
  if (block.table) return tableFromInput(block.table, `${path}.table`, reading);
  if (block.measureTable) return measureTableFromInput(block.measureTable, `${path}.measureTable`, reading);
  if (block.pageBreak !== true) throw new InputError(`${path}.pageBreak`, 'give true for a page break');
  return { type: 'pageBreak' };
}

function listFromInput(list: ListInputShape, path: string, reading: BlockReading): BlockData {
  const { problems } = reading;
  const start = list.start ?? 1;
  // Markers are numbered from 1 (๑.); a list starting lower could be stored but never printed.
  if (start < 1) problems.add(`${path}.start`, `must be 1 or more; got ${start}`);
  const outlinePrefix = list.outlinePrefix ?? [];
  outlinePrefix.forEach((number, index) => {
    if (number < 1) problems.add(`${path}.outlinePrefix[${index}]`, `must be 1 or more; got ${number}`);
  });
  return {
    type: 'list',
    style: list.style ?? 'DOT',
    start,
    outlinePrefix,
    items: list.items.map((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      countBlock(reading, itemPath);
      if (item.checked != null && list.style !== 'CHECKBOX') {
        problems.add(`${itemPath}.checked`, 'only a CHECKBOX list has boxes to tick');
      }
      return {
        text: item.text,
        blocks: blocksFromInput(item.blocks ?? [], `${itemPath}.blocks`, reading),
        ...(item.checked ? { checked: true } : {}),
        ...(item.role ? { role: item.role } : {}),
      };
    }),
  };
}

function tableFromInput(table: TableInputShape, path: string, reading: BlockReading): BlockData {
  const { problems } = reading;
  const rows = (list: TableRowInputShape[], rowsPath: string) =>
    list.map((row, r) => tableRowFromInput(row, `${rowsPath}[${r}]`, reading, table.columns.length));
  return {
    type: 'table',
    columns: table.columns.map((column, c): TableColumnData => {
      checkColumnWidth(column, `${path}.columns[${c}]`, problems);
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
    headerRows: rows(table.headerRows ?? [], `${path}.headerRows`),
    rows: rows(table.rows, `${path}.rows`),
    ...settingsFromInput(table.settings, `${path}.settings`, problems),
  };
}

const defaultMeasureColumns: MeasureField[] = ['TITLE', 'STEPS', 'OWNER', 'PERIOD', 'RESULT', 'SUGGESTION'];

function measureTableFromInput(table: MeasureTableInputShape, path: string, reading: BlockReading): BlockData {
  const { problems } = reading;
  const columns: NonNullable<MeasureTableInputShape['columns']> =
    table.columns ?? defaultMeasureColumns.map((field) => ({ field }));
  return {
    type: 'measureTable',
    columns: columns.map((column, c) => {
      const columnPath = `${path}.columns[${c}]`;
      checkColumnWidth(column, columnPath, problems);
      if (column.field === 'CUSTOM' && !(column.key && column.label)) {
        problems.add(columnPath, 'a CUSTOM column needs its label and the key of the texts it shows');
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
    ...settingsFromInput(table.settings, `${path}.settings`, problems),
    groups: table.groups.map((group, g) => ({
      title: group.title ?? null,
      measures: group.measures.map((measure, m) =>
        measureFromInput(measure, `${path}.groups[${g}].measures[${m}]`, reading),
      ),
    })),
  };
}

/** The problem of a measure's period, if any: start and end together, in order, or a text. */
function measurePeriodProblem(period: NonNullable<MeasureInputShape['period']>): string | undefined {
  if ((period.start == null) !== (period.end == null)) return 'give both start and end, or neither';
  if (period.start == null && !period.text) return 'give start and end, or text';
  if (period.start != null && period.end != null && period.start > period.end) return 'start is after end';
  return undefined;
}

/** One measure, checked: dates in order, text or blocks for each of steps, result and outcome, not both. */
function measureFromInput(measure: MeasureInputShape, path: string, reading: BlockReading): MeasureData {
  const { problems } = reading;
  const period = measure.period ?? null;
  const periodProblem = period && measurePeriodProblem(period);
  if (periodProblem) problems.add(`${path}.period`, periodProblem);
  const either = (
    field: 'steps' | 'result' | 'outcome',
    blocksField: 'stepBlocks' | 'resultBlocks' | 'outcomeBlocks',
  ) => {
    const blocks = measure[blocksField];
    if (measure[field] && blocks) problems.add(`${path}.${blocksField}`, `give ${field} or ${blocksField}, not both`);
    return blocks ? { [blocksField]: blocksFromInput(blocks, `${path}.${blocksField}`, reading) } : {};
  };
  const keys = (measure.custom ?? []).map((text) => text.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated !== undefined) problems.add(`${path}.custom`, `the key "${repeated}" is given twice`);
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
    ...(measure.monitoring ? { monitoring: blocksFromInput(measure.monitoring, `${path}.monitoring`, reading) } : {}),
    ...(measure.custom?.length ? { custom: measure.custom.map(({ key, text }) => ({ key, text })) } : {}),
  };
}

/** A column's width: at most one of width, widthCm and share, each above zero; each problem recorded. */
function checkColumnWidth(
  column: { width?: number | null; widthCm?: number | null; share?: number | null },
  path: string,
  problems: InputProblems,
): void {
  const given = (['width', 'widthCm', 'share'] as const).filter((key) => column[key] != null);
  if (given.length > 1) problems.add(path, `give one of width, widthCm and share (got ${given.join(', ')})`);
  for (const key of given) {
    if (!((column[key] as number) > 0)) problems.add(`${path}.${key}`, 'must be above 0');
  }
  if ((column.width ?? 0) > 100) problems.add(`${path}.width`, 'is a percent of the table: at most 100');
}

/** A number the input may leave out, checked against its bounds; null when left out. */
function numberWithin(value: number | null | undefined, min: number, max: number, path: string, unit: string) {
  if (value != null && !(value >= min && value <= max)) {
    throw new InputError(path, `must be ${min} to ${max} ${unit} (got ${value})`);
  }
  return value ?? null;
}

/** A table's settings, checked: sizes within what a page can print, each on its own. Nothing when none were given. */
function settingsFromInput(
  input: TableSettingsInputShape | null | undefined,
  path: string,
  problems: InputProblems,
): { settings?: TableSettingsData } {
  if (!input) return {};
  const within = (value: number | null | undefined, min: number, max: number, field: string, unit: string) =>
    problems.check(null, () => numberWithin(value, min, max, `${path}.${field}`, unit));
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
  reading: BlockReading,
  columns: number,
): TableRowData {
  // Chromium would widen the table past its columns' widths, silently: refused with the row's path instead.
  const spanned = (row.cells ?? []).reduce((sum, cell) => sum + (cell.colspan ?? 1), 0);
  if (spanned > columns) reading.problems.add(`${path}.cells`, `span ${spanned} columns; the table has ${columns}`);
  return {
    group: row.group ?? null,
    cells: reading.problems.each(row.cells ?? [], (cell, c) => {
      const cellPath = `${path}.cells[${c}]`;
      countBlock(reading, cellPath);
      if ((cell.text ?? null) !== null && cell.blocks) {
        throw new InputError(cellPath, 'give text or blocks, not both');
      }
      const blocks = cell.blocks
        ? blocksFromInput(cell.blocks, `${cellPath}.blocks`, reading)
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
