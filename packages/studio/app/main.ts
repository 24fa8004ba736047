import { buildClientSchema, type GraphQLSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphql } from './api.js';
import { templateDesigner } from './designer.js';
import { documentList, documentPage, newDocumentPage, type TemplateChoice } from './documents.js';
import { h } from './dom.js';
import { text } from './text.js';

const main = h('main', {});
let templates: TemplateChoice[] = [];
const templateList = h('ul', { class: 'template-list' });

/** The schema, read once by introspection: completion in the query editor and the staff forms come from it. */
const schema: Promise<GraphQLSchema | undefined> = graphql<IntrospectionQuery>(getIntrospectionQuery())
  .then(buildClientSchema)
  .catch(() => undefined);

async function showRoute(): Promise<void> {
  const [, section, name] = /^#\/(\w+)\/?(.*)$/.exec(location.hash) ?? [];
  main.replaceChildren(h('p', { class: 'status' }, text.loading));
  for (const item of templateList.querySelectorAll('a')) {
    item.toggleAttribute('aria-current', item.getAttribute('href') === location.hash);
  }
  if (section === 'templates' && name) {
    main.replaceChildren(await templateDesigner(decodeURIComponent(name), await schema));
    return;
  }
  const loaded = await schema;
  if (section === 'documents' && name?.startsWith('new') && loaded) {
    main.replaceChildren(newDocumentPage(loaded, templates, decodeURIComponent(name.slice('new/'.length))));
    return;
  }
  if (section === 'documents' && name?.startsWith('edit/') && loaded) {
    main.replaceChildren(await documentPage(loaded, templates, decodeURIComponent(name.slice('edit/'.length))));
    return;
  }
  if (section === 'documents' && loaded) {
    main.replaceChildren(await documentList(loaded));
    return;
  }
  main.replaceChildren(h('p', { class: 'hint' }, `${text.templates}: ${text.chooseTemplate}`));
}

async function start(): Promise<void> {
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
        h('a', { class: 'top-link', href: '#/templates' }, text.designer),
        h('a', { class: 'top-link', href: '#/documents/new/memo' }, text.newDocument),
        h('a', { class: 'top-link', href: '#/documents' }, text.documents),
        h('a', { class: 'top-link', href: '/graphql' }, text.graphiql),
      ),
    ),
    h('div', { class: 'layout' }, h('aside', {}, h('h2', {}, text.templates), templateList), main),
  );
  window.addEventListener('hashchange', () => void showRoute());
  await showRoute();
}

void start();
