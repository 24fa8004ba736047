import { TemplateError, type TemplateFiles } from '@saraban/engine';
import type { StageTimings } from '@saraban/render';
import type { Document } from '@saraban/store';
import type { SarabanContext } from './context.js';
import { documentFromInput } from './document-input.js';
import type { DocumentInputShape } from './types/inputs.js';

/** A draft printed with example data, or why it could not be. */
export interface TemplatePreview {
  /**
   * Everything wrong with the draft's files, each at its file, line and column, filling it in included; empty when
   * it printed.
   */
  problems: readonly TemplateError[];
  /** The PDF, when it printed. */
  pdf?: Uint8Array;
  pages?: number;
  warnings: readonly string[];
  stageTimings?: StageTimings;
}

/** The id the previewed document goes by while the draft's query reads it; no stored document has it. */
const PREVIEW_ID = 'preview';

/**
 * Prints a template draft (its files in memory, not yet saved) with a DocumentInput as data, storing nothing: the
 * designer's live preview. The draft compiles with the loaded templates' shared partials, fragments and helpers;
 * the renderer prints it as it would a stored document, its query reading the input through the schema.
 *
 * @example
 * const preview = await previewTemplate(context, 'memo', files, exampleInput);
 * if (preview.pdf) await writeFile('preview.pdf', preview.pdf);
 * else for (const problem of preview.problems) console.error(problem.message);
 */
export async function previewTemplate(
  context: SarabanContext,
  name: string,
  files: TemplateFiles,
  input: DocumentInputShape,
): Promise<TemplatePreview> {
  const compiled = await context.templates.compile(name, files);
  if (!compiled.template) return { problems: compiled.problems, warnings: [] };
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
    data: { ...data, template: name },
    version: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    const printed = await context.renderer.preview(document, compiled.template);
    return { problems: [], ...printed };
  } catch (error) {
    // A field the query does not select, a helper given the wrong thing: at the line that reads it.
    if (error instanceof TemplateError) return { problems: [error], warnings: [] };
    throw error;
  }
}
