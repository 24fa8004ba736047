import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/saraban.js';

const MiB = 1024 * 1024;
/** One GraphQL request of about `bytes` bytes: a small query and one long variable nobody reads. */
const requestOf = (bytes: number) =>
  JSON.stringify({ query: '{ people { id } }', variables: { pad: 'a'.repeat(bytes) } });

/**
 * Sends a request of `bodyMiB` MiB over a plain connection, all of it before reading anything, as a simple client
 * does, then reads the answer: what came back, or the error the connection ended in.
 */
function sendThenRead(url: string, chunked: boolean, bodyMiB: number): Promise<{ answer: string; error?: string }> {
  const { hostname, port } = new URL(url);
  const chunk = 'a'.repeat(MiB);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.pause();
    socket.on('data', (data: Buffer) => {
      answer += data.toString();
      // The whole answer: its headers and as many bytes as its Content-Length says.
      const [head, body = ''] = answer.split('\r\n\r\n');
      if (Buffer.byteLength(body) >= Number(/content-length: (\d+)/i.exec(head ?? '')?.[1] ?? Number.NaN)) {
        socket.destroy();
        resolve({ answer });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ answer, error: error.code }));
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\n${
        chunked ? 'transfer-encoding: chunked' : `content-length: ${bodyMiB * MiB}`
      }\r\n\r\n`,
    );
    const send = (left: number): void => {
      if (left === 0) {
        if (chunked) socket.write('0\r\n\r\n');
        socket.resume();
        return;
      }
      const written = socket.write(chunked ? `${MiB.toString(16)}\r\n${chunk}\r\n` : chunk);
      if (written) send(left - 1);
      else socket.once('drain', () => send(left - 1));
    };
    send(bodyMiB);
  });
}

/**
 * Sends a request over the limit (by its Content-Length, or 25 MiB chunked) whose body then keeps arriving, 64 KiB
 * every 50 ms, and never ends: the milliseconds from the 413 to the server cutting the connection, and the answer.
 */
function sendForever(url: string, chunked: boolean): Promise<{ answer: string; cutAfterMs: number }> {
  const { hostname, port } = new URL(url);
  const piece = (text: string) => (chunked ? `${text.length.toString(16)}\r\n${text}\r\n` : text);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    let answeredAt: number | undefined;
    socket.on('data', (data: Buffer) => {
      answer += data.toString();
      answeredAt ??= performance.now();
    });
    socket.on('error', () => undefined);
    const trickle = setInterval(() => socket.write(piece('a'.repeat(64 * 1024))), 50);
    socket.on('close', () => {
      clearInterval(trickle);
      if (answeredAt === undefined) reject(new Error(`cut before any answer: ${answer}`));
      else resolve({ answer, cutAfterMs: performance.now() - answeredAt });
    });
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\n${
        chunked ? 'transfer-encoding: chunked' : `content-length: ${1024 * MiB}`
      }\r\n\r\n`,
    );
    if (chunked) for (let i = 0; i < 25; i++) socket.write(piece('a'.repeat(MiB)));
  });
}

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

  // Answered while the client still sends, then closed, the connection was reset by the client's system with the
  // answer unread: the client saw EPIPE (fetch failed this way under load).
  test('a client that sends all of a body over the limit before it reads gets the 413, by length or chunked', async () => {
    for (const chunked of [false, true]) {
      const { answer, error } = await sendThenRead(server.url, chunked, 30);
      expect(error).toBeUndefined();
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(answer).toContain('"limitName":"requestBytes"');
    }
  });

  // The rest of a refused body is read and dropped so that the client reads the 413, but not for ever: a client
  // that goes on sending is cut off 10 s after it (LINGER_MS in body-limit.ts).
  test('a refused body that keeps arriving is cut off 10 s after the 413, by length or chunked', async () => {
    const sent = await Promise.all([sendForever(server.url, false), sendForever(server.url, true)]);
    for (const { answer, cutAfterMs } of sent) {
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      expect(cutAfterMs).toBeGreaterThan(9_000);
      expect(cutAfterMs).toBeLessThan(15_000);
    }
  }, 30_000);

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
