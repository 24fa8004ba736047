import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, type Store, VersionConflictError } from '../src/index.js';
import { memoData } from './document-data-fixture.js';
import { dialects, openTempStore } from './temp-store.js';

describe.each(dialects)('store.organizations on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  const emblem = { mediaType: 'image/png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]) };

  it('creates an organization at version 1 and reads it back, emblem bytes included', async () => {
    const created = await store.organizations.create({
      name: 'องค์การบริหารส่วนจังหวัดลำพูน',
      unit: 'กองการเจ้าหน้าที่',
      bookNumberPrefix: 'ลพ ๕๑๐๐๙',
      addressLines: ['ถนนลำพูน-ป่าซาง', 'ลำพูน ๕๑๐๐๐'],
      phone: '๐ ๕๓๕๑ ๑๑๑๑',
      emblem,
    });
    expect(created).toMatchObject({
      name: 'องค์การบริหารส่วนจังหวัดลำพูน',
      unit: 'กองการเจ้าหน้าที่',
      bookNumberPrefix: 'ลพ ๕๑๐๐๙',
      addressLines: ['ถนนลำพูน-ป่าซาง', 'ลำพูน ๕๑๐๐๐'],
      phone: '๐ ๕๓๕๑ ๑๑๑๑',
      fax: null,
      email: null,
      website: null,
      emblem,
      version: 1,
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(created.emblem?.data).toBeInstanceOf(Uint8Array);
    expect(await store.organizations.get(created.id)).toEqual(created);
  });

  it('fills left-out fields with empty values', async () => {
    const created = await store.organizations.create({ name: 'เทศบาลตำบลบ้านกลาง' });
    expect(created).toMatchObject({ unit: null, bookNumberPrefix: null, addressLines: [], emblem: null });
  });

  it('returns undefined for an id it does not have', async () => {
    expect(await store.organizations.get(crypto.randomUUID())).toBeUndefined();
  });

  it('updates the given fields, keeps the left-out ones, clears the null ones, and bumps version and updatedAt', async () => {
    const created = await store.organizations.create({ name: 'อบจ.ลำพูน', unit: 'กองคลัง', phone: '๑', emblem });
    const updated = await store.organizations.update(created.id, 1, {
      name: 'องค์การบริหารส่วนจังหวัดลำพูน',
      unit: null,
      emblem: null,
    });
    expect(updated).toMatchObject({
      name: 'องค์การบริหารส่วนจังหวัดลำพูน',
      unit: null,
      phone: '๑',
      emblem: null,
      version: 2,
      createdAt: created.createdAt,
    });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(await store.organizations.get(created.id)).toEqual(updated);
  });

  it('refuses an update based on a stale version, with a message that says what to do', async () => {
    const created = await store.organizations.create({ name: 'อบจ.ลำพูน' });
    await store.organizations.update(created.id, 1, { phone: '๑' });
    await store.organizations.update(created.id, 2, { phone: '๒' });
    const stale = store.organizations.update(created.id, 2, { phone: '๓' });
    await expect(stale).rejects.toThrow(
      `organization ${created.id} is at version 3; your update was based on version 2: reload and apply your change again`,
    );
    await expect(stale).rejects.toMatchObject({
      entity: 'organization',
      id: created.id,
      expectedVersion: 2,
      actualVersion: 3,
    });
    expect((await store.organizations.get(created.id))?.phone).toBe('๒');
  });

  it('throws NotFoundError for an update or delete of an organization that does not exist', async () => {
    const id = crypto.randomUUID();
    const update = store.organizations.update(id, 1, { name: 'x' });
    await expect(update).rejects.toBeInstanceOf(NotFoundError);
    await expect(update).rejects.toMatchObject({
      entity: 'organization',
      id,
      message: `organization ${id} does not exist`,
    });
    await expect(store.organizations.delete(id, 1)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists by name, a page at a time, with the total', async () => {
    for (const name of ['ค', 'ก', 'ง', 'ข', 'จ']) await store.organizations.create({ name });
    const first = await store.organizations.list({ limit: 2 });
    const rest = await store.organizations.list({ limit: 2, offset: 2 });
    const beyond = await store.organizations.list({ limit: 2, offset: 10 });
    expect(first.items.map((organization) => organization.name)).toEqual(['ก', 'ข']);
    expect(rest.items.map((organization) => organization.name)).toEqual(['ค', 'ง']);
    expect(beyond.items).toEqual([]);
    expect([first.total, rest.total, beyond.total]).toEqual([5, 5, 5]);
  });

  it('deletes, and unlinks its documents with their version raised', async () => {
    const organization = await store.organizations.create({ name: 'อบจ.ลำพูน' });
    const document = await store.documents.create({
      kind: 'MEMO',
      template: 'memo',
      organizationId: organization.id,
      subject: 'ขออนุมัติ',
      data: memoData({ subject: 'ขออนุมัติ' }),
    });
    await store.organizations.delete(organization.id, 1);
    expect(await store.organizations.get(organization.id)).toBeUndefined();
    expect(await store.documents.get(document.id)).toMatchObject({ organizationId: null, version: 2 });
  });

  it('refuses a delete based on a stale version and leaves everything as it was', async () => {
    const organization = await store.organizations.create({ name: 'อบจ.ลำพูน' });
    const document = await store.documents.create({
      kind: 'MEMO',
      template: 'memo',
      organizationId: organization.id,
      subject: 'ขออนุมัติ',
      data: memoData(),
    });
    await store.organizations.update(organization.id, 1, { phone: '๑' });
    const stale = store.organizations.delete(organization.id, 1);
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toThrow(
      `organization ${organization.id} is at version 2; your delete was based on version 1: reload and apply your change again`,
    );
    expect(await store.organizations.get(organization.id)).toMatchObject({ version: 2 });
    expect(await store.documents.get(document.id)).toEqual(document);
  });
});
