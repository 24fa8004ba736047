import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentJson } from './support/document-text.js';
import { firstMissingInOrder, readPdf, runningText } from './support/pdf.js';
import { startTestServer, type TestServer, templatesDir } from './support/saraban.js';

describe('the salutation and closing follow the recipient class, in print', () => {
  let server: TestServer;
  let letter: DocumentJson;
  beforeAll(async () => {
    server = await startTestServer();
    letter = JSON.parse(await readFile(join(templatesDir, 'external-letter/examples/letter-to-agency.json'), 'utf8'));
  });
  afterAll(() => server?.close());

  test.each([
    ['GENERAL', 'เรียน', 'ขอแสดงความนับถือ'],
    ['HIGHEST', 'กราบเรียน', 'ขอแสดงความนับถืออย่างยิ่ง'],
    ['MONK', 'นมัสการ', 'ขอนมัสการด้วยความเคารพ'],
  ])('%s: "%s" before the recipient, "%s" after the body', async (recipientClass, salutation, closing) => {
    const input: DocumentJson = {
      ...letter,
      recipient: { name: 'เจ้าอาวาสวัดพระธาตุหริภุญชัย', class: recipientClass },
    };
    const created = await server.graphql(
      'mutation ($input: DocumentInput!) { createDocument(input: $input) { id recipient { salutation closing } } }',
      { input },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createDocument.recipient).toEqual({ salutation, closing });
    const rendered = await server.graphql('mutation ($id: ID!) { renderDocument(id: $id) { url } }', {
      id: created.data.createDocument.id,
    });
    const pdf = new Uint8Array(await (await fetch(`${server.url}${rendered.data.renderDocument.url}`)).arrayBuffer());
    const text = runningText((await readPdf(pdf)).pages);
    const lastParagraph = [...input.body].reverse().find((block: { paragraph?: unknown }) => block.paragraph);
    expect(
      firstMissingInOrder(text, [
        `${salutation} เจ้าอาวาสวัดพระธาตุหริภุญชัย`,
        lastParagraph.paragraph.text.slice(0, 20),
        closing,
        `(${input.signer.title}${input.signer.givenName} ${input.signer.familyName})`,
      ]),
    ).toBeUndefined();
    // The other classes' words are not printed (กราบเรียน contains เรียน, so compare whole salutation lines).
    for (const other of ['ขอแสดงความนับถืออย่างยิ่ง', 'ขอนมัสการด้วยความเคารพ'].filter((word) => word !== closing)) {
      expect(text).not.toContain(other);
    }
  });
});
