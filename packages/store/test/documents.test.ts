import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, openStore, type Store, type StoreOptions, VersionConflictError } from '../src/index.js';
import { memoData } from './document-data-fixture.js';
import { dialects, openTempStore } from './temp-store.js';

describe.each(dialects)('store.documents on %s', (dialect) => {
  let store: Store;
  let options: StoreOptions;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, options, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  const data = memoData();

  async function newMemo(organizationId: string | null = null, subject = data.subject) {
    return store.documents.create({
      kind: 'MEMO',
      template: 'memo',
      organizationId,
      subject,
      data: { ...data, subject },
    });
  }

  it('creates a document at version 1 and reads back its data exactly', async () => {
    const organization = await store.organizations.create({ name: 'องค์การบริหารส่วนจังหวัดลำพูน' });
    const created = await newMemo(organization.id);
    expect(created).toMatchObject({
      kind: 'MEMO',
      template: 'memo',
      organizationId: organization.id,
      subject: data.subject,
      data,
      version: 1,
    });
    expect(await store.documents.get(created.id)).toEqual(created);
    expect(await store.documents.get(crypto.randomUUID())).toBeUndefined();
  });

  it('refuses a document for an organization that does not exist', async () => {
    const organizationId = crypto.randomUUID();
    const creating = newMemo(organizationId);
    await expect(creating).rejects.toBeInstanceOf(NotFoundError);
    await expect(creating).rejects.toMatchObject({ entity: 'organization', id: organizationId });
    expect((await store.documents.list()).total).toBe(0);
  });

  it('updates, bumping version and updatedAt, and links or unlinks the organization', async () => {
    const organization = await store.organizations.create({ name: 'อบจ.ลำพูน' });
    const created = await newMemo();
    const linked = await store.documents.update(created.id, 1, {
      organizationId: organization.id,
      subject: 'ขออนุมัติจ้างเหมา',
      data: { ...data, subject: 'ขออนุมัติจ้างเหมา' },
    });
    expect(linked).toMatchObject({
      kind: 'MEMO',
      organizationId: organization.id,
      subject: 'ขออนุมัติจ้างเหมา',
      data: memoData({ subject: 'ขออนุมัติจ้างเหมา' }),
      version: 2,
      createdAt: created.createdAt,
    });
    expect(linked.updatedAt > created.updatedAt).toBe(true);
    const unlinked = await store.documents.update(created.id, 2, { organizationId: null });
    expect(unlinked).toMatchObject({ organizationId: null, subject: 'ขออนุมัติจ้างเหมา', version: 3 });
    await expect(store.documents.update(created.id, 3, { organizationId: crypto.randomUUID() })).rejects.toMatchObject({
      entity: 'organization',
    });
    expect(await store.documents.get(created.id)).toEqual(unlinked);
  });

  it('refuses an update based on a stale version, with a message that says what to do', async () => {
    const created = await newMemo();
    await store.documents.update(created.id, 1, { subject: 'หนึ่ง' });
    await store.documents.update(created.id, 2, { subject: 'สอง' });
    const stale = store.documents.update(created.id, 2, { subject: 'สาม' });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toThrow(
      `document ${created.id} is at version 3; your update was based on version 2: reload and apply your change again`,
    );
    expect(await store.documents.get(created.id)).toMatchObject({ subject: 'สอง', version: 3 });
  });

  it('refuses a stale update made through another connection to the same database', async () => {
    const created = await newMemo();
    const other = await openStore(options);
    try {
      await other.documents.update(created.id, 1, { subject: 'แก้จากอีกเครื่อง' });
      await expect(store.documents.update(created.id, 1, { subject: 'แก้ทับ' })).rejects.toMatchObject({
        expectedVersion: 1,
        actualVersion: 2,
      });
    } finally {
      await other.close();
    }
    expect(await store.documents.get(created.id)).toMatchObject({ subject: 'แก้จากอีกเครื่อง' });
  });

  it('throws NotFoundError for an update or delete of a document that does not exist', async () => {
    const id = crypto.randomUUID();
    await expect(store.documents.update(id, 1, { subject: 'x' })).rejects.toThrow(`document ${id} does not exist`);
    await expect(store.documents.delete(id, 1)).rejects.toMatchObject({ entity: 'document', id });
  });

  it('deletes a document with a current version and refuses a stale one', async () => {
    const created = await newMemo();
    await store.documents.update(created.id, 1, { subject: 'แก้แล้ว' });
    await expect(store.documents.delete(created.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
    await store.documents.delete(created.id, 2);
    expect(await store.documents.get(created.id)).toBeUndefined();
  });

  it('lists the most recently changed first, a page at a time, with the total', async () => {
    const subjects = ['หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า'];
    const created = [];
    for (const subject of subjects) created.push(await newMemo(null, subject));
    // Touching the oldest makes it the most recent.
    await store.documents.update(created[0]?.id ?? '', 1, { subject: 'หนึ่ง (แก้)' });

    const first = await store.documents.list({ limit: 2 });
    const second = await store.documents.list({ limit: 2, offset: 2 });
    const last = await store.documents.list({ limit: 2, offset: 4 });
    expect(first.items.map((document) => document.subject)).toEqual(['หนึ่ง (แก้)', 'ห้า']);
    expect(second.items.map((document) => document.subject)).toEqual(['สี่', 'สาม']);
    expect(last.items.map((document) => document.subject)).toEqual(['สอง']);
    expect([first.total, second.total, last.total]).toEqual([5, 5, 5]);
  });

  it('lists only one organization’s documents, or one kind, with the total of that selection', async () => {
    const lamphun = await store.organizations.create({ name: 'อบจ.ลำพูน' });
    const chiangmai = await store.organizations.create({ name: 'อบจ.เชียงใหม่' });
    await newMemo(lamphun.id, 'ลำพูน ๑');
    await newMemo(lamphun.id, 'ลำพูน ๒');
    await newMemo(chiangmai.id, 'เชียงใหม่');
    await store.documents.create({
      kind: 'ORDER',
      template: 'order',
      organizationId: lamphun.id,
      subject: 'คำสั่ง',
      data: memoData(),
    });

    const lamphunMemos = await store.documents.list({ organizationId: lamphun.id, kind: 'MEMO', limit: 1 });
    expect(lamphunMemos.total).toBe(2);
    expect(lamphunMemos.items.map((document) => document.subject)).toEqual(['ลำพูน ๒']);
    expect((await store.documents.list({ organizationId: lamphun.id })).total).toBe(3);
    expect((await store.documents.list({ kind: 'ORDER' })).items.map((document) => document.subject)).toEqual(['คำสั่ง']);
    expect((await store.documents.list()).total).toBe(4);
  });

  it('searches by subject, header organization name and date range; % and _ in the text match only themselves', async () => {
    const dated = (subject: string, date: string, organization: string) =>
      store.documents.create({
        kind: 'MEMO',
        template: 'memo',
        subject,
        data: { ...data, subject, date, organization: { ...data.organization, name: organization } },
      });
    await dated('ขอเชิญประชุมคณะทำงาน', '2025-03-05', 'องค์การบริหารส่วนจังหวัดลำพูน');
    await dated('รายงานผลการประชุม', '2025-04-20', 'องค์การบริหารส่วนจังหวัดลำพูน');
    await dated('ขอเชิญร่วมงาน 100%_ดี', '2025-05-01', 'เทศบาลนครเชียงใหม่');
    const subjects = async (options: Parameters<Store['documents']['list']>[0]) =>
      (await store.documents.list(options)).items.map((document) => document.subject).sort();

    expect(await subjects({ subject: 'ขอเชิญ' })).toEqual(['ขอเชิญประชุมคณะทำงาน', 'ขอเชิญร่วมงาน 100%_ดี']);
    expect(await subjects({ subject: '%_' })).toEqual(['ขอเชิญร่วมงาน 100%_ดี']);
    expect(await subjects({ subject: '_' })).toEqual(['ขอเชิญร่วมงาน 100%_ดี']);
    expect(await subjects({ organizationName: 'ลำพูน' })).toEqual(['ขอเชิญประชุมคณะทำงาน', 'รายงานผลการประชุม']);
    expect(await subjects({ dateFrom: '2025-04-01', dateTo: '2025-04-30' })).toEqual(['รายงานผลการประชุม']);
    expect(await subjects({ dateFrom: '2025-04-20' })).toEqual(['ขอเชิญร่วมงาน 100%_ดี', 'รายงานผลการประชุม']);
    expect(await subjects({ subject: 'ประชุม', organizationName: 'ลำพูน', dateTo: '2025-03-31' })).toEqual([
      'ขอเชิญประชุมคณะทำงาน',
    ]);
  });
});
