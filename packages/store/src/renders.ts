import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { fromDatabaseBytes, toDatabaseBytes } from './bytes.js';
import type { Database, RenderTable } from './database.js';
import { rethrowIfReferenceMissing } from './missing-reference.js';

/** A PDF printed from one version of a document: its metadata; the bytes come from {@link RenderRepository.getPdf}. */
export interface Render {
  id: string;
  documentId: string;
  documentVersion: number;
  template: string;
  /** SHA-256 of the PDF, hex. */
  sha256: string;
  pages: number;
  /** The size of the PDF. */
  bytes: number;
  /** Requests the page made that were blocked. */
  warnings: string[];
  /** ISO 8601 instant. */
  createdAt: string;
}

/** A PDF to store, with what the renderer measured of it. */
export interface NewRender {
  documentId: string;
  documentVersion: number;
  template: string;
  /** SHA-256 of `pdf`, hex. */
  sha256: string;
  pages: number;
  /** `pdf.byteLength`. */
  bytes: number;
  pdf: Uint8Array;
  warnings: string[];
  /** What the PDF was printed from, hashed: a later render with the same key can reuse this one. */
  cacheKey?: string | null;
}

// Every column but the PDF: metadata reads never pull the bytes.
const metadataColumns = [
  'id',
  'document_id',
  'document_version',
  'template',
  'sha256',
  'pages',
  'bytes',
  'warnings',
  'created_at',
] as const;

/** Renders: `store.renders`. */
export class RenderRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a PDF printed from a document. Renders are never changed; they go when their document is deleted.
   *
   * @throws {NotFoundError} when `documentId` names no document.
   * @example
   * ```ts
   * const render = await store.renders.create({
   *   documentId: memo.id,
   *   documentVersion: memo.version,
   *   template: memo.template,
   *   sha256,
   *   pages: 2,
   *   bytes: pdf.byteLength,
   *   pdf,
   *   warnings: [],
   * });
   * ```
   */
  async create(input: NewRender): Promise<Render> {
    try {
      const row = await this.#db
        .insertInto('renders')
        .values({
          id: randomUUID(),
          document_id: input.documentId,
          document_version: input.documentVersion,
          template: input.template,
          sha256: input.sha256,
          pages: input.pages,
          bytes: input.bytes,
          pdf: toDatabaseBytes(input.pdf),
          warnings: JSON.stringify(input.warnings),
          cache_key: input.cacheKey ?? null,
          created_at: this.#now().toISOString(),
        })
        .returning(metadataColumns)
        .executeTakeFirstOrThrow();
      return toRender(row);
    } catch (error) {
      return rethrowIfReferenceMissing(this.#db, error, {
        table: 'documents',
        entity: 'document',
        id: input.documentId,
      });
    }
  }

  /**
   * The render's metadata, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const render = await store.renders.get(id);
   * ```
   */
  async get(id: string): Promise<Render | undefined> {
    const row = await this.#db.selectFrom('renders').select(metadataColumns).where('id', '=', id).executeTakeFirst();
    return row && toRender(row);
  }

  /**
   * The newest render of the document stored with this cache key, or undefined.
   *
   * @example
   * ```ts
   * const cached = await store.renders.findCached(memo.id, key);
   * ```
   */
  async findCached(documentId: string, cacheKey: string): Promise<Render | undefined> {
    const row = await this.#db
      .selectFrom('renders')
      .select(metadataColumns)
      .where('document_id', '=', documentId)
      .where('cache_key', '=', cacheKey)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toRender(row);
  }

  /**
   * The render's PDF, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const pdf = await store.renders.getPdf(id);
   * if (pdf) response.end(pdf);
   * ```
   */
  async getPdf(id: string): Promise<Uint8Array | undefined> {
    const row = await this.#db.selectFrom('renders').select('pdf').where('id', '=', id).executeTakeFirst();
    return row && fromDatabaseBytes(row.pdf);
  }

  /**
   * The document's renders, newest first; empty when it has none or does not exist.
   *
   * @example
   * ```ts
   * const [latest] = await store.renders.listForDocument(memo.id);
   * ```
   */
  async listForDocument(documentId: string): Promise<Render[]> {
    const rows = await this.#db
      .selectFrom('renders')
      .select(metadataColumns)
      .where('document_id', '=', documentId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toRender);
  }
}

function toRender(row: Omit<Selectable<RenderTable>, 'pdf' | 'cache_key'>): Render {
  return {
    id: row.id,
    documentId: row.document_id,
    documentVersion: row.document_version,
    template: row.template,
    sha256: row.sha256,
    pages: row.pages,
    bytes: row.bytes,
    warnings: JSON.parse(row.warnings),
    createdAt: row.created_at,
  };
}
