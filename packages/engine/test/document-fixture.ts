// A stand-in for the graphql package in these tests: turns a DocumentInput (an example JSON) into the Document the
// schema describes, computing what the API computes (list markers, signer lines, salutation), so a template's
// query can run against `buildSchema(sdl)` with graphql's default resolvers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  closingFor,
  type DigitStyle,
  type ListMarkerStyle,
  listMarker,
  salutationFor,
  signerLines,
} from '@saraban/thai';
import { buildSchema, type DocumentNode, execute, type GraphQLSchema } from 'graphql';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const templatesDir = `${repositoryRoot}templates`;
export const schema: GraphQLSchema = buildSchema(readFileSync(`${repositoryRoot}schema/schema.graphql`, 'utf8'));

type Input = Record<string, unknown>;

export function readExample(template: string, name: string): Input {
  return JSON.parse(readFileSync(`${templatesDir}/${template}/examples/${name}.json`, 'utf8')) as Input;
}

/** Runs `query` for a document made from `input`, as the graphql package would, and returns the result data. */
export async function queryResult(query: DocumentNode, input: Input): Promise<unknown> {
  const document = documentFromInput(input);
  const result = await execute({
    schema,
    document: query,
    rootValue: { document: () => document },
    variableValues: { id: 'fixture' },
  });
  if (result.errors?.length) throw new AggregateError(result.errors, result.errors.map(String).join('\n'));
  return result.data;
}

function documentFromInput(input: Input): Input {
  const digits = input.digitStyle === 'ARABIC' ? 'ARABIC' : 'THAI';
  const organization = (input.organization ?? {}) as Input;
  const recipient = input.recipient as Input | undefined;
  const recipientClass = (recipient?.class ?? 'GENERAL') as 'GENERAL';
  return {
    id: 'fixture',
    kind: input.kind,
    template: input.template ?? 'memo',
    organization: {
      id: 'organization',
      addressLines: [],
      version: 1,
      ...organization,
      emblem: organization.emblem
        ? { mediaType: (organization.emblem as Input).mediaType, dataUrl: dataUrl(organization.emblem as Input) }
        : null,
    },
    bookNumber: input.bookNumber ?? null,
    date: input.date ?? null,
    subject: input.subject,
    recipient: recipient && {
      name: recipient.name,
      class: recipientClass,
      salutation: salutationFor(recipientClass),
      closing: closingFor(recipientClass),
    },
    references: input.references ?? [],
    enclosures: input.enclosures ?? [],
    speed: input.speed ?? null,
    deadline: input.deadline ?? null,
    secrecy: input.secrecy ?? null,
    body: blocks((input.body ?? []) as Input[], [], digits),
    closing: input.closing ?? null,
    signer: input.signer ? signer(input.signer as Input) : null,
    endorsements: ((input.endorsements ?? []) as Input[]).map((endorsement) => ({
      opinion: endorsement.opinion,
      signer: signer(endorsement.signer as Input),
      date: endorsement.date ?? null,
    })),
    contact: input.contact ?? null,
    copiesTo: input.copiesTo ?? [],
    digitStyle: input.digitStyle ?? 'THAI',
    // The fixture's examples have no cover, sections or annexes (test/agency-documents.test.ts prints those).
    cover: null,
    sections: [],
    annexes: [],
    version: 1,
    renders: [],
  };
}

function dataUrl(asset: Input): string {
  return `data:${asset.mediaType};base64,${asset.base64}`;
}

function signer(input: Input): Input {
  const positions = (input.positions ?? []) as string[];
  const acting = (input.acting ?? null) as { kind: 'ON_BEHALF'; position: string } | null;
  return {
    title: input.title,
    givenName: input.givenName,
    familyName: input.familyName,
    fullName: `${input.title}${input.givenName} ${input.familyName}`,
    positions,
    acting,
    lines: signerLines({ positions, acting }),
  };
}

/** `path`: the item numbers of the enclosing lists, for outline markers. */
function blocks(inputs: readonly Input[], path: readonly number[], digits: DigitStyle): Input[] {
  return inputs.map((input) => {
    const { paragraph, heading, list, table } = input as Record<string, Input | undefined>;
    if (paragraph) return { __typename: 'Paragraph', text: paragraph.text, indent: paragraph.indent ?? true };
    if (heading) return { __typename: 'Heading', text: heading.text, level: heading.level ?? 1 };
    if (list) {
      const style = (list.style ?? 'DOT') as string;
      const start = (list.start ?? 1) as number;
      return {
        __typename: 'List',
        style,
        start,
        items: (list.items as Input[]).map((item, index) => {
          const itemPath = [...path, start + index];
          return {
            marker: listMarker(itemPath, style.toLowerCase() as ListMarkerStyle, digits),
            text: item.text,
            blocks: blocks((item.blocks ?? []) as Input[], itemPath, digits),
          };
        }),
      };
    }
    if (table) {
      const row = (rowInput: Input) => ({
        group: rowInput.group ?? null,
        cells: ((rowInput.cells ?? []) as Input[]).map((cell) => ({
          colspan: cell.colspan ?? 1,
          rowspan: cell.rowspan ?? 1,
          blocks: cell.blocks
            ? blocks(cell.blocks as Input[], path, digits)
            : [{ __typename: 'Paragraph', text: cell.text ?? '', indent: false }],
        })),
      });
      return {
        __typename: 'Table',
        columns: (table.columns as Input[]).map((column) => ({ width: null, align: 'LEFT', ...column })),
        headerRows: ((table.headerRows ?? []) as Input[]).map(row),
        rows: (table.rows as Input[]).map(row),
      };
    }
    return { __typename: 'PageBreak', pageBreak: true };
  });
}

/**
 * A page's HTML without the engine's line-break marks (<nobr> around what a line must not break, <wbr> in a long
 * address), for tests that
 * look for text as the template wrote it.
 *
 * @example
 * withoutBreakMarks('<nobr>จึง</nobr><nobr>ขอ</nobr>') // 'จึงขอ'
 */
export function withoutBreakMarks(html: string): string {
  return html.replace(/<\/?nobr>|<wbr>/g, '');
}
