import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from './database.js';
import { NameTakenError, NotFoundError, WeakPasswordError } from './errors.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import type { Role } from './roles.js';
import { newSecret, secretHash } from './secret-tokens.js';

/** Someone who signs in to the studio. The password is kept only as its scrypt hash, never returned. */
export interface User {
  id: string;
  name: string;
  role: Role;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant of the last change of role or password. */
  updatedAt: string;
}

/** A new user. */
export interface NewUser {
  name: string;
  role: Role;
  password: string;
}

/** A sign-in: the cookie's value (given once) and when it stops working. */
export interface Session {
  token: string;
  /** ISO 8601 instant. */
  expiresAt: string;
}

/** How long a sign-in lasts: one working day and a bit, then the studio asks for the password again. */
export const SESSION_HOURS = 12;

/** A password shorter than this is refused: a password is guessed offline from a stolen hash otherwise. */
export const MIN_PASSWORD_LENGTH = 10;

const userColumns = ['id', 'name', 'role', 'created_at', 'updated_at'] as const;

/** Users and their sign-in sessions: `store.users`. */
export class UserRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Stores a new user with the scrypt hash of the password.
   *
   * @throws {NameTakenError} when a user has the name already.
   * @throws {WeakPasswordError} when the password is shorter than {@link MIN_PASSWORD_LENGTH}.
   * @example
   * ```ts
   * const somchai = await store.users.create({ name: 'somchai', role: 'STAFF', password: 'a long passphrase' });
   * ```
   */
  async create(input: NewUser): Promise<User> {
    // A name taken is told before the password is hashed (a second of work); the insert below still settles a race.
    if (await this.get(input.name)) throw new NameTakenError('user', input.name);
    const passwordHash = await hashPassword(checkedPassword(input.password));
    const now = this.#now().toISOString();
    const row = await this.#db
      .insertInto('users')
      .values({
        id: randomUUID(),
        name: input.name,
        role: input.role,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .returning(userColumns)
      .executeTakeFirst();
    if (!row) throw new NameTakenError('user', input.name);
    return toUser(row);
  }

  /** Every user, by name. */
  async list(): Promise<User[]> {
    const rows = await this.#db.selectFrom('users').select(userColumns).orderBy('name').execute();
    return rows.map(toUser);
  }

  /** The user with this name, or undefined. */
  async get(name: string): Promise<User | undefined> {
    const row = await this.#db.selectFrom('users').select(userColumns).where('name', '=', name).executeTakeFirst();
    return row && toUser(row);
  }

  /** How many users there are: with none, a server on 127.0.0.1 runs open. */
  async count(): Promise<number> {
    const row = await this.#db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Gives the user another role; sessions go on with the new one at once.
   *
   * @throws {NotFoundError} when there is no such user.
   * @example
   * ```ts
   * await store.users.setRole('somchai', 'DESIGNER');
   * ```
   */
  async setRole(name: string, role: Role): Promise<User> {
    const row = await this.#db
      .updateTable('users')
      .set({ role, updated_at: this.#now().toISOString() })
      .where('name', '=', name)
      .returning(userColumns)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('user', name);
    return toUser(row);
  }

  /**
   * Sets a new password and ends the user's sessions, so a leaked session stops working with the old password.
   *
   * @throws {NotFoundError} when there is no such user.
   * @example
   * ```ts
   * await store.users.setPassword('somchai', 'another long passphrase');
   * ```
   */
  async setPassword(name: string, password: string): Promise<User> {
    const passwordHash = await hashPassword(checkedPassword(password));
    return this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: this.#now().toISOString() })
        .where('name', '=', name)
        .returning(userColumns)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('user', name);
      await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      return toUser(row);
    });
  }

  /**
   * Removes the user and ends their sessions.
   *
   * @throws {NotFoundError} when there is no such user.
   * @example
   * ```ts
   * await store.users.remove('somchai');
   * ```
   */
  async remove(name: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
      if (!user) throw new NotFoundError('user', name);
      await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
      await trx.deleteFrom('users').where('id', '=', user.id).execute();
    });
  }

  /**
   * Checks a name and password and starts a session of {@link SESSION_HOURS}: its token goes in the cookie, its
   * SHA-256 in the database. Undefined when the name or the password is wrong (which of the two is not told).
   *
   * @example
   * ```ts
   * const signedIn = await store.users.signIn('somchai', password);
   * if (signedIn) setCookie(signedIn.session.token);
   * ```
   */
  async signIn(name: string, password: string): Promise<{ user: User; session: Session } | undefined> {
    const row = await this.#db
      .selectFrom('users')
      .select([...userColumns, 'password_hash'])
      .where('name', '=', name)
      .executeTakeFirst();
    // An unknown name costs a hash too, so the answer's time does not tell which names exist.
    unknownUserHash ??= hashPassword(newSecret(''));
    const valid = await verifyPassword(password, row?.password_hash ?? (await unknownUserHash));
    if (!row || !valid) return undefined;
    const now = this.#now();
    const session = {
      token: newSecret('sbs_'),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    };
    await this.#db
      .insertInto('sessions')
      .values({
        token_hash: secretHash(session.token),
        user_id: row.id,
        created_at: now.toISOString(),
        expires_at: session.expiresAt,
      })
      .execute();
    // Expired sessions of anyone go at each sign-in: the table holds live ones only, without a sweeper.
    await this.#db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
    return { user: toUser(row), session };
  }

  /**
   * The user a session token belongs to, while it has not expired; undefined otherwise.
   *
   * @example
   * ```ts
   * const user = await store.users.sessionUser(cookies.saraban_session);
   * ```
   */
  async sessionUser(token: string): Promise<User | undefined> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.name', 'users.role', 'users.created_at', 'users.updated_at'])
      .where('sessions.token_hash', '=', secretHash(token))
      .where('sessions.expires_at', '>', this.#now().toISOString())
      .executeTakeFirst();
    return row && toUser(row);
  }

  /**
   * Ends the session (signing out); a token that is no session is ignored.
   *
   * @example
   * ```ts
   * await store.users.signOut(cookies.saraban_session);
   * ```
   */
  async signOut(token: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', secretHash(token)).execute();
  }
}

// A valid hash of a random password, made at the first sign-in: signIn checks unknown names against it.
let unknownUserHash: Promise<string> | undefined;

function checkedPassword(password: string): string {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new WeakPasswordError(MIN_PASSWORD_LENGTH);
  }
  return password;
}

function toUser(row: Pick<Selectable<UserTable>, (typeof userColumns)[number]>): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
