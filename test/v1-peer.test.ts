import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v1IdOf } from '@meshwork/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNode, V1Peer, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, peers, randomFile, say } from './helpers.ts';

// A node and a v1 peer on the same TCP port (different addresses), so that they share the
// v1 discovery port and find each other by loopback broadcast alone: no static peers.
let node: TestNode;
let old: V1Peer;

beforeAll(async () => {
  const port = await freePort('127.0.0.30');
  old = new V1Peer('127.0.0.31', port, 'Orig-Plain');
  await old.start();
  node = await startNode({ name: 'Modern', host: '127.0.0.30', port });
  await waitFor(async () => (await peers(node)).some((p) => p.nodeId === old.nodeId) && [...old.peers.keys()].includes(v1IdOf(node.nodeId)), {
    what: 'discovery both ways', timeoutMs: 20_000,
  });
});

afterAll(async () => {
  await node?.stop();
  await old?.stop();
});

describe('a meshwork node and a v1 peer', () => {
  it('discover each other by broadcast, with the announced address', async () => {
    // an original node knows this node by its v1 id
    expect(old.peers.get(v1IdOf(node.nodeId))).toEqual({ ip: '127.0.0.30', port: node.port, name: 'Modern' });
  });

  it('exchange chat both ways', async () => {
    await old.sendChat('hello from the original app');
    await waitFor(async () => (await messages(node)).some((m) => m.content === 'hello from the original app' && m.senderName === 'Orig-Plain'), { what: 'v1 chat at node' });
    await say(node, 'hello, old friend');
    const got = await waitFor(() => old.received.find((m) => m.type === 'chat' && m.content === 'hello, old friend'), { what: 'chat at v1 peer' });
    expect(got).toMatchObject({ sender_id: v1IdOf(node.nodeId), sender_name: 'Modern' });
    expect(typeof got.timestamp).toBe('number');
    expect(String(got.message_id)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('take a file from the v1 peer (the original\'s own capture)', async () => {
    const payload = await readFile(new URL('../libs/protocol/vectors/v1/file.payload.bin', import.meta.url));
    await old.sendFile('from-original.bin', payload);
    await waitFor(async () => (await files(node)).some((f) => f.filename === 'from-original.bin'), { what: 'file at node' });
    expect((await readFile(join(node.downloads, 'from-original.bin'))).equals(payload)).toBe(true);
  });

  it('give a file to the v1 peer in 8192-byte chunks with metadata on each', async () => {
    const src = await randomFile(await mkdtemp(join(tmpdir(), 'mesh-src-')), 'to-original.bin', 5 * 8192 + 7);
    expect((await node.mesh('send-file', src.path)).code).toBe(0);
    const file = await waitFor(() => old.files().get('to-original.bin'), { what: 'file at v1 peer', timeoutMs: 30_000 });
    expect(file.length).toBe(5 * 8192 + 7);
    const chunks = old.received.filter((m) => m.type === 'file_chunk');
    expect(chunks).toHaveLength(6);
    for (const c of chunks) {
      expect(c.content).toBeNull();
      expect(c.file_metadata).toEqual({ filename: 'to-original.bin', file_size: 5 * 8192 + 7, file_hash: src.sha256, total_chunks: 6 });
    }
  });
});
