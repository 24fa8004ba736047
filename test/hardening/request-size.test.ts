import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/saraban.js';

const MiB = 1024 * 1024;
/** One GraphQL request of about `bytes` bytes: a small query and one long variable nobody reads. */
const requestOf = (bytes: number) =>
  JSON.stringify({ query: '{ people { id } }', variables: { pad: 'a'.repeat(bytes) } });

describe('a request body over the limit is refused whole (issue 16: any body size was read into memory)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const refusal = {
    message: expect.stringMatching(
      /^\d+ bytes in the request body( or more)?; the limit \(requestBytes\) is 25165824$/,
    ),
    extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', limitName: 'requestBytes', limit: 24 * MiB }),
  };

  test('by its Content-Length: 413 and the limit', async () => {
    const body = requestOf(25 * MiB);
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    const answer = await response.json();
    expect(answer.errors).toEqual([expect.objectContaining(refusal)]);
    expect(answer.errors[0].message).toBe(
      `${body.length} bytes in the request body; the limit (requestBytes) is 25165824`,
    );
  });

  test('a chunked body, which declares no length: 413 once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('a'.repeat(MiB));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0)
          controller.enqueue(new TextEncoder().encode('{"query":"{ people { id } }","variables":{"pad":"'));
        if (sent++ < 30) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
        }
      },
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).errors).toEqual([expect.objectContaining(refusal)]);
  });

  test('a request under the limit is answered as always', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: requestOf(MiB),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ people: [] });
  });
});
