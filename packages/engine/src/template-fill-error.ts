import { TemplateError } from './template-error.js';

/**
 * A template failed while filling in a document's data: most often it reads a field its query does not select
 * (templates compile strict). `file` is the template or the shared partial at fault, `line` and `column` where in it.
 *
 * @example
 * ```ts
 * try {
 *   memo.render(data, { digitStyle: 'THAI' });
 * } catch (error) {
 *   if (error instanceof TemplateFillError) console.error(error.message);
 *   // templates/memo/template.hbs:12:5: "signer" not defined in [object Object]
 * }
 * ```
 */
export class TemplateFillError extends TemplateError {
  override readonly name: string = 'TemplateFillError';
}
