import { generateKeyPairSync } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { isV2Announcement, nodeIdOf, parseDiscovery, rawPublicKey, v1IdOf } from '@meshwork/protocol';
import { captureLogger, freePort, LOOPBACK_BROADCAST, waitFor } from '@meshwork/testing';
import { createDiscovery, type DiscoveryOptions, type HeardAnnouncement } from './discovery.ts';
import { PeerTable } from './peer-table.ts';

const DISCOVERY_PORT = 10_000;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

function newIdentity() {
  const publicKey = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
  const nodeId = nodeIdOf(publicKey);
  return { nodeId, v1Id: v1IdOf(nodeId), publicKey };
}

type Identity = ReturnType<typeof newIdentity>;

async function startNode(host: string, opts: Partial<DiscoveryOptions> & { maxPeersPerAddress?: number } = {}) {
  const { log, lines } = captureLogger('transport');
  const identity = opts.identity ?? newIdentity();
  const port = opts.port ?? (await freePort(host));
  const table = new PeerTable({ timeoutMs: 30_000, maxPeers: 256, maxPeersPerAddress: opts.maxPeersPerAddress ?? 4 });
  const heard: HeardAnnouncement[] = [];
  const discovery = createDiscovery({
    host,
    port,
    discoveryPort: DISCOVERY_PORT,
    broadcast: [LOOPBACK_BROADCAST],
    advertise: host,
    allowLoopback: true,
    // long: only the announcement at start-up and the replies can explain what is heard
    intervalMs: 60_000,
    repliesPerSecond: 20,
    identity,
    nodeName: 'node',
    salt: () => undefined,
    badFramesPerMinute: 20,
    badFrameCooldownMs: 60_000,
    log,
    staticTargets: () => [],
    onAnnouncement: (a) => {
      heard.push(a);
      const result = table.announce(a);
      return result.ok ? { ok: true, newcomer: result.newcomer } : result;
    },
    ...opts,
  });
  cleanup.push(() => discovery.close());
  const discoveryPort = await discovery.start();
  return { identity, port, discoveryPort, table, heard, lines, discovery };
}

interface Catcher {
  socket: Socket;
  port: number;
  got: Buffer[];
}

/** A UDP socket that keeps what it receives (reuseAddr: it may share a port with a node's wildcard socket). */
async function udp(host: string, port = 0): Promise<Catcher> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  const got: Buffer[] = [];
  socket.on('message', (m) => got.push(m));
  await new Promise<void>((resolve) => socket.bind(port, host, resolve));
  cleanup.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { socket, port: socket.address().port, got };
}

/** A v2 announcement as another node would send it (fields overridable, to forge one). */
function v2Datagram(who: Identity, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'discovery',
    node_id: who.v1Id,
    node_name: 'Other',
    ip: '127.0.0.9',
    port: 4321,
    timestamp: 1,
    v: 2,
    id: who.nodeId,
    key: who.publicKey.toString('base64'),
    dialects: ['v1', 'v2'],
    discovery_port: 4400,
    ...fields,
  });
}

const v1Datagram = (nodeId: string, port: number, name = 'Original') => JSON.stringify({ type: 'discovery', node_id: nodeId, node_name: name, ip: '127.0.0.9', port, timestamp: 1 });

const warnings = (lines: Array<Record<string, unknown>>, msg: string) => lines.filter((l) => l.level === 40 && l.msg === msg);

describe('discovery', { timeout: 20_000 }, () => {
  it('two nodes on different TCP ports hear each other on the shared discovery port at once: start-up announcement and reply', async () => {
    const salt = Buffer.alloc(16, 7);
    const a = await startNode('127.0.0.2', { salt: () => salt });
    const b = await startNode('127.0.0.3');
    expect(a.port).not.toBe(b.port);
    expect(b.discoveryPort).toBe(DISCOVERY_PORT);
    // A was there first: it heard B's start-up broadcast and answered B at once
    await waitFor(() => a.table.byNodeId(b.identity.nodeId) && b.table.byNodeId(a.identity.nodeId), { what: 'A and B hear each other', timeoutMs: 1000 });
    expect(a.table.byNodeId(b.identity.nodeId)).toMatchObject({ dialect: 'v2', v1Id: b.identity.v1Id, key: b.identity.publicKey, endpoint: { host: '127.0.0.3', port: b.port } });
    expect(b.heard.find((h) => h.nodeId === a.identity.nodeId)).toEqual({
      dialect: 'v2',
      nodeId: a.identity.nodeId,
      v1Id: a.identity.v1Id,
      name: 'node',
      endpoint: { host: '127.0.0.2', port: a.port },
      key: a.identity.publicKey,
      salt,
    });
    expect(a.heard.find((h) => h.nodeId === b.identity.nodeId)?.salt).toBeUndefined();
    // each ignores its own datagrams
    expect(a.heard.map((h) => h.v1Id)).not.toContain(a.identity.v1Id);
    expect(b.heard.map((h) => h.v1Id)).not.toContain(b.identity.v1Id);
  });

  it('understands a v1 announcement on TCP port + 1 and answers it there, in the one format original nodes read', async () => {
    const node = await startNode('127.0.0.2');
    const original = await udp('127.0.0.9');
    const replies = await udp('127.0.0.9', 4322);
    original.socket.send(v1Datagram('orig0001', 4321, 'Original node with a name of some length'), node.port + 1, '127.0.0.2');
    await waitFor(() => node.heard.length === 1, { what: 'the v1 announcement' });
    expect(node.heard[0]).toEqual({ dialect: 'v1', nodeId: 'orig0001', v1Id: 'orig0001', name: 'Original node with a name of some length', endpoint: { host: '127.0.0.9', port: 4321 } });
    expect(node.table.byNodeId('orig0001')).toMatchObject({ dialect: 'v1' });
    await waitFor(() => replies.got.length === 1, { what: 'the reply at port + 1' });
    const reply = parseDiscovery(replies.got[0]!);
    if (!reply.ok) throw new Error(reply.reason);
    // the original's fields only, and no larger than the announcement it answers
    expect(reply.value).toEqual({ type: 'discovery', node_id: node.identity.v1Id, node_name: expect.any(String), ip: '127.0.0.2', port: node.port, timestamp: expect.any(Number) });
    expect(replies.got[0]!.byteLength).toBeLessThanOrEqual(Buffer.byteLength(v1Datagram('orig0001', 4321, 'Original node with a name of some length')));
  });

  it('listens once on a port that is both the discovery port and TCP port + 1', async () => {
    const node = await startNode('127.0.0.2', { port: DISCOVERY_PORT - 1 });
    const sender = await udp('127.0.0.9');
    sender.socket.setBroadcast(true);
    sender.socket.send(v1Datagram('orig0001', 4321), DISCOVERY_PORT, LOOPBACK_BROADCAST);
    sender.socket.send(v1Datagram('orig0002', 4323), DISCOVERY_PORT, LOOPBACK_BROADCAST);
    await waitFor(() => node.heard.some((h) => h.nodeId === 'orig0002'), { what: 'the second announcement' });
    expect(node.heard.map((h) => h.nodeId)).toEqual(['orig0001', 'orig0002']);
  });

  it('refuses a v2 announcement whose id is not its key, or whose node_id is not its id, with a logged reason', async () => {
    const node = await startNode('127.0.0.2');
    const mallory = await udp('127.0.0.66');
    const answers = await udp('127.0.0.66', 4400);
    const alice = newIdentity();
    const other = newIdentity();
    mallory.socket.send(v2Datagram(alice, { key: other.publicKey.toString('base64') }), DISCOVERY_PORT, '127.0.0.2');
    mallory.socket.send(v2Datagram(alice, { node_id: 'abcdefgh' }), DISCOVERY_PORT, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'dropped discovery datagram').length === 2, { what: 'two drops' });
    expect(warnings(node.lines, 'dropped discovery datagram')).toMatchObject([
      { peer: `127.0.0.66:${mallory.port}`, reason: expect.stringContaining('is not the node id of key') },
      { peer: `127.0.0.66:${mallory.port}`, reason: expect.stringContaining('must be the first 8 characters of id') },
    ]);
    // a good one from the same socket is handled after them: nothing of the bad ones got through
    mallory.socket.send(v2Datagram(other), DISCOVERY_PORT, '127.0.0.2');
    await waitFor(() => answers.got.length === 1, { what: 'the answer to the good one' });
    expect(node.heard.map((h) => h.nodeId)).toEqual([other.nodeId]);
    expect(node.table.byNodeId(alice.nodeId)).toBeUndefined();
  });

  it('does not let an announcement from another address move a node still heard at its first', async () => {
    const node = await startNode('127.0.0.2');
    const real = await udp('127.0.0.9');
    const mallory = await udp('127.0.0.66');
    const malloryAnswers = await udp('127.0.0.66', 4400);
    const alice = newIdentity();
    real.socket.send(v2Datagram(alice), DISCOVERY_PORT, '127.0.0.2');
    await waitFor(() => node.table.byNodeId(alice.nodeId), { what: 'the real node' });
    // a replay of the real announcement, and a v1 one claiming its v1 id
    mallory.socket.send(v2Datagram(alice, { ip: '127.0.0.66' }), DISCOVERY_PORT, '127.0.0.2');
    mallory.socket.send(v1Datagram(alice.v1Id, 4321), DISCOVERY_PORT, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'refused discovery announcement').length === 2, { what: 'the refusals' });
    expect(warnings(node.lines, 'refused discovery announcement')).toMatchObject([
      { peer: `127.0.0.66:${mallory.port}`, nodeId: alice.nodeId, reason: `node ${alice.nodeId} is still heard at 127.0.0.9:4321` },
      { peer: `127.0.0.66:${mallory.port}`, nodeId: alice.v1Id, reason: `v1 id ${alice.v1Id} is v2 node ${alice.nodeId}'s, still heard at 127.0.0.9:4321` },
    ]);
    expect(node.table.list()).toMatchObject([{ nodeId: alice.nodeId, endpoint: { host: '127.0.0.9', port: 4321 } }]);
    expect(malloryAnswers.got).toEqual([]);
  });

  it('sends at most one datagram per datagram received, one answer per newcomer', async () => {
    const node = await startNode('127.0.0.2', { maxPeersPerAddress: 100 });
    const sender = await udp('127.0.0.66');
    const catchers = await Promise.all(Array.from({ length: 10 }, (_, i) => udp('127.0.0.66', 4400 + i)));
    const nodes = catchers.map(() => newIdentity());
    let sent = 0;
    for (let round = 0; round < 5; round++) {
      nodes.forEach((who, i) => {
        sender.socket.send(v2Datagram(who, { port: 5000 + i, discovery_port: 4400 + i }), DISCOVERY_PORT, '127.0.0.2');
        sent++;
      });
    }
    await waitFor(() => node.heard.length === sent, { what: 'every announcement handled' });
    // an answer sent after all the others, to know they had time to arrive
    const honest = await udp('127.0.0.9', 4400);
    (await udp('127.0.0.9')).socket.send(v2Datagram(newIdentity()), DISCOVERY_PORT, '127.0.0.2');
    await waitFor(() => honest.got.length === 1, { what: 'a later answer' });
    const answers = catchers.map((c) => c.got.length);
    expect(answers).toEqual(Array(10).fill(1));
    expect(answers.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(sent);
    for (const c of catchers) expect(parseDiscovery(c.got[0]!)).toMatchObject({ ok: true, value: { id: node.identity.nodeId } });
  });

  it('does not answer a node it knows that hears its broadcasts, however long since the last answer', async () => {
    const clock = { now: 1_000_000 };
    const node = await startNode('127.0.0.2', { now: () => clock.now, maxPeersPerAddress: 100 });
    const sender = await udp('127.0.0.66');
    // the peer listens on the discovery port, as this node's broadcasts reach it
    const answers = await udp('127.0.0.66', DISCOVERY_PORT);
    const known = newIdentity();
    const send = (who: Identity) => sender.socket.send(v2Datagram(who, { discovery_port: DISCOVERY_PORT }), DISCOVERY_PORT, '127.0.0.2');
    send(known);
    await waitFor(() => answers.got.length === 1, { what: 'the answer to the newcomer' });
    clock.now += 120_000;
    for (let i = 0; i < 5; i++) send(known);
    send(newIdentity());
    await waitFor(() => answers.got.length === 2, { what: 'the answer to the second newcomer' });
    expect(node.heard).toHaveLength(7);
    expect(answers.got).toHaveLength(2);
  });

  it('answers a known original node on another TCP port once per interval, as it cannot hear the broadcasts', async () => {
    const clock = { now: 1_000_000 };
    const node = await startNode('127.0.0.2', { now: () => clock.now });
    const original = await udp('127.0.0.9');
    const answers = await udp('127.0.0.9', 4322);
    original.socket.send(v1Datagram('orig0001', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => answers.got.length === 1, { what: 'the first answer' });
    for (let i = 0; i < 3; i++) original.socket.send(v1Datagram('orig0001', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => node.heard.length === 4, { what: 'the repeats' });
    clock.now += 60_000;
    original.socket.send(v1Datagram('orig0001', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => answers.got.length === 2, { what: 'the answer an interval later' });
    expect(node.heard).toHaveLength(5);
    expect(answers.got).toHaveLength(2);
  });

  it('keeps its announcement within 1024 bytes with a 256-character multibyte name, sent to static peers at port + 1 and the discovery port', async () => {
    const name = '€'.repeat(256);
    const salt = Buffer.alloc(16, 0xab);
    const atV1Port = await udp('127.0.0.9', 5001);
    const atDiscoveryPort = await udp('127.0.0.9', DISCOVERY_PORT);
    const node = await startNode('127.0.0.2', { nodeName: name, salt: () => salt, staticTargets: () => [{ host: '127.0.0.9', port: 5000 }] });
    await waitFor(() => atV1Port.got.length === 1 && atDiscoveryPort.got.length === 1, { what: 'both unicasts' });
    expect(atV1Port.got[0]).toEqual(atDiscoveryPort.got[0]);
    const datagram = atV1Port.got[0]!;
    expect(datagram.byteLength).toBeLessThanOrEqual(1024);
    const parsed = parseDiscovery(datagram);
    if (!parsed.ok) throw new Error(parsed.reason);
    if (!isV2Announcement(parsed.value)) throw new Error('not a v2 announcement');
    expect(parsed.value.node_name.length).toBeGreaterThan(0);
    expect(parsed.value.node_name.length).toBeLessThan(256);
    expect(name.startsWith(parsed.value.node_name)).toBe(true);
    expect(parsed.value).toMatchObject({ node_id: node.identity.v1Id, id: node.identity.nodeId, port: node.port, discovery_port: DISCOVERY_PORT, salt: salt.toString('base64'), dialects: ['v1', 'v2'] });
  });
});
