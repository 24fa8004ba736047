import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/poppler.js';
import { launchPrinter, type Printer } from '../src/index.js';

let printer: Printer;
let server: Server;
let serverRequests: string[];
let local: string;

beforeAll(async () => {
  serverRequests = [];
  server = createServer((request, response) => {
    serverRequests.push(request.url ?? '');
    if (request.url === '/s.css') response.end('body::after { content: "CSS FROM THE NETWORK" }');
    else response.end('<p>PAGE FROM THE NETWORK</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One tab, so consecutive prints share it and reuse of its document is exercised.
  printer = await launchPrinter({ poolSize: 1 });
});

afterAll(async () => {
  await printer?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a document that reaches out', () => {
  const hostileHtml = () => `<!doctype html><html lang="th"><head><meta charset="utf-8">
    <link rel="stylesheet" href="${local}/s.css">
    <style>.backdrop { background: url(${local}/x.png); height: 2cm }</style></head>
    <body><p>OWN TEXT</p>
    <img src="file:///etc/hostname">
    <iframe src="${local}/"></iframe>
    <iframe srcdoc="<p>FRAME TEXT</p><script>document.body.innerHTML = 'FRAME SCRIPT RAN'</script>"></iframe>
    <div class="backdrop"></div>
    <script>document.body.innerHTML = 'SCRIPT RAN'</script></body></html>`;
  const blockedUrls = () => [`${local}/s.css`, `${local}/x.png`, `${local}/`, 'file:///etc/hostname'];

  it('prints only its own content, warns about every blocked URL, and sends nothing out', async () => {
    const { pdf, warnings } = await printer.print({ html: hostileHtml() });

    const text = await pdfText(pdf);
    expect(text).toContain('OWN TEXT');
    expect(text).toContain('FRAME TEXT');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('FROM THE NETWORK');
    expect([...warnings].sort()).toEqual(
      blockedUrls()
        .map((url) => `blocked request: ${url}`)
        .sort(),
    );
    expect(serverRequests).toEqual([]);
  });

  it('warns again when the same document is printed again', async () => {
    const { warnings } = await printer.print({ html: hostileHtml() });

    expect([...warnings].sort()).toEqual(
      blockedUrls()
        .map((url) => `blocked request: ${url}`)
        .sort(),
    );
    expect(serverRequests).toEqual([]);
  });
});

describe('a document that sends its tab elsewhere', () => {
  it('does not keep the next document from printing on the same tab', async () => {
    const nextUrl = 'https://assets.test.invalid/next.html';
    const assets = new Map([[nextUrl, { contentType: 'text/html', body: '<p>PAGE IT WENT TO</p>' }]]);
    // Without JavaScript a page can still leave: a refresh to another URL, here one of its own assets.
    await printer.print({
      html: `<!doctype html><html><head><meta http-equiv="refresh" content="0; url=${nextUrl}"></head>
        <body><p>LEAVING PAGE</p></body></html>`,
      assets,
    });
    // The tab has gone to the other page by the time the next document comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const next = await printer.print({ html: '<!doctype html><p>NEXT DOCUMENT</p>', assets });

    expect(await pdfText(next.pdf)).toContain('NEXT DOCUMENT');
  });
});

describe('assets', () => {
  // Any absolute URL can be an asset: the printer serves exactly what the job maps.
  const styleUrl = 'https://assets.test.invalid/style.css';
  const htmlWithStyle = `<!doctype html><html><head><link rel="stylesheet" href="${styleUrl}"></head>
    <body><p>BODY</p></body></html>`;
  const css = (text: string) => ({ contentType: 'text/css', body: `p::after { content: " ${text}" }` });

  it('serves an asset from the job', async () => {
    const { pdf, warnings } = await printer.print({
      html: htmlWithStyle,
      assets: new Map([[styleUrl, css('STYLED')]]),
    });

    expect(await pdfText(pdf)).toContain('BODY STYLED');
    expect(warnings).toEqual([]);
  });

  it('serves the new bytes when a later job maps the same URL to other content', async () => {
    await printer.print({ html: htmlWithStyle, assets: new Map([[styleUrl, css('FIRST')]]) });
    const { pdf } = await printer.print({ html: htmlWithStyle, assets: new Map([[styleUrl, css('SECOND')]]) });

    expect(await pdfText(pdf)).toContain('BODY SECOND');
  });

  it('blocks a URL a previous job served when this job does not map it', async () => {
    await printer.print({ html: htmlWithStyle, assets: new Map([[styleUrl, css('EARLIER')]]) });
    const { pdf, warnings } = await printer.print({ html: htmlWithStyle });

    expect(await pdfText(pdf)).not.toContain('EARLIER');
    expect(warnings).toEqual([`blocked request: ${styleUrl}`]);
  });
});
