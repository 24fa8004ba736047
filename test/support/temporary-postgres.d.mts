/** A running throwaway PostgreSQL server; see temporary-postgres.mjs. */
export interface TemporaryPostgres {
  /** The server's own `postgres` database, as a connection URL. */
  url: string;
  /** Shuts the server down and removes its data directory. */
  stop(): Promise<void>;
}

export function startTemporaryPostgres(): Promise<TemporaryPostgres>;
