import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, RenderTable } from './database.js';
import type { FileStorage, StoredFile } from './file-storage.js';
import { rethrowIfReferenceMissing } from './missing-reference.js';

/** A PDF printed from one version of a document: its metadata; the file comes from {@link RenderRepository.getPdfFile}. */
export interface Render {
  id: string;
  documentId: string;
  documentVersion: number;
  template: string;
  /** The template version it printed with; null when printed before templates had versions. */
  templateVersion: number | null;
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
  /** The template version it printed with; null when the template has no stored version. */
  templateVersion?: number | null;
  pages: number;
  /**
   * The PDF, written to a path from {@link RenderRepository.stagingPath}. `create` moves it into the store, or
   * removes it when the render cannot be stored.
   */
  file: string;
  warnings: string[];
  /** What the PDF was printed from, hashed: a later render with the same key can reuse this one. */
  cacheKey?: string | null;
}

// Every column a Render shows.
const metadataColumns = [
  'id',
  'document_id',
  'document_version',
  'template',
  'template_version',
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
  readonly #files: FileStorage;

  constructor(db: Kysely<Database>, now: () => Date, files: FileStorage) {
    this.#db = db;
    this.#now = now;
    this.#files = files;
  }

  /**
   * A new path on this machine to write a PDF to, then give to {@link create}: in the store's file directory on
   * SQLite, so that `create` takes a PDF over 1 MiB with a rename however big it is.
   *
   * @example
   * ```ts
   * const file = store.renders.stagingPath();
   * const { pages, warnings } = await printer.printToFile(job, file);
   * ```
   */
  stagingPath(): string {
    return this.#files.stagingPath('.pdf');
  }

  /**
   * Stores a PDF printed from a document: measures its size and SHA-256 reading the file as a stream, takes the
   * file into the store's file storage, and records it; the file and the row are kept together or not at all.
   * Renders are never changed; they go when their document is deleted. One document has one render per cache key:
   * when another process stored one under the same key first, its render is returned and this file removed.
   *
   * @throws {NotFoundError} when `documentId` names no document (the file is removed).
   * @example
   * ```ts
   * const render = await store.renders.create({
   *   documentId: memo.id,
   *   documentVersion: memo.version,
   *   template: memo.template,
   *   pages: 2,
   *   file,
   *   warnings: [],
   * });
   * ```
   */
  async create(input: NewRender): Promise<Render> {
    const id = randomUUID();
    try {
      const row = await this.#files.keep(input.file, `${id}.pdf`, (db, { bytes, sha256 }) =>
        db
          .insertInto('renders')
          .values({
            id,
            document_id: input.documentId,
            document_version: input.documentVersion,
            template: input.template,
            template_version: input.templateVersion ?? null,
            sha256,
            pages: input.pages,
            bytes,
            file: `${id}.pdf`,
            warnings: JSON.stringify(input.warnings),
            cache_key: input.cacheKey ?? null,
            created_at: this.#now().toISOString(),
          })
          .returning(metadataColumns)
          .executeTakeFirstOrThrow(),
      );
      return toRender(row);
    } catch (error) {
      // Another process stored this version under the same key meanwhile (the unique index refused this row, and
      // keep removed its file): that render is the one.
      const stored = input.cacheKey ? await this.findCached(input.documentId, input.cacheKey) : undefined;
      if (stored) return stored;
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
   * The render of the document stored with this cache key, or undefined.
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
   * The render's PDF, its size and a stream of it, or undefined when there is no render with this id. Stream it; a
   * long report does not fit comfortably in memory.
   *
   * @example
   * ```ts
   * const pdf = await store.renders.getPdfFile(id);
   * if (pdf) pdf.stream().pipe(response);
   * ```
   */
  async getPdfFile(id: string): Promise<StoredFile | undefined> {
    const row = await this.#db.selectFrom('renders').select('file').where('id', '=', id).executeTakeFirst();
    return row && this.#files.open(row.file);
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

function toRender(row: Omit<Selectable<RenderTable>, 'file' | 'cache_key'>): Render {
  return {
    id: row.id,
    documentId: row.document_id,
    documentVersion: row.document_version,
    template: row.template,
    templateVersion: row.template_version,
    sha256: row.sha256,
    pages: row.pages,
    bytes: row.bytes,
    warnings: JSON.parse(row.warnings),
    createdAt: row.created_at,
  };
}
