import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import { fromDatabaseBytes, toDatabaseBytes } from './bytes.js';
import type { Database, OrganizationTable } from './database.js';
import { type Reference, rethrowIfReferenceMissing } from './missing-reference.js';
import { type ListOptions, type Page, resolvePaging } from './paging.js';
import { throwStaleWrite } from './stale-write.js';

/** An image the organization prints, such as its emblem. */
export interface Emblem {
  /** image/png, image/jpeg or image/svg+xml. */
  mediaType: string;
  data: Uint8Array;
}

/** ส่วนราชการ: a government agency or one of its units, stored for reuse across documents. */
export interface Organization {
  id: string;
  name: string;
  unit: string | null;
  bookNumberPrefix: string | null;
  addressLines: string[];
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  emblem: Emblem | null;
  /** The stored face (store.fonts) it prints in; null for the face its templates name. */
  fontId: string | null;
  /** 1 when created, raised by each update; give it back to update or delete. */
  version: number;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** The fields of a new organization; left-out fields are empty. */
export interface NewOrganization {
  name: string;
  unit?: string | null;
  bookNumberPrefix?: string | null;
  addressLines?: string[];
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
  emblem?: Emblem | null;
  fontId?: string | null;
}

/** The fields to change: a left-out (undefined) field keeps its value, null clears it. */
export type OrganizationUpdate = Partial<NewOrganization>;

/** Organizations: `store.organizations`. */
export class OrganizationRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a new organization at version 1.
   *
   * @throws {NotFoundError} when `fontId` names no stored font.
   * @example
   * ```ts
   * const lamphun = await store.organizations.create({ name: 'องค์การบริหารส่วนจังหวัดลำพูน', bookNumberPrefix: 'ลพ ๕๑๐๐๙' });
   * ```
   */
  async create(input: NewOrganization): Promise<Organization> {
    const now = this.#now().toISOString();
    const row = await this.#db
      .insertInto('organizations')
      .values({
        id: randomUUID(),
        name: input.name,
        unit: input.unit ?? null,
        book_number_prefix: input.bookNumberPrefix ?? null,
        address_lines: JSON.stringify(input.addressLines ?? []),
        phone: input.phone ?? null,
        fax: input.fax ?? null,
        email: input.email ?? null,
        website: input.website ?? null,
        emblem_media_type: input.emblem?.mediaType ?? null,
        emblem_data: input.emblem ? toDatabaseBytes(input.emblem.data) : null,
        font_id: input.fontId ?? null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => rethrowIfReferenceMissing(this.#db, error, fontReference(input.fontId)));
    return toOrganization(row);
  }

  /**
   * The organization, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const organization = await store.organizations.get(id);
   * ```
   */
  async get(id: string): Promise<Organization | undefined> {
    const row = await this.#db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganization(row);
  }

  /**
   * Organizations by name.
   *
   * @example
   * ```ts
   * const { items, total } = await store.organizations.list({ limit: 20 });
   * ```
   */
  async list(options: ListOptions = {}): Promise<Page<Organization>> {
    const { limit, offset } = resolvePaging(options);
    const rows = await this.#db
      .selectFrom('organizations')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const { total } = await this.#db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toOrganization), total: Number(total) };
  }

  /**
   * Changes the organization, raising its version by one.
   *
   * @throws {NotFoundError} when there is no organization with this id, or `fontId` names no stored font.
   * @throws {VersionConflictError} when the organization is no longer at `expectedVersion`.
   * @example
   * ```ts
   * const updated = await store.organizations.update(lamphun.id, lamphun.version, { phone: '๐ ๕๓๕๑ ๐๐๐๐' });
   * ```
   */
  async update(id: string, expectedVersion: number, changes: OrganizationUpdate): Promise<Organization> {
    const row = await this.#db
      .updateTable('organizations')
      .set({
        ...organizationColumns(changes),
        version: expectedVersion + 1,
        updated_at: this.#now().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst()
      .catch((error: unknown) => rethrowIfReferenceMissing(this.#db, error, fontReference(changes.fontId)));
    if (row === undefined)
      return throwStaleWrite(this.#db, 'organizations', 'organization', id, expectedVersion, 'update');
    return toOrganization(row);
  }

  /**
   * Deletes the organization. Documents that used it keep their printed header but lose the link: their
   * organizationId becomes null and their version rises, in the same transaction.
   *
   * @throws {NotFoundError} when there is no organization with this id.
   * @throws {VersionConflictError} when the organization is no longer at `expectedVersion`.
   * @example
   * ```ts
   * await store.organizations.delete(lamphun.id, lamphun.version);
   * ```
   */
  async delete(id: string, expectedVersion: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const now = this.#now().toISOString();
      // Unlink first: once the organization is gone the foreign key has already nulled the links, unversioned.
      // Should the guarded delete below find the organization changed or gone, throwing rolls this back.
      await trx
        .updateTable('documents')
        .set((eb) => ({ organization_id: null, version: eb('version', '+', 1), updated_at: now }))
        .where('organization_id', '=', id)
        .execute();
      const { numDeletedRows } = await trx
        .deleteFrom('organizations')
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (numDeletedRows === 0n) {
        await throwStaleWrite(trx, 'organizations', 'organization', id, expectedVersion, 'delete');
      }
    });
  }
}

function organizationColumns(changes: OrganizationUpdate): Updateable<OrganizationTable> {
  // Kysely leaves undefined values out of the statement, so left-out fields keep their value.
  return {
    name: changes.name,
    unit: changes.unit,
    book_number_prefix: changes.bookNumberPrefix,
    address_lines: changes.addressLines && JSON.stringify(changes.addressLines),
    phone: changes.phone,
    fax: changes.fax,
    email: changes.email,
    website: changes.website,
    emblem_media_type: changes.emblem === undefined ? undefined : (changes.emblem?.mediaType ?? null),
    emblem_data: changes.emblem === undefined ? undefined : changes.emblem && toDatabaseBytes(changes.emblem.data),
    font_id: changes.fontId,
  };
}

/** The font a write points at, to name in a NotFoundError when the database refuses it. */
function fontReference(fontId: string | null | undefined): Reference | undefined {
  return fontId ? { table: 'fonts', entity: 'font', id: fontId } : undefined;
}

function toOrganization(row: Selectable<OrganizationTable>): Organization {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    bookNumberPrefix: row.book_number_prefix,
    addressLines: JSON.parse(row.address_lines),
    phone: row.phone,
    fax: row.fax,
    email: row.email,
    website: row.website,
    emblem:
      row.emblem_media_type !== null && row.emblem_data !== null
        ? { mediaType: row.emblem_media_type, data: fromDatabaseBytes(row.emblem_data) }
        : null,
    fontId: row.font_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
