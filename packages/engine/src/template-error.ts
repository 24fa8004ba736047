/**
 * A template package refused at load: a Handlebars syntax error, a query that does not validate against the
 * schema, or a missing or invalid template.json. `file`, `line` and `column` (both 1-based) say where to fix it;
 * the message starts with them, as compilers print errors.
 *
 * @example
 * ```ts
 * const registry = await loadTemplates({ dir: 'templates', schema });
 * for (const problem of registry.problems) console.error(problem.message);
 * // templates/memo/template.hbs:12:5: Parse error: expecting 'CLOSE', got 'EOF'
 * ```
 */
export class TemplateError extends Error {
  override readonly name: string = 'TemplateError';
  /** The template package's directory name, or "_shared" for the shared partials and fragments. */
  readonly template: string;
  /** The file at fault, relative to the working directory when it is inside it. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What is wrong, without the location prefix. */
  readonly reason: string;

  constructor(template: string, file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.template = template;
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}
