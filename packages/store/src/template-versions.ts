import type { Kysely, Selectable } from 'kysely';
import type { Database, TemplateDraftTable, TemplateVersionTable } from './database.js';
import { NotFoundError, VersionConflictError } from './errors.js';

/** A template package's text files by path: "template.hbs", "style.css", "examples/short-memo.json", … */
export type TemplateFileTexts = Record<string, string>;

/** Where a published version came from. */
export type TemplateVersionSource = 'FOLDER' | 'STUDIO';

/** One published version of a template package. Versions are never changed or deleted. */
export interface TemplateVersion {
  template: string;
  /** 1, 2, …: one more with each publication. */
  version: number;
  files: TemplateFileTexts;
  /** FOLDER: imported from the templates folder; STUDIO: published through the API (a rollback too). */
  source: TemplateVersionSource;
  /** What the publisher said of it. */
  note: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
}

/** A version without its files, as a history lists it. */
export type TemplateVersionSummary = Omit<TemplateVersion, 'files'>;

/** The draft a designer is editing, one per template. */
export interface TemplateDraft {
  template: string;
  files: TemplateFileTexts;
  /** The published version it started from. */
  baseVersion: number;
  /** 1 when created, raised by each save; give it back to save again. */
  revision: number;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** A version to publish. */
export interface NewTemplateVersion {
  files: TemplateFileTexts;
  source: TemplateVersionSource;
  note?: string | null;
}

const summaryColumns = ['template', 'version', 'source', 'note', 'created_at'] as const;

/** Template versions and drafts: `store.templates`. */
export class TemplateVersionRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Publishes a new version: the next number after the template's latest (1 for a template new to the store).
   *
   * @example
   * ```ts
   * const v2 = await store.templates.publish('memo', { files, source: 'STUDIO', note: 'wider margins' });
   * ```
   */
  async publish(template: string, input: NewTemplateVersion): Promise<TemplateVersion> {
    return this.#db.transaction().execute(async (trx) => {
      const latest = await trx
        .selectFrom('template_versions')
        .select((eb) => eb.fn.max('version').as('version'))
        .where('template', '=', template)
        .executeTakeFirst();
      const row = await trx
        .insertInto('template_versions')
        .values({
          template,
          version: Number(latest?.version ?? 0) + 1,
          files: JSON.stringify(input.files),
          source: input.source,
          note: input.note ?? null,
          created_at: this.#now().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toVersion(row);
    });
  }

  /**
   * One version, or the latest when `version` is left out; undefined when there is none.
   *
   * @example
   * ```ts
   * const current = await store.templates.get('memo');
   * const first = await store.templates.get('memo', 1);
   * ```
   */
  async get(template: string, version?: number): Promise<TemplateVersion | undefined> {
    let query = this.#db.selectFrom('template_versions').selectAll().where('template', '=', template);
    query = version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
    const row = await query.executeTakeFirst();
    return row && toVersion(row);
  }

  /**
   * The latest version of every template in the store, by name.
   *
   * @example
   * ```ts
   * for (const version of await store.templates.latestVersions()) registry.use(version);
   * ```
   */
  async latestVersions(): Promise<TemplateVersion[]> {
    const rows = await this.#db
      .selectFrom('template_versions as v')
      .selectAll('v')
      .where(({ eb, selectFrom }) =>
        eb(
          'v.version',
          '=',
          selectFrom('template_versions as w')
            .select((inner) => inner.fn.max('w.version').as('latest'))
            .whereRef('w.template', '=', 'v.template'),
        ),
      )
      .orderBy('v.template')
      .execute();
    return rows.map(toVersion);
  }

  /**
   * The latest version number of every template in the store, by name: a cheap look for versions another process
   * published.
   *
   * @example
   * ```ts
   * (await store.templates.latestVersionNumbers()).get('memo') // 3
   * ```
   */
  async latestVersionNumbers(): Promise<Map<string, number>> {
    const rows = await this.#db
      .selectFrom('template_versions')
      .select((eb) => ['template', eb.fn.max('version').as('latest')])
      .groupBy('template')
      .execute();
    return new Map(rows.map((row) => [row.template, Number(row.latest)]));
  }

  /**
   * The newest version imported from the templates folder, or undefined: the folder is imported again when it
   * changes.
   *
   * @example
   * ```ts
   * const imported = await store.templates.latestFromFolder('memo');
   * ```
   */
  async latestFromFolder(template: string): Promise<TemplateVersion | undefined> {
    const row = await this.#db
      .selectFrom('template_versions')
      .selectAll()
      .where('template', '=', template)
      .where('source', '=', 'FOLDER')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  /**
   * Every version of the template without its files, newest first.
   *
   * @example
   * ```ts
   * const [current, previous] = await store.templates.history('memo');
   * ```
   */
  async history(template: string): Promise<TemplateVersionSummary[]> {
    const rows = await this.#db
      .selectFrom('template_versions')
      .select(summaryColumns)
      .where('template', '=', template)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toSummary);
  }

  /**
   * The template's draft, or undefined when nobody is editing it.
   *
   * @example
   * ```ts
   * const draft = await store.templates.getDraft('memo');
   * ```
   */
  async getDraft(template: string): Promise<TemplateDraft | undefined> {
    const row = await this.#db
      .selectFrom('template_drafts')
      .selectAll()
      .where('template', '=', template)
      .executeTakeFirst();
    return row && toDraft(row);
  }

  /**
   * Saves the draft. `revision` is the one the caller read: null to start a draft (refused when one exists), the
   * draft's revision to save over it. A save based on an older revision is refused: someone saved meanwhile.
   *
   * @throws {VersionConflictError} when the draft moved on, or already exists.
   * @throws {NotFoundError} when saving over a draft that was published or discarded.
   * @example
   * ```ts
   * const draft = await store.templates.saveDraft('memo', files, 1, null);
   * await store.templates.saveDraft('memo', edited, draft.baseVersion, draft.revision);
   * ```
   */
  async saveDraft(
    template: string,
    files: TemplateFileTexts,
    baseVersion: number,
    revision: number | null,
  ): Promise<TemplateDraft> {
    const updatedAt = this.#now().toISOString();
    if (revision === null) {
      const row = await this.#db
        .insertInto('template_drafts')
        .values({
          template,
          files: JSON.stringify(files),
          base_version: baseVersion,
          revision: 1,
          updated_at: updatedAt,
        })
        .onConflict((conflict) => conflict.column('template').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return toDraft(row);
      return this.#throwStale(template, 0);
    }
    const row = await this.#db
      .updateTable('template_drafts')
      .set({ files: JSON.stringify(files), revision: revision + 1, updated_at: updatedAt })
      .where('template', '=', template)
      .where('revision', '=', revision)
      .returningAll()
      .executeTakeFirst();
    return row ? toDraft(row) : this.#throwStale(template, revision);
  }

  /**
   * Removes the draft, once published or given up. `revision` is the one the caller read.
   *
   * @throws {VersionConflictError} when the draft moved on; {NotFoundError} when there is none.
   * @example
   * ```ts
   * await store.templates.deleteDraft('memo', draft.revision);
   * ```
   */
  async deleteDraft(template: string, revision: number): Promise<void> {
    const result = await this.#db
      .deleteFrom('template_drafts')
      .where('template', '=', template)
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) await this.#throwStale(template, revision);
  }

  async #throwStale(template: string, revision: number): Promise<never> {
    const draft = await this.getDraft(template);
    if (!draft) throw new NotFoundError('template draft', template);
    throw new VersionConflictError('template draft', template, revision, draft.revision, 'update');
  }
}

function toSummary(row: Pick<Selectable<TemplateVersionTable>, (typeof summaryColumns)[number]>) {
  return {
    template: row.template,
    version: row.version,
    source: row.source as TemplateVersionSource,
    note: row.note,
    createdAt: row.created_at,
  };
}

function toVersion(row: Selectable<TemplateVersionTable>): TemplateVersion {
  return { ...toSummary(row), files: JSON.parse(row.files) };
}

function toDraft(row: Selectable<TemplateDraftTable>): TemplateDraft {
  return {
    template: row.template,
    files: JSON.parse(row.files),
    baseVersion: row.base_version,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}
