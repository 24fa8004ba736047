import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from './support/saraban.js';

// Issue 16: admins manage users and API tokens over the API, as `saraban users` and `saraban tokens` do on the
// server; every other role is refused by the access policy.

const PASSWORD = 'ลำพูน correct horse';
const ADD_USER =
  'mutation ($name: String!, $role: Role!, $password: String!) { addUser(name: $name, role: $role, password: $password) { name role } }';

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A field of an answer's data; throws with the errors when there is none. */
function dataOf<T>(answer: Answer, field: string): T {
  if (!answer.data) throw new Error(`no data: ${JSON.stringify(answer.errors)}`);
  return answer.data[field] as T;
}

describe('users and API tokens managed over the API (admins only)', () => {
  let server: TestServer;
  const tokens = { admin: '', staff: '' };

  beforeAll(async () => {
    server = await startTestServer({
      setUp: async (store) => {
        tokens.admin = (await store.apiTokens.create({ name: 'it-desk', role: 'ADMIN' })).token;
        tokens.staff = (await store.apiTokens.create({ name: 'e-saraban', role: 'STAFF' })).token;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function post(token: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
  }

  test('an admin adds a user, changes their role and password, and removes them', async () => {
    const added = await post(tokens.admin, ADD_USER, { name: 'somsri', role: 'STAFF', password: PASSWORD });
    expect(added.errors).toBeUndefined();
    expect(added.data?.addUser).toEqual({ name: 'somsri', role: 'STAFF' });

    const role = await post(tokens.admin, 'mutation { setUserRole(name: "somsri", role: VIEWER) { name role } }');
    expect(role.data?.setUserRole).toEqual({ name: 'somsri', role: 'VIEWER' });
    const password = await post(
      tokens.admin,
      'mutation ($password: String!) { setUserPassword(name: "somsri", password: $password) { name } }',
      { password: `${PASSWORD} 2` },
    );
    expect(password.errors).toBeUndefined();
    const signedIn = await post(
      '',
      'mutation ($password: String!) { signIn(name: "somsri", password: $password) { name role } }',
      { password: `${PASSWORD} 2` },
    );
    expect(signedIn.data?.signIn).toEqual({ name: 'somsri', role: 'VIEWER' });

    const removed = await post(tokens.admin, 'mutation { removeUser(name: "somsri") }');
    expect(removed.data?.removeUser).toBe(true);
    const users = await post(tokens.admin, '{ users { name } }');
    expect(users.data?.users).toEqual([]);
  });

  test('an admin makes an API token, shown once, that works until it is revoked', async () => {
    const made = await post(
      tokens.admin,
      'mutation { createApiToken(name: "dashboard", role: VIEWER) { token apiToken { name role revokedAt } } }',
    );
    const { token, apiToken } = dataOf<{ token: string; apiToken: unknown }>(made, 'createApiToken');
    expect(token).toMatch(/^sbt_/);
    expect(apiToken).toEqual({ name: 'dashboard', role: 'VIEWER', revokedAt: null });
    expect((await post(token, '{ viewer { name role via } }')).data?.viewer).toEqual({
      name: 'dashboard',
      role: 'VIEWER',
      via: 'TOKEN',
    });
    const listed = await post(tokens.admin, '{ apiTokens { name role } }');
    expect(listed.data?.apiTokens).toEqual([
      { name: 'dashboard', role: 'VIEWER' },
      { name: 'e-saraban', role: 'STAFF' },
      { name: 'it-desk', role: 'ADMIN' },
    ]);

    const revoked = await post(tokens.admin, 'mutation { revokeApiToken(name: "dashboard") { revokedAt } }');
    expect(dataOf<{ revokedAt: string | null }>(revoked, 'revokeApiToken').revokedAt).not.toBeNull();
    expect((await post(token, '{ documents { total } }')).status).toBe(401);
  });

  test('mistakes name the argument: a name taken, a short password, a user that does not exist', async () => {
    await post(tokens.admin, ADD_USER, { name: 'malee', role: 'VIEWER', password: PASSWORD });
    const taken = await post(tokens.admin, ADD_USER, { name: 'malee', role: 'STAFF', password: PASSWORD });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const short = await post(tokens.admin, ADD_USER, { name: 'somchai', role: 'STAFF', password: 'short' });
    expect(short.errors?.[0]).toMatchObject({
      message: 'a password needs at least 10 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'password', minLength: 10 },
    });
    const missing = await post(tokens.admin, 'mutation { removeUser(name: "nobody") }');
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'user', id: 'nobody' });
  });

  test('other roles are refused, naming the role that may', async () => {
    const refused = await post(tokens.staff, ADD_USER, { name: 'x', role: 'ADMIN', password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.message).toBe('Mutation.addUser needs the role ADMIN; you are STAFF');
    const list = await post(tokens.staff, '{ apiTokens { name } }');
    expect(list.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', needed: ['ADMIN'] });
  });

  test('an admin signed in to the studio cannot remove or demote themselves', async () => {
    await post(tokens.admin, ADD_USER, { name: 'boss', role: 'ADMIN', password: PASSWORD });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { signIn(name: "boss", password: "${PASSWORD}") { name } }` }),
    });
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const remove = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: 'mutation { removeUser(name: "boss") }' }),
    });
    const body = (await remove.json()) as Omit<Answer, 'status'>;
    expect(body.errors?.[0]?.message).toBe(
      'name: you cannot remove your own account: another admin, or saraban users on the server, can',
    );
  });
});
