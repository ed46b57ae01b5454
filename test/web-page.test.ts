import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair, waitFor, type TestNode } from '@meshwork/testing';
import { messages, say } from './helpers.ts';

// The plain page at / in a real browser (Debian's chromium; .ci/run installs it).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let a: TestNode;
let b: TestNode;
let browser: Browser;
let page: Page;

describe.skipIf(!existsSync(CHROMIUM))('the web page', () => {
  beforeAll(async () => {
    [a, b] = await startPair({ name: 'Alice', host: '127.0.0.50' }, { name: 'Bob', host: '127.0.0.51' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    await page.goto(a.gateway);
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('shows the node and its peers', async () => {
    await expect.poll(() => page.locator('#node').textContent()).toContain('Alice');
    await expect.poll(() => page.locator('#peers').textContent()).toContain('Bob');
    await expect.poll(() => page.locator('#connection').textContent()).toBe('live');
  });

  it('shows a chat from a peer as it arrives', async () => {
    await say(b, 'hello page');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('hello page');
    expect(await page.locator('#messages li', { hasText: 'hello page' }).textContent()).toContain('Bob');
  });

  it('sends a chat from the form to the peer', async () => {
    await page.fill('#send-text', 'typed in the browser');
    await page.click('#send-form button[type=submit]');
    await expect.poll(() => page.locator('#send-status').textContent()).toBe('sent to 1 of 1 peer');
    await waitFor(async () => (await messages(b)).some((m) => m.content === 'typed in the browser' && m.senderName === 'Alice'), { what: 'the chat at Bob' });
  });
});
