import { css } from '@codemirror/lang-css';
import { html } from '@codemirror/lang-html';
import { json } from '@codemirror/lang-json';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { Decoration, EditorView, MatchDecorator, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { completion, graphqlLanguageSupport, stateExtensions } from 'cm6-graphql';
import { basicSetup } from 'codemirror';
import type { GraphQLSchema } from 'graphql';

/** A problem to show in an editor, 1-based, as the API reports it. */
export interface EditorProblem {
  line: number;
  column: number;
  message: string;
  /** An error stops the print; a warning is about what printed (a placeholder emblem, a fallback glyph). */
  severity?: 'error' | 'warning';
}

/** Handlebars expressions stand out in the HTML: `{{…}}` and `{{{…}}}` get the class cm-mustache. */
const mustaches = ViewPlugin.fromClass(
  class {
    decorations;
    readonly #matcher = new MatchDecorator({
      regexp: /\{\{\{?[^}]*\}?\}\}/g,
      decoration: Decoration.mark({ class: 'cm-mustache' }),
    });
    constructor(view: EditorView) {
      this.decorations = this.#matcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = this.#matcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/**
 * The language of a template file by its name: Handlebars over HTML, CSS, GraphQL with the schema's completion
 * (its checks come from the server, which knows the shared fragments), JSON.
 */
function languageOf(path: string, schema: GraphQLSchema | undefined): Extension {
  if (path.endsWith('.hbs')) return [html(), mustaches];
  if (path.endsWith('.css')) return css();
  if (path.endsWith('.graphql')) return [graphqlLanguageSupport(), stateExtensions(schema), completion];
  return json();
}

/**
 * A CodeMirror editor for one template file, calling `onChange` with the text after every edit.
 *
 * @example
 * const view = createEditor(panel, 'style.css', text, undefined, (text) => schedulePreview());
 * // `extra` adds extensions, e.g. template.hbs's completion of the query's fields.
 */
export function createEditor(
  parent: HTMLElement,
  path: string,
  text: string,
  schema: GraphQLSchema | undefined,
  onChange: (text: string) => void,
  extra: Extension = [],
): EditorView {
  return new EditorView({
    parent,
    doc: text,
    extensions: [
      basicSetup,
      // Templates have long lines of HTML; wrapped, the whole of each stays in sight beside the preview.
      EditorView.lineWrapping,
      lintGutter(),
      languageOf(path, schema),
      extra,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
}

/**
 * Shows the problems in the editor, underlined at their line and column (warnings as warnings), with the message
 * on hover and in the gutter. An empty list clears them.
 *
 * @example
 * showProblems(view, [{ line: 6, column: 4, message: "if doesn't match each" }]);
 */
export function showProblems(view: EditorView, problems: readonly EditorProblem[]): void {
  const { doc } = view.state;
  const diagnostics: Diagnostic[] = problems.map((problem) => {
    const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
    // At least one character, so the mark shows; to the end of the word when there is one.
    const word = /^[\w$-]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 0;
    const to = Math.min(from + Math.max(word, 1), doc.length);
    return { from, to, severity: problem.severity ?? 'error', message: problem.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
