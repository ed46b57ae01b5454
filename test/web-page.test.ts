import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, randomFile, say } from './helpers.ts';

// The plain page at / in a real browser (Debian's chromium; .ci/run installs it).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let a: TestNode;
let b: TestNode;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))('the web page', () => {
  beforeAll(async () => {
    [a, b] = await startPair({ name: 'Alice', host: '127.0.0.50' }, { name: 'Bob', host: '127.0.0.51' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ acceptDownloads: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('shows nothing of the node without the secret', async () => {
    const stranger = await browser.newPage();
    await stranger.goto(a.gateway);
    await expect.poll(() => stranger.locator('#node').textContent()).toContain('not logged in');
    expect(await stranger.locator('#messages').textContent()).toBe('');
    await stranger.close();
  });

  it('logs in through the URL mesh up printed, and forgets the secret from the address bar', async () => {
    expect(a.loginUrl).toBe(`${a.gateway}/#secret=${a.secret}`);
    await page.goto(a.loginUrl);
    await expect.poll(() => page.locator('#node').textContent()).toContain('Alice');
    expect(page.url()).toBe(`${a.gateway}/`);
    const cookies = await context.cookies(a.gateway);
    expect(cookies.find((c) => c.name === `meshwork-${a.nodeId}`)).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('shows the node and its peers', async () => {
    await expect.poll(() => page.locator('#peers').textContent()).toContain('Bob');
    await expect.poll(() => page.locator('#connection').textContent()).toBe('live');
  });

  it('shows a chat from a peer as it arrives', async () => {
    await say(b, 'hello page');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('hello page');
    expect(await page.locator('#messages li', { hasText: 'hello page' }).textContent()).toContain('Bob');
  });

  it('sends a chat from the form to the peer, and shows it delivered', async () => {
    await page.fill('#send-text', 'typed in the browser');
    await page.click('#send-form button[type=submit]');
    await expect.poll(() => page.locator('#send-status').textContent()).toBe('delivered to 1 of 1 peer');
    await waitFor(async () => (await messages(b)).some((m) => m.content === 'typed in the browser' && m.senderName === 'Alice'), { what: 'the chat at Bob' });
  });

  it('uploads a file that the other node receives, and downloads it there', async () => {
    const src = await randomFile(await mkdtemp(join(tmpdir(), 'mesh-web-')), 'from-browser.bin', 300_000);
    await page.setInputFiles('#file-input', src.path);
    await page.click('#file-form button[type=submit]');
    await expect.poll(() => page.locator('#transfers').textContent(), { timeout: 30_000 }).toContain('sent from-browser.bin');
    expect(await page.locator('#transfers').textContent()).toContain('to 1 of 1 peer');
    await waitFor(async () => (await files(b)).some((f) => f.filename === 'from-browser.bin'), { what: 'the file at Bob', timeoutMs: 30_000 });

    const atBob = await context.newPage();
    await atBob.goto(b.loginUrl);
    const link = atBob.locator('#files a', { hasText: 'from-browser.bin' });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    const [download] = await Promise.all([atBob.waitForEvent('download'), link.click()]);
    const saved = join(await mkdtemp(join(tmpdir(), 'mesh-dl-')), 'got.bin');
    await download.saveAs(saved);
    expect((await readFile(saved)).equals(await readFile(src.path))).toBe(true);
    await atBob.close();
  });
});
