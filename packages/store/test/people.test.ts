import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Store, VersionConflictError } from '../src/index.js';
import { dialects, openTempStore } from './temp-store.js';

describe.each(dialects)('store.people on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  const pichai = {
    title: 'นาย',
    givenName: 'พิชัย',
    familyName: 'จาอาบาล',
    positions: ['ปลัดองค์การบริหารส่วนจังหวัด', 'ปฏิบัติราชการแทน'],
  };

  it('creates, reads, updates and deletes a person', async () => {
    const created = await store.people.create(pichai);
    expect(created).toMatchObject({ ...pichai, version: 1 });
    expect(await store.people.get(created.id)).toEqual(created);

    const updated = await store.people.update(created.id, 1, { positions: ['รองนายกองค์การบริหารส่วนจังหวัด'] });
    expect(updated).toMatchObject({
      title: 'นาย',
      givenName: 'พิชัย',
      familyName: 'จาอาบาล',
      positions: ['รองนายกองค์การบริหารส่วนจังหวัด'],
      version: 2,
    });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    await store.people.delete(created.id, 2);
    expect(await store.people.get(created.id)).toBeUndefined();
    await expect(store.people.delete(created.id, 2)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('has no positions when none are given', async () => {
    expect(await store.people.create({ title: 'นาง', givenName: 'สมศรี', familyName: 'ใจดี' })).toMatchObject({
      positions: [],
    });
  });

  it('lets only one of two updates based on the same version through', async () => {
    const created = await store.people.create(pichai);
    const results = await Promise.allSettled([
      store.people.update(created.id, 1, { title: 'ดร.' }),
      store.people.update(created.id, 1, { title: 'ว่าที่ร้อยตรี' }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(VersionConflictError);
    expect(rejected[0]?.reason).toMatchObject({ entity: 'person', expectedVersion: 1, actualVersion: 2 });
    expect(await store.people.get(created.id)).toEqual(fulfilled[0]?.value);
  });

  it('refuses a delete based on a stale version and keeps the person', async () => {
    const created = await store.people.create(pichai);
    await store.people.update(created.id, 1, { title: 'ดร.' });
    await expect(store.people.delete(created.id, 1)).rejects.toThrow(
      `person ${created.id} is at version 2; your delete was based on version 1: reload and apply your change again`,
    );
    expect(await store.people.get(created.id)).toMatchObject({ title: 'ดร.', version: 2 });
  });

  it('lists by given name then family name, a page at a time, with the total', async () => {
    await store.people.create({ title: 'นาย', givenName: 'สมชาย', familyName: 'ข' });
    await store.people.create({ title: 'นาย', givenName: 'กิตติ', familyName: 'ก' });
    await store.people.create({ title: 'นาย', givenName: 'สมชาย', familyName: 'ก' });
    const page = await store.people.list({ limit: 2, offset: 1 });
    expect(page.total).toBe(3);
    expect(page.items.map((person) => `${person.givenName} ${person.familyName}`)).toEqual(['สมชาย ก', 'สมชาย ข']);
  });

  it('rejects a page size or offset it cannot honour', async () => {
    await expect(store.people.list({ limit: 0 })).rejects.toThrow('limit must be a whole number from 1 to 500; got 0');
    await expect(store.people.list({ limit: 501 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.people.list({ offset: -1 })).rejects.toThrow('offset must be a whole number, 0 or more; got -1');
  });
});
