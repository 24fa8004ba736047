import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { BatchJobTable, Database } from './database.js';
import { ArchiveExpiredError, NotFoundError } from './errors.js';
import type { FileStorage, StoredFile } from './file-storage.js';

/** Where a batch job stands. QUEUED and RUNNING jobs are picked up again when the server starts. */
export type BatchJobStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** A document of the batch that did not print, and why; documentId is null when the job itself failed. */
export interface BatchJobError {
  documentId: string | null;
  message: string;
}

/** A batch job's state; the archive comes from {@link BatchJobRepository.getArchive}. */
export interface BatchJob {
  id: string;
  status: BatchJobStatus;
  documentIds: string[];
  /** Documents finished, printed or failed. */
  done: number;
  errors: BatchJobError[];
  /** Whether the archive of PDFs is stored (and not expired). */
  hasArchive: boolean;
  /** When the archive is removed (ISO 8601 instant); null until it is written. */
  archiveExpiresAt: string | null;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** How one document of a job ended: printed as a render, or failed with a message. */
export type BatchDocumentOutcome = { renderId: string } | { error: string };

/** What changes as a job runs. */
export interface BatchJobProgress {
  status?: BatchJobStatus;
  done?: number;
  errors?: BatchJobError[];
  /** The zip of the PDFs, written to a path from {@link BatchJobRepository.stagingPath}; `update` moves it into place. */
  archive?: string;
}

/** Batch jobs: `store.batchJobs`. */
export class BatchJobRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  readonly #files: FileStorage;
  readonly #archiveLifetimeMs: number;

  /** `archiveLifetimeMs`: how long a job's zip is kept once written. */
  constructor(db: Kysely<Database>, now: () => Date, files: FileStorage, archiveLifetimeMs: number) {
    this.#db = db;
    this.#now = now;
    this.#files = files;
    this.#archiveLifetimeMs = archiveLifetimeMs;
  }

  /**
   * A new path on this machine to write a job's archive to, then give to {@link update}.
   *
   * @example
   * ```ts
   * const archive = store.batchJobs.stagingPath();
   * await pipeline(zip.outputStream, createWriteStream(archive));
   * await store.batchJobs.update(job.id, { status: 'DONE', archive });
   * ```
   */
  stagingPath(): string {
    return this.#files.stagingPath('.zip');
  }

  /**
   * Stores a new job, QUEUED, for these documents.
   *
   * @example
   * ```ts
   * const job = await store.batchJobs.create([memo.id, letter.id]);
   * ```
   */
  async create(documentIds: string[]): Promise<BatchJob> {
    const now = this.#now().toISOString();
    const row = await this.#db
      .insertInto('batch_jobs')
      .values({
        id: randomUUID(),
        status: 'QUEUED',
        document_ids: JSON.stringify(documentIds),
        done: 0,
        errors: '[]',
        archive_file: null,
        archive_expires_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return this.#toBatchJob(row);
  }

  /**
   * The job, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const job = await store.batchJobs.get(id);
   * ```
   */
  async get(id: string): Promise<BatchJob | undefined> {
    const row = await this.#db.selectFrom('batch_jobs').select(columns).where('id', '=', id).executeTakeFirst();
    return row && this.#withDocumentErrors(this.#db, this.#toBatchJob(row));
  }

  /**
   * The job with the errors of its documents after its own: one row each, recorded by countDocument. Read through
   * `db`, the transaction a write is in when there is one (SQLite's one connection is held by it meanwhile).
   */
  async #withDocumentErrors(db: Kysely<Database>, job: BatchJob): Promise<BatchJob> {
    const failed = await db
      .selectFrom('batch_job_documents')
      .select(['position', 'error'])
      .where('batch_job_id', '=', job.id)
      .where('error', 'is not', null)
      .orderBy('position')
      .execute();
    const errors = failed.map((row) => ({
      documentId: job.documentIds[row.position] ?? null,
      message: row.error ?? '',
    }));
    return { ...job, errors: [...job.errors, ...errors] };
  }

  /**
   * Records progress; each call is committed before it returns, so a restart sees it.
   *
   * @throws {NotFoundError} when there is no job with this id.
   * @example
   * ```ts
   * await store.batchJobs.update(job.id, { done: 12 });
   * ```
   */
  async update(id: string, progress: BatchJobProgress): Promise<BatchJob> {
    const archiveFile = `batch-${id}.zip`;
    const now = this.#now();
    const expiresAt = new Date(now.getTime() + this.#archiveLifetimeMs).toISOString();
    const write = (db: Kysely<Database>) =>
      db
        .updateTable('batch_jobs')
        .set({
          ...(progress.status === undefined ? {} : { status: progress.status }),
          ...(progress.done === undefined ? {} : { done: progress.done }),
          ...(progress.errors === undefined ? {} : { errors: JSON.stringify(progress.errors) }),
          ...(progress.archive === undefined ? {} : { archive_file: archiveFile, archive_expires_at: expiresAt }),
          updated_at: now.toISOString(),
        })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst()
        .then((row) => {
          if (!row) throw new NotFoundError('batch job', id);
          return this.#withDocumentErrors(db, this.#toBatchJob(row));
        });
    return progress.archive === undefined ? write(this.#db) : this.#files.keep(progress.archive, archiveFile, write);
  }

  /**
   * Starts the job (again) from its first document: RUNNING, nothing done, no errors, and no document recorded,
   * as a job run again after a restart prints every document anew (the finished ones come from the render cache).
   *
   * @throws {NotFoundError} when there is no job with this id.
   * @example
   * ```ts
   * const job = await store.batchJobs.restart(id);
   * ```
   */
  async restart(id: string): Promise<BatchJob> {
    await this.#db.deleteFrom('batch_job_documents').where('batch_job_id', '=', id).execute();
    return this.update(id, { status: 'RUNNING', done: 0, errors: [] });
  }

  /**
   * Records how the document at `position` of the job ended, once, in constant time whatever the job's size: one
   * row for the document and `done` counted up by one in the job's row (a second record of the same place, after
   * its worker died and the document was printed again, changes nothing). A QUEUED job becomes RUNNING. Returns
   * `done`. The job's errors are read from these rows by {@link get}.
   *
   * @throws {NotFoundError} when there is no job with this id.
   * @example
   * ```ts
   * const done = await store.batchJobs.countDocument(jobId, 7, { renderId: render.id });
   * ```
   */
  async countDocument(id: string, position: number, outcome: BatchDocumentOutcome): Promise<number> {
    return this.#db.transaction().execute(async (transaction) => {
      // An update first: it takes the job row's lock (PostgreSQL) or the database's write lock (SQLite), so two
      // records at once never lose a count.
      const job = await transaction
        .updateTable('batch_jobs')
        .set((eb) => ({
          status: eb.case().when('status', '=', 'QUEUED').then('RUNNING').else(eb.ref('status')).end(),
          updated_at: this.#now().toISOString(),
        }))
        .where('id', '=', id)
        .returning('done')
        .executeTakeFirst();
      if (!job) throw new NotFoundError('batch job', id);
      const inserted = await transaction
        .insertInto('batch_job_documents')
        .values({
          batch_job_id: id,
          position,
          // Read from the job's documentIds by position: copying it here would mean reading them all each time.
          document_id: '',
          render_id: 'renderId' in outcome ? outcome.renderId : null,
          error: 'error' in outcome ? outcome.error : null,
          created_at: this.#now().toISOString(),
        })
        .onConflict((conflict) => conflict.columns(['batch_job_id', 'position']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return job.done;
      const counted = await transaction
        .updateTable('batch_jobs')
        .set((eb) => ({ done: eb('done', '+', 1) }))
        .where('id', '=', id)
        .returning('done')
        .executeTakeFirstOrThrow();
      return counted.done;
    });
  }

  /**
   * Records how the document at `position` of the job ended, once ({@link countDocument}), and returns the job.
   *
   * @throws {NotFoundError} when there is no job with this id.
   * @example
   * ```ts
   * const job = await store.batchJobs.recordDocument(jobId, 7, { renderId: render.id });
   * if (job.done === job.documentIds.length) await zipBatch(job);
   * ```
   */
  async recordDocument(id: string, position: number, outcome: BatchDocumentOutcome): Promise<BatchJob> {
    await this.countDocument(id, position, outcome);
    const job = await this.get(id);
    if (!job) throw new NotFoundError('batch job', id);
    return job;
  }

  /**
   * The render each recorded document of the job printed to, by place; undefined where a document failed, is not
   * recorded yet, or its render went with its document.
   *
   * @example
   * ```ts
   * const renderIds = await store.batchJobs.listRenderIds(job.id); // ['0c1d…', undefined, '7a2e…']
   * ```
   */
  async listRenderIds(id: string): Promise<(string | undefined)[]> {
    const rows = await this.#db
      .selectFrom('batch_job_documents')
      .select(['position', 'render_id'])
      .where('batch_job_id', '=', id)
      .execute();
    const renderIds: (string | undefined)[] = [];
    for (const row of rows) renderIds[row.position] = row.render_id ?? undefined;
    return renderIds;
  }

  /**
   * Jobs that are QUEUED or RUNNING, oldest first: the ones a starting server must finish.
   *
   * @example
   * ```ts
   * for (const job of await store.batchJobs.listUnfinished()) resume(job);
   * ```
   */
  async listUnfinished(): Promise<BatchJob[]> {
    const rows = await this.#db
      .selectFrom('batch_jobs')
      .select(columns)
      .where('status', 'in', ['QUEUED', 'RUNNING'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return Promise.all(rows.map((row) => this.#withDocumentErrors(this.#db, this.#toBatchJob(row))));
  }

  /**
   * The job's zip of PDFs, its size and a stream of it, or undefined while there is none. Stream it.
   *
   * @throws {ArchiveExpiredError} once the zip's lifetime is over (removed or about to be).
   * @example
   * ```ts
   * const zip = await store.batchJobs.getArchive(id);
   * if (zip) zip.stream().pipe(response);
   * ```
   */
  async getArchive(id: string): Promise<StoredFile | undefined> {
    const row = await this.#db
      .selectFrom('batch_jobs')
      .select(['archive_file', 'archive_expires_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row?.archive_expires_at && this.#expired(row.archive_expires_at)) {
      throw new ArchiveExpiredError(id, row.archive_expires_at);
    }
    return row?.archive_file ? this.#files.open(row.archive_file) : undefined;
  }

  /**
   * Removes the zips whose lifetime is over, and returns the ids of their jobs; the jobs stay, saying when their zip
   * expired.
   *
   * @example
   * ```ts
   * setInterval(() => store.batchJobs.removeExpiredArchives(), 60_000);
   * ```
   */
  async removeExpiredArchives(): Promise<string[]> {
    const expired = await this.#db
      .selectFrom('batch_jobs')
      .select(['id', 'archive_file'])
      .where('archive_file', 'is not', null)
      .where('archive_expires_at', '<=', this.#now().toISOString())
      .execute();
    if (expired.length === 0) return [];
    const ids = expired.map((row) => row.id);
    // The rows first: a download never finds a row whose file is gone.
    await this.#db.updateTable('batch_jobs').set({ archive_file: null }).where('id', 'in', ids).execute();
    await this.#files.remove(expired.flatMap((row) => (row.archive_file ? [row.archive_file] : [])));
    return ids;
  }

  #expired(expiresAt: string): boolean {
    return expiresAt <= this.#now().toISOString();
  }

  #toBatchJob(row: Omit<Selectable<BatchJobTable>, 'archive_file'> & { has_archive: number | boolean }): BatchJob {
    const expiresAt = row.archive_expires_at;
    return {
      id: row.id,
      status: row.status as BatchJobStatus,
      documentIds: JSON.parse(row.document_ids),
      done: row.done,
      errors: JSON.parse(row.errors),
      hasArchive: Boolean(row.has_archive) && !(expiresAt && this.#expired(expiresAt)),
      archiveExpiresAt: expiresAt,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

// Every column but the archive's file, and whether there is one.
const columns = [
  'id',
  'status',
  'document_ids',
  'done',
  'errors',
  'archive_expires_at',
  'created_at',
  'updated_at',
  sql<number | boolean>`archive_file is not null`.as('has_archive'),
] as const;
