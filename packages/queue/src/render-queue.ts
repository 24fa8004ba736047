import PgBoss from 'pg-boss';

/** One document of a batch job to print: its place in the job and its id. */
export interface BatchDocumentJob {
  batchJobId: string;
  /** The document's place in the job's document ids, from 0. */
  position: number;
  documentId: string;
}

/** A batch job whose documents have all been recorded: its zip is to be written. */
export interface BatchArchiveJob {
  batchJobId: string;
}

/** One document to print now, for a caller waiting on {@link RenderQueue.render}. */
export interface RenderDocumentJob {
  documentId: string;
}

/**
 * What a worker does with each kind of job. Throwing retries the job (up to the retry limit); returning ends it. What
 * `render` returns (plain JSON) goes back to the caller of {@link RenderQueue.render}.
 */
export interface RenderJobHandlers {
  render(job: RenderDocumentJob): Promise<object>;
  document(job: BatchDocumentJob): Promise<void>;
  archive(job: BatchArchiveJob): Promise<void>;
}

/** A render requested with {@link RenderQueue.render} that no worker finished. */
export class RenderJobError extends Error {
  constructor(
    readonly documentId: string,
    reason: string,
  ) {
    super(`document ${documentId} was not printed: ${reason}`);
    this.name = 'RenderJobError';
  }
}

/** Where the queue lives and how it treats jobs whose worker died. */
export interface RenderQueueOptions {
  /** The PostgreSQL database, as a postgres:// URL: the store's own (pg-boss keeps its tables in schema `pgboss`). */
  url: string;
  /**
   * How long one job may run before it counts as abandoned (its worker died or hangs) and is given to another worker.
   * Keep it well above the print time limit. Default 120 s.
   */
  expireInSeconds?: number;
  /** How many times a job is tried again after its worker died or it threw. Default 3. */
  retryLimit?: number;
  /** How often a process looks for abandoned jobs. Default 10 s. */
  maintenanceIntervalSeconds?: number;
  /** How often an idle print slot asks for a job. Default 1 s. */
  pollingIntervalSeconds?: number;
  /** Where pg-boss reports what went wrong outside a job (a lost connection, a failed maintenance). Default: stderr. */
  onError?: (error: Error) => void;
}

/** The queue names, one per kind of job. */
const RENDERS = 'saraban-render';
const DOCUMENTS = 'saraban-batch-document';
const ARCHIVES = 'saraban-batch-archive';

/**
 * Render jobs queued in PostgreSQL with pg-boss: the API process enqueues each document of a batch as a job, and
 * `saraban worker` processes on any machine take them, a print slot at a time. A job whose worker dies is given to
 * another once it expires; the handlers record their results idempotently, so a job run twice stores its result
 * once.
 *
 * @example
 * ```ts
 * const queue = await RenderQueue.open({ url: 'postgres://saraban@db.example/saraban' });
 * await queue.enqueueBatch(job.id, job.documentIds); // on the API server
 * queue.work(4, { document: printOne, archive: zipBatch }); // on a worker
 * await queue.close();
 * ```
 */
export class RenderQueue {
  readonly #boss: PgBoss;
  readonly #jobOptions: { expireInSeconds: number; retryLimit: number; retryDelay: number };
  readonly #pollingIntervalSeconds: number;

  private constructor(boss: PgBoss, options: RenderQueueOptions) {
    this.#boss = boss;
    this.#jobOptions = {
      expireInSeconds: options.expireInSeconds ?? 120,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: 0,
    };
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  }

  /**
   * Connects, creating pg-boss's tables and the queues when they are missing (processes starting at once create them
   * once).
   *
   * @example
   * ```ts
   * const queue = await RenderQueue.open({ url: process.env.DATABASE_URL });
   * ```
   */
  static async open(options: RenderQueueOptions): Promise<RenderQueue> {
    const boss = new PgBoss({
      connectionString: options.url,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
      // No cron schedules here: their clock checks would only cost queries.
      schedule: false,
    });
    const onError = options.onError ?? ((error: Error) => console.error(`render queue: ${error.message}`));
    boss.on('error', onError);
    await boss.start();
    const queue = new RenderQueue(boss, options);
    for (const name of [RENDERS, DOCUMENTS, ARCHIVES]) await boss.createQueue(name, { name, ...queue.#jobOptions });
    return queue;
  }

  /**
   * Has a worker print the document now, and resolves with what the worker's `render` handler returned. Waits while
   * a dead worker's job expires and is taken again.
   *
   * @throws {RenderJobError} when the job failed on every try, or `timeoutMs` passed first.
   * @example
   * ```ts
   * const outcome = await queue.render(documentId, 120_000);
   * ```
   */
  async render(documentId: string, timeoutMs: number): Promise<object> {
    const id = await this.#boss.send(RENDERS, { documentId } satisfies RenderDocumentJob, this.#jobOptions);
    if (id === null) throw new RenderJobError(documentId, 'the queue refused the job');
    const deadline = Date.now() + timeoutMs;
    for (let wait = 10; Date.now() < deadline; wait = Math.min(wait * 2, 100)) {
      const job = await this.#boss.getJobById(RENDERS, id, { includeArchive: true });
      if (job?.state === 'completed') return job.output;
      if (job?.state === 'failed' || job?.state === 'cancelled') {
        const output = job.output as { message?: string } | null;
        throw new RenderJobError(documentId, output?.message ?? job.state);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    throw new RenderJobError(documentId, `no worker finished it within ${timeoutMs} ms`);
  }

  /**
   * Enqueues every document of a batch job, one job each, in one statement.
   *
   * @example
   * ```ts
   * await queue.enqueueBatch(job.id, job.documentIds);
   * ```
   */
  async enqueueBatch(batchJobId: string, documentIds: readonly string[]): Promise<void> {
    await this.#boss.insert(
      documentIds.map((documentId, position) => ({
        name: DOCUMENTS,
        data: { batchJobId, position, documentId } satisfies BatchDocumentJob,
        ...this.#jobOptions,
      })),
    );
  }

  /**
   * Enqueues the writing of a batch job's zip, once all its documents are recorded.
   *
   * @example
   * ```ts
   * if (job.done === job.documentIds.length) await queue.enqueueArchive(job.id);
   * ```
   */
  async enqueueArchive(batchJobId: string): Promise<void> {
    await this.#boss.send(ARCHIVES, { batchJobId } satisfies BatchArchiveJob, this.#jobOptions);
  }

  /**
   * Takes jobs in `slots` print slots at once, each taking the next job as soon as it is free, plus one slot for
   * zips; returns at once. {@link close} stops taking jobs and waits for those running.
   *
   * @example
   * ```ts
   * queue.work(printer.poolSize, { document: printOne, archive: zipBatch });
   * ```
   */
  async work(slots: number, handlers: RenderJobHandlers): Promise<void> {
    const options = { batchSize: 1, pollingIntervalSeconds: this.#pollingIntervalSeconds };
    const slot = async <T>(name: string, handle: (job: T) => Promise<unknown>) => {
      let id: string | undefined;
      id = await this.#boss.work<T>(name, options, async ([job]) => {
        try {
          return job && (await handle(job.data));
        } finally {
          // pg-boss waits out the polling interval after each job unless told there is more: a busy slot goes on.
          if (id !== undefined) this.#boss.notifyWorker(id);
        }
      });
    };
    for (let index = 0; index < Math.max(1, slots); index++) {
      await slot(RENDERS, handlers.render);
      await slot(DOCUMENTS, handlers.document);
    }
    await slot(ARCHIVES, handlers.archive);
  }

  /**
   * Stops taking jobs, lets the running ones finish, and disconnects.
   *
   * @example
   * ```ts
   * process.once('SIGTERM', () => queue.close());
   * ```
   */
  async close(): Promise<void> {
    await this.#boss.stop({ graceful: true, wait: true });
  }
}
