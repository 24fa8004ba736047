import { buildClientSchema, type GraphQLSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphql } from './api.js';
import { templateDesigner } from './designer.js';
import { h } from './dom.js';
import { text } from './text.js';

interface TemplateSummary {
  name: string;
  title: string;
  kind: string;
}

const main = h('main', {});
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
  main.replaceChildren(h('p', { class: 'hint' }, `${text.templates}: เลือกแม่แบบทางซ้ายเพื่อแก้ไขและดูตัวอย่าง`));
}

async function start(): Promise<void> {
  const { templates } = await graphql<{ templates: TemplateSummary[] }>('{ templates { name title kind } }');
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
        h('a', { class: 'top-link', href: '/graphql' }, text.graphiql),
      ),
    ),
    h('div', { class: 'layout' }, h('aside', {}, h('h2', {}, text.templates), templateList), main),
  );
  window.addEventListener('hashchange', () => void showRoute());
  await showRoute();
}

void start();
