import { buildClientSchema, type GraphQLSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphql } from './api.js';
import { templateDesigner } from './designer.js';
import { documentList, documentPage, newDocumentPage, type TemplateChoice } from './documents.js';
import { h } from './dom.js';
import { latestOnly } from './latest.js';
import { readViewer, type StudioViewer, signInPage, viewerBadge } from './sign-in.js';
import { storedChoices } from './stored-choices.js';
import { text } from './text.js';

const main = h('main', {});
let templates: TemplateChoice[] = [];
const templateList = h('ul', { class: 'template-list' });
let viewer: StudioViewer;

/** The schema, read once by introspection once signed in: completion in the query editor and the staff forms. */
let schema: Promise<GraphQLSchema | undefined>;

/** Whether the viewer's role allows it: the studio shows only what it does (the API refuses the rest anyway). */
function may(permission: 'EDIT_TEMPLATES' | 'WRITE_DOCUMENTS'): boolean {
  return viewer.permissions.includes(permission);
}

/** A page that finishes loading after the viewer moved on does not replace the newer one. */
const nextRoute = latestOnly();

async function showRoute(): Promise<void> {
  const current = nextRoute();
  const show = (page: Node): void => {
    if (current()) main.replaceChildren(page);
  };
  const [, section, name] = /^#\/(\w+)\/?(.*)$/.exec(location.hash) ?? [];
  show(h('p', { class: 'status' }, text.loading));
  for (const item of templateList.querySelectorAll('a')) {
    item.toggleAttribute('aria-current', item.getAttribute('href') === location.hash);
  }
  if (section === 'templates' && !may('EDIT_TEMPLATES')) {
    show(h('p', { class: 'hint' }, text.cannotEditTemplates));
    return;
  }
  if (section === 'templates' && name) {
    show(await templateDesigner(decodeURIComponent(name), await schema));
    return;
  }
  const loaded = await schema;
  if (section === 'documents' && name?.startsWith('new') && !may('WRITE_DOCUMENTS')) {
    show(h('p', { class: 'hint' }, text.cannotWriteDocuments));
    return;
  }
  if (section === 'documents' && name?.startsWith('new') && loaded) {
    const page = newDocumentPage(
      loaded,
      templates,
      decodeURIComponent(name.slice('new/'.length)),
      undefined,
      await storedChoices(loaded),
    );
    show(page);
    return;
  }
  if (section === 'documents' && name?.startsWith('edit/') && loaded) {
    const id = decodeURIComponent(name.slice('edit/'.length));
    show(await documentPage(loaded, templates, id, await storedChoices(loaded)));
    return;
  }
  if ((section === 'documents' || !may('EDIT_TEMPLATES')) && loaded) {
    show(await documentList(loaded));
    return;
  }
  show(h('p', { class: 'hint' }, `${text.templates}: ${text.chooseTemplate}`));
}

async function start(): Promise<void> {
  const signedIn = await readViewer();
  if (!signedIn) {
    document.body.replaceChildren(signInPage(() => location.reload()));
    return;
  }
  viewer = signedIn;
  schema = graphql<IntrospectionQuery>(getIntrospectionQuery())
    .then(buildClientSchema)
    .catch(() => undefined);
  ({ templates } = await graphql<{ templates: TemplateChoice[] }>('{ templates { name title kind } }'));
  templateList.replaceChildren(
    ...templates.map((template) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `#/templates/${encodeURIComponent(template.name)}` },
          h('strong', {}, template.title),
          h('small', {}, ` ${template.name}`),
        ),
      ),
    ),
  );
  document.body.replaceChildren(
    h(
      'header',
      { class: 'top' },
      h('h1', {}, text.studio),
      h(
        'nav',
        {},
        may('EDIT_TEMPLATES') && h('a', { class: 'top-link', href: '#/templates' }, text.designer),
        may('WRITE_DOCUMENTS') && h('a', { class: 'top-link', href: '#/documents/new/memo' }, text.newDocument),
        h('a', { class: 'top-link', href: '#/documents' }, text.documents),
        h('a', { class: 'top-link', href: '/graphql' }, text.graphiql),
      ),
      viewerBadge(viewer),
    ),
    may('EDIT_TEMPLATES')
      ? h('div', { class: 'layout' }, h('aside', {}, h('h2', {}, text.templates), templateList), main)
      : h('div', { class: 'layout wide' }, main),
  );
  window.addEventListener('hashchange', () => void showRoute());
  await showRoute();
}

void start();
