/** The kinds of record the store keeps, as named in error messages. */
export type EntityName =
  | 'organization'
  | 'person'
  | 'document'
  | 'render'
  | 'batch job'
  | 'font'
  | 'template draft'
  | 'template version'
  | 'user'
  | 'API token';

/**
 * The record does not exist (never did, or was deleted).
 *
 * @example
 * ```ts
 * try {
 *   await store.documents.update(id, 3, { subject: 'ขออนุมัติ' });
 * } catch (error) {
 *   if (error instanceof NotFoundError) console.log(`${error.entity} ${error.id} is gone`);
 * }
 * ```
 */
export class NotFoundError extends Error {
  readonly entity: EntityName;
  readonly id: string;

  constructor(entity: EntityName, id: string) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
    this.entity = entity;
    this.id = id;
  }
}

/**
 * Someone else changed the record since the caller read it: the write was based on `expectedVersion`, the record is
 * at `actualVersion`. Nothing was written; reload, apply the change again, and retry.
 *
 * @example
 * ```ts
 * try {
 *   await store.documents.update(id, 2, { subject: 'ขออนุมัติ' });
 * } catch (error) {
 *   if (error instanceof VersionConflictError) console.log(error.message);
 *   // document 1f0c… is at version 3; your update was based on version 2: reload and apply your change again
 * }
 * ```
 */
export class VersionConflictError extends Error {
  readonly entity: EntityName;
  readonly id: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;

  constructor(
    entity: EntityName,
    id: string,
    expectedVersion: number,
    actualVersion: number,
    operation: WriteOperation,
  ) {
    super(
      `${entity} ${id} is at version ${actualVersion}; your ${operation} was based on version ${expectedVersion}: ` +
        'reload and apply your change again',
    );
    this.name = 'VersionConflictError';
    this.entity = entity;
    this.id = id;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/**
 * A list was asked for a slice it cannot give: a limit outside 1 to MAX_LIST_LIMIT, a negative offset. A
 * RangeError, naming the option at fault.
 *
 * @example
 * ```ts
 * await store.documents.list({ limit: 1000 });
 * // ListBoundsError: limit must be a whole number from 1 to 500; got 1000
 * ```
 */
export class ListBoundsError extends RangeError {
  override readonly name = 'ListBoundsError';
  constructor(
    readonly option: 'limit' | 'offset',
    message: string,
  ) {
    super(message);
  }
}

/** The write a {@link VersionConflictError} refused. */
export type WriteOperation = 'update' | 'delete';

/**
 * Applying the migrations at start failed; the database is left at the last migration that succeeded.
 *
 * @example
 * ```ts
 * try {
 *   await openStore({ filename: 'saraban.db' });
 * } catch (error) {
 *   if (error instanceof MigrationError) console.log(`migration ${error.migrationName} failed`, error.cause);
 * }
 * ```
 */
export class MigrationError extends Error {
  /** The migration that failed; undefined when the migrator failed before running any (e.g. a migration is missing). */
  readonly migrationName: string | undefined;

  constructor(migrationName: string | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      migrationName === undefined
        ? `the database could not be migrated: ${reason}`
        : `migration ${migrationName} failed: ${reason}`,
      { cause },
    );
    this.name = 'MigrationError';
    this.migrationName = migrationName;
  }
}

/**
 * A batch job's zip was removed once its lifetime was over (`expiresAt`): run the batch again for a new one (its
 * documents' renders are reused, so it prints nothing again).
 *
 * @example
 * ```ts
 * try {
 *   await store.batchJobs.getArchive(id);
 * } catch (error) {
 *   if (error instanceof ArchiveExpiredError) console.log(error.message);
 *   // the zip of batch job 6e1f… expired at 2026-12-07T09:00:00.000Z and was removed: run renderBatch again …
 * }
 * ```
 */
export class ArchiveExpiredError extends Error {
  readonly id: string;
  readonly expiresAt: string;

  constructor(id: string, expiresAt: string) {
    super(
      `the zip of batch job ${id} expired at ${expiresAt} and was removed: run renderBatch again for a new one ` +
        '(the documents already printed are not printed again)',
    );
    this.name = 'ArchiveExpiredError';
    this.id = id;
    this.expiresAt = expiresAt;
  }
}

/**
 * A user or an API token is named as one that exists already: names are unique, so a sign-in or a revocation means
 * one thing.
 *
 * @example
 * ```ts
 * await store.users.create({ name: 'somchai', role: 'STAFF', password });
 * // NameTakenError: user "somchai" exists already
 * ```
 */
export class NameTakenError extends Error {
  override readonly name = 'NameTakenError';
  constructor(
    readonly entity: EntityName,
    readonly taken: string,
  ) {
    super(`${entity} "${taken}" exists already: choose another name`);
  }
}

/**
 * A password too short to withstand guessing from a stolen hash.
 *
 * @example
 * ```ts
 * await store.users.setPassword('somchai', '1234');
 * // WeakPasswordError: a password needs at least 10 characters
 * ```
 */
export class WeakPasswordError extends Error {
  override readonly name = 'WeakPasswordError';
  constructor(readonly minLength: number) {
    super(`a password needs at least ${minLength} characters`);
  }
}
