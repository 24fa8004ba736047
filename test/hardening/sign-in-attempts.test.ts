import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../support/postgres-database.js';
import { startTestServer, type TestServer } from '../support/saraban.js';

// Issue 16: sign-in attempts and API token guesses are limited per user name and per client address. The limits are
// lowered here (3 per name, 6 per address, a 20 s window: room for
// the password hashes of a loaded machine) so the test needs a few password hashes, not a hundred.

const PASSWORD = 'ลำพูน correct horse';
const SIGN_IN =
  'mutation ($name: String!, $password: String!) { signIn(name: $name, password: $password) { name role } }';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe('sign-in attempts and API token guesses are limited (issue 16)', () => {
  let server: TestServer;
  let token = '';

  beforeAll(async () => {
    // On PostgreSQL, where a look-up waits on the network and requests interleave (SQLite's run to the end at once).
    server = await startTestServer({
      database: await createTestDatabase(),
      attemptLimits: { signInAttempts: 3, addressFailures: 6, attemptWindowSeconds: 20 },
      setUp: async (store) => {
        await store.users.create({ name: 'somchai', role: 'STAFF', password: PASSWORD });
        token = (await store.apiTokens.create({ name: 'e-saraban', role: 'STAFF' })).token;
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as Answer['body'],
    };
  }
  const signIn = (name: string, password: string) => post(SIGN_IN, { name, password });
  const withToken = (bearer: string) => post('{ people { id } }', {}, { authorization: `Bearer ${bearer}` });

  test('a name tried too often is refused, the right password too, until the window has passed', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn('somchai', `wrong ${attempt}`)).status).toBe(401);
    }
    const refused = await signIn('somchai', PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(20);
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^signIn for "somchai": 4 sign-in attempts within 20 s; the limit \(signInAttempts\) is 3\. Try again in \d+ s$/,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      limitName: 'signInAttempts',
      limit: 3,
    });

    // Waits out the window, as the Retry-After header says.
    await sleep(Number(refused.retryAfter) * 1000 + 200);
    const signedIn = await signIn('somchai', PASSWORD);
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data?.signIn).toEqual({ name: 'somchai', role: 'STAFF' });
  });

  test('one address: unknown API tokens and wrong sign-ins under any name count together', async () => {
    for (let guess = 0; guess < 3; guess++) expect((await withToken(`sbt_guess${guess}`)).status).toBe(401);
    for (const name of ['malee', 'somsak', 'admin']) expect((await signIn(name, 'wrong')).status).toBe(401);

    const refused = await signIn('somchai', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      limitName: 'addressFailures',
      limit: 6,
    });
    const tokenRefused = await withToken(token);
    expect(tokenRefused.status).toBe(429);
    expect(Number(tokenRefused.retryAfter)).toBeGreaterThan(0);
  });

  test('a burst of unknown API tokens sent at once is counted in full: each past the limit is refused', async () => {
    // From another loopback address, whose count starts at nothing. All at once: when the limit was checked only
    // before each look-up, tokens looked up side by side all passed it, and the burst got more answers than the limit.
    const fromOtherAddress = (bearer: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${server.url}/graphql`);
        const body = JSON.stringify({ query: '{ people { id } }' });
        const sent = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            localAddress: '127.0.0.2',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        sent.on('error', reject);
        sent.end(body);
      });
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => fromOtherAddress(`sbt_burst${i}`)));
    expect(statuses.filter((status) => status === 401)).toHaveLength(6);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });
});
