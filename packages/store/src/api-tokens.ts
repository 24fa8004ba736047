import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, Database } from './database.js';
import { NameTakenError, NotFoundError } from './errors.js';
import type { Role } from './roles.js';
import { newSecret, secretHash } from './secret-tokens.js';

/** An integrator's key to the API, sent as `Authorization: Bearer <token>`. The token itself is never stored. */
export interface ApiToken {
  id: string;
  /** What it is for, e.g. "e-saraban". */
  name: string;
  role: Role;
  /** ISO 8601 instant. */
  createdAt: string;
  /** ISO 8601 instant it stopped working; null while it works. */
  revokedAt: string | null;
}

const tokenColumns = ['id', 'name', 'role', 'created_at', 'revoked_at'] as const;

/** API tokens: `store.apiTokens`. */
export class ApiTokenRepository {
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Makes a new token: `token` is the only time it is given; the database keeps its SHA-256.
   *
   * @throws {NameTakenError} when a token has the name already (a revoked one too: names stay in the list).
   * @example
   * ```ts
   * const { token, apiToken } = await store.apiTokens.create({ name: 'e-saraban', role: 'STAFF' });
   * console.log(token); // "sbt_…": shown once
   * ```
   */
  async create(input: { name: string; role: Role }): Promise<{ token: string; apiToken: ApiToken }> {
    const token = newSecret('sbt_');
    const row = await this.#db
      .insertInto('api_tokens')
      .values({
        id: randomUUID(),
        name: input.name,
        role: input.role,
        token_hash: secretHash(token),
        created_at: this.#now().toISOString(),
        revoked_at: null,
      })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .returning(tokenColumns)
      .executeTakeFirst();
    if (!row) throw new NameTakenError('API token', input.name);
    return { token, apiToken: toApiToken(row) };
  }

  /** Every token, revoked ones too, by name. */
  async list(): Promise<ApiToken[]> {
    const rows = await this.#db.selectFrom('api_tokens').select(tokenColumns).orderBy('name').execute();
    return rows.map(toApiToken);
  }

  /** How many tokens work: with neither users nor tokens, a server on 127.0.0.1 runs open. */
  async countActive(): Promise<number> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /**
   * Stops the token working at once; revoking it again changes nothing.
   *
   * @throws {NotFoundError} when no token has this name.
   * @example
   * ```ts
   * await store.apiTokens.revoke('e-saraban');
   * ```
   */
  async revoke(name: string): Promise<ApiToken> {
    const token = await this.#db
      .updateTable('api_tokens')
      .set({ revoked_at: this.#now().toISOString() })
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .returning(tokenColumns)
      .executeTakeFirst();
    if (token) return toApiToken(token);
    const revoked = await this.#db
      .selectFrom('api_tokens')
      .select(tokenColumns)
      .where('name', '=', name)
      .executeTakeFirst();
    if (!revoked) throw new NotFoundError('API token', name);
    return toApiToken(revoked);
  }

  /**
   * The working token with this value; undefined for an unknown or revoked one.
   *
   * @example
   * ```ts
   * const apiToken = await store.apiTokens.find(bearerToken);
   * ```
   */
  async find(token: string): Promise<ApiToken | undefined> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .select(tokenColumns)
      .where('token_hash', '=', secretHash(token))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toApiToken(row);
  }
}

function toApiToken(row: Pick<Selectable<ApiTokenTable>, (typeof tokenColumns)[number]>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
