import { EditorState } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { GraphQLSchema } from 'graphql';
import { ApiError, graphql } from './api.js';
import { h } from './dom.js';
import { createEditor, type EditorProblem, showProblems } from './editor.js';
import { handlebarsCompletion, type TemplateLanguage } from './handlebars-completion.js';
import { latestOnly } from './latest.js';
import { measureLayout } from './layout-measures.js';
import { layoutPanel } from './layout-panel.js';
import { base64Bytes, drawPdfPages, openPdf } from './pdf-pages.js';
import { text } from './text.js';
import { templateVersions, type VersionSummary } from './versions.js';
import { locateWarnings } from './warnings.js';

interface TemplateFile {
  path: string;
  text: string;
}

interface Problem extends EditorProblem {
  file: string;
}

interface Preview {
  problems: Problem[];
  pdf: string | null;
  pages: number | null;
  warnings: string[];
}

const TEMPLATE_FILES = /* GraphQL */ `
  query TemplateFiles($name: String!) {
    template(name: $name) {
      name title version files { path text }
      draft { revision files { path text } }
      versions { version source note createdAt }
    }
    templateLanguage { helpers partials fragments faces { name scale } }
  }
`;
const CHECK_TEMPLATE = /* GraphQL */ `
  query CheckTemplate($name: String!, $files: [TemplateFileInput!]!) {
    checkTemplate(name: $name, files: $files) { file line column message }
  }
`;
const PREVIEW_TEMPLATE = /* GraphQL */ `
  mutation PreviewTemplate($name: String!, $files: [TemplateFileInput!]!, $input: DocumentInput!) {
    previewTemplate(name: $name, files: $files, input: $input) {
      problems { file line column message } pdf pages warnings
    }
  }
`;

/** The order of the editor tabs; examples follow. */
const FILE_ORDER = ['template.hbs', 'style.css', 'query.graphql', 'template.json'];

/**
 * The template designer for one template: an editor per file, every problem at its line as you type, and a
 * preview printed through the API on each change, with the example data chosen.
 *
 * @example
 * main.replaceChildren(await templateDesigner('memo', schema));
 */
export async function templateDesigner(name: string, schema: GraphQLSchema | undefined): Promise<HTMLElement> {
  const { template, templateLanguage } = await graphql<{
    templateLanguage: TemplateLanguage;
    template: {
      title: string;
      version: number | null;
      files: TemplateFile[];
      draft: { revision: number; files: TemplateFile[] } | null;
      versions: VersionSummary[];
    } | null;
  }>(TEMPLATE_FILES, { name });
  if (!template) return h('p', { class: 'error' }, `ไม่มีแม่แบบ "${name}"`);
  // The draft when someone is editing one: the preview prints what is being edited.
  const files = new Map((template.draft?.files ?? template.files).map((file) => [file.path, file.text]));
  const fileList = () => [...files].map(([path, value]) => ({ path, text: value }));
  const versions = templateVersions(
    name,
    template.version,
    template.draft?.revision ?? null,
    template.versions,
    fileList,
  );
  const paths = [
    ...FILE_ORDER.filter((path) => files.has(path)),
    ...[...files.keys()].filter((path) => !FILE_ORDER.includes(path)),
  ];
  const examples = paths.filter((path) => path.startsWith('examples/'));

  const tabs = h('nav', { class: 'tabs', role: 'tablist' });
  const editorsPane = h('div', { class: 'editors' });
  const problemList = h('ul', { class: 'problems', 'aria-label': text.problems });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const pages = h('div', { class: 'pages' });
  const exampleSelect = h(
    'select',
    { 'aria-label': text.example, onchange: () => schedule() },
    ...examples.map((path) => h('option', { value: path }, path.slice('examples/'.length))),
  );
  const layout = layoutPanel();
  const previewPane = h(
    'section',
    { class: 'preview', 'data-state': 'idle', 'data-printed': '0' },
    h('header', {}, h('h2', {}, text.preview), h('label', {}, `${text.example} `, exampleSelect)),
    status,
    layout.element,
    pages,
  );

  // One source for the editor's life: the completion keeps its results only while the source is the same function.
  const hbsData = [
    { autocomplete: handlebarsCompletion(schema, templateLanguage, () => files.get('query.graphql') ?? '') },
  ];
  const completeHandlebars = EditorState.languageData.of(() => hbsData);
  const editors = new Map<string, EditorView>();
  const panels = new Map<string, HTMLElement>();
  const select = (path: string) => {
    for (const [each, panel] of panels) panel.hidden = each !== path;
    for (const tab of tabs.children)
      tab.setAttribute('aria-selected', String((tab as HTMLElement).dataset.path === path));
    editors.get(path)?.focus();
  };
  for (const path of paths) {
    const panel = h('div', { class: 'editor', 'data-path': path, hidden: true });
    editorsPane.append(panel);
    panels.set(path, panel);
    editors.set(
      path,
      createEditor(
        panel,
        path,
        files.get(path) ?? '',
        schema,
        (value) => {
          files.set(path, value);
          schedule();
          versions.changed();
        },
        path === 'template.hbs' ? completeHandlebars : [],
      ),
    );
    tabs.append(h('button', { role: 'tab', 'data-path': path, onclick: () => select(path) }, path));
  }
  select(paths[0] ?? '');

  const showAll = (
    problems: readonly Problem[],
    general: readonly string[] = [],
    generalWarnings: readonly string[] = [],
  ) => {
    for (const [path, view] of editors) {
      showProblems(
        view,
        problems.filter((problem) => problem.file === path),
      );
    }
    problemList.replaceChildren(
      ...general.map((message) => h('li', { class: 'problem' }, message)),
      ...generalWarnings.map((message) => h('li', { class: 'warning' }, message)),
      ...problems.map((problem) =>
        h(
          'li',
          { class: problem.severity === 'warning' ? 'warning' : 'problem' },
          h(
            'button',
            { class: 'link', onclick: () => jumpTo(problem) },
            `${problem.file}:${problem.line}:${problem.column}`,
          ),
          ` ${problem.message}`,
        ),
      ),
    );
    if (problems.length + general.length + generalWarnings.length === 0) {
      problemList.append(h('li', { class: 'ok' }, text.noProblems));
    }
  };
  const jumpTo = (problem: Problem) => {
    const view = editors.get(problem.file);
    if (!view) return;
    select(problem.file);
    const line = view.state.doc.line(Math.min(problem.line, view.state.doc.lines));
    const anchor = Math.min(line.from + problem.column - 1, line.to);
    view.dispatch({ selection: { anchor }, scrollIntoView: true });
  };

  // A change prints at once when no print is running; changes made while one runs print once it is shown, with the
  // latest text. Typing thus never waits on a timer, and a designer's keystrokes never queue prints up.
  const nextPrint = latestOnly();
  let printing = false;
  let again = false;
  const schedule = () => {
    if (printing) again = true;
    else void refresh();
  };
  const refresh = async () => {
    printing = true;
    try {
      await print();
    } finally {
      printing = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };
  const print = async () => {
    const current = nextPrint();
    const started = performance.now();
    const examplePath = exampleSelect.value;
    previewPane.dataset.state = 'printing';
    status.textContent = text.printing;
    let input: unknown;
    const exampleProblems: Problem[] = [];
    try {
      input = JSON.parse(files.get(examplePath) ?? '{}');
    } catch (error) {
      exampleProblems.push({ file: examplePath, ...jsonErrorAt(files.get(examplePath) ?? '', error as Error) });
    }
    try {
      if (exampleProblems.length > 0) {
        const { checkTemplate } = await graphql<{ checkTemplate: Problem[] }>(CHECK_TEMPLATE, {
          name,
          files: fileList(),
        });
        if (!current()) return;
        showAll([...checkTemplate, ...exampleProblems]);
        previewPane.dataset.state = 'problems';
        status.textContent = text.problemCount(checkTemplate.length + exampleProblems.length);
        return;
      }
      const { previewTemplate: preview } = await graphql<{ previewTemplate: Preview }>(PREVIEW_TEMPLATE, {
        name,
        files: fileList(),
        input,
      });
      if (!current()) return;
      const warnings = locateWarnings(preview.warnings, examplePath, files.get(examplePath) ?? '');
      showAll([...preview.problems, ...warnings.located], [], warnings.general);
      if (!preview.pdf) {
        previewPane.dataset.state = 'problems';
        status.textContent = text.problemCount(preview.problems.length);
        return;
      }
      const pdf = await openPdf(base64Bytes(preview.pdf));
      let canvases: HTMLCanvasElement[];
      try {
        canvases = await drawPdfPages(pdf.document, Math.min(pages.clientWidth || 600, 800));
      } catch (error) {
        await pdf.close();
        throw error;
      }
      if (!current()) return void pdf.close();
      pages.replaceChildren(...canvases);
      previewPane.dataset.state = 'ready';
      const printed = String(Number(previewPane.dataset.printed) + 1);
      previewPane.dataset.printed = printed;
      status.textContent = text.printed(preview.pages ?? canvases.length, Math.round(performance.now() - started));
      if (preview.warnings.length > 0) status.textContent += ` · ${text.warningCount(preview.warnings.length)}`;
      // Measured once the pages are on screen, without holding up the next print: the preview never waits for it.
      void measureLayout(pdf.document, templateLanguage.faces)
        .then((measures) => {
          if (!current()) return;
          layout.show(measures);
          previewPane.dataset.measured = printed;
        })
        .catch((error: Error) => {
          if (current()) layout.failed(error.message);
        })
        .finally(() => pdf.close());
    } catch (error) {
      if (!current()) return;
      const message = error instanceof ApiError && error.field ? error.message : (error as Error).message;
      showAll([], [message]);
      previewPane.dataset.state = 'failed';
      status.textContent = text.failed;
    }
  };
  schedule();

  return h(
    'div',
    { class: 'designer', 'data-template': name },
    h(
      'section',
      { class: 'source' },
      h('h2', {}, `${template.title} (${name})`),
      versions.bar,
      tabs,
      editorsPane,
      h('h3', {}, text.problems),
      problemList,
      versions.panel,
    ),
    previewPane,
  );
}

/** Where JSON.parse failed, from the position in its message (V8 says "at position N" or "line L column C"). */
function jsonErrorAt(source: string, error: Error): EditorProblem {
  const lineColumn = /line (\d+) column (\d+)/.exec(error.message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), message: error.message };
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? 0);
  const before = source.slice(0, position).split('\n');
  return {
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    message: `${text.invalidExample}: ${error.message}`,
  };
}
