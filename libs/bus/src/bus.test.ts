import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { pb, subjects } from '@meshwork/protocol';
import { connectBus, type Bus } from './bus.ts';
import { BusRequestError } from './errors.ts';
import { startNatsServer, type NatsServer } from './nats-server.ts';

const log = pino({ level: 'silent' });
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function server(port?: number, token?: string): Promise<NatsServer> {
  const dir = await mkdtemp(join(tmpdir(), 'bus-test-'));
  const s = await startNatsServer({ dir, port, token });
  cleanup.push(() => rm(dir, { recursive: true, force: true }), () => s.stop());
  return s;
}

async function client(s: NatsServer, name: string): Promise<Bus> {
  const bus = await connectBus({ url: s.url, token: s.token, name, log });
  cleanup.push(() => bus.close());
  return bus;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('the bus', () => {
  it('carries typed protobuf events between clients', async () => {
    const s = await server();
    const a = await client(s, 'a');
    const b = await client(s, 'b');
    const got: string[] = [];
    b.subscribe(subjects.chatReceived, (m) => void got.push(`${m.chat?.senderName}: ${m.chat?.content}`));
    await sleep(50);
    a.publish(subjects.chatReceived, { chat: { senderName: 'ann', content: 'hi' }, from: { host: '127.0.0.2', port: 9999 } });
    await until(() => got.length === 1);
    expect(got).toEqual(['ann: hi']);
  });

  it('answers typed requests, and says when nobody serves a subject', async () => {
    const s = await server();
    const a = await client(s, 'a');
    const b = await client(s, 'b');
    b.serve(subjects.peersList, () => ({ peers: [{ nodeId: 'n1', name: 'one', endpoint: { host: '127.0.0.3', port: 1 } }] }));
    await b.flush();
    const reply = await a.request(subjects.peersList, {});
    expect(reply.peers.map((p) => p.nodeId)).toEqual(['n1']);
    const err = await a.request(subjects.chatSend, { content: 'x' }, 1000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusRequestError);
    expect((err as BusRequestError).noResponders).toBe(true);
  });

  it('passes a failing handler\'s message back to the requester', async () => {
    const s = await server();
    const a = await client(s, 'a');
    const b = await client(s, 'b');
    b.serve(subjects.chatSend, () => {
      throw new Error('transport is not running');
    });
    await b.flush();
    await expect(a.request(subjects.chatSend, { content: 'x' }, 1000)).rejects.toThrow(/chat\.send failed: transport is not running/);
  });

  it('refuses a client without the node token', async () => {
    const s = await server();
    await expect(connectBus({ url: s.url, token: 'wrong', name: 'x', log })).rejects.toThrow();
  });

  it('reconnects after the server restarts on the same port', async () => {
    const first = await server();
    const a = await client(first, 'a');
    const got: number[] = [];
    a.subscribe(subjects.fileProgress, (m) => void got.push(m.chunksDone));
    await first.stop();
    const second = await server(first.port, first.token);
    const b = await client(second, 'b');
    await until(() => {
      b.publish(subjects.fileProgress, { chunksDone: 7 });
      return got.length > 0;
    }, 10_000);
    expect(got[0]).toBe(7);
    expect(pb.FileProgress).toBeDefined();
  });
});
