import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/saraban.js';
import { CREATE_DOCUMENT, memoInput } from './memo-input.js';

const EVIL = 'https://evil.example';
const STUDIO = 'https://studio.lamphunpao.go.th';
const COUNT_PEOPLE = '{ people { id } }';
const CREATE_PERSON =
  'mutation { createPerson(input: { title: "นาย", givenName: "ผู้บุกรุก", familyName: "ข้ามโดเมน" }) { id } }';

/** What a browser asks before a cross-origin JSON POST, and what it needs in the answer to send it. */
async function preflight(server: TestServer, origin: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  return response.headers.get('access-control-allow-origin');
}

describe('a page on another origin can neither read nor write (issue 16: every Origin was echoed)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function peopleCount() {
    const { data } = await server.graphql<{ people: unknown[] }>(COUNT_PEOPLE);
    return data.people.length;
  }

  test('no CORS headers by default: the preflight and the answer allow no origin', async () => {
    expect(await preflight(server, EVIL)).toBeNull();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: JSON.stringify({ query: COUNT_PEOPLE }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  test('a plain HTML form post cannot run a mutation', async () => {
    const before = await peopleCount();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: CREATE_PERSON }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await peopleCount()).toBe(before);
  });

  test('a text/plain post (what a form with enctype text/plain sends) cannot run a mutation', async () => {
    const before = await peopleCount();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: CREATE_PERSON }),
    });
    expect(response.status).toBe(403);
    expect(await peopleCount()).toBe(before);
  });

  test('a GET, which an image tag or a link sends, cannot run a query', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(COUNT_PEOPLE)}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(403);
  });

  test('a client that sets the CSRF header (no page on another origin can) still uses GET', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(COUNT_PEOPLE)}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(response.status).toBe(200);
  });
});

describe('an allow-list of origins, for a studio served elsewhere', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ corsOrigins: [STUDIO] });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('the listed origin may call the API from a browser; any other may not', async () => {
    expect(await preflight(server, STUDIO)).toBe(STUDIO);
    expect(await preflight(server, EVIL)).not.toBe(EVIL);
  });
});

describe('downloads are sent as what they are, and marked documents kept out of caches', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function download(secrecy: string | null) {
    const created = await server.graphql<{ createDocument: { id: string } }>(CREATE_DOCUMENT, {
      input: memoInput({ secrecy }),
    });
    expect(created.errors).toBeUndefined();
    const rendered = await server.graphql<{ renderDocument: { url: string } }>(
      'mutation ($id: ID!) { renderDocument(id: $id) { url } }',
      { id: created.data.createDocument.id },
    );
    expect(rendered.errors).toBeUndefined();
    const response = await fetch(`${server.url}${rendered.data.renderDocument.url}`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    return response.headers;
  }

  test('a SECRET memo goes out with no-store and nosniff', async () => {
    const headers = await download('SECRET');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('an unmarked memo goes out with nosniff', async () => {
    const headers = await download(null);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('cache-control')).toBeNull();
  });
});
