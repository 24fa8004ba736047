import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PersonTable } from './database.js';
import { type ListOptions, type Page, resolvePaging } from './paging.js';
import { throwStaleWrite } from './stale-write.js';

/** A person who signs or endorses documents. */
export interface Person {
  id: string;
  /** นาย, นาง, นางสาว, or an academic or rank title. */
  title: string;
  givenName: string;
  familyName: string;
  /** Position lines, top to bottom. */
  positions: string[];
  /** 1 when created, raised by each update; give it back to update or delete. */
  version: number;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

/** The fields of a new person; positions are empty when left out. */
export interface NewPerson {
  title: string;
  givenName: string;
  familyName: string;
  positions?: string[];
}

/** The fields to change: a left-out (undefined) field keeps its value. */
export type PersonUpdate = Partial<NewPerson>;

/** People: `store.people`. */
export class PersonRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a new person at version 1.
   *
   * @example
   * ```ts
   * const signer = await store.people.create({ title: 'นาย', givenName: 'พิชัย', familyName: 'จาอาบาล', positions: ['ปลัดองค์การบริหารส่วนจังหวัด'] });
   * ```
   */
  async create(input: NewPerson): Promise<Person> {
    const now = this.#now().toISOString();
    const row = await this.#db
      .insertInto('people')
      .values({
        id: randomUUID(),
        title: input.title,
        given_name: input.givenName,
        family_name: input.familyName,
        positions: JSON.stringify(input.positions ?? []),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPerson(row);
  }

  /**
   * The person, or undefined when there is none with this id.
   *
   * @example
   * ```ts
   * const person = await store.people.get(id);
   * ```
   */
  async get(id: string): Promise<Person | undefined> {
    const row = await this.#db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toPerson(row);
  }

  /**
   * People by given name, then family name (Thai lists sort by given name).
   *
   * @example
   * ```ts
   * const { items, total } = await store.people.list({ limit: 20, offset: 40 });
   * ```
   */
  async list(options: ListOptions = {}): Promise<Page<Person>> {
    const { limit, offset } = resolvePaging(options);
    const rows = await this.#db
      .selectFrom('people')
      .selectAll()
      .orderBy('given_name')
      .orderBy('family_name')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const { total } = await this.#db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    return { items: rows.map(toPerson), total: Number(total) };
  }

  /**
   * Changes the person, raising their version by one. Documents keep the signer as they printed it.
   *
   * @throws {NotFoundError} when there is no person with this id.
   * @throws {VersionConflictError} when the person is no longer at `expectedVersion`.
   * @example
   * ```ts
   * const promoted = await store.people.update(signer.id, signer.version, { positions: ['รองนายกองค์การบริหารส่วนจังหวัด'] });
   * ```
   */
  async update(id: string, expectedVersion: number, changes: PersonUpdate): Promise<Person> {
    const row = await this.#db
      .updateTable('people')
      .set({ ...personColumns(changes), version: expectedVersion + 1, updated_at: this.#now().toISOString() })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) return throwStaleWrite(this.#db, 'people', 'person', id, expectedVersion, 'update');
    return toPerson(row);
  }

  /**
   * Deletes the person. Documents they signed keep the signer as printed.
   *
   * @throws {NotFoundError} when there is no person with this id.
   * @throws {VersionConflictError} when the person is no longer at `expectedVersion`.
   * @example
   * ```ts
   * await store.people.delete(signer.id, signer.version);
   * ```
   */
  async delete(id: string, expectedVersion: number): Promise<void> {
    const { numDeletedRows } = await this.#db
      .deleteFrom('people')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (numDeletedRows === 0n) await throwStaleWrite(this.#db, 'people', 'person', id, expectedVersion, 'delete');
  }
}

function personColumns(changes: PersonUpdate): Updateable<PersonTable> {
  // Kysely leaves undefined values out of the statement, so left-out fields keep their value.
  return {
    title: changes.title,
    given_name: changes.givenName,
    family_name: changes.familyName,
    positions: changes.positions && JSON.stringify(changes.positions),
  };
}

function toPerson(row: Selectable<PersonTable>): Person {
  return {
    id: row.id,
    title: row.title,
    givenName: row.given_name,
    familyName: row.family_name,
    positions: JSON.parse(row.positions),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
