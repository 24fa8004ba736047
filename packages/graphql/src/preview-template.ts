import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TemplateError, TemplateFiles } from '@saraban/engine';
import { finishPdfFile } from '@saraban/finish';
import type { Document } from '@saraban/store';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import type { SarabanContext } from './context.js';
import { documentFonts } from './document-fonts.js';
import { documentFromInput } from './document-input.js';
import type { DocumentInputShape } from './types/inputs.js';

/** A draft printed with example data, or why it could not be. */
export interface TemplatePreview {
  /** Everything wrong with the draft's files, each at its file, line and column; empty when it printed. */
  problems: readonly TemplateError[];
  /** The PDF, when it printed. */
  pdf?: Uint8Array;
  pages?: number;
  warnings: readonly string[];
}

/** The id the previewed document goes by while the draft's query reads it; no stored document has it. */
const PREVIEW_ID = 'preview';

/**
 * Prints a template draft (its files in memory, not yet saved) with a DocumentInput as data, storing nothing: the
 * designer's live preview. The draft compiles with the loaded templates' shared partials, fragments and helpers;
 * its query reads the input through the schema as a stored document's would.
 *
 * @example
 * const preview = await previewTemplate(schema, context, 'memo', files, exampleInput);
 * if (preview.pdf) await writeFile('preview.pdf', preview.pdf);
 * else for (const problem of preview.problems) console.error(problem.message);
 */
export async function previewTemplate(
  schema: GraphQLSchema,
  context: SarabanContext,
  name: string,
  files: TemplateFiles,
  input: DocumentInputShape,
): Promise<TemplatePreview> {
  const compiled = await context.templates.compile(name, files);
  if (!compiled.template) return { problems: compiled.problems, warnings: [] };
  const template = compiled.template;
  // The header, signers and checks as a stored document gets them; a template new to the registry checks as the
  // kind's own.
  const known = context.templates.get(name) ? name : undefined;
  const data = await documentFromInput(context, { ...input, template: known }, 'input');
  const now = new Date().toISOString();
  const document: Document = {
    id: PREVIEW_ID,
    kind: data.kind,
    template: name,
    organizationId: data.organizationId,
    subject: data.subject,
    data: { ...data, template: name } as unknown as Record<string, unknown>,
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  const result = await execute({
    schema,
    document: template.query,
    variableValues: { id: PREVIEW_ID },
    contextValue: { ...context, loadedDocuments: new Map([[PREVIEW_ID, document]]) },
  });
  if (result.errors?.length) {
    throw new GraphQLError(`template "${name}": its query failed: ${result.errors[0]?.message}`, {
      extensions: { code: 'TEMPLATE_QUERY_FAILED' },
    });
  }
  const fonts = await documentFonts(context.store, data.organization.fontId);
  let page: ReturnType<typeof template.render>;
  try {
    page = template.render(result.data, { digitStyle: data.digitStyle, fonts });
  } catch (error) {
    throw new GraphQLError(`template "${name}" failed to fill in: ${(error as Error).message}`, {
      extensions: { code: 'TEMPLATE_RENDER_FAILED' },
    });
  }
  // Printed and finished as a render is, in a folder of its own that is removed after.
  const dir = await mkdtemp(join(tmpdir(), 'saraban-preview-'));
  try {
    const file = join(dir, 'preview.pdf');
    const { warnings } = await context.printer.printToFile({ html: page.html, assets: page.assets }, file);
    // As a render: a document with sections or annexes gets no continuation lines.
    const ownPages = (data.sections?.length ?? 0) + (data.annexes?.length ?? 0) > 0;
    const { pages } = finishPdfFile(file, {
      title: page.title,
      author: data.organization.name,
      continuation: template.continuation && !ownPages ? {} : undefined,
    });
    return { problems: [], pdf: new Uint8Array(await readFile(file)), pages, warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
