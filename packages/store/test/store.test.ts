import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, openStore, type Store, type StoreOptions } from '../src/index.js';
import { createMemo, dialects, makeTempDir, storeTinyRender, tempStoreOptions } from './temp-store.js';

const everyMigration = [
  '0001-initial',
  '0002-render-cache-key',
  '0003-batch-jobs',
  '0004-fonts',
  '0005-render-files',
  '0006-file-chunks',
  '0007-batch-job-documents',
  '0008-template-versions',
  '0009-one-render-per-key',
  '0010-batch-archive-expiry',
  '0011-document-search',
  '0012-users',
  '0013-print-claims',
];

describe('openStore on a SQLite file', () => {
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

  it('creates the file and its missing parent directories', async () => {
    const filename = join(tempDir(), 'nested', 'deeper', 'saraban.db');
    await open(filename);
    expect(existsSync(filename)).toBe(true);
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
});

describe.each(dialects)('openStore on %s', (dialect) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function newDatabase(): Promise<StoreOptions> {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    return tempStoreOptions(dialect, dir);
  }

  async function open(options: StoreOptions): Promise<Store> {
    const store = await openStore(options);
    cleanups.push(() => store.close());
    return store;
  }

  async function appliedMigrations(store: Store): Promise<string[]> {
    const rows = await store.db
      .selectFrom('kysely_migration' as never)
      .select(sql<string>`name`.as('name'))
      .orderBy(sql`name`)
      .execute();
    return rows.map((row) => row.name);
  }

  it('applies the migrations to a new database, which then has every table', async () => {
    const store = await open(await newDatabase());
    expect(await appliedMigrations(store)).toEqual(everyMigration);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual([
      'api_tokens',
      'batch_job_documents',
      'batch_jobs',
      'documents',
      'file_chunks',
      'fonts',
      'organizations',
      'people',
      'print_claims',
      'renders',
      'sessions',
      'template_drafts',
      'template_versions',
      'users',
    ]);
  });

  it('keeps the data and applies nothing again when the database is opened a second time', async () => {
    const options = await newDatabase();
    const first = await openStore(options);
    const lamphun = await first.organizations.create({ name: 'องค์การบริหารส่วนจังหวัดลำพูน' });
    await first.close();

    const second = await open(options);
    expect(await second.organizations.get(lamphun.id)).toEqual(lamphun);
    expect(await appliedMigrations(second)).toEqual(everyMigration);
  });

  it('refuses a database migrated by a newer version of the code', async () => {
    const options = await newDatabase();
    const newer = await openStore(options);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(
      newer.db,
    );
    await newer.close();

    const opening = openStore(options);
    await expect(opening).rejects.toBeInstanceOf(MigrationError);
    await expect(opening).rejects.toThrow(/9999-from-the-future/);
  });

  it('has the database itself refuse a render of a document that does not exist', async () => {
    const store = await open(await newDatabase());
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
    await expect(insert).rejects.toThrow(/FOREIGN KEY constraint failed|violates foreign key constraint/);
  });

  it.runIf(dialect === 'postgres')(
    'migrates a new database once when several processes open it at the same time',
    async () => {
      const options = await newDatabase();
      const stores = await Promise.all([open(options), open(options), open(options)]);
      for (const store of stores) expect(await appliedMigrations(store)).toEqual(everyMigration);
      const person = await stores[0]?.people.create({ title: 'นาง', givenName: 'สมใจ', familyName: 'ใจดี' });
      expect(await stores[2]?.people.get(person?.id as string)).toEqual(person);
    },
  );

  it('removes, when opened, the chunks of files whose row a process deleted before it died, and no other', async () => {
    const options = await newDatabase();
    const first = await openStore(options);
    const kept = await storeTinyRender(first, await createMemo(first));
    await first.db
      .insertInto('file_chunks')
      .values({ file: 'orphan.pdf', seq: 0, data: Buffer.from('%PDF') })
      .execute();
    await first.close();

    const second = await open(options);
    const files = await second.db.selectFrom('file_chunks').select('file').execute();
    expect(files.map((row) => row.file)).toEqual([`${kept.id}.pdf`]);
  });
});
