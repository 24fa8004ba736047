import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CREATE_DOCUMENT, memoInput } from './hardening/memo-input.js';
import { pdfText } from './support/poppler.js';
import { startTestServer, type TestServer } from './support/saraban.js';

// Issue 16 (users and roles) and 17 (who may do what): a real server on 127.0.0.1 with users and API tokens.

const PASSWORD = 'ลำพูน correct horse';
const EVIL = 'https://evil.example';
const PEOPLE = '{ people { id } }';
const CREATE_PERSON =
  'mutation { createPerson(input: { title: "นาย", givenName: "ทดสอบ", familyName: "สิทธิ์" }) { id } }';
const SIGN_IN =
  'mutation ($name: String!, $password: String!) { signIn(name: $name, password: $password) { name role } }';

interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A field of a response's data; throws with the errors when there is none. */
function dataOf<T>(body: GraphqlBody, field: string): T {
  if (!body.data) throw new Error(`no data: ${JSON.stringify(body.errors)}`);
  return body.data[field] as T;
}

describe('who may do what, over HTTP (users configured)', () => {
  let server: TestServer;
  const tokens: Record<'integrator' | 'viewer' | 'designer' | 'revoked', string> = {
    integrator: '',
    viewer: '',
    designer: '',
    revoked: '',
  };

  beforeAll(async () => {
    server = await startTestServer({
      // As in production: no GraphiQL page, the schema for those signed in only.
      graphiql: false,
      introspection: 'signed-in',
      setUp: async (store) => {
        await store.users.create({ name: 'malee', role: 'VIEWER', password: PASSWORD });
        await store.users.create({ name: 'admin', role: 'ADMIN', password: PASSWORD });
        tokens.integrator = (await store.apiTokens.create({ name: 'e-saraban', role: 'STAFF' })).token;
        tokens.viewer = (await store.apiTokens.create({ name: 'dashboard', role: 'VIEWER' })).token;
        tokens.designer = (await store.apiTokens.create({ name: 'template-sync', role: 'DESIGNER' })).token;
        tokens.revoked = (await store.apiTokens.create({ name: 'old', role: 'ADMIN' })).token;
        await store.apiTokens.revoke('old');
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { response, body: (await response.json()) as GraphqlBody };
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function signIn(name: string, password: string, headers: Record<string, string> = {}) {
    const { response, body } = await post(SIGN_IN, { name, password }, headers);
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { body, setCookie, cookie: setCookie.split(';')[0] as string };
  }

  test('no token: UNAUTHENTICATED (HTTP 401), naming the roles that may', async () => {
    const { response, body } = await post(PEOPLE);
    expect(response.status).toBe(401);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      needed: ['ADMIN', 'DESIGNER', 'STAFF', 'VIEWER'],
    });
    const write = await post(CREATE_PERSON);
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', needed: ['ADMIN', 'STAFF'] });
    expect(write.body.errors?.[0]?.message).toMatch(/Mutation\.createPerson: nobody is signed in.*ADMIN or STAFF/);
    // A revoked token, or one never made, signs nobody in.
    for (const token of [tokens.revoked, 'sbt_not-a-token']) {
      expect((await post(PEOPLE, {}, bearer(token))).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Who am I is public: nobody.
    expect((await post('{ viewer { name } }')).body).toEqual({ data: { viewer: null } });
  });

  test("an integrator's token writes, renders and downloads the PDF; the download needs a token too", async () => {
    const created = await post(
      CREATE_DOCUMENT,
      { input: memoInput({ subject: 'ขออนุมัติจัดซื้อวัสดุ โดยโทเค็น' }) },
      bearer(tokens.integrator),
    );
    expect(created.body.errors).toBeUndefined();
    const id = dataOf<{ id: string }>(created.body, 'createDocument').id;
    const rendered = await post(
      'mutation ($id: ID!) { renderDocument(id: $id) { url pages } }',
      { id },
      bearer(tokens.integrator),
    );
    expect(rendered.body.errors).toBeUndefined();
    const url = `${server.url}${dataOf<{ url: string }>(rendered.body, 'renderDocument').url}`;

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toMatch(/nobody is signed in/);
    const download = await fetch(url, { headers: bearer(tokens.integrator) });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await download.arrayBuffer()));
    expect(text.replace(/\s+/g, '')).toContain('ขออนุมัติจัดซื้อวัสดุโดยโทเค็น');
  });

  test("a viewer reads, and a viewer's mutation is refused FORBIDDEN with the role it needs; nothing is written", async () => {
    const before = (await post(PEOPLE, {}, bearer(tokens.viewer))).body;
    expect(before.errors).toBeUndefined();
    const count = dataOf<unknown[]>(before, 'people').length;
    const { response, body } = await post(CREATE_PERSON, {}, bearer(tokens.viewer));
    expect(response.status).toBe(403);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Mutation.createPerson needs the role ADMIN or STAFF; you are VIEWER',
      extensions: { code: 'FORBIDDEN', role: 'VIEWER', needed: ['ADMIN', 'STAFF'] },
    });
    expect(dataOf<unknown[]>((await post(PEOPLE, {}, bearer(tokens.viewer))).body, 'people').length).toBe(count);
    // A designer edits templates, not documents; only an admin lists users.
    const designer = await post(CREATE_PERSON, {}, bearer(tokens.designer));
    expect(designer.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', role: 'DESIGNER' });
    const users = await post('{ users { name } }', {}, bearer(tokens.integrator));
    expect(users.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', needed: ['ADMIN'] });
  });

  test('signing in sets an HttpOnly, SameSite=Strict session cookie (Secure over https); signing out ends it', async () => {
    const wrong = await signIn('malee', 'not her password');
    expect(wrong.body.errors?.[0]).toMatchObject({
      message: 'Mutation.signIn: the name or the password is wrong',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(wrong.setCookie).toBe('');

    const { body, setCookie, cookie } = await signIn('malee', PASSWORD);
    expect(body).toEqual({ data: { signIn: { name: 'malee', role: 'VIEWER' } } });
    expect(setCookie).toMatch(/^saraban_session=sbs_[\w-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/);
    const viewer = await post('{ viewer { name role via open permissions } }', {}, { cookie });
    expect(viewer.body.data?.viewer).toEqual({
      name: 'malee',
      role: 'VIEWER',
      via: 'SESSION',
      open: false,
      permissions: ['PUBLIC', 'READ'],
    });
    expect((await post(CREATE_PERSON, {}, { cookie })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Behind a proxy that terminates https (it says so), the cookie is Secure.
    const secure = await signIn('admin', PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(secure.setCookie).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);

    const out = await post('mutation { signOut }', {}, { cookie });
    expect(out.response.headers.get('set-cookie')).toMatch(/^saraban_session=; Path=\/; Max-Age=0; HttpOnly/);
    expect((await post(PEOPLE, {}, { cookie })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('a page on another origin can neither read nor write, even with a signed-in session in the browser', async () => {
    const { cookie } = await signIn('admin', PASSWORD);
    // What a form on another site posts: refused before it runs (CSRF prevention), and no CORS lets it read.
    const people = dataOf<unknown[]>((await post(PEOPLE, {}, { cookie })).body, 'people').length;
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: EVIL, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: CREATE_PERSON }).toString(),
    });
    expect(form.status).toBe(403);
    expect(form.headers.get('access-control-allow-origin')).toBeNull();
    const json = await post(PEOPLE, {}, { origin: EVIL, cookie });
    expect(json.response.headers.get('access-control-allow-origin')).toBeNull();
    expect(dataOf<unknown[]>((await post(PEOPLE, {}, { cookie })).body, 'people').length).toBe(people);
  });

  test('production settings: no GraphiQL page, and the schema only for those signed in', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const anonymous = await post('{ __schema { queryType { name } } }');
    expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      operation: 'introspection',
    });
    const signedIn = await post('{ __schema { queryType { name } } }', {}, bearer(tokens.viewer));
    expect(signedIn.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
