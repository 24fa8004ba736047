import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NameTakenError, NotFoundError, type Store, WeakPasswordError } from '../src/index.js';
import { dialects, openTempStore } from './temp-store.js';

const PASSWORD = 'ลำพูน correct horse';

describe.each(dialects)('store.users and store.apiTokens on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTempStore(dialect));
  });
  afterEach(() => cleanup());

  it('keeps a user with a role and only the scrypt hash of the password; signs in with the right one only', async () => {
    const somchai = await store.users.create({ name: 'somchai', role: 'STAFF', password: PASSWORD });
    expect(somchai).toMatchObject({ name: 'somchai', role: 'STAFF' });
    expect(await store.users.count()).toBe(1);
    const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);

    expect(await store.users.signIn('somchai', 'wrong password')).toBeUndefined();
    expect(await store.users.signIn('nobody', PASSWORD)).toBeUndefined();
    const signedIn = await store.users.signIn('somchai', PASSWORD);
    expect(signedIn?.user).toEqual(somchai);
    const token = signedIn?.session.token as string;
    expect(await store.users.sessionUser(token)).toEqual(somchai);
    // The database holds the session's SHA-256, not the cookie's value.
    const sessions = await store.db.selectFrom('sessions').selectAll().execute();
    expect(sessions.map((session) => session.token_hash)).not.toContain(token);
    expect(await store.users.sessionUser(`${token}x`)).toBeUndefined();

    await store.users.signOut(token);
    expect(await store.users.sessionUser(token)).toBeUndefined();
    // Each password checked costs scrypt's 128 MiB and about a second, several when the machine is loaded.
  }, 120_000);

  it('changes roles at once, ends sessions with a new password or removal, and refuses taken names and short passwords', async () => {
    await store.users.create({ name: 'somchai', role: 'VIEWER', password: PASSWORD });
    await expect(store.users.create({ name: 'somchai', role: 'ADMIN', password: PASSWORD })).rejects.toThrow(
      NameTakenError,
    );
    await expect(store.users.create({ name: 'short', role: 'ADMIN', password: '123456789' })).rejects.toThrow(
      WeakPasswordError,
    );
    const { session } = (await store.users.signIn('somchai', PASSWORD)) ?? { session: { token: '' } };
    await store.users.setRole('somchai', 'DESIGNER');
    expect((await store.users.sessionUser(session.token))?.role).toBe('DESIGNER');

    await store.users.setPassword('somchai', 'another long passphrase');
    expect(await store.users.sessionUser(session.token)).toBeUndefined();
    expect(await store.users.signIn('somchai', PASSWORD)).toBeUndefined();
    const again = await store.users.signIn('somchai', 'another long passphrase');
    expect(again).toBeDefined();

    await store.users.remove('somchai');
    expect(await store.users.sessionUser(again?.session.token as string)).toBeUndefined();
    expect(await store.users.list()).toEqual([]);
    await expect(store.users.remove('somchai')).rejects.toThrow(NotFoundError);
    await expect(store.users.setRole('somchai', 'ADMIN')).rejects.toThrow('user somchai does not exist');
  }, 120_000);

  it('gives an API token once, keeps its SHA-256, finds it until it is revoked', async () => {
    const { token, apiToken } = await store.apiTokens.create({ name: 'e-saraban', role: 'STAFF' });
    expect(token).toMatch(/^sbt_[\w-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'e-saraban', role: 'STAFF', revokedAt: null });
    const row = await store.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await store.apiTokens.find(token)).toEqual(apiToken);
    expect(await store.apiTokens.countActive()).toBe(1);
    await expect(store.apiTokens.create({ name: 'e-saraban', role: 'VIEWER' })).rejects.toThrow(NameTakenError);

    const revoked = await store.apiTokens.revoke('e-saraban');
    expect(revoked.revokedAt).not.toBeNull();
    expect(await store.apiTokens.find(token)).toBeUndefined();
    expect(await store.apiTokens.countActive()).toBe(0);
    expect(await store.apiTokens.list()).toEqual([revoked]);
    await expect(store.apiTokens.revoke('nope')).rejects.toThrow('API token nope does not exist');
  });
});
