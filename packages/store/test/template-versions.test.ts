import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Store, VersionConflictError } from '../src/index.js';
import { createMemo, dialects, openTempStore, storeTinyRender } from './temp-store.js';

describe.each(dialects)('store.templates on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  const first = { 'template.hbs': '<p>{{subject}}</p>', 'style.css': 'p { margin: 0; }' };
  const second = { ...first, 'style.css': 'p { margin: 1cm; }' };

  it('numbers published versions per template and keeps every one', async () => {
    expect(await store.templates.get('memo')).toBeUndefined();
    const v1 = await store.templates.publish('memo', { files: first, source: 'FOLDER' });
    const v2 = await store.templates.publish('memo', { files: second, source: 'STUDIO', note: 'wider margins' });
    const other = await store.templates.publish('order', { files: first, source: 'FOLDER' });
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(await store.templates.get('memo')).toEqual(v2);
    expect(await store.templates.get('memo', 1)).toEqual(v1);
    expect(await store.templates.get('memo', 3)).toBeUndefined();
    expect((await store.templates.latestVersions()).map((v) => [v.template, v.version])).toEqual([
      ['memo', 2],
      ['order', 1],
    ]);
    expect(await store.templates.latestVersionNumbers()).toEqual(
      new Map([
        ['memo', 2],
        ['order', 1],
      ]),
    );
    expect(await store.templates.latestFromFolder('memo')).toEqual(v1);
    expect((await store.templates.history('memo')).map((v) => [v.version, v.source, v.note])).toEqual([
      [2, 'STUDIO', 'wider margins'],
      [1, 'FOLDER', null],
    ]);
  });

  it('keeps one draft per template, refuses a stale save and says which revision it is at', async () => {
    const draft = await store.templates.saveDraft('memo', first, 1, null);
    expect(draft).toMatchObject({ template: 'memo', files: first, baseVersion: 1, revision: 1 });
    const saved = await store.templates.saveDraft('memo', second, 1, draft.revision);
    expect(saved).toMatchObject({ files: second, revision: 2 });
    expect(await store.templates.getDraft('memo')).toEqual(saved);

    // Two editors read revision 1; the second save is refused and nothing is written.
    await expect(store.templates.saveDraft('memo', first, 1, 1)).rejects.toThrow(VersionConflictError);
    await expect(store.templates.saveDraft('memo', first, 1, null)).rejects.toThrow(/at version 2/);
    expect((await store.templates.getDraft('memo'))?.files).toEqual(second);

    await expect(store.templates.deleteDraft('memo', 1)).rejects.toThrow(VersionConflictError);
    await store.templates.deleteDraft('memo', 2);
    expect(await store.templates.getDraft('memo')).toBeUndefined();
    await expect(store.templates.saveDraft('memo', first, 1, 2)).rejects.toThrow(NotFoundError);
  });

  it('records the template version a render printed with', async () => {
    const render = await storeTinyRender(store, await createMemo(store), { templateVersion: 2 });
    expect(render.templateVersion).toBe(2);
    expect((await store.renders.get(render.id))?.templateVersion).toBe(2);
  });
});
