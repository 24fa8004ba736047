import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runSaraban, startSaraban, stopSaraban } from './support/saraban-process.js';

const saraban = runSaraban;

describe('saraban users, saraban tokens, and serve with and without users (issue 16)', () => {
  let dir: string;
  let db: string[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-access-cli-'));
    db = ['--db', join(dir, 'saraban.db')];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('a server with no users runs open on 127.0.0.1 and says so; on 0.0.0.0 it refuses in one line, exit 1', async () => {
    const serve = await startSaraban(['serve', '--port', '0', '--pool', '1', ...db], /Press Ctrl\+C/);
    expect(serve.output()).toMatch(/OPEN: no users are configured, so anyone at this machine may do anything/);
    await stopSaraban(serve.child);

    const refused = await saraban(['serve', '--host', '0.0.0.0', '--port', '0', '--pool', '1', ...db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^refusing to serve on 0\.0\.0\.0 with no users: .*saraban users add/),
    ]);
  }, 120_000);

  test('users: add (password piped in), list, set-role, set-password, remove; mistakes are one line, exit 1 (2 for the command line)', async () => {
    const added = await saraban(['users', 'add', 'somchai', '--role', 'staff', ...db], {
      input: 'ลำพูน correct horse\n',
    });
    expect(added).toMatchObject({ code: 0, stdout: 'added somchai (STAFF)\n' });
    expect((await saraban(['users', 'list', ...db])).stdout).toMatch(/^somchai\tSTAFF\t\d{4}-/);
    expect((await saraban(['users', 'set-role', 'somchai', 'designer', ...db])).stdout).toBe(
      'somchai is now DESIGNER\n',
    );
    const changed = await saraban(['users', 'set-password', 'somchai', ...db], { input: 'another long passphrase\n' });
    expect(changed.stdout).toBe('somchai: password changed; their sessions are signed out\n');

    const taken = await saraban(['users', 'add', 'somchai', '--role', 'viewer', ...db], {
      input: 'ลำพูน correct horse\n',
    });
    expect(taken).toMatchObject({ code: 1, stderr: 'user "somchai" exists already: choose another name\n' });
    const short = await saraban(['users', 'add', 'malee', '--role', 'viewer', ...db], { input: '1234\n' });
    expect(short).toMatchObject({ code: 1, stderr: 'a password needs at least 10 characters\n' });
    const role = await saraban(['users', 'add', 'malee', '--role', 'boss', ...db]);
    expect(role.code).toBe(2); // a mistake in the command line (exit-codes.ts)
    expect(role.stderr).toMatch(
      /--role <role>' argument 'boss' is invalid\. must be one of admin, designer, staff, viewer/,
    );
    expect(await saraban(['users', 'remove', 'nobody', ...db])).toMatchObject({
      code: 1,
      stderr: 'user nobody does not exist\n',
    });

    expect((await saraban(['users', 'remove', 'somchai', ...db])).stdout).toBe(
      'removed somchai; their sessions are signed out\n',
    );
    expect((await saraban(['users', 'list', ...db])).stdout).toBe('');
    // Each command starts Node and opens the database, and a password costs scrypt's 128 MiB: slow when loaded.
  }, 180_000);

  test('with a user, the server asks for sign-in and may listen beyond this machine', async () => {
    expect(
      (await saraban(['users', 'add', 'malee', '--role', 'admin', ...db], { input: 'ลำพูน correct horse\n' })).code,
    ).toBe(0);
    const serve = await startSaraban(
      ['serve', '--host', '0.0.0.0', '--port', '0', '--pool', '1', ...db],
      /Press Ctrl\+C/,
    );
    expect(serve.output()).toMatch(/sign-in required/);
    await stopSaraban(serve.child);
    expect((await saraban(['users', 'remove', 'malee', ...db])).code).toBe(0);
  }, 120_000);

  test('tokens: create prints the token once, list shows it active, revoke stops it', async () => {
    const created = await saraban(['tokens', 'create', 'e-saraban', '--role', 'staff', ...db]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^sbt_[\w-]{43}\n$/);
    expect(created.stderr).toMatch(/shown this once/);
    expect((await saraban(['tokens', 'list', ...db])).stdout).toMatch(/^e-saraban\tSTAFF\t\S+\tactive\n$/);
    expect((await saraban(['tokens', 'revoke', 'e-saraban', ...db])).stdout).toBe(
      'revoked "e-saraban" (STAFF): it no longer signs anything in\n',
    );
    expect((await saraban(['tokens', 'list', ...db])).stdout).toMatch(/^e-saraban\tSTAFF\t\S+\trevoked \S+\n$/);
    expect((await saraban(['tokens', 'list', ...db])).stdout).not.toContain(created.stdout.trim());
  }, 120_000);
});
