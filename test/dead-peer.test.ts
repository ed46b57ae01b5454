import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api } from '@meshwork/protocol';
import { freePort, startNode, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, peers, randomFile, sha256File } from './helpers.ts';

// A names two static peers: B, a live node, and a "black hole" that accepts connections and
// then never reads or closes them (the worst kind of dead: every send waits for a timeout).
let a: TestNode;
let b: TestNode;
let hole: Server;
let holeAddress: string;
const holding = new Set<Socket>();

interface Delivery {
  type: string;
  messageId: string;
  peer: { nodeId: string; address: string };
  ok: boolean;
  error?: string;
}

beforeAll(async () => {
  const holePort = await freePort('127.0.0.82');
  hole = createServer({ pauseOnConnect: true }, (socket) => void holding.add(socket));
  await new Promise<void>((resolve) => hole.listen(holePort, '127.0.0.82', resolve));
  holeAddress = `127.0.0.82:${holePort}`;
  const portB = await freePort('127.0.0.81');
  b = await startNode({ name: 'B', host: '127.0.0.81', port: portB });
  // a down peer is tried again after a minute at the earliest: long enough for every check below
  a = await startNode({ name: 'A', host: '127.0.0.80', peers: [b.address, holeAddress], args: ['--down-retry-ms', '60000'] });
  await waitFor(async () => (await peers(a)).some((p) => p.nodeId === b.nodeId), { what: 'A knows B', timeoutMs: 20_000 });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  for (const s of holding) s.destroy();
  await new Promise((resolve) => hole?.close(resolve));
});

/** Posts a chat through A's API with its event stream open; returns the reply and the stream's deliveries as they come. */
async function chat(text: string) {
  const events: Delivery[] = [];
  const ws = new WebSocket(`${a.gateway.replace('http', 'ws')}${api.routes.events}`, { headers: { authorization: `Bearer ${a.secret}` } });
  ws.on('message', (data) => {
    const e = JSON.parse(String(data)) as Delivery;
    if (e.type === 'chat.delivery') events.push(e);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const res = await fetch(`${a.gateway}${api.routes.messages}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  const reply = (await res.json()) as { message: { id: string }; targets: Array<{ address: string }> };
  const atReply = [...events];
  return { status: res.status, reply, atReply, events: () => events.filter((e) => e.messageId === reply.message.id), close: () => ws.close() };
}

describe('a dead static peer', () => {
  it('does not hold up a chat: the API answers before the dead peer fails, the live one gets it, and the failure is reported', async () => {
    const sent = await chat('past the black hole');
    try {
      expect(sent.status).toBe(201);
      expect(sent.reply.targets.map((t) => t.address).sort()).toEqual([b.address, holeAddress].sort());
      // the answer did not wait for the dead peer
      expect(sent.atReply.filter((e) => e.peer.address === holeAddress)).toEqual([]);
      await waitFor(async () => (await messages(b)).some((m) => m.content === 'past the black hole'), { what: 'the chat at B' });
      const outcomes = await waitFor(() => sent.events().length === 2 && sent.events(), { what: 'both outcomes', timeoutMs: 20_000 });
      // the live peer's outcome came first: the dead one did not delay it
      expect(outcomes[0]).toMatchObject({ peer: { nodeId: b.nodeId }, ok: true });
      expect(outcomes[1]).toMatchObject({ peer: { address: holeAddress }, ok: false });
      expect(outcomes[1]!.error).toMatch(/did not close the connection|timed out/);
    } finally {
      sent.close();
    }
  });

  it('is marked down after failing again, and then costs nothing: its failure comes at once, saying so', async () => {
    const again = await chat('second try');
    await waitFor(() => again.events().length === 2, { what: 'both outcomes', timeoutMs: 20_000 });
    again.close();
    const down = await waitFor(async () => (await peers(a)).find((p) => p.host === '127.0.0.82' && p.down), { what: 'the black hole marked down' });
    expect(down.lastError).toMatch(/did not close|timed out/);

    const third = await chat('third try');
    try {
      const failure = await waitFor(() => third.events().find((e) => !e.ok), { what: 'the dead peer\'s failure' });
      expect(failure.error).toMatch(/^peer down: /);
      const printed = await a.mesh('send', 'through the CLI');
      expect(printed.code).toBe(0);
      expect(printed.stdout).toMatch(/^delivered to 1 of 2 peers\n {2}127\.0\.0\.82:\d+: failed: peer down: /);
      expect((await a.mesh('peers')).stdout).toMatch(/127\.0\.0\.82:\d+ .* down: /);
    } finally {
      third.close();
    }
  });

  it('does not slow a file down, and the file reports the dead peer as failed, the live one as served', async () => {
    const src = await randomFile(await mkdtemp(join(tmpdir(), 'mesh-src-')), 'past-the-hole.bin', 1 << 20);
    const sent = await a.mesh('send-file', src.path);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^sent past-the-hole\.bin \(1\.0 MiB\) to 1 of 2 peers\n {2}127\.0\.0\.82:\d+: failed: peer down: /);
    await waitFor(async () => (await files(b)).some((f) => f.filename === 'past-the-hole.bin'), { what: 'the file at B' });
    expect(await sha256File(join(b.downloads, 'past-the-hole.bin'))).toBe(src.sha256);
  });
});
