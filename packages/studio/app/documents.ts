import { formatThaiDate } from '@saraban/thai';
import type { GraphQLEnumType, GraphQLInputObjectType, GraphQLSchema } from 'graphql';
import { ApiError, graphql } from './api.js';
import { h } from './dom.js';
import { inputForm, type StoredChoices, thaiDateField } from './form.js';
import { latestOnly } from './latest.js';
import { drawPdfPages, openPdf } from './pdf-pages.js';
import { storedInputQuery } from './stored-input.js';
import { fieldProblem, kindLabel, text } from './text.js';

/** A template as the staff page offers it. */
export interface TemplateChoice {
  name: string;
  title: string;
  kind: string;
}

const CREATE = /* GraphQL */ `
  mutation Create($input: DocumentInput!) { createDocument(input: $input) { id version } }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $version: Int!, $input: DocumentInput!) {
    updateDocument(id: $id, version: $version, input: $input) { id version }
  }
`;
const RENDER = /* GraphQL */ `
  mutation Render($id: ID!) { renderDocument(id: $id) { id url pages templateVersion } }
`;
const LIST = /* GraphQL */ `
  query List($kind: DocumentKind, $subject: String, $organization: String, $dateFrom: Date, $dateTo: Date) {
    documents(limit: 100, kind: $kind, subject: $subject, organization: $organization, dateFrom: $dateFrom, dateTo: $dateTo) {
      total
      items { id kind subject date version organization { name } }
    }
  }
`;

/**
 * The element of a form that shows an input path, or of the nearest enclosing path that has one ("input.body[0]"
 * is marked on its block).
 */
function fieldAt(form: HTMLElement, path: string): HTMLElement | undefined {
  const found = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  if (found) return found;
  const enclosing = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
  return enclosing === path ? undefined : fieldAt(form, enclosing);
}

/**
 * The staff page for a stored document: its form filled in with what it says now, saved with the version it was read
 * at (a save after someone else's is refused and said so), printed, shown and downloaded.
 *
 * @example
 * main.replaceChildren(await documentPage(schema, templates, documentId));
 */
export async function documentPage(
  schema: GraphQLSchema,
  templates: TemplateChoice[],
  id: string,
  choices: StoredChoices = {},
): Promise<HTMLElement> {
  const read = storedInputQuery(schema);
  const { document } = await graphql<{ document: { id: string; version: number; template: string } | null }>(
    read.query,
    { id },
  );
  if (!document) return h('p', { class: 'error' }, text.noDocument);
  const input = read.input(document);
  // Saving a form that shows less than the document holds would drop the rest.
  if (input === undefined) return h('p', { class: 'error' }, text.tooDeepToEdit);
  return newDocumentPage(
    schema,
    templates,
    document.template,
    { saved: { id: document.id, version: document.version }, input },
    choices,
  );
}

/**
 * The staff page for a new document of one template: a form made from DocumentInput, saved as a document (a save
 * based on an older version is refused and said so), printed, shown and downloaded. Given a stored document, the
 * form starts filled in with it and saves over it.
 *
 * @example
 * main.replaceChildren(newDocumentPage(schema, templates, 'memo'));
 */
export function newDocumentPage(
  schema: GraphQLSchema,
  templates: TemplateChoice[],
  name: string,
  stored?: { saved: { id: string; version: number }; input: unknown },
  choices: StoredChoices = {},
): HTMLElement {
  const template = templates.find((each) => each.name === name) ?? templates[0];
  if (!template) return h('p', { class: 'error' }, text.noTemplates);
  const form = inputForm(
    schema.getType('DocumentInput') as GraphQLInputObjectType,
    { kind: template.kind, template: template.name },
    choices,
  );
  let saved = stored?.saved;
  if (stored) form.write(stored.input);
  const message = h('p', { class: 'form-message', 'aria-live': 'polite' });
  const pages = h('div', { class: 'pages' });
  const download = h('a', { class: 'download', hidden: true, download: '' }, text.download);
  const picker = h(
    'select',
    {
      'aria-label': text.templates,
      onchange: () => {
        location.hash = `#/documents/new/${encodeURIComponent(picker.value)}`;
      },
    },
    ...templates.map((each) => h('option', { value: each.name, selected: each.name === template.name }, each.title)),
  );

  const clearErrors = () => {
    for (const old of form.element.querySelectorAll('.field-error')) old.remove();
    for (const marked of form.element.querySelectorAll('.invalid')) marked.classList.remove('invalid');
  };
  const showError = (error: unknown) => {
    message.className = 'form-message error';
    if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
      message.textContent = text.staleDocument;
      return;
    }
    const problems = error instanceof ApiError ? error.problems : [];
    const marked = problems.filter((problem) => {
      const target = fieldAt(form.element, problem.field);
      target?.classList.add('invalid');
      // Shown at its field, the problem need not name the field's path again; staff read it in Thai.
      const prefix = `${problem.field}: `;
      const said = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
      target?.append(h('p', { class: 'field-error' }, fieldProblem(said)));
      return target !== undefined;
    });
    form.element.querySelector('.invalid')?.scrollIntoView({ block: 'center' });
    message.textContent =
      marked.length === problems.length && marked.length > 0 ? text.fixFields : (error as Error).message;
  };
  // Saves run one after another, each sending the version the one before it stored: two at once would both send
  // the same version, and the second be refused as if someone else had saved first (or, for a new document, both
  // create one). The form is read when the save is asked for.
  let saving: Promise<unknown> = Promise.resolve();
  const save = (): Promise<boolean> => {
    const input = form.read('input');
    const done = saving.then(() => send(input));
    saving = done;
    return done;
  };
  const send = async (input: unknown): Promise<boolean> => {
    clearErrors();
    try {
      if (saved) {
        const { updateDocument } = await graphql<{ updateDocument: typeof saved }>(UPDATE, { ...saved, input });
        saved = updateDocument;
      } else {
        const { createDocument } = await graphql<{ createDocument: typeof saved }>(CREATE, { input });
        saved = createDocument;
      }
      message.className = 'form-message';
      message.textContent = text.documentSaved(saved?.version ?? 1);
      const shown = element.querySelector('h2 .version');
      if (shown) shown.textContent = text.documentVersion(saved?.version ?? 1);
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };
  // Only the latest print is shown: one asked for earlier that finishes later (a longer document, a slower answer)
  // does not replace it.
  const nextPrint = latestOnly();
  const print = async () => {
    const current = nextPrint();
    if (!(await save()) || !saved || !current()) return;
    message.textContent = text.printing;
    try {
      const { renderDocument } = await graphql<{ renderDocument: { url: string; pages: number } }>(RENDER, {
        id: saved.id,
      });
      if (!current()) return;
      const pdf = await openPdf(new Uint8Array(await (await fetch(renderDocument.url)).arrayBuffer()));
      try {
        const canvases = await drawPdfPages(pdf.document, Math.min(pages.clientWidth || 600, 800));
        if (!current()) return;
        pages.replaceChildren(...canvases);
      } finally {
        await pdf.close();
      }
      download.href = renderDocument.url;
      download.hidden = false;
      message.textContent = text.documentPrinted(renderDocument.pages);
      pages.dataset.state = 'ready';
    } catch (error) {
      if (current()) showError(error);
    }
  };

  const element = h(
    'div',
    { class: 'staff', 'data-template': template.name, 'data-document': stored?.saved.id },
    h(
      'section',
      { class: 'form' },
      stored
        ? h(
            'h2',
            {},
            text.editDocument,
            ' ',
            h('span', { class: 'version' }, text.documentVersion(stored.saved.version)),
          )
        : h('h2', {}, text.newDocument, ' ', picker),
      h(
        'form',
        {
          onsubmit: (event: Event) => {
            event.preventDefault();
            void print();
          },
        },
        form.element,
        h(
          'div',
          { class: 'form-actions' },
          h('button', { type: 'button', class: 'save', onclick: () => void save() }, text.saveDraft),
          h('button', { type: 'submit', class: 'primary print' }, text.printPdf),
        ),
      ),
      message,
    ),
    h('section', { class: 'preview' }, h('header', {}, h('h2', {}, text.pdf), download), pages),
  );
  return element;
}

/**
 * The list of documents, most recently changed first, searched by subject, kind, organization and date range (on
 * the server, as you type); each opens in its form.
 *
 * @example
 * main.replaceChildren(await documentList(schema));
 */
export async function documentList(schema: GraphQLSchema): Promise<HTMLElement> {
  const rows = h('tbody', {});
  const total = h('span', { class: 'total' });
  const failure = h('p', { class: 'error', 'aria-live': 'polite' });
  const kinds = (schema.getType('DocumentKind') as GraphQLEnumType).getValues();
  const subject = h('input', { type: 'search', name: 'subject', placeholder: text.searchSubject });
  const organization = h('input', { type: 'search', name: 'organization', placeholder: text.searchOrganization });
  const kind = h(
    'select',
    { name: 'kind', 'aria-label': text.kind },
    h('option', { value: '' }, text.allKinds),
    ...kinds.map((value) => h('option', { value: value.name }, kindLabel(value.name))),
  );
  const from = thaiDateField('from', text.dateFrom);
  const to = thaiDateField('to', text.dateTo);
  let latest = 0;
  const search = async () => {
    const request = ++latest;
    const variables = {
      subject: subject.value.trim() || null,
      organization: organization.value.trim() || null,
      kind: kind.value || null,
      dateFrom: from.read('dateFrom') ?? null,
      dateTo: to.read('dateTo') ?? null,
    };
    failure.textContent = '';
    const answer = graphql<{
      documents: {
        total: number;
        items: Array<{
          id: string;
          kind: string;
          subject: string;
          date: string | null;
          organization: { name: string };
        }>;
      };
    }>(LIST, variables);
    let failed = '';
    const { documents } = await answer.catch((error: Error) => {
      failed = error.message;
      return { documents: { total: 0, items: [] } };
    });
    if (request !== latest) return;
    // An older search that failed after a newer one was asked does not put its message over the newer list.
    failure.textContent = failed;
    total.textContent = ` (${documents.total})`;
    rows.replaceChildren(
      ...documents.items.map((item) =>
        h(
          'tr',
          { 'data-id': item.id },
          h('td', {}, item.date ? formatThaiDate(item.date, { style: 'short' }) : ''),
          h('td', {}, kindLabel(item.kind)),
          h('td', {}, item.organization.name),
          h('td', {}, h('a', { href: `#/documents/edit/${encodeURIComponent(item.id)}` }, item.subject)),
        ),
      ),
    );
    // Which search the rows answer, for whoever waits for them.
    rows.parentElement?.setAttribute('data-searched', String(request));
  };
  const filters = h(
    'form',
    {
      class: 'filters',
      oninput: () => void search(),
      onchange: () => void search(),
      onsubmit: (event: Event) => event.preventDefault(),
    },
    subject,
    kind,
    organization,
    h('label', {}, `${text.dateFrom} `, from.element),
    h('label', {}, `${text.dateTo} `, to.element),
  );
  const element = h(
    'div',
    { class: 'documents' },
    h('h2', {}, text.documents, total),
    filters,
    failure,
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, text.date),
          h('th', {}, text.kind),
          h('th', {}, text.organization),
          h('th', {}, text.subject),
        ),
      ),
      rows,
    ),
  );
  await search();
  return element;
}
