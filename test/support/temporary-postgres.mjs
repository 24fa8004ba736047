// A throwaway PostgreSQL server for the tests and the bench: Debian's binaries, a fresh data directory under the
// system temp dir, a free port on 127.0.0.1, durability off (nothing here outlives the run). Plain JavaScript so that
// both vitest's global setup and bench/*.mjs use it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts each major version's server programs; the newest version installed is used. */
const debianRoot = '/usr/lib/postgresql';

/** The user that runs the server when we are root: initdb and postgres refuse to run as root. */
const serverUser = 'postgres';

/**
 * Starts a PostgreSQL server in a new temporary data directory, listening on 127.0.0.1 only, with one superuser,
 * `saraban`, who needs no password. `stop()` shuts it down and removes the directory.
 *
 * @example
 * const postgres = await startTemporaryPostgres();
 * console.log(postgres.url); // postgres://saraban@127.0.0.1:41234/postgres
 * await postgres.stop();
 */
export async function startTemporaryPostgres() {
  const bin = postgresBinDirectory();
  const dir = mkdtempSync(join(tmpdir(), 'saraban-postgres-'));
  const data = join(dir, 'data');
  const asServerUser = runAs(dir);
  const run = (program, args) => {
    const [command, commandArgs] = asServerUser(join(bin, program), args);
    const result = spawnSync(command, commandArgs, { encoding: 'utf8' });
    if (result.status !== 0) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(`${program} failed (exit ${result.status ?? result.signal}):\n${result.stderr}${log}`);
    }
  };
  try {
    run('initdb', ['-D', data, '-U', 'saraban', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      // A test database is thrown away: syncing it to disk only costs time.
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
      // Test files run two at a time, each with its pools and, in the workers' test, three processes.
      '-c max_connections=300',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
    const url = `postgres://saraban@127.0.0.1:${port}/postgres`;
    return {
      /** The server's own `postgres` database, as a connection URL. */
      url,
      async stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The directory of initdb, pg_ctl and postgres: Debian's newest major version, or wherever `pg_config --bindir`
 * says on other systems.
 */
function postgresBinDirectory() {
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => existsSync(join(debianRoot, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debianRoot, versions[0], 'bin');
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0 && existsSync(join(pgConfig.stdout.trim(), 'initdb'))) return pgConfig.stdout.trim();
  throw new Error(
    'PostgreSQL is not installed: the tests start a temporary server. Run `node .ci/setup.mjs` as root ' +
      "(it installs Debian's postgresql), or install it yourself: apt-get install -y postgresql",
  );
}

/**
 * How to run a server program: as ourselves, or, when we are root, as the `postgres` user through runuser, after
 * giving that user the temporary directory.
 */
function runAs(dir) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return (program, args) => [program, args];
  const uid = Number(execFileSync('id', ['-u', serverUser], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', serverUser], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  return (program, args) => ['runuser', ['-u', serverUser, '--', program, ...args]];
}

/** A port nobody listens on now, on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
