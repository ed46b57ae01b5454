import { scryptSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger, waitFor } from '@meshwork/testing';
import { createNetworkKey, networkSaltPath, type NetworkKeyOptions } from './network-key.ts';

const PASSWORD = 'correct horse battery staple';
const expectedKey = (salt: Buffer) => scryptSync(PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 ** 2 });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(opts: Partial<NetworkKeyOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'network-key-'));
  dirs.push(dataDir);
  const clock = { now: 1_000_000 };
  const logs = captureLogger('transport');
  const start = () => createNetworkKey({ dataDir, password: PASSWORD, log: logs.log, now: () => clock.now, ...opts });
  return { dataDir, clock, logs, start };
}

const fill = (byte: number) => Buffer.alloc(16, byte);

describe('network key', () => {
  it('has no salt and no key without a password, and writes no file', async () => {
    const { dataDir, start } = setup({ password: undefined });
    const nk = start();
    await nk.ready;
    expect(nk.salt()).toBeUndefined();
    expect(nk.key()).toBeUndefined();
    expect(nk.consider(fill(0), '127.0.0.2:9999')).toBe(false);
    expect(existsSync(networkSaltPath(dataDir))).toBe(false);
  });

  it('makes a 16-byte salt at first start (0600), derives the scrypt key from it, and keeps both across restarts', async () => {
    const { dataDir, start } = setup();
    const nk = start();
    const salt = nk.salt()!;
    expect(salt).toHaveLength(16);
    const file = readFileSync(networkSaltPath(dataDir), 'utf8');
    expect(Buffer.from(file.trim(), 'base64')).toEqual(salt);
    expect(statSync(networkSaltPath(dataDir)).mode & 0o777).toBe(0o600);
    await nk.ready;
    expect(nk.key()).toEqual(expectedKey(salt));

    const again = start();
    await again.ready;
    expect(again.salt()).toEqual(salt);
    expect(again.key()).toEqual(expectedKey(salt));
  });

  it('replaces a salt file that does not hold 16 bytes of base64, saying so', async () => {
    const { dataDir, logs, start } = setup();
    writeFileSync(networkSaltPath(dataDir), 'not a salt\n');
    const nk = start();
    await nk.ready;
    expect(nk.salt()).toHaveLength(16);
    expect(Buffer.from(readFileSync(networkSaltPath(dataDir), 'utf8').trim(), 'base64')).toEqual(nk.salt());
    expect(logs.lines.find((l) => l.level === 40)).toMatchObject({ msg: 'network salt file does not hold 16 bytes of base64: making a new salt' });
  });

  it('adopts a smaller salt heard from a peer, at most once per adoptEveryMs, and saves it', async () => {
    const { dataDir, clock, logs, start } = setup({ adoptEveryMs: 30_000 });
    writeFileSync(networkSaltPath(dataDir), `${fill(0x80).toString('base64')}\n`);
    const nk = start();
    await nk.ready;
    let changes = 0;
    nk.onChange(() => changes++);

    expect(nk.consider(fill(0x90), '127.0.0.3:9999')).toBe(false);
    expect(nk.consider(fill(0x80), '127.0.0.3:9999')).toBe(false);
    expect(nk.consider(Buffer.alloc(8), '127.0.0.3:9999')).toBe(false);
    expect(nk.consider(fill(0x40), '127.0.0.2:9999')).toBe(true);
    await waitFor(() => changes === 1, { what: 'the new key' });
    expect(nk.salt()).toEqual(fill(0x40));
    expect(nk.key()).toEqual(expectedKey(fill(0x40)));
    expect(readFileSync(networkSaltPath(dataDir), 'utf8').trim()).toBe(fill(0x40).toString('base64'));
    expect(statSync(networkSaltPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(logs.lines.filter((l) => l.msg === 'network salt adopted')).toMatchObject([{ peer: '127.0.0.2:9999', salt: fill(0x40).toString('base64') }]);

    // an even smaller one, too soon
    clock.now += 29_999;
    expect(nk.consider(fill(0x10), '127.0.0.4:9999')).toBe(false);
    expect(nk.salt()).toEqual(fill(0x40));
    clock.now += 1;
    expect(nk.consider(fill(0x10), '127.0.0.4:9999')).toBe(true);
    await waitFor(() => changes === 2, { what: 'the second key' });
    expect(nk.key()).toEqual(expectedKey(fill(0x10)));

    // a restart keeps the adopted salt
    const again = start();
    await again.ready;
    expect(again.salt()).toEqual(fill(0x10));
  });

  it('keeps the salt and key in step: the old pair until the adopted salt has its key', async () => {
    const { dataDir, start } = setup();
    writeFileSync(networkSaltPath(dataDir), `${fill(0x80).toString('base64')}\n`);
    const nk = start();
    await nk.ready;
    expect(nk.consider(fill(0x01), '127.0.0.2:9999')).toBe(true);
    // derivation is asynchronous: whatever is read now is one consistent pair
    expect(nk.key()).toEqual(expectedKey(nk.salt()!));
    // a salt between the pending one and the current one is not smaller than what is being adopted
    expect(nk.consider(fill(0x02), '127.0.0.3:9999')).toBe(false);
    await waitFor(() => nk.salt()![0] === 0x01, { what: 'the adopted salt' });
    expect(nk.key()).toEqual(expectedKey(fill(0x01)));
  });

  it('never logs the password or the key', async () => {
    const { dataDir, logs, start } = setup({ adoptEveryMs: 0 });
    writeFileSync(networkSaltPath(dataDir), 'broken');
    const nk = start();
    await nk.ready;
    nk.consider(fill(0), '127.0.0.2:9999');
    await waitFor(() => logs.lines.some((l) => l.msg === 'network salt adopted'), { what: 'the adoption' });
    const text = JSON.stringify(logs.lines);
    expect(logs.lines.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(PASSWORD);
    for (const key of [nk.key()!, expectedKey(Buffer.from(readFileSync(networkSaltPath(dataDir), 'utf8').trim(), 'base64'))]) {
      expect(text).not.toContain(key.toString('base64'));
      expect(text).not.toContain(key.toString('hex'));
    }
  });
});
