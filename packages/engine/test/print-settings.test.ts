import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_ORIGIN, loadTemplates, type TemplateRegistry } from '../src/index.js';
import { parseTemplateManifest } from '../src/template-manifest.js';
import { queryResult, readExample, schema, templatesDir } from './document-fixture.js';

describe('template.json "font" chooses the face every PDF of the template embeds', () => {
  let registry: TemplateRegistry;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-fonts-'));
    for (const [name, font] of [
      ['memo', undefined],
      ['memo-laksaman', 'laksaman'],
      ['memo-comic', 'comic-sans'],
    ] as const) {
      await cp(join(templatesDir, 'memo'), join(dir, name), { recursive: true });
      const manifest = JSON.parse(await readFile(join(dir, name, 'template.json'), 'utf8'));
      await writeFile(join(dir, name, 'template.json'), JSON.stringify({ ...manifest, name, font }, null, 2));
    }
    registry = await loadTemplates({ dir, sharedDir: join(templatesDir, '_shared'), schema });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints in Sarabun when template.json does not say', async () => {
    const memo = registry.get('memo');
    expect(memo?.font).toBe('sarabun');
    if (!memo) throw new Error('the template did not load');
    const page = memo.render(await queryResult(memo.query, readExample('memo', 'short-memo')), { digitStyle: 'THAI' });
    expect(page.assets.get(`${ASSET_ORIGIN}/fonts/sarabun-thai-400-normal.woff2`)?.contentType).toBe('font/woff2');
    expect(page.html).toContain("font-family: 'Document Face'");
  });

  it('prints in Laksaman, embedded from the system, when template.json says "laksaman"', async () => {
    const memo = registry.get('memo-laksaman');
    expect(memo?.font).toBe('laksaman');
    if (!memo) throw new Error('the template did not load');
    const page = memo.render(await queryResult(memo.query, readExample('memo', 'short-memo')), { digitStyle: 'THAI' });
    // Besides the fallback face for symbols, which every page carries.
    const fonts = [...(page?.assets.keys() ?? [])].filter(
      (url) => url.includes('/fonts/') && !url.includes('/fonts/noto-sans-symbols-2-'),
    );
    expect(fonts).toEqual([`${ASSET_ORIGIN}/fonts/laksaman.ttf`, `${ASSET_ORIGIN}/fonts/laksaman-bold.ttf`]);
    expect(page.html).toContain(`src: url(${ASSET_ORIGIN}/fonts/laksaman-bold.ttf) format('truetype')`);
  });

  it('refuses an unknown face, pointing at "font" in template.json', () => {
    expect(registry.get('memo-comic')).toBeUndefined();
    const problem = registry.problems.find((candidate) => candidate.template === 'memo-comic');
    expect(problem?.reason).toBe('"font" must be one of "sarabun", "laksaman"');
    expect(problem?.file).toMatch(/memo-comic\/template\.json$/);
    expect(problem?.line).toBe(6);
  });

  it('refuses a template whose face is not installed, saying how to install it', async () => {
    const previous = process.env.SARABAN_TLWG_FONTS;
    process.env.SARABAN_TLWG_FONTS = join(dir, 'no-fonts-here');
    try {
      const without = await loadTemplates({ dir, sharedDir: join(templatesDir, '_shared'), schema });
      expect(without.get('memo')?.font).toBe('sarabun');
      expect(without.get('memo-laksaman')).toBeUndefined();
      const problem = without.problems.find((candidate) => candidate.template === 'memo-laksaman');
      expect(problem?.reason).toContain('apt-get install fonts-tlwg-laksaman');
      expect(problem?.line).toBe(6);
    } finally {
      if (previous === undefined) delete process.env.SARABAN_TLWG_FONTS;
      else process.env.SARABAN_TLWG_FONTS = previous;
    }
  });
});

describe('template.json "continuation"', () => {
  const manifest = (fields: Record<string, unknown>) =>
    parseTemplateManifest(JSON.stringify({ name: 'x', title: 'x', paper: 'A4', ...fields }, null, 2), 'x', schema);

  it('is on for letters, memos and announcements and off for reports unless template.json says', () => {
    for (const kind of ['MEMO', 'EXTERNAL_LETTER', 'INTERNAL_LETTER', 'ANNOUNCEMENT', 'ORDER']) {
      expect(manifest({ kind }), kind).toMatchObject({ manifest: { continuation: true } });
    }
    expect(manifest({ kind: 'REPORT' })).toMatchObject({ manifest: { continuation: false } });
    expect(manifest({ kind: 'REPORT', continuation: true })).toMatchObject({ manifest: { continuation: true } });
    expect(manifest({ kind: 'MEMO', continuation: false })).toMatchObject({ manifest: { continuation: false } });
  });

  it('must be true or false', () => {
    expect(manifest({ kind: 'MEMO', continuation: 'yes' })).toEqual({
      problem: { line: 6, column: 3, reason: '"continuation" must be true or false' },
    });
  });
});

describe('template.json "footAtBottom"', () => {
  const manifest = (fields: Record<string, unknown>) =>
    parseTemplateManifest(JSON.stringify({ name: 'x', title: 'x', paper: 'A4', ...fields }, null, 2), 'x', schema);

  it('is on for external and internal letters and off for the rest unless template.json says', () => {
    for (const kind of ['EXTERNAL_LETTER', 'INTERNAL_LETTER']) {
      expect(manifest({ kind }), kind).toMatchObject({ manifest: { footAtBottom: true } });
    }
    for (const kind of ['MEMO', 'ANNOUNCEMENT', 'ORDER', 'REPORT']) {
      expect(manifest({ kind }), kind).toMatchObject({ manifest: { footAtBottom: false } });
    }
    expect(manifest({ kind: 'MEMO', footAtBottom: true })).toMatchObject({ manifest: { footAtBottom: true } });
    expect(manifest({ kind: 'EXTERNAL_LETTER', footAtBottom: false })).toMatchObject({
      manifest: { footAtBottom: false },
    });
  });

  it('must be true or false', () => {
    expect(manifest({ kind: 'MEMO', footAtBottom: 'yes' })).toEqual({
      problem: { line: 6, column: 3, reason: '"footAtBottom" must be true or false' },
    });
  });
});
