import { type DataTypeNode, PostgresDialect, PostgresQueryCompiler, type QueryCompiler } from 'kysely';
import pg from 'pg';

/**
 * Kysely's dialect for a PostgreSQL server, with a pool of `poolSize` connections.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: postgresDialect('postgres://saraban@db.example/saraban', 10) });
 * ```
 */
export function postgresDialect(url: string, poolSize: number): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A connection the server closed while idle (a restart, a network cut) is dropped from the pool by pg, which also
  // emits it here; unheard, the event would end the process. The next query opens a new connection.
  pool.on('error', () => {});
  return new PortablePostgresDialect({ pool });
}

/**
 * The migrations were written for SQLite and are never edited once released; the one column type they use that
 * PostgreSQL lacks, `blob`, is `bytea` there. Every other statement compiles as kysely writes it.
 */
class PortablePostgresQueryCompiler extends PostgresQueryCompiler {
  protected override visitDataType(node: DataTypeNode): void {
    if (node.dataType === 'blob') this.append('bytea');
    else super.visitDataType(node);
  }
}

class PortablePostgresDialect extends PostgresDialect {
  override createQueryCompiler(): QueryCompiler {
    return new PortablePostgresQueryCompiler();
  }
}
