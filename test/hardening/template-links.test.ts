import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemplates } from '@saraban/engine';
import { schema } from '@saraban/graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { templatesDir } from '../support/saraban.js';

describe('symbolic links in template folders are refused (issue 16: they leaked files into the PDF)', () => {
  let dir: string;
  let secret: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-links-'));
    secret = join(dir, 'secret.svg');
    await writeFile(secret, '<svg xmlns="http://www.w3.org/2000/svg"><!-- not for print --></svg>');
    await cp(templatesDir, join(dir, 'templates'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a template whose folder holds a link is not loaded, and the problem names the link', async () => {
    const templates = join(dir, 'templates');
    await symlink(secret, join(templates, 'memo', 'seal.svg'));
    await symlink(join(templates, 'report'), join(templates, 'linked-report'));
    const registry = await loadTemplates({ dir: templates, schema });
    expect(registry.get('memo')).toBeUndefined();
    expect(registry.get('linked-report')).toBeUndefined();
    expect(registry.get('report')).toBeDefined();
    const messages = registry.problems.map((problem) => problem.message);
    expect(messages).toEqual([
      expect.stringMatching(/linked-report:1:1: is a symbolic link; template folders hold files only/),
      expect.stringMatching(/memo\/seal\.svg:1:1: is a symbolic link; template folders hold files only/),
    ]);
  });

  test('a link among the shared files refuses every template', async () => {
    const templates = join(dir, 'shared-link');
    await cp(templatesDir, templates, { recursive: true });
    await symlink(secret, join(templates, '_shared', 'seal.svg'));
    const registry = await loadTemplates({ dir: templates, schema });
    expect(registry.list()).toEqual([]);
    expect(registry.problems.map((problem) => [problem.template, problem.reason])).toEqual([
      ['_shared', expect.stringMatching(/^is a symbolic link/)],
    ]);
  });
});
