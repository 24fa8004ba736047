import { loadTemplates } from '@saraban/engine';
import { schema } from '@saraban/graphql';
import { UserError } from '../user-error.js';

/**
 * `saraban templates list|check`: loads every template package and checks its Handlebars and its query against
 * the schema, without starting Chromium.
 *
 * @example
 * await templatesCommand('check', 'templates');
 */
export async function templatesCommand(action: 'list' | 'check', dir: string): Promise<void> {
  const registry = await loadTemplates({ dir, schema });
  for (const template of registry.list()) {
    console.log(
      action === 'list'
        ? `${template.name}\t${template.kind}\t${template.paper}\t${template.title}`
        : `ok ${template.name}`,
    );
  }
  if (registry.problems.length > 0) {
    throw new UserError(registry.problems.map((problem) => problem.message).join('\n'));
  }
}
