import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { fromDatabaseBytes, toDatabaseBytes } from './bytes.js';
import type { Database, FontTable } from './database.js';

/** One file of a face: the bytes and their media type (font/ttf, font/otf, font/woff or font/woff2). */
export interface FontFile {
  mediaType: string;
  data: Uint8Array;
}

/** What is known of one file of a stored face without reading it. */
export interface FontFileInfo {
  mediaType: string;
  /** The size of the file. */
  bytes: number;
}

/**
 * A face an organization supplies, such as TH SarabunIT๙: its metadata; the files come from
 * {@link FontRepository.getFiles}.
 */
export interface Font {
  /** SHA-256 of the files, hex: the same files always have this id. */
  id: string;
  name: string;
  regular: FontFileInfo;
  /** Null when the face has no bold file: Chromium then draws bold by thickening the regular one. */
  bold: FontFileInfo | null;
  /** ISO 8601 instant of the first upload. */
  createdAt: string;
}

/** The files of a face to store. */
export interface NewFont {
  name: string;
  regular: FontFile;
  bold?: FontFile | null;
}

/** The files of a stored face. */
export interface FontFiles {
  regular: FontFile;
  bold: FontFile | null;
}

// Every column but the files: metadata reads never pull the bytes.
const metadataColumns = [
  'id',
  'name',
  'regular_media_type',
  'regular_bytes',
  'bold_media_type',
  'bold_bytes',
  'created_at',
] as const;

/** Faces: `store.fonts`. Faces are never changed or deleted; organizations and documents point at them by id. */
export class FontRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a face under the SHA-256 of its files. Storing the same files again returns the face already stored,
   * with the name it was first given.
   *
   * @example
   * ```ts
   * const face = await store.fonts.create({
   *   name: 'TH SarabunIT๙',
   *   regular: { mediaType: 'font/ttf', data: await readFile('THSarabunIT๙.ttf') },
   *   bold: { mediaType: 'font/ttf', data: await readFile('THSarabunIT๙ Bold.ttf') },
   * });
   * ```
   */
  async create(input: NewFont): Promise<Font> {
    const id = fontId(input.regular.data, input.bold?.data);
    await this.#db
      .insertInto('fonts')
      .values({
        id,
        name: input.name,
        regular_media_type: input.regular.mediaType,
        regular_bytes: input.regular.data.byteLength,
        regular_data: toDatabaseBytes(input.regular.data),
        bold_media_type: input.bold?.mediaType ?? null,
        bold_bytes: input.bold?.data.byteLength ?? null,
        bold_data: input.bold ? toDatabaseBytes(input.bold.data) : null,
        created_at: this.#now().toISOString(),
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    const stored = await this.get(id);
    if (stored === undefined) throw new Error(`font ${id} was stored but cannot be read back`);
    return stored;
  }

  /**
   * The face's metadata, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const face = await store.fonts.get(organization.fontId);
   * ```
   */
  async get(id: string): Promise<Font | undefined> {
    const row = await this.#db.selectFrom('fonts').select(metadataColumns).where('id', '=', id).executeTakeFirst();
    return row && toFont(row);
  }

  /**
   * The face's files, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const files = await store.fonts.getFiles(id);
   * if (files) console.log(files.regular.data.byteLength);
   * ```
   */
  async getFiles(id: string): Promise<FontFiles | undefined> {
    const row = await this.#db
      .selectFrom('fonts')
      .select(['regular_media_type', 'regular_data', 'bold_media_type', 'bold_data'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      regular: { mediaType: row.regular_media_type, data: fromDatabaseBytes(row.regular_data) },
      bold:
        row.bold_media_type !== null && row.bold_data !== null
          ? { mediaType: row.bold_media_type, data: fromDatabaseBytes(row.bold_data) }
          : null,
    };
  }
}

/** Length-prefixed, so a face with a bold file never hashes like one whose regular file is both run together. */
function fontId(regular: Uint8Array, bold: Uint8Array | undefined): string {
  const hash = createHash('sha256');
  for (const file of bold ? [regular, bold] : [regular]) {
    hash.update(`${file.byteLength}:`);
    hash.update(file);
  }
  return hash.digest('hex');
}

function toFont(row: Omit<Selectable<FontTable>, 'regular_data' | 'bold_data'>): Font {
  return {
    id: row.id,
    name: row.name,
    regular: { mediaType: row.regular_media_type, bytes: row.regular_bytes },
    bold:
      row.bold_media_type !== null && row.bold_bytes !== null
        ? { mediaType: row.bold_media_type, bytes: row.bold_bytes }
        : null,
    createdAt: row.created_at,
  };
}
