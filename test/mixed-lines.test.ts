import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNode, V1Peer, waitFor, type TestNode } from '@meshwork/testing';
import { files, messages, peers, randomFile, sha256File } from './helpers.ts';

// issue 6, "Mixed": v2 nodes and v1 test peers (V1Peer, written from WIRE.md, relaying as the
// original does) in two lines. Everyone is on one loopback, so a LAN where each hears only its
// neighbours is made by ports: each node's v2 discovery port is its own TCP port + 1 (v1's rule;
// with the default 10000 shared, a datagram meant for one node would reach the other), and each
// v1 peer announces by unicast to its neighbours only.

const FILE_SIZE = 100 * 1024;
const V1_CHAT_KEYS = ['type', 'message_id', 'sender_id', 'sender_name', 'timestamp', 'content'];
const V1_CHUNK_KEYS = [...V1_CHAT_KEYS, 'file_id', 'chunk_index', 'chunk_data', 'file_metadata'];
const V1_METADATA_KEYS = ['filename', 'file_size', 'file_hash', 'total_chunks'];

/** TCP ports on these hosts, all different, each with its UDP port + 1 free. */
async function distinctPorts(hosts: string[]): Promise<number[]> {
  const ports: number[] = [];
  for (const host of hosts) {
    let port = await freePort(host);
    while (ports.some((p) => Math.abs(p - port) <= 1)) port = await freePort(host);
    ports.push(port);
  }
  return ports;
}

const v1IdOf = (node: TestNode) => node.nodeId.slice(0, 8);
const sorted = (o: object) => Object.keys(o).sort();

/**
 * Everything a v1 peer ever received was v1: each TCP connection one JSON object (no newline:
 * v2 frames are lines) of type chat or file_chunk with the v1 fields and no others; each datagram
 * a discovery object whose v1 fields announce one of the v2 nodes as original nodes know it
 * (its v2 extras are there by design: original nodes ignore them).
 */
function expectOnlyV1(peer: V1Peer, announcers: TestNode[]): void {
  const tcp = peer.inbound.filter((i) => i.kind === 'tcp');
  const udp = peer.inbound.filter((i) => i.kind === 'udp');
  expect(tcp.length).toBeGreaterThan(0);
  expect(udp.length).toBeGreaterThan(0);
  for (const c of tcp) {
    expect(c.ended, `connection from ${c.from} sent all it had and closed`).toBe(true);
    expect(c.bytes.includes(0x0a), `connection from ${c.from} holds a newline: ${c.bytes.subarray(0, 80).toString()}`).toBe(false);
    const m = JSON.parse(c.bytes.toString('utf8')) as Record<string, unknown>;
    expect(['chat', 'file_chunk']).toContain(m.type);
    if (m.type === 'chat') {
      expect(sorted(m)).toEqual([...V1_CHAT_KEYS].sort());
      expect(typeof m.content).toBe('string');
    } else {
      expect(sorted(m)).toEqual([...V1_CHUNK_KEYS].sort());
      expect(m.content).toBeNull();
      expect(sorted(m.file_metadata as object)).toEqual([...V1_METADATA_KEYS].sort());
    }
    expect(String(m.sender_id)).toMatch(/^[a-z0-9-]{8}$/);
    expect(typeof m.timestamp).toBe('number');
  }
  const announced = new Map(announcers.map((n) => [v1IdOf(n), n]));
  for (const d of udp) {
    expect(d.bytes.length).toBeLessThanOrEqual(1024);
    const m = JSON.parse(d.bytes.toString('utf8')) as Record<string, unknown>;
    expect(m.type).toBe('discovery');
    const node = announced.get(String(m.node_id));
    expect(node, `datagram from ${d.from} announces node_id ${String(m.node_id)}`).toBeDefined();
    expect(m).toMatchObject({ node_name: node!.name, ip: node!.host, port: node!.port });
    expect(typeof m.timestamp).toBe('number');
  }
}

describe('v2 node A - v1 peer R - v2 node C', () => {
  let a: TestNode;
  let c: TestNode;
  let r: V1Peer;

  beforeAll(async () => {
    const [portA, portR, portC] = await distinctPorts(['127.0.0.40', '127.0.0.41', '127.0.0.42']);
    const own = (port: number) => ['--discovery-port', String(port + 1)];
    r = new V1Peer('127.0.0.41', portR!, 'Orig-R', undefined, {
      relay: true,
      announceTo: [{ host: '127.0.0.40', port: portA! + 1 }, { host: '127.0.0.42', port: portC! + 1 }],
    });
    await r.start();
    [a, c] = await Promise.all([
      startNode({ name: 'A', host: '127.0.0.40', port: portA, peers: [`${r.host}:${r.port}`], args: own(portA!) }),
      startNode({ name: 'C', host: '127.0.0.42', port: portC, peers: [`${r.host}:${r.port}`], args: own(portC!) }),
    ]);
    await waitFor(async () => (await peers(a)).some((p) => p.nodeId === r.nodeId) && (await peers(c)).some((p) => p.nodeId === r.nodeId), {
      what: 'A and C know R', timeoutMs: 20_000,
    });
    await waitFor(() => r.peers.has(v1IdOf(a)) && r.peers.has(v1IdOf(c)), { what: 'R knows A and C', timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), c?.stop()]);
    await r?.stop();
  });

  it('A and C know only R, as a v1 peer, and R knows them by their v1 ids', async () => {
    for (const [node, other] of [[a, c], [c, a]] as const) {
      const list = await peers(node);
      expect(list.map((p) => p.nodeId)).toEqual([r.nodeId]);
      expect(list[0]).toMatchObject({ dialect: 'v1', name: 'Orig-R' });
      expect(list.map((p) => p.nodeId)).not.toContain(other.nodeId);
    }
    expect(r.peers.get(v1IdOf(a))).toEqual({ ip: a.host, port: a.port, name: 'A' });
    expect(r.peers.get(v1IdOf(c))).toEqual({ ip: c.host, port: c.port, name: 'C' });
  });

  it.each([
    ['A', 'C'],
    ['C', 'A'],
  ])('chat from %s reaches %s through R, once, unauthenticated', async (fromName, toName) => {
    const [from, to] = fromName === 'A' ? [a, c] : [c, a];
    const text = `from ${fromName} over an original node`;
    const sent = await from.mesh('send', text);
    expect(sent.code, sent.stderr).toBe(0);
    const got = await waitFor(async () => (await messages(to)).find((m) => m.content === text), { what: `chat at ${toName}` });
    expect(got).toMatchObject({ direction: 'in', authenticated: false, senderId: v1IdOf(from), senderName: fromName, security: 'plain' });
    const atR = r.received.filter((m) => m.content === text);
    expect(atR).toHaveLength(1);
    expect(atR[0]!.sender_id).toBe(v1IdOf(from));
    expect((await messages(to)).filter((m) => m.content === text)).toHaveLength(1);
  });

  it.each([
    ['A', 'C'],
    ['C', 'A'],
  ])('a 100 KiB file from %s reaches %s through R, intact', async (fromName, toName) => {
    const [from, to] = fromName === 'A' ? [a, c] : [c, a];
    const name = `line1-${fromName}-to-${toName}.bin`;
    const src = await randomFile(await mkdtemp(join(tmpdir(), 'mesh-src-')), name, FILE_SIZE);
    const sent = await from.mesh('send-file', src.path);
    expect(sent.code, sent.stderr).toBe(0);
    await waitFor(async () => (await files(to)).some((f) => f.filename === name), { what: `file at ${toName}`, timeoutMs: 60_000, intervalMs: 250 });
    expect(await sha256File(join(to.downloads, name))).toBe(src.sha256);
    // the original stores every file it relays
    expect(r.files().get(name)?.equals(await readFile(src.path))).toBe(true);
  });

  it('R saw only v1, from A and C', () => {
    expect(r.relayFailures).toEqual([]);
    expectOnlyV1(r, [a, c]);
  });
});

describe('v1 peer P - v2 node B - v1 peer Q', () => {
  let b: TestNode;
  let p: V1Peer;
  let q: V1Peer;

  beforeAll(async () => {
    const [portP, portB, portQ] = await distinctPorts(['127.0.0.50', '127.0.0.51', '127.0.0.52']);
    const toB = { host: '127.0.0.51', port: portB! + 1 };
    p = new V1Peer('127.0.0.50', portP!, 'Orig-P', undefined, { relay: true, announceTo: [toB] });
    q = new V1Peer('127.0.0.52', portQ!, 'Orig-Q', undefined, { relay: true, announceTo: [toB] });
    await Promise.all([p.start(), q.start()]);
    // no static peers: B hears P and Q announce on its v1 port and answers each at its own
    b = await startNode({ name: 'B', host: '127.0.0.51', port: portB });
    await waitFor(async () => {
      const ids = (await peers(b)).map((x) => x.nodeId);
      return ids.includes(p.nodeId) && ids.includes(q.nodeId);
    }, { what: 'B knows P and Q', timeoutMs: 20_000 });
    await waitFor(() => p.peers.has(v1IdOf(b)) && q.peers.has(v1IdOf(b)), { what: 'P and Q know B', timeoutMs: 20_000 });
  });

  afterAll(async () => {
    await b?.stop();
    await Promise.all([p?.stop(), q?.stop()]);
  });

  it('P and Q know only B, by its v1 id', () => {
    expect([...p.peers.keys()]).toEqual([v1IdOf(b)]);
    expect([...q.peers.keys()]).toEqual([v1IdOf(b)]);
    expect(p.peers.get(v1IdOf(b))).toEqual({ ip: b.host, port: b.port, name: 'B' });
  });

  it.each([
    ['P', 'Q'],
    ['Q', 'P'],
  ])('chat from %s reaches %s through B in its v1 form', async (fromName, toName) => {
    const [from, to] = fromName === 'P' ? [p, q] : [q, p];
    const text = `from ${fromName} across a v2 node`;
    const id = await from.sendChat(text);
    const got = await waitFor(() => to.received.find((m) => m.message_id === id), { what: `chat at ${toName}` });
    expect(got).toEqual({ type: 'chat', message_id: id, sender_id: from.nodeId, sender_name: from.name, timestamp: expect.any(Number), content: text });
    expect(to.chats.filter((x) => x.message.message_id === id).map((x) => x.text)).toEqual([text]);
    const atB = (await messages(b)).filter((m) => m.id === id);
    expect(atB).toHaveLength(1);
    expect(atB[0]).toMatchObject({ content: text, senderId: from.nodeId, authenticated: false, direction: 'in' });
  });

  it.each([
    ['P', 'Q'],
    ['Q', 'P'],
  ])('a 100 KiB file from %s reaches %s through B, intact', async (fromName, toName) => {
    const [from, to] = fromName === 'P' ? [p, q] : [q, p];
    const name = `line2-${fromName}-to-${toName}.bin`;
    const data = randomBytes(FILE_SIZE);
    await from.sendFile(name, data);
    const got = await waitFor(() => to.files().get(name), { what: `file at ${toName}`, timeoutMs: 60_000 });
    expect(got.equals(data)).toBe(true);
    const chunks = to.received.filter((m) => m.type === 'file_chunk' && (m.file_metadata as { filename?: string }).filename === name);
    expect(new Set(chunks.map((m) => m.chunk_index)).size).toBe(Math.ceil(FILE_SIZE / 8192));
    for (const m of chunks) expect(m.sender_id).toBe(from.nodeId);
    await waitFor(async () => (await files(b)).some((f) => f.filename === name), { what: `file stored at B` });
    expect((await readFile(join(b.downloads, name))).equals(data)).toBe(true);
  });

  it('P and Q only ever saw v1, from B only', () => {
    for (const peer of [p, q]) {
      expect(peer.relayFailures).toEqual([]);
      expectOnlyV1(peer, [b]);
      for (const i of peer.inbound) expect(i.from.split(':')[0]).toBe(b.host);
    }
  });
});
