import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openStore, type Store } from '../src/index.js';
import { makeTempDir } from './temp-store.js';

describe('openStore', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(filename: string): Promise<Store> {
    const store = await openStore({ filename });
    cleanups.push(() => store.close());
    return store;
  }

  function tempDir(): string {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    return dir;
  }

  const everyMigration = [
    '0001-initial',
    '0002-render-cache-key',
    '0003-batch-jobs',
    '0004-fonts',
    '0005-render-files',
  ];

  it('creates the file and its missing parent directories, and applies the migrations', async () => {
    const filename = join(tempDir(), 'nested', 'deeper', 'saraban.db');
    const store = await open(filename);
    expect(existsSync(filename)).toBe(true);
    const applied = await store.db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((row) => row.name)).toEqual(everyMigration);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual([
      'batch_jobs',
      'documents',
      'fonts',
      'organizations',
      'people',
      'renders',
    ]);
  });

  it('removes files that a process which died while writing left behind, an hour old or more, and nothing else', async () => {
    const filename = join(tempDir(), 'saraban.db');
    const filesDirectory = `${filename}.files`;
    mkdirSync(filesDirectory, { recursive: true });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const files: [name: string, modified: Date][] = [
      ['.staged-dead.pdf', hoursAgo(2)],
      ['..staged-dead.pdf.1f2e.partial', hoursAgo(2)],
      ['.staged-dead.zip', hoursAgo(26)],
      // Another process may be printing into it right now.
      ['.staged-recent.pdf', hoursAgo(0.1)],
      // Stored renders are kept whatever their age; the database names them.
      ['old-render.pdf', hoursAgo(500)],
    ];
    for (const [name, modified] of files) {
      writeFileSync(join(filesDirectory, name), '%PDF-1.4');
      utimesSync(join(filesDirectory, name), modified, modified);
    }
    await open(filename);
    const left = files.map(([name]) => name).filter((name) => existsSync(join(filesDirectory, name)));
    expect(left).toEqual(['.staged-recent.pdf', 'old-render.pdf']);
  });

  it('opens the file in WAL mode with foreign keys on and a busy timeout', async () => {
    const store = await open(join(tempDir(), 'saraban.db'));
    const pragma = async (name: string) => (await sql.raw(`pragma ${name}`).execute(store.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
  });

  it('keeps the data and applies nothing again when the file is opened a second time', async () => {
    const filename = join(tempDir(), 'saraban.db');
    const first = await openStore({ filename });
    const lamphun = await first.organizations.create({ name: 'องค์การบริหารส่วนจังหวัดลำพูน' });
    await first.close();

    const second = await open(filename);
    expect(await second.organizations.get(lamphun.id)).toEqual(lamphun);
    const applied = await second.db
      .selectFrom('kysely_migration' as never)
      .select(sql<number>`count(*)`.as('count'))
      .executeTakeFirstOrThrow();
    expect(applied.count).toBe(everyMigration.length);
  });

  it('refuses a database migrated by a newer version of the code', async () => {
    const filename = join(tempDir(), 'saraban.db');
    const newer = await openStore({ filename });
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
      newer.db,
    );
    await newer.close();

    const opening = openStore({ filename });
    await expect(opening).rejects.toBeInstanceOf(MigrationError);
    await expect(opening).rejects.toThrow(/9999-from-the-future/);
  });

  it('works in memory, its render files in a temporary directory that closing removes', async () => {
    const store = await openStore({ filename: ':memory:' });
    const person = await store.people.create({ title: 'นาย', givenName: 'พิชัย', familyName: 'จาอาบาล' });
    expect(await store.people.get(person.id)).toEqual(person);
    expect(existsSync(store.filesDirectory)).toBe(true);
    await store.close();
    expect(existsSync(store.filesDirectory)).toBe(false);
  });

  it('keeps render files in <database>.files beside the database', async () => {
    const filename = join(tempDir(), 'saraban.db');
    const store = await open(filename);
    expect(store.filesDirectory).toBe(`${filename}.files`);
    expect(existsSync(`${filename}.files`)).toBe(true);
  });

  it('answers right after more distinct statements than it keeps prepared', async () => {
    const store = await open(join(tempDir(), 'saraban.db'));
    const before = await store.organizations.create({ name: 'กองการเจ้าหน้าที่' });
    // 300 SQL texts: more than the 256 statements kept, so the repositories' own are dropped and prepared again.
    for (let n = 0; n < 300; n++) {
      const { rows } = await sql<{ n: number }>`select ${sql.raw(String(n))} as n`.execute(store.db);
      expect(rows).toEqual([{ n }]);
    }
    expect(await store.organizations.get(before.id)).toEqual(before);
    const after = await store.organizations.create({ name: 'กองคลัง' });
    expect(await store.organizations.get(after.id)).toEqual(after);
    expect((await sql<{ n: number }>`select 7 as n`.execute(store.db)).rows).toEqual([{ n: 7 }]);
  });

  it('has the database itself refuse a render of a document that does not exist', async () => {
    const store = await open(join(tempDir(), 'saraban.db'));
    const insert = store.db
      .insertInto('renders')
      .values({
        id: crypto.randomUUID(),
        document_id: crypto.randomUUID(),
        document_version: 1,
        template: 'memo',
        sha256: '00',
        pages: 1,
        bytes: 1,
        file: 'missing.pdf',
        warnings: '[]',
        created_at: new Date().toISOString(),
      })
      .execute();
    await expect(insert).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });
});
