import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { BatchJobTable, Database } from './database.js';
import { NotFoundError } from './errors.js';
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
  /** Whether the archive of PDFs is stored. */
  hasArchive: boolean;
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

  constructor(db: Kysely<Database>, now: () => Date, files: FileStorage) {
    this.#db = db;
    this.#now = now;
    this.#files = files;
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
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toBatchJob(row);
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
    return row && toBatchJob(row);
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
    const write = (db: Kysely<Database>) =>
      db
        .updateTable('batch_jobs')
        .set({
          ...(progress.status === undefined ? {} : { status: progress.status }),
          ...(progress.done === undefined ? {} : { done: progress.done }),
          ...(progress.errors === undefined ? {} : { errors: JSON.stringify(progress.errors) }),
          ...(progress.archive === undefined ? {} : { archive_file: archiveFile }),
          updated_at: this.#now().toISOString(),
        })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst()
        .then((row) => {
          if (!row) throw new NotFoundError('batch job', id);
          return toBatchJob(row);
        });
    return progress.archive === undefined ? write(this.#db) : this.#files.keep(progress.archive, archiveFile, write);
  }

  /**
   * Records how the document at `position` of the job ended, once: a second record of the same place (its worker died
   * after the first, and the document was printed again) changes nothing. The job's `done` and `errors` are counted
   * from the records, under the job row's lock, so workers recording at once never lose a count. A QUEUED job
   * becomes RUNNING.
   *
   * @throws {NotFoundError} when there is no job with this id.
   * @example
   * ```ts
   * const job = await store.batchJobs.recordDocument(jobId, 7, { renderId: render.id });
   * if (job.done === job.documentIds.length) await zipBatch(job);
   * ```
   */
  async recordDocument(id: string, position: number, outcome: BatchDocumentOutcome): Promise<BatchJob> {
    return this.#db.transaction().execute(async (transaction) => {
      // An update first: it takes the job row's lock (PostgreSQL) or the database's write lock (SQLite), so the
      // counts below see every record committed before this one.
      const locked = await transaction
        .updateTable('batch_jobs')
        .set({ updated_at: this.#now().toISOString() })
        .where('id', '=', id)
        .returning('document_ids')
        .executeTakeFirst();
      if (!locked) throw new NotFoundError('batch job', id);
      const documentIds: string[] = JSON.parse(locked.document_ids);
      await transaction
        .insertInto('batch_job_documents')
        .values({
          batch_job_id: id,
          position,
          document_id: documentIds[position] ?? '',
          render_id: 'renderId' in outcome ? outcome.renderId : null,
          error: 'error' in outcome ? outcome.error : null,
          created_at: this.#now().toISOString(),
        })
        .onConflict((conflict) => conflict.columns(['batch_job_id', 'position']).doNothing())
        .execute();
      // Counted, not read: a batch of ten thousand reads only its failures.
      const { recorded } = await transaction
        .selectFrom('batch_job_documents')
        .select((eb) => eb.fn.countAll<number | string>().as('recorded'))
        .where('batch_job_id', '=', id)
        .executeTakeFirstOrThrow();
      const failed = await transaction
        .selectFrom('batch_job_documents')
        .select(['document_id', 'error'])
        .where('batch_job_id', '=', id)
        .where('error', 'is not', null)
        .orderBy('position')
        .execute();
      const errors: BatchJobError[] = failed.map((row) => ({ documentId: row.document_id, message: row.error ?? '' }));
      const row = await transaction
        .updateTable('batch_jobs')
        .set((eb) => ({
          done: Number(recorded),
          errors: JSON.stringify(errors),
          status: eb.case().when('status', '=', 'QUEUED').then('RUNNING').else(eb.ref('status')).end(),
        }))
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toBatchJob(row);
    });
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
    return rows.map(toBatchJob);
  }

  /**
   * The job's zip of PDFs, its size and a stream of it, or undefined while there is none. Stream it.
   *
   * @example
   * ```ts
   * const zip = await store.batchJobs.getArchive(id);
   * if (zip) zip.stream().pipe(response);
   * ```
   */
  async getArchive(id: string): Promise<StoredFile | undefined> {
    const row = await this.#db.selectFrom('batch_jobs').select('archive_file').where('id', '=', id).executeTakeFirst();
    return row?.archive_file ? this.#files.open(row.archive_file) : undefined;
  }
}

// Every column but the archive's file, and whether there is one.
const columns = [
  'id',
  'status',
  'document_ids',
  'done',
  'errors',
  'created_at',
  'updated_at',
  sql<number | boolean>`archive_file is not null`.as('has_archive'),
] as const;

function toBatchJob(
  row: Omit<Selectable<BatchJobTable>, 'archive_file'> & { has_archive: number | boolean },
): BatchJob {
  return {
    id: row.id,
    status: row.status as BatchJobStatus,
    documentIds: JSON.parse(row.document_ids),
    done: row.done,
    errors: JSON.parse(row.errors),
    hasArchive: Boolean(row.has_archive),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
