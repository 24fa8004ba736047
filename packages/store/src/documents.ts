import { randomUUID } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, DocumentTable } from './database.js';
import type { DocumentData, DocumentKind } from './document-data.js';
import type { FileStorage } from './file-storage.js';
import { rethrowIfReferenceMissing } from './missing-reference.js';
import { type ListOptions, type Page, resolvePaging } from './paging.js';
import { throwStaleWrite } from './stale-write.js';

/**
 * An official document. `kind`, `template`, `organizationId` and `subject` are copies of what `data` says, kept in
 * their own columns to list and filter by.
 */
export interface Document {
  id: string;
  kind: DocumentKind;
  template: string;
  /** The stored organization the header was filled from; null when given inline or when it was deleted. */
  organizationId: string | null;
  subject: string;
  /** The whole normalized document input, body blocks included, as it was stored. */
  data: DocumentData;
  /** 1 when created, raised by each update; give it back to update or delete. */
  version: number;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** The fields of a new document. */
export interface NewDocument {
  kind: DocumentKind;
  template: string;
  organizationId?: string | null;
  subject: string;
  /** The whole normalized document input; stored as JSON. */
  data: DocumentData;
}

/** The fields to change: a left-out (undefined) field keeps its value, a null organizationId unlinks it. */
export type DocumentUpdate = Partial<NewDocument>;

/** Which documents {@link DocumentRepository.list} returns, and which slice of them. */
export interface DocumentListOptions extends ListOptions {
  /** Only the documents of this organization. */
  organizationId?: string;
  /** Only documents of this kind. */
  kind?: DocumentKind;
  /** Only documents whose subject contains this text. */
  subject?: string;
  /** Only documents whose header organization's name contains this text. */
  organizationName?: string;
  /** Only documents dated on or after this ISO date. */
  dateFrom?: string;
  /** Only documents dated on or before this ISO date. */
  dateTo?: string;
}

/** Documents: `store.documents`. */
export class DocumentRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  readonly #files: FileStorage;

  constructor(db: Kysely<Database>, now: () => Date, files: FileStorage) {
    this.#db = db;
    this.#now = now;
    this.#files = files;
  }

  /**
   * Stores a new document at version 1.
   *
   * @throws {NotFoundError} when `organizationId` names no organization.
   * @example
   * ```ts
   * const memo = await store.documents.create({
   *   kind: 'MEMO',
   *   template: 'memo',
   *   organizationId: lamphun.id,
   *   subject: 'ขออนุมัติจัดซื้อวัสดุ',
   *   data: input,
   * });
   * ```
   */
  async create(input: NewDocument): Promise<Document> {
    const now = this.#now().toISOString();
    const organizationId = input.organizationId ?? null;
    try {
      const row = await this.#db
        .insertInto('documents')
        .values({
          id: randomUUID(),
          kind: input.kind,
          template: input.template,
          organization_id: organizationId,
          subject: input.subject,
          data: JSON.stringify(input.data),
          ...searchColumns(input.data),
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDocument(row);
    } catch (error) {
      return rethrowIfReferenceMissing(this.#db, error, organizationReference(organizationId));
    }
  }

  /**
   * The document, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const memo = await store.documents.get(id);
   * ```
   */
  async get(id: string): Promise<Document | undefined> {
    const row = await this.#db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDocument(row);
  }

  /**
   * Documents, most recently changed first, optionally only one organization's or one kind's, or those whose subject
   * or header organization's name contains some text, or dated within a range.
   *
   * @example
   * ```ts
   * const { items, total } = await store.documents.list({ organizationId: lamphun.id, kind: 'MEMO', limit: 20 });
   * ```
   */
  async list(options: DocumentListOptions = {}): Promise<Page<Document>> {
    const { limit, offset } = resolvePaging(options);
    let query = this.#db.selectFrom('documents');
    if (options.organizationId !== undefined) query = query.where('organization_id', '=', options.organizationId);
    if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
    if (options.subject) query = query.where(sql<boolean>`subject like ${containing(options.subject)} escape '\\'`);
    if (options.organizationName) {
      query = query.where(sql<boolean>`organization_name like ${containing(options.organizationName)} escape '\\'`);
    }
    if (options.dateFrom) query = query.where('document_date', '>=', options.dateFrom);
    if (options.dateTo) query = query.where('document_date', '<=', options.dateTo);
    const rows = await query
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const { total } = await query
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toDocument), total: Number(total) };
  }

  /**
   * Changes the document, raising its version by one. Renders of earlier versions are kept.
   *
   * @throws {NotFoundError} when there is no document with this id, or `organizationId` names no organization.
   * @throws {VersionConflictError} when the document is no longer at `expectedVersion`.
   * @example
   * ```ts
   * const updated = await store.documents.update(memo.id, memo.version, { subject: 'ขออนุมัติจ้างเหมา', data: input });
   * ```
   */
  async update(id: string, expectedVersion: number, changes: DocumentUpdate): Promise<Document> {
    let row: Selectable<DocumentTable> | undefined;
    try {
      row = await this.#db
        .updateTable('documents')
        .set({ ...documentColumns(changes), version: expectedVersion + 1, updated_at: this.#now().toISOString() })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
    } catch (error) {
      return rethrowIfReferenceMissing(this.#db, error, organizationReference(changes.organizationId));
    }
    if (row === undefined) return throwStaleWrite(this.#db, 'documents', 'document', id, expectedVersion, 'update');
    return toDocument(row);
  }

  /**
   * Deletes the document and, by the foreign key's cascade, its renders.
   *
   * @throws {NotFoundError} when there is no document with this id.
   * @throws {VersionConflictError} when the document is no longer at `expectedVersion`.
   * @example
   * ```ts
   * await store.documents.delete(memo.id, memo.version);
   * ```
   */
  async delete(id: string, expectedVersion: number): Promise<void> {
    // The renders' rows go with the document (a cascade); their files are removed once that is committed.
    const renderFiles = await this.#db.transaction().execute(async (transaction) => {
      const renders = await transaction.selectFrom('renders').select('file').where('document_id', '=', id).execute();
      const { numDeletedRows } = await transaction
        .deleteFrom('documents')
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return numDeletedRows === 0n ? undefined : renders.map((render) => render.file);
    });
    if (!renderFiles) await throwStaleWrite(this.#db, 'documents', 'document', id, expectedVersion, 'delete');
    else await this.#files.remove(renderFiles);
  }
}

function organizationReference(organizationId: string | null | undefined) {
  return organizationId == null
    ? undefined
    : { table: 'organizations' as const, entity: 'organization' as const, id: organizationId };
}

function documentColumns(changes: DocumentUpdate): Updateable<DocumentTable> {
  // Kysely leaves undefined values out of the statement, so left-out fields keep their value.
  return {
    kind: changes.kind,
    template: changes.template,
    organization_id: changes.organizationId,
    subject: changes.subject,
    data: changes.data && JSON.stringify(changes.data),
    ...(changes.data ? searchColumns(changes.data) : {}),
  };
}

/** What staff search documents by, copied out of the data. */
function searchColumns(data: DocumentData): Pick<DocumentTable, 'document_date' | 'organization_name'> {
  return { document_date: data.date ?? null, organization_name: data.organization?.name ?? null };
}

/** A LIKE pattern matching text that contains `text`: its own % and _ match only themselves. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function toDocument(row: Selectable<DocumentTable>): Document {
  return {
    id: row.id,
    kind: row.kind,
    template: row.template,
    organizationId: row.organization_id,
    subject: row.subject,
    data: JSON.parse(row.data),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
