import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, openOfflinePage, screenshotsDir } from './support/browser.js';
import { runSaraban, type SarabanProcess, startSaraban, stopSaraban } from './support/saraban-process.js';

const PASSWORD = 'ลำพูน correct horse';

describe('signing in to Saraban Studio, and what each role sees (issue 17: who may do what)', () => {
  let dir: string;
  let db: string[];
  let serve: SarabanProcess;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saraban-sign-in-'));
    db = ['--db', join(dir, 'saraban.db')];
    expect(
      (await runSaraban(['users', 'add', 'somchai', '--role', 'staff', ...db], { input: `${PASSWORD}\n` })).code,
    ).toBe(0);
    serve = await startSaraban(['serve', '--port', '0', '--pool', '1', ...db], /GraphQL API and GraphiQL: (\S+)/);
    origin = new URL(serve.match[1] as string).origin;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (serve) await stopSaraban(serve.child);
    await rm(dir, { recursive: true, force: true });
  });

  test('a staff member signs in, writes documents, and sees no template editor; with no users the page says it is open', async () => {
    const { page, blocked, pageErrors } = await openOfflinePage(browser, origin);
    await page.goto(`${origin}/`);
    await page.waitForSelector('.sign-in-form');
    await page.type('.sign-in-form input[name=name]', 'somchai');
    await page.type('.sign-in-form input[name=password]', 'not the password');
    await page.click('.sign-in-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('.sign-in-form [role=alert]')?.textContent !== '');
    expect(await page.$eval('.sign-in-form [role=alert]', (alert) => alert.textContent)).toBe('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    await page.screenshot({ path: join(screenshotsDir, 'studio-sign-in.png') });

    await page.$eval('.sign-in-form input[name=password]', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type('.sign-in-form input[name=password]', PASSWORD);
    // A slow network: the page shown first (the document list) is still loading when the clerk moves on.
    await page.emulateNetworkConditions({ download: 10e6, upload: 10e6, latency: 400 });
    await Promise.all([page.waitForNavigation(), page.click('.sign-in-form button[type=submit]')]);
    await page.waitForSelector('header.top .signed-in');
    expect(await page.$eval('header.top .signed-in', (badge) => badge.textContent)).toMatch(/^somchai · เจ้าหน้าที่/);
    // The session cookie is not for scripts.
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const links = await page.$$eval('header.top nav a', (anchors) => anchors.map((anchor) => anchor.textContent));
    expect(links).toEqual(['เขียนหนังสือ', 'หนังสือ', 'GraphiQL']);
    expect(await page.$('.template-list')).toBeNull();

    // Even by its address, the template editor is not there for staff.
    await page.goto(`${origin}/#/templates/memo`);
    await page.waitForSelector('main .hint');
    // ...and stays: the document list that finishes loading afterwards does not replace it.
    await page.waitForNetworkIdle();
    await page.emulateNetworkConditions(null);
    expect(await page.$eval('main .hint', (hint) => hint.textContent)).toMatch(/^บทบาทของคุณแก้ไขแม่แบบไม่ได้/);
    expect(await page.$('.editor')).toBeNull();
    await page.screenshot({ path: join(screenshotsDir, 'studio-staff.png') });
    // The staff form is.
    await page.goto(`${origin}/#/documents/new/memo`);
    await page.waitForSelector('form button.print');

    // With the last user removed, the server on 127.0.0.1 runs open, and the page says so.
    expect((await runSaraban(['users', 'remove', 'somchai', ...db])).code).toBe(0);
    await page.goto(`${origin}/`);
    await page.waitForSelector('header.top .open-mode');
    expect(await page.$eval('header.top .open-mode', (banner) => banner.textContent)).toMatch(/^เปิดใช้โดยไม่มีบัญชีผู้ใช้/);
    expect(await page.$('.template-list')).not.toBeNull();
    await page.screenshot({ path: join(screenshotsDir, 'studio-open.png') });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
