import type { GraphQLInputObjectType, GraphQLSchema } from 'graphql';
import { ApiError, graphql } from './api.js';
import { h } from './dom.js';
import { inputForm } from './form.js';
import { drawPdfPages } from './pdf-pages.js';
import { text } from './text.js';

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
  query List($kind: DocumentKind) { documents(limit: 100, kind: $kind) { total items { id kind subject date updatedAt } } }
`;

/**
 * The staff page for a new document of one template: a form made from DocumentInput, saved as a document (a save
 * based on an older version is refused and said so), printed, shown and downloaded.
 *
 * @example
 * main.replaceChildren(newDocumentPage(schema, templates, 'memo'));
 */
export function newDocumentPage(schema: GraphQLSchema, templates: TemplateChoice[], name: string): HTMLElement {
  const template = templates.find((each) => each.name === name) ?? templates[0];
  if (!template) return h('p', { class: 'error' }, text.noTemplates);
  const form = inputForm(schema.getType('DocumentInput') as GraphQLInputObjectType, {
    kind: template.kind,
    template: template.name,
  });
  let saved: { id: string; version: number } | undefined;
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
    const text_ = (error as Error).message;
    const field = error instanceof ApiError ? error.field : undefined;
    const target = field ? form.element.querySelector<HTMLElement>(`[data-path="${CSS.escape(field)}"]`) : null;
    if (target) {
      target.classList.add('invalid');
      target.append(h('p', { class: 'field-error' }, text_));
      target.scrollIntoView({ block: 'center' });
      message.textContent = text.fixFields;
    } else {
      message.textContent = text_;
    }
  };
  const save = async (): Promise<boolean> => {
    clearErrors();
    const input = form.read('input');
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
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };
  const print = async () => {
    if (!(await save()) || !saved) return;
    message.textContent = text.printing;
    try {
      const { renderDocument } = await graphql<{ renderDocument: { url: string; pages: number } }>(RENDER, {
        id: saved.id,
      });
      const pdf = new Uint8Array(await (await fetch(renderDocument.url)).arrayBuffer());
      pages.replaceChildren(...(await drawPdfPages(pdf, Math.min(pages.clientWidth || 600, 800))));
      download.href = renderDocument.url;
      download.hidden = false;
      message.textContent = text.documentPrinted(renderDocument.pages);
      pages.dataset.state = 'ready';
    } catch (error) {
      showError(error);
    }
  };

  return h(
    'div',
    { class: 'staff', 'data-template': template.name },
    h(
      'section',
      { class: 'form' },
      h('h2', {}, text.newDocument, ' ', picker),
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
}

/**
 * The list of documents, newest first, filtered by kind and searched by subject as you type.
 *
 * @example
 * main.replaceChildren(await documentList());
 */
export async function documentList(): Promise<HTMLElement> {
  const { documents } = await graphql<{
    documents: { total: number; items: Array<{ id: string; kind: string; subject: string; date: string | null }> };
  }>(LIST);
  const rows = h('tbody', {});
  const search = h('input', { type: 'search', placeholder: text.searchSubject, oninput: () => show() });
  const show = () => {
    const words = search.value.trim();
    rows.replaceChildren(
      ...documents.items
        .filter((item) => words === '' || item.subject.includes(words))
        .map((item) => h('tr', {}, h('td', {}, item.date ?? ''), h('td', {}, item.kind), h('td', {}, item.subject))),
    );
  };
  show();
  return h(
    'div',
    { class: 'documents' },
    h('h2', {}, `${text.documents} (${documents.total})`),
    search,
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, h('th', {}, text.date), h('th', {}, text.kind), h('th', {}, text.subject))),
      rows,
    ),
  );
}
