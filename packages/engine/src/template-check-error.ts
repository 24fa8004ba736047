import type { TemplateError } from './template-error.js';

/**
 * A template package refused as a whole, e.g. a draft someone tried to publish: every problem found in its files,
 * each at its file, line and column.
 *
 * @example
 * ```ts
 * const compiled = await registry.compile('memo', files);
 * if (!compiled.template) throw new TemplateCheckError('memo', compiled.problems);
 * ```
 */
export class TemplateCheckError extends Error {
  override readonly name = 'TemplateCheckError';
  /** The template's name. */
  readonly template: string;
  readonly problems: readonly TemplateError[];

  constructor(template: string, problems: readonly TemplateError[]) {
    super(`template "${template}" has ${problems.length} problem(s): ${problems.map((p) => p.message).join('; ')}`);
    this.template = template;
    this.problems = problems;
  }
}
