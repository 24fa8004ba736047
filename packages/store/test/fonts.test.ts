import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Store } from '../src/index.js';
import { dialects, openTempStore } from './temp-store.js';

describe.each(dialects)('store.fonts on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  const regular = { mediaType: 'font/ttf', data: new Uint8Array([0, 1, 0, 0, 1, 2, 3]) };
  const bold = { mediaType: 'font/woff2', data: new Uint8Array([0x77, 0x4f, 0x46, 0x32, 9]) };

  it('keeps a face under the SHA-256 of its files, once, and gives its files back', async () => {
    const face = await store.fonts.create({ name: 'TH SarabunIT๙', regular, bold });
    expect(face).toMatchObject({
      name: 'TH SarabunIT๙',
      regular: { mediaType: 'font/ttf', bytes: 7 },
      bold: { mediaType: 'font/woff2', bytes: 5 },
    });
    expect(face.id).toMatch(/^[0-9a-f]{64}$/);
    // The same files under another name are the face already stored.
    expect(await store.fonts.create({ name: 'again', regular, bold })).toEqual(face);
    expect(await store.fonts.get(face.id)).toEqual(face);
    expect(await store.fonts.getFiles(face.id)).toEqual({ regular, bold });

    const regularOnly = await store.fonts.create({ name: 'regular only', regular });
    expect(regularOnly.id).not.toBe(face.id);
    expect(regularOnly.bold).toBeNull();
    expect((await store.fonts.getFiles(regularOnly.id))?.bold).toBeNull();
    expect(await store.fonts.get('missing')).toBeUndefined();
    expect(await store.fonts.getFiles('missing')).toBeUndefined();
  });

  it('lets an organization print in a stored face, and refuses one that is not stored', async () => {
    const face = await store.fonts.create({ name: 'Laksaman', regular });
    const organization = await store.organizations.create({ name: 'อบจ.ลำพูน', fontId: face.id });
    expect(organization.fontId).toBe(face.id);
    const cleared = await store.organizations.update(organization.id, 1, { fontId: null });
    expect(cleared.fontId).toBeNull();

    await expect(store.organizations.create({ name: 'x', fontId: 'f'.repeat(64) })).rejects.toThrow(NotFoundError);
    await expect(store.organizations.update(organization.id, 2, { fontId: 'nope' })).rejects.toThrow(
      'font nope does not exist',
    );
    expect((await store.organizations.get(organization.id))?.version).toBe(2);
  });
});
