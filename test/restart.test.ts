import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, processesMentioning, runMesh, startPair, waitFor, type TestNode } from '@meshwork/testing';
import { messages } from './helpers.ts';

let a: TestNode;
let b: TestNode;

beforeAll(async () => {
  [a, b] = await startPair({ name: 'A', host: '127.0.0.20' }, { name: 'B', host: '127.0.0.21' });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

/** Sends until the chat is delivered to B and seen in B's history. */
async function chatGetsThrough(text: string): Promise<void> {
  await waitFor(async () => (await a.mesh('send', text)).code === 0, { what: `"${text}" accepted by A`, timeoutMs: 30_000, intervalMs: 500 });
  await waitFor(async () => (await messages(b)).some((m) => m.content === text), { what: `"${text}" at B` });
}

async function killAndAwaitRestart(service: string): Promise<void> {
  const before = (await a.state()).services[service]!;
  expect(before).toBeGreaterThan(0);
  process.kill(before, 'SIGKILL');
  const after = await waitFor(async () => {
    const pid = (await a.state()).services[service];
    return pid && pid !== before ? pid : undefined;
  }, { what: `${service} restarted`, timeoutMs: 30_000 });
  expect(after).not.toBe(before);
  await a.waitForLog((l) => l.service === 'launcher' && typeof l.msg === 'string' && l.msg.startsWith(`${service} exited`), `restart of ${service} logged`);
}

describe('a node heals', () => {
  it('restarts a killed router, and chat works again', async () => {
    await chatGetsThrough('before the crash');
    await killAndAwaitRestart('router');
    await chatGetsThrough('after the router came back');
  });

  it('restarts a killed nats-server; every service reconnects and chat works again', async () => {
    const services = (await a.state()).services;
    await killAndAwaitRestart('nats-server');
    await chatGetsThrough('after the bus came back');
    const now = (await a.state()).services;
    for (const s of ['transport', 'router', 'filesvc', 'gateway']) expect(now[s], `${s} survived the bus restart`).toBe(services[s]);
    // nats-server, its sh wrapper and the wrapper's lifeline watcher: none of the old ones left
    const runDir = join(a.dataDir, 'run');
    await waitFor(() => processesMentioning(runDir).length === 3, { what: `3 processes in ${runDir}` });
    expect(processesMentioning(runDir)).toContain(now['nats-server']);
  });

  it('refuses a second node on the same data folder', async () => {
    const r = await runMesh(['up', '--host', '127.0.0.22', '--broadcast', '127.255.255.255', '--gateway', '127.0.0.22:0', '--data-dir', a.dataDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a node already runs with this data folder \(launcher pid \d+\)/);
    expect((await a.state()).pid).toBe(a.process.pid);
  });

  it('stops every process on SIGTERM', async () => {
    const pids = Object.values((await b.state()).services).filter((p): p is number => !!p);
    expect(pids.length).toBe(5);
    const runDir = join(b.dataDir, 'run');
    expect(processesMentioning(runDir).length).toBeGreaterThan(0);
    await b.stop();
    expect(pids.filter(isRunning)).toEqual([]);
    expect(processesMentioning(runDir)).toEqual([]);
  });
});
