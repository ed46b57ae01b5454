import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger, freePort, waitFor } from '@meshwork/testing';
import { SendError } from './errors.ts';
import { createTcpSender, type TcpSender } from './tcp-sender.ts';
import { plainServer as startPlainServer, type PlainServer } from './test-helpers.ts';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function plainServer(hold?: (s: Socket) => boolean, host = '127.0.0.1', port = 0): Promise<PlainServer> {
  const server = await startPlainServer({ hold, host, port });
  cleanup.push(() => server.close());
  return server;
}

function sender(opts: Partial<Parameters<typeof createTcpSender>[0]> = {}) {
  const logs = captureLogger('transport');
  const s: TcpSender = createTcpSender({ concurrency: 2, retries: 2, connectTimeoutMs: 2000, maxQueued: 100, maxQueuedBytes: 1 << 20, backoffMs: 20, log: logs.log, ...opts });
  cleanup.push(() => s.close());
  return { s, lines: logs.lines };
}

describe('tcp sender', () => {
  it('opens one connection per message and resolves once the peer has read it and closed', async () => {
    const server = await plainServer();
    const { s } = sender();
    await Promise.all(['{"n":1}', '{"n":2}', '{"n":3}'].map((m) => s.send({ host: '127.0.0.1', port: server.port }, Buffer.from(m))));
    expect(server.received.sort()).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
  });

  it('keeps at most `concurrency` connections open toward one peer', async () => {
    const held: Socket[] = [];
    const server = await plainServer((socket) => {
      held.push(socket);
      return true;
    });
    const { s } = sender({ concurrency: 2 });
    const sends = Array.from({ length: 8 }, (_, i) => s.send({ host: '127.0.0.1', port: server.port }, Buffer.from(`{"n":${i}}`)));
    for (let released = 0; released < 8; released++) {
      await waitFor(() => held.length > 0, { what: 'a held connection' });
      expect(server.open.size).toBeLessThanOrEqual(2);
      held.shift()!.end();
    }
    await Promise.all(sends);
    expect(server.received).toHaveLength(8);
    expect(server.maxOpen).toBe(2);
  });

  it('binds outgoing connections to the local address it is given', async () => {
    const seen: string[] = [];
    const server = await plainServer((socket) => {
      seen.push(socket.remoteAddress ?? '');
      return false;
    });
    const { s } = sender({ localAddress: '127.0.0.5' });
    await s.send({ host: '127.0.0.1', port: server.port }, Buffer.from('{}'));
    expect(seen).toEqual(['127.0.0.5']);
  });

  it('retries a refused connection with back-off and delivers once the peer listens', async () => {
    const port = await freePort();
    const { s, lines } = sender({ retries: 8, backoffMs: 50 });
    const sending = s.send({ host: '127.0.0.1', port }, Buffer.from('{"late":true}'));
    await waitFor(() => lines.some((l) => l.msg === 'send failed, retrying' && String(l.reason).includes('ECONNREFUSED')), { what: 'a refused attempt' });
    const server = await plainServer(undefined, '127.0.0.1', port);
    await sending;
    expect(server.received).toEqual(['{"late":true}']);
  });

  it('fails with the reason once the retries are spent', async () => {
    const port = await freePort();
    const { s } = sender({ retries: 2, backoffMs: 10 });
    const err = await s.send({ host: '127.0.0.1', port }, Buffer.from('{}')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendError);
    expect((err as SendError).reason).toMatch(/ECONNREFUSED.*after 3 attempts/);
    expect((err as SendError).code).toBe('ECONNREFUSED');
  });

  it('fails a delivery whose peer never closes the connection, without retrying it', async () => {
    const server = await plainServer(() => true);
    const { s } = sender({ connectTimeoutMs: 200, retries: 2 });
    const err = await s.send({ host: '127.0.0.1', port: server.port }, Buffer.from('{}')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ECLOSETIMEOUT', reason: expect.stringMatching(/did not close the connection within 200 ms$/) });
    expect(server.received).toHaveLength(1);
  });

  it('fails the messages waiting for a peer at once when asked to, leaving those on their way', async () => {
    const held: Socket[] = [];
    const server = await plainServer((socket) => {
      held.push(socket);
      return true;
    });
    const { s } = sender({ concurrency: 1, connectTimeoutMs: 10_000 });
    const target = { host: '127.0.0.1', port: server.port };
    const first = s.send(target, Buffer.from('{"n":1}'));
    const waiting = [s.send(target, Buffer.from('{"n":2}')), s.send(target, Buffer.from('{"n":3}'))].map((p) => p.catch((e: unknown) => e));
    await waitFor(() => held.length === 1, { what: 'the first connection' });
    expect(s.dropQueued(target, 'peer down: test')).toBe(2);
    expect(await Promise.all(waiting)).toMatchObject([
      { code: 'PEER_DOWN', reason: 'peer down: test' },
      { code: 'PEER_DOWN', reason: 'peer down: test' },
    ]);
    held.shift()!.end();
    await first;
    expect(server.received).toEqual(['{"n":1}']);
  });

  it('fails messages beyond the per-peer queue bound with "queue full", logged once', async () => {
    const held: Socket[] = [];
    const server = await plainServer((socket) => {
      held.push(socket);
      return true;
    });
    const { s, lines } = sender({ concurrency: 1, maxQueued: 1, connectTimeoutMs: 10_000 });
    const target = { host: '127.0.0.1', port: server.port };
    const first = s.send(target, Buffer.from('{"n":1}'));
    const second = s.send(target, Buffer.from('{"n":2}'));
    await expect(s.send(target, Buffer.from('{"n":3}'))).rejects.toMatchObject({ reason: 'queue full' });
    await expect(s.send(target, Buffer.from('{"n":4}'))).rejects.toMatchObject({ reason: 'queue full' });
    expect(lines.filter((l) => String(l.msg).startsWith('send queue full'))).toHaveLength(1);
    await waitFor(() => held.length === 1, { what: 'the first connection' });
    held.shift()!.end();
    await first;
    await waitFor(() => held.length === 1, { what: 'the second connection' });
    held.shift()!.end();
    await second;
    expect(server.received).toEqual(['{"n":1}', '{"n":2}']);
  });

  it('bounds the bytes waiting for one peer too', async () => {
    const server = await plainServer(() => true);
    const { s } = sender({ concurrency: 1, maxQueuedBytes: 100_000, connectTimeoutMs: 10_000 });
    const target = { host: '127.0.0.1', port: server.port };
    const big = Buffer.alloc(60_000, 'x');
    const pending = [s.send(target, big), s.send(target, big)].map((p) => p.catch(() => undefined));
    await waitFor(() => server.received.length === 1, { what: 'the first message on its way' });
    s.send(target, big).catch(() => undefined);
    await expect(s.send(target, big)).rejects.toMatchObject({ reason: 'queue full' });
    s.close();
    await Promise.all(pending);
  });

  it('fails a delivery to something that writes back: a v1 peer never does', async () => {
    const talker = await plainServer((socket) => {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return true;
    });
    const { s } = sender({ retries: 0 });
    await expect(s.send({ host: '127.0.0.1', port: talker.port }, Buffer.from('{"type":"chat"}'))).rejects.toMatchObject({ reason: expect.stringMatching(/wrote back: a v1 peer never does/) });
  });

  it('fails pending sends promptly when closed', async () => {
    const server = await plainServer(() => true);
    const { s } = sender({ concurrency: 1, connectTimeoutMs: 10_000 });
    const target = { host: '127.0.0.1', port: server.port };
    const sends = [s.send(target, Buffer.from('{}')), s.send(target, Buffer.from('{}'))].map((p) => p.catch((e: unknown) => e));
    await waitFor(() => server.received.length === 1, { what: 'the first message' });
    const started = Date.now();
    s.close();
    const results = await Promise.all(sends);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(results.map((r) => (r as SendError).reason)).toEqual(['transport stopped', 'transport stopped']);
  });
});
