import Handlebars from 'handlebars';

type HandlebarsEnvironment = typeof Handlebars;

/** What is wrong in a Handlebars source, and where (1-based). */
export interface HandlebarsProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
}

/** Compile options every template and partial uses: a misspelt field fails the render instead of printing nothing. */
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** A Handlebars source compiled, or the first thing wrong in it. */
export type HandlebarsCompilation =
  | { readonly template: HandlebarsTemplateDelegate; readonly problem?: undefined }
  | { readonly problem: HandlebarsProblem; readonly template?: undefined };

/**
 * Checks a Handlebars source without rendering it (syntax, then every partial it names against `partialNames` and
 * every helper it calls with arguments against the environment's helpers, then the compiler) and returns the
 * compiled template, or the first problem.
 *
 * @example
 * ```ts
 * compileHandlebars(Handlebars.create(), '{{#if x}}', new Set()).problem
 * // { line: 1, column: 10, reason: "Parse error: expected 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'" }
 * ```
 */
export function compileHandlebars(
  handlebars: HandlebarsEnvironment,
  source: string,
  partialNames: ReadonlySet<string>,
): HandlebarsCompilation {
  let program: hbs.AST.Program;
  try {
    program = handlebars.parse(source);
  } catch (error) {
    return { problem: locatedProblem(error) ?? locateParseError(source, error) };
  }
  const problem = findUnknownNames(program, handlebars, partialNames);
  if (problem) return { problem };
  let specification: string;
  try {
    specification = String(handlebars.precompile(program, COMPILE_OPTIONS));
  } catch (error) {
    return { problem: locatedProblem(error) ?? { line: 1, column: 1, reason: messageOf(error) } };
  }
  // The checked program becomes the template here, as a template precompiled at build time does: Handlebars'
  // compile() would compile the source a second time, at the first render.
  return { template: handlebars.template(new Function(`return ${specification}`)()) };
}

/** A Handlebars exception that carries its location (compiler errors, mismatched blocks and strict lookups do). */
export function locatedProblem(error: unknown): HandlebarsProblem | undefined {
  const { lineNumber, column } = error as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber !== 'number' || typeof column !== 'number') return undefined;
  // "each doesn't match if - 1:3": the location is in the fields, so drop it from the text.
  const reason = messageOf(error).replace(/ - \d+:\d+$/, '');
  return { line: lineNumber, column: column + 1, reason };
}

interface JisonParser {
  yy: Record<string, unknown>;
  lexer: { yylloc?: { first_line: number; first_column: number } };
  parse(source: string): unknown;
}

/**
 * Handlebars' parse errors carry the line only in their text. A second parse with a parser of our own, whose error
 * hook reads the lexer's position, finds the line and column of the offending token.
 */
function locateParseError(source: string, error: unknown): HandlebarsProblem {
  const shared = (Handlebars as unknown as { Parser: JisonParser & { Parser: new () => JisonParser } }).Parser;
  const parser = new shared.Parser();
  let found: HandlebarsProblem | undefined;
  parser.yy = Object.create(shared.yy);
  parser.yy.locInfo = () => undefined;
  parser.yy.parseError = (message: string, hash: { line?: number; expected?: string[]; token?: string }) => {
    const position = parser.lexer.yylloc;
    const line = position ? position.first_line : (hash.line ?? 0) + 1;
    const column = position ? position.first_column + 1 : 1;
    found = { line, column, reason: parseErrorReason(message, hash) };
    throw new Error(message);
  };
  try {
    parser.parse(source);
  } catch {
    // found is set by parseError; the parse error itself is the one we already have.
  }
  return found ?? { line: 1, column: 1, reason: messageOf(error) };
}

function parseErrorReason(message: string, hash: { expected?: string[]; token?: string }): string {
  if (hash.expected && hash.token) return `Parse error: expected ${hash.expected.join(', ')}, got '${hash.token}'`;
  // "Lexical error on line 2. Unrecognized text." and an excerpt: the line is in the location already.
  const [first = message] = message.split('\n');
  return first.replace(/ on line \d+\. /, ': ').replace(/\.$/, '');
}

const BUILT_IN_HELPERS = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'blockHelperMissing',
  'helperMissing',
]);

/** The first partial not in `partialNames`, or helper call to a helper not registered, in source order. */
function findUnknownNames(
  program: hbs.AST.Program,
  handlebars: HandlebarsEnvironment,
  partialNames: ReadonlySet<string>,
): HandlebarsProblem | undefined {
  const problems: Array<HandlebarsProblem & { offset: number }> = [];
  const at = (node: hbs.AST.Node, reason: string) =>
    problems.push({
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
      reason,
      offset: node.loc.start.line * 1e6 + node.loc.start.column,
    });
  const checkCall = (node: hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression) => {
    const path = node.path as hbs.AST.PathExpression;
    const called = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
    if (path.type !== 'PathExpression' || !called || path.data || path.parts.length !== 1) return;
    const name = path.original;
    if (!BUILT_IN_HELPERS.has(name) && !Object.hasOwn(handlebars.helpers, name)) {
      at(node, `Unknown helper "${name}"`);
    }
  };
  const checkPartial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    const name = node.name as hbs.AST.PathExpression | hbs.AST.SubExpression;
    if (name.type === 'PathExpression' && !partialNames.has(name.original)) {
      at(node, `Unknown partial "${name.original}"`);
    }
  };
  class NameChecker extends Handlebars.Visitor {
    override MustacheStatement(node: hbs.AST.MustacheStatement) {
      checkCall(node);
      super.MustacheStatement(node);
    }
    override BlockStatement(node: hbs.AST.BlockStatement) {
      checkCall(node);
      super.BlockStatement(node);
    }
    override SubExpression(node: hbs.AST.SubExpression) {
      checkCall(node);
      super.SubExpression(node);
    }
    override PartialStatement(node: hbs.AST.PartialStatement) {
      checkPartial(node);
      super.PartialStatement(node);
    }
    override PartialBlockStatement(node: hbs.AST.PartialBlockStatement) {
      checkPartial(node);
      super.PartialBlockStatement(node);
    }
  }
  new NameChecker().accept(program);
  problems.sort((a, b) => a.offset - b.offset);
  const [first] = problems;
  return first && { line: first.line, column: first.column, reason: first.reason };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
