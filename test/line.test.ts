import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, knows, startNode, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, peers, randomFile, say, sha256File } from './helpers.ts';

// A - B - C: A and C only know B (each names B as its static peer). Each node discovers on a port
// of its own (on loopback they would all hear each other on the shared one), and v2 peer-list
// gossip is off, so A and C never learn of each other.
let a: TestNode;
let b: TestNode;
let c: TestNode;

beforeAll(async () => {
  const lineNode = async (name: string, host: string, peers: string[] = []) => {
    const port = await freePort(host);
    return startNode({ name, host, port, peers, args: ['--discovery-port', String(port + 1)], env: { MESH_PEER_GOSSIP: 'false' } });
  };
  b = await lineNode('B', '127.0.0.11');
  [a, c] = await Promise.all([lineNode('A', '127.0.0.10', [b.address]), lineNode('C', '127.0.0.12', [b.address])]);
  await waitFor(async () => (await peers(b)).filter((p) => p.nodeId).length === 2, { what: 'B knows A and C', timeoutMs: 20_000 });
  await waitFor(async () => (await knows(a, b)) && (await knows(c, b)), { what: 'A and C know B' });
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
});

describe('three nodes in a line', () => {
  it('A and C do not know each other', async () => {
    expect((await peers(a)).map((p) => p.nodeId)).not.toContain(c.nodeId);
    expect((await peers(c)).map((p) => p.nodeId)).not.toContain(a.nodeId);
  });

  it('relays A\'s chat to C through B, once', async () => {
    await say(a, 'over the hill');
    await waitFor(async () => (await messages(c)).some((m) => m.content === 'over the hill'), { what: 'chat at C' });
    expect((await messages(b)).filter((m) => m.content === 'over the hill')).toHaveLength(1);
    expect((await messages(c)).filter((m) => m.content === 'over the hill')).toHaveLength(1);
  });

  it('relays A\'s file to C through B, intact', async () => {
    const src = await randomFile(await mkdtemp(join(tmpdir(), 'mesh-src-')), 'relayed.bin', 3 * 8192 + 100);
    expect((await a.mesh('send-file', src.path)).code).toBe(0);
    await waitFor(async () => (await files(c)).some((f) => f.filename === 'relayed.bin'), { what: 'file at C', timeoutMs: 60_000 });
    expect(await sha256File(join(c.downloads, 'relayed.bin'))).toBe(src.sha256);
    expect(await sha256File(join(b.downloads, 'relayed.bin'))).toBe(src.sha256);
  });
});
