import { createHash, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeV2Announcement, fingerprintOf, parseV1Message, subjects, v1IdOf, v1Now, v1ToWireMessage, type mesh } from '@meshwork/protocol';
import { ensureIdentity } from '@meshwork/service';
import type { Bus } from '@meshwork/bus';
import { captureLogger, freePort, startTestNats, waitFor, type CapturedLog } from '@meshwork/testing';
import { configSchema } from './config.ts';
import { initiateHandshake } from './link-handshake.ts';
import { freeUdpPort, idleConnection, newLinkIdentity, newNodeKey, plainServer, RawPeer, rawSend, tempDataDir, type PlainServer } from './test-helpers.ts';
import { createTransport } from './transport.ts';

const vectors = new URL('../../../libs/protocol/vectors/v1/', import.meta.url);
const vector = (name: string) => readFileSync(new URL(name, vectors));

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

interface TestNode {
  probe: Bus;
  lines: CapturedLog['lines'];
  info: Record<string, unknown>;
  port: number;
  host: string;
  /** its v2 node id, from the identity key in its data folder */
  nodeId: string;
  /** what original nodes know it by */
  v1Id: string;
  discoveryPort: number;
  dataDir: string;
  /** raw Ed25519 public key */
  publicKey: Buffer;
  received: mesh.v1.WireReceived[];
  joined: mesh.v1.PeerChanged[];
  left: mesh.v1.PeerChanged[];
  updated: mesh.v1.PeerChanged[];
  deliveries: mesh.v1.WireDelivery[];
  peers(): Promise<mesh.v1.IPeer[]>;
  stop(): Promise<void>;
}

/**
 * A transport in-process against a real nats-server, with an identity in a data folder of its
 * own (as `mesh up` makes it) and, unless told, a discovery port of its own: nodes meant to find
 * each other by broadcast are given one to share.
 */
async function startNode(settings: Record<string, unknown> = {}): Promise<TestNode> {
  const host = (settings.host as string | undefined) ?? '127.0.0.2';
  const port = (settings.port as number | undefined) ?? (await freePort(host));
  const discoveryPort = (settings.discoveryPort as number | undefined) ?? (await freeUdpPort());
  // a data folder of its own, or the one given (a restart: same identity)
  const data = settings.dataDir ? { dataDir: settings.dataDir as string, identity: ensureIdentity(settings.dataDir as string) } : tempDataDir();
  if ('remove' in data) cleanup.push(async () => data.remove());
  const nats = await startTestNats();
  cleanup.push(() => nats.stop());
  const probe = await nats.connect('probe');
  const received: mesh.v1.WireReceived[] = [];
  const joined: mesh.v1.PeerChanged[] = [];
  const left: mesh.v1.PeerChanged[] = [];
  const updated: mesh.v1.PeerChanged[] = [];
  const deliveries: mesh.v1.WireDelivery[] = [];
  probe.subscribe(subjects.wireReceived, (e) => void received.push(e));
  probe.subscribe(subjects.peerUpdated, (e) => void updated.push(e));
  probe.subscribe(subjects.wireDelivery, (e) => void deliveries.push(e));
  probe.subscribe(subjects.peerJoined, (e) => void joined.push(e));
  probe.subscribe(subjects.peerLeft, (e) => void left.push(e));
  const { nodeId, v1Id } = data.identity;
  const { log, lines } = captureLogger('transport', nodeId);
  const config = configSchema.parse({
    nodeId,
    name: 'Self',
    dataDir: data.dataDir,
    natsUrl: nats.url,
    natsToken: nats.token,
    broadcast: '127.255.255.255',
    ...settings,
    host,
    port,
    discoveryPort,
  });
  const service = createTransport({ config, log, bus: await nats.connect('transport') });
  const info = (await service.start()) ?? {};
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await service.stop();
  };
  cleanup.push(stop);
  const peers = async () => (await probe.request(subjects.peersList, {})).peers;
  // the service's subscriptions (on its own connection) and then the probe's are in place once this answers
  await waitFor(() => peers().then(() => true), { what: 'transport serving peers.list' });
  return { probe, lines, info, port, host, nodeId, v1Id, discoveryPort, dataDir: data.dataDir, publicKey: data.identity.publicKey, received, joined, left, updated, deliveries, peers, stop };
}

async function server(opts: Parameters<typeof plainServer>[0] = {}): Promise<PlainServer> {
  const s = await plainServer(opts);
  cleanup.push(() => s.close());
  return s;
}

const warnings = (lines: CapturedLog['lines'], msg: string) => lines.filter((l) => l.level === 40 && l.msg === msg);

// The chat example of WIRE.md, with its placeholders filled in.
const wireChat =
  '{"type":"chat","message_id":"5e3f0b9e-2a1c-4c56-9d43-6b1f1c8e7a10","sender_id":"abcd1234","sender_name":"User-host","timestamp":1699123456.789,"content":"hello over v1"}';

function udp(localAddress: string, port = 0) {
  const socket = createSocket('udp4');
  cleanup.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return new Promise<typeof socket>((resolve) => socket.bind(port, localAddress, () => resolve(socket)));
}

describe('transport, inbound TCP', { timeout: 20_000 }, () => {
  it('publishes a chat that arrives in pieces as wire.received, with the sender address', async () => {
    const node = await startNode();
    expect(node.info).toMatchObject({ tcp: `127.0.0.2:${node.port}`, discoveryPort: node.discoveryPort, nodeId: node.nodeId, password: false });
    const pieces = [wireChat.slice(0, 1), wireChat.slice(1, 40), wireChat.slice(40, 41), wireChat.slice(41)];
    const before = Date.now();
    const { localPort } = await rawSend('127.0.0.2', node.port, pieces, { localAddress: '127.0.0.7' });
    await waitFor(() => node.received.length === 1, { what: 'wire.received' });
    const ev = node.received[0]!;
    expect(ev.message?.chat).toMatchObject({
      messageId: '5e3f0b9e-2a1c-4c56-9d43-6b1f1c8e7a10',
      senderId: 'abcd1234',
      senderName: 'User-host',
      timestamp: 1699123456.789,
      content: 'hello over v1',
    });
    expect(ev.from).toMatchObject({ host: '127.0.0.7', port: localPort });
    // a v1 connection, not a link
    expect(ev.via).toBe('');
    expect(ev.receivedAt).toBeGreaterThanOrEqual(before);
    expect(ev.receivedAt).toBeLessThanOrEqual(Date.now());
  });

  it('accepts the three file chunk captures of the original app', async () => {
    const node = await startNode();
    for (const i of [0, 1, 2]) await rawSend('127.0.0.2', node.port, [vector(`file_chunk.${i}.tcp.json`)]);
    await waitFor(() => node.received.length === 3, { what: 'three chunks' });
    const chunks = node.received.map((e) => e.message!.fileChunk as mesh.v1.FileChunk).sort((a, b) => a.chunkIndex - b.chunkIndex);
    expect(chunks.map((c) => c.data.length)).toEqual([8192, 8192, 3616]);
    const whole = Buffer.concat(chunks.map((c) => c.data));
    expect(whole.equals(vector('file.payload.bin'))).toBe(true);
    expect(createHash('sha256').update(whole).digest('hex')).toBe(chunks[0]!.metadata!.fileHash);
  });

  it('drops garbage, oversize, schema-invalid and unfinished frames with a reason naming the peer, and keeps serving', async () => {
    const node = await startNode({ maxMessageBytes: 2000, inboundTimeoutMs: 300 });
    await rawSend('127.0.0.2', node.port, ['this is not json']);
    await rawSend('127.0.0.2', node.port, [`{"type":"chat","content":"${'x'.repeat(1500)}`, 'x'.repeat(1500)]);
    await rawSend('127.0.0.2', node.port, ['{"type":"chat","message_id":"m1","sender_id":"abcd1234","sender_name":"n","timestamp":1}']);
    await rawSend('127.0.0.2', node.port, ['{"type":"chat",'], { keepOpen: true });
    await rawSend('127.0.0.2', node.port, [wireChat]);
    await waitFor(() => node.received.length === 1, { what: 'the good message' });
    expect(node.received[0]!.message?.chat?.content).toBe('hello over v1');

    const drops = warnings(node.lines, 'dropped inbound message');
    expect(drops).toHaveLength(4);
    for (const d of drops) expect(d.peer).toMatch(/^127\.0\.0\.7:\d+$/);
    expect(drops.map((d) => String(d.reason))).toEqual([
      expect.stringMatching(/^invalid JSON/),
      expect.stringMatching(/^oversize: more than 2000 bytes/),
      expect.stringMatching(/^content: /),
      expect.stringMatching(/^timeout: no complete message within 300 ms/),
    ]);
  });

  it('ignores an IP that sends too many bad frames for the cooldown, saying so once when it starts and once when it ends', async () => {
    const node = await startNode({ badFramesPerMinute: 1, badFrameCooldownMs: 1500 });
    await rawSend('127.0.0.2', node.port, ['garbage 1'], { localAddress: '127.0.0.8' });
    // another kind of bad frame: each kind from an address is logged (a flood of one kind once per interval)
    await rawSend('127.0.0.2', node.port, ['{}'], { localAddress: '127.0.0.8' });
    await rawSend('127.0.0.2', node.port, ['garbage 3'], { localAddress: '127.0.0.8' });
    const ignored = wireChat.replace('hello over v1', 'while ignored');
    await rawSend('127.0.0.2', node.port, [ignored], { localAddress: '127.0.0.8' });
    // traffic from others goes on meanwhile
    await rawSend('127.0.0.2', node.port, [wireChat], { localAddress: '127.0.0.7' });
    await waitFor(() => node.received.length === 1, { what: 'the other peer\'s message' });
    await waitFor(() => node.lines.some((l) => l.msg === 'bad-frame cooldown over: accepting this IP again'), { what: 'the end of the cooldown' });
    await rawSend('127.0.0.2', node.port, [wireChat.replace('hello over v1', 'after the cooldown')], { localAddress: '127.0.0.8' });
    await waitFor(() => node.received.length === 2, { what: 'the message after the cooldown' });

    expect(node.received.map((e) => e.message?.chat?.content)).toEqual(['hello over v1', 'after the cooldown']);
    expect(warnings(node.lines, 'too many bad frames: ignoring this IP')).toMatchObject([{ ip: '127.0.0.8' }]);
    expect(node.lines.filter((l) => l.msg === 'bad-frame cooldown over: accepting this IP again')).toMatchObject([{ ip: '127.0.0.8' }]);
    expect(warnings(node.lines, 'dropped inbound message')).toHaveLength(2);
  });
});

describe('transport, inbound fairness', { timeout: 30_000 }, () => {
  it('a 300-connection slow-loris from one address does not keep an honest chat from another out, and gets the address ignored', async () => {
    // timeouts long enough that only the per-address limits can save the honest chat
    const node = await startNode({ firstByteTimeoutMs: 60_000, inboundTimeoutMs: 60_000 });
    const conns = await Promise.all(Array.from({ length: 300 }, () => idleConnection('127.0.0.2', node.port, '127.0.0.60')));
    cleanup.push(async () => conns.forEach((c) => c.socket.destroy()));
    await rawSend('127.0.0.2', node.port, [wireChat], { localAddress: '127.0.0.61' });
    await waitFor(() => node.received.length === 1, { what: 'the honest chat' });
    expect(node.received[0]!.from).toMatchObject({ host: '127.0.0.61' });
    // past its 8 connections, each one is a strike: the address is ignored and all its connections closed
    await Promise.all(conns.map((c) => c.closed));
    expect(warnings(node.lines, 'too many bad frames: ignoring this IP')).toMatchObject([{ ip: '127.0.0.60' }]);
    // one line per kind of refusal, not one per connection
    expect(warnings(node.lines, 'refused inbound connection')).toMatchObject([
      { peer: expect.stringMatching(/^127\.0\.0\.60:/), reason: 'too many connections from this address (max 8)' },
      { peer: expect.stringMatching(/^127\.0\.0\.60:/), reason: 'ignored: too many bad frames from this address' },
    ]);
  });
});

describe('transport, wire.send', { timeout: 20_000 }, () => {
  const chat = (n: number, content = `message ${n}`) => ({
    chat: { messageId: `id-${n}`, senderId: 'self0001', senderName: 'Self', timestamp: 1700000000.5 + n, content },
  });
  const at = (host: string, port: number) => ({ endpoint: { host, port } });

  it('opens one connection per message and target from its own address, and replies ok per target', async () => {
    const node = await startNode();
    const a = await server({ host: '127.0.0.1' });
    const b = await server({ host: '127.0.0.4' });
    const targets = [at('127.0.0.1', a.port), at('127.0.0.4', b.port)];
    const replies = await Promise.all([1, 2, 3].map((n) => node.probe.request(subjects.wireSend, { message: chat(n), targets })));
    for (const r of replies) {
      expect(r.deliveries.map((d) => ({ ...d.peer?.endpoint, nodeId: d.peer?.nodeId, ok: d.ok, error: d.error }))).toEqual(
        targets.map((t) => ({ ...t.endpoint, nodeId: '', ok: true, error: '' })),
      );
    }
    for (const s of [a, b]) {
      expect(s.received).toHaveLength(3);
      expect(s.from).toEqual(['127.0.0.2', '127.0.0.2', '127.0.0.2']);
      const got = s.received.map((text) => JSON.parse(text)).sort((x, y) => x.timestamp - y.timestamp);
      expect(got).toEqual([1, 2, 3].map((n) => ({ type: 'chat', message_id: `id-${n}`, sender_id: 'self0001', sender_name: 'Self', timestamp: 1700000000.5 + n, content: `message ${n}` })));
    }
    // no report asked for: no delivery events
    expect(node.deliveries).toEqual([]);
  });

  it('delivers a wire.send published without a reply subject, and reports it when asked', async () => {
    const node = await startNode();
    const a = await server();
    node.probe.publish(subjects.wireSend, { message: chat(7), targets: [at('127.0.0.1', a.port)], report: true });
    await waitFor(() => a.received.length === 1, { what: 'the delivery' });
    expect(JSON.parse(a.received[0]!)).toMatchObject({ message_id: 'id-7' });
    await waitFor(() => node.deliveries.length === 1, { what: 'the delivery event' });
    expect(node.deliveries[0]).toMatchObject({ messageId: 'id-7', delivery: { ok: true, peer: { endpoint: { host: '127.0.0.1', port: a.port } } } });
  });

  it('sends a file chunk with the same JSON fields as the original app', async () => {
    const node = await startNode();
    const a = await server();
    const parsed = parseV1Message(vector('file_chunk.2.tcp.json'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const reply = await node.probe.request(subjects.wireSend, { message: v1ToWireMessage(parsed.value), targets: [at('127.0.0.1', a.port)] });
    expect(reply.deliveries[0]?.ok).toBe(true);
    expect(JSON.parse(a.received[0]!)).toEqual(JSON.parse(vector('file_chunk.2.tcp.json').toString()));
  });

  it('reports a target that refuses as failed once the retries are spent, the others delivered', async () => {
    const node = await startNode({ sendRetries: 2 });
    const closed = await freePort('127.0.0.1');
    const ok = await server();
    const reply = await node.probe.request(subjects.wireSend, { message: chat(1), targets: [at('127.0.0.1', closed), at('127.0.0.1', ok.port)] });
    expect(reply.deliveries.map((d) => d.ok)).toEqual([false, true]);
    expect(reply.deliveries[0]!.error).toMatch(/ECONNREFUSED.*after 3 attempts/);
  });

  it('fails a message too large for a v1 peer without opening a connection', async () => {
    const node = await startNode();
    const a = await server();
    const reply = await node.probe.request(subjects.wireSend, { message: chat(1, 'x'.repeat(70_000)), targets: [at('127.0.0.1', a.port)] });
    expect(reply.deliveries[0]).toMatchObject({ ok: false, error: expect.stringMatching(/must stay under 65536/) });
    expect(a.received).toHaveLength(0);
  });

  it('a target that does not answer never delays the others: their delivery events come at once, it fails, is marked down, then fails fast', async () => {
    const node = await startNode({ connectTimeoutMs: 2500, downAfterFailures: 1, downRetryMs: 60_000 });
    const silent = await server({ host: '127.0.0.5', hold: () => true });
    const live = await server({ host: '127.0.0.4' });
    let replied = false;
    const request = node.probe
      .request(subjects.wireSend, { message: chat(1), targets: [at('127.0.0.5', silent.port), at('127.0.0.4', live.port)], report: true })
      .finally(() => (replied = true));
    await waitFor(() => node.deliveries.length > 0, { what: 'the first delivery event' });
    // the live peer's outcome is out while the silent one still holds its connection
    expect(node.deliveries).toMatchObject([{ messageId: 'id-1', delivery: { ok: true, peer: { endpoint: { host: '127.0.0.4', port: live.port } } } }]);
    expect(replied).toBe(false);
    expect(live.received).toHaveLength(1);

    const reply = await request;
    expect(reply.deliveries.map((d) => d.ok)).toEqual([false, true]);
    expect(reply.deliveries[0]!.error).toMatch(/did not close the connection/);
    expect(node.deliveries.map((d) => d.delivery?.ok)).toEqual([true, false]);
    await waitFor(() => node.updated.length === 1, { what: 'peer.updated' });
    expect(node.updated[0]).toMatchObject({ reason: expect.stringMatching(/^down: .*did not close/), peer: { endpoint: { host: '127.0.0.5', port: silent.port }, down: true } });
    expect(node.lines.some((l) => l.msg === 'peer down' && l.endpoint === `127.0.0.5:${silent.port}`)).toBe(true);

    // marked down: the next message fails at once, without a connection
    const next = await node.probe.request(subjects.wireSend, { message: chat(2), targets: [at('127.0.0.5', silent.port), at('127.0.0.4', live.port)] });
    expect(next.deliveries.map((d) => d.ok)).toEqual([false, true]);
    expect(next.deliveries[0]!.error).toMatch(/^peer down: .*did not close.*; next try in \d+ s$/);
    expect(silent.received).toHaveLength(1);
  });

  it('marks a refusing static peer down, lists it so, probes it after the back-off and marks it up once it answers', async () => {
    const port = await freePort('127.0.0.6');
    const node = await startNode({ peers: [`127.0.0.6:${port}`], sendRetries: 0, downAfterFailures: 2, downRetryMs: 300 });
    const target = at('127.0.0.6', port);
    for (const n of [1, 2]) {
      const r = await node.probe.request(subjects.wireSend, { message: chat(n), targets: [target] });
      expect(r.deliveries[0]).toMatchObject({ ok: false, error: expect.stringMatching(/ECONNREFUSED/) });
    }
    await waitFor(() => node.updated.length === 1, { what: 'peer.updated down' });
    expect(node.updated[0]).toMatchObject({ reason: expect.stringMatching(/^down: .*ECONNREFUSED/), peer: { static: true, down: true } });
    const [listed] = await node.peers();
    expect(listed).toMatchObject({ static: true, down: true, lastError: expect.stringMatching(/ECONNREFUSED/), endpoint: { host: '127.0.0.6', port } });
    expect(listed!.retryAt).toBeGreaterThan(0);
    const fast = await node.probe.request(subjects.wireSend, { message: chat(3), targets: [target] });
    expect(fast.deliveries[0]!.error).toMatch(/^peer down: .*ECONNREFUSED.*; next try in 1 s$/);

    const back = await server({ host: '127.0.0.6', port });
    await waitFor(
      async () => (await node.probe.request(subjects.wireSend, { message: chat(4), targets: [target] })).deliveries[0]!.ok,
      { what: 'a probe that goes through' },
    );
    expect(back.received).toHaveLength(1);
    await waitFor(() => node.updated.length === 2, { what: 'peer.updated up' });
    expect(node.updated[1]).toMatchObject({ reason: 'up', peer: { down: false } });
    expect(await node.peers()).toMatchObject([{ down: false, lastError: '', retryAt: 0 }]);
  });

  it('sends to a node id where the peer table has it, and says when a node id is unknown', async () => {
    const node = await startNode();
    const ghost = await server({ host: '127.0.0.9' });
    const sock = await udp('127.0.0.9');
    sock.send(JSON.stringify({ type: 'discovery', node_id: 'ghost001', node_name: 'Ghost', ip: '127.0.0.9', port: ghost.port, timestamp: 1 }), node.port + 1, '127.0.0.2');
    await waitFor(() => node.joined.some((e) => e.peer?.nodeId === 'ghost001'), { what: 'the ghost heard' });
    const stale = { host: '127.0.0.1', port: 1 };
    const reply = await node.probe.request(subjects.wireSend, {
      message: chat(1),
      targets: [{ nodeId: 'ghost001' }, { nodeId: 'ghost001', endpoint: stale }, { nodeId: 'nobody01' }, { nodeId: 'nobody02', endpoint: { host: '127.0.0.9', port: ghost.port } }],
    });
    const where = { host: '127.0.0.9', port: ghost.port };
    expect(reply.deliveries).toMatchObject([
      { ok: true, peer: { nodeId: 'ghost001', endpoint: where } },
      { ok: true, peer: { nodeId: 'ghost001', endpoint: where } },
      { ok: false, peer: { nodeId: 'nobody01' }, error: 'unknown peer nobody01: not in the peer table, and no endpoint given' },
      { ok: true, peer: { nodeId: 'nobody02', endpoint: where } },
    ]);
    expect(ghost.received).toHaveLength(3);
  });
});

/** A UDP socket that counts what it receives. */
async function listeningUdp(host: string, port = 0) {
  const socket = await udp(host, port);
  const got: Array<{ from: string; data: Record<string, unknown> }> = [];
  socket.on('message', (m, r) => got.push({ from: `${r.address}:${r.port}`, data: JSON.parse(m.toString()) }));
  return { socket, got, port: socket.address().port };
}

const fast = { discoveryIntervalMs: 150, peerSweepMs: 50 };

describe('transport, discovery', { timeout: 20_000 }, () => {
  const announcement = (nodeId: string, ip: string, port: number, name = 'Ghost') => JSON.stringify({ type: 'discovery', node_id: nodeId, node_name: name, ip, port, timestamp: 1 });

  it('two meshwork nodes on one TCP port and different addresses find each other by broadcast on the shared discovery port, as v2, and link', async () => {
    const port = await freePort('127.0.0.2');
    const discoveryPort = await freeUdpPort();
    const a = await startNode({ ...fast, host: '127.0.0.2', port, discoveryPort, name: 'A' });
    const b = await startNode({ ...fast, host: '127.0.0.3', port, discoveryPort, name: 'B' });
    await waitFor(() => a.joined.length > 0 && b.joined.length > 0, { what: 'linked both ways' });
    // peer.joined when the link is up, with what the handshake proved
    expect(a.joined[0]).toMatchObject({ peer: { nodeId: b.nodeId, name: 'B', endpoint: { host: '127.0.0.3', port }, dialect: 'v2', linked: true, v1Id: b.v1Id, fingerprint: fingerprintOf(b.nodeId) } });
    expect(Buffer.from(a.joined[0]!.peer!.key!)).toEqual(b.publicKey);
    expect(b.joined[0]).toMatchObject({ peer: { nodeId: a.nodeId, name: 'A', endpoint: { host: '127.0.0.2', port }, dialect: 'v2', linked: true } });
    expect(await a.peers()).toMatchObject([{ nodeId: b.nodeId, name: 'B', endpoint: { host: '127.0.0.3', port }, static: false, dialect: 'v2', linked: true }]);
    expect(await b.peers()).toMatchObject([{ nodeId: a.nodeId, dialect: 'v2', linked: true }]);
    expect(a.lines.find((l) => l.msg === 'link up')).toMatchObject({ peer: b.nodeId, host: '127.0.0.3', port });
  });

  it('a datagram sent to one of two nodes sharing the discovery port reaches that node only', async () => {
    const port = await freePort('127.0.0.2');
    const a = await startNode({ host: '127.0.0.2', port, nodeId: 'aaaa1111' });
    const b = await startNode({ host: '127.0.0.3', port, nodeId: 'bbbb2222' });
    const sock = await udp('127.0.0.9');
    const ghosts = (node: TestNode) => node.joined.map((e) => e.peer?.nodeId ?? '').filter((id) => id.startsWith('ghost')).sort();
    for (let i = 0; i < 6; i++) {
      const to = i % 2 === 0 ? '127.0.0.2' : '127.0.0.3';
      sock.send(announcement(`ghost00${i}`, '127.0.0.9', 5000 + i, 'g'), port + 1, to);
    }
    await waitFor(() => ghosts(a).length + ghosts(b).length === 6, { what: 'every ghost heard' });
    expect(ghosts(a)).toEqual(['ghost000', 'ghost002', 'ghost004']);
    expect(ghosts(b)).toEqual(['ghost001', 'ghost003', 'ghost005']);
  });

  it('a static peer named on one side only, on another discovery port: both end up linked', async () => {
    const portB = await freePort('127.0.0.3');
    const b = await startNode({ ...fast, host: '127.0.0.3', port: portB, name: 'B' });
    const a = await startNode({ ...fast, host: '127.0.0.2', name: 'A', peers: [`127.0.0.3:${portB}`] });
    expect(b.port).not.toBe(a.port);
    expect(b.discoveryPort).not.toBe(a.discoveryPort);
    await waitFor(() => a.joined.some((e) => e.peer?.nodeId === b.nodeId) && b.joined.some((e) => e.peer?.nodeId === a.nodeId), { what: 'linked both ways' });
    expect(await a.peers()).toMatchObject([{ nodeId: b.nodeId, endpoint: { host: '127.0.0.3', port: portB }, static: true, dialect: 'v2', linked: true }]);
    expect(await b.peers()).toMatchObject([{ nodeId: a.nodeId, endpoint: { host: '127.0.0.2', port: a.port }, static: false, dialect: 'v2', linked: true }]);
  });

  it('drops a garbage or oversize datagram with a reason naming its source, and keeps discovering', async () => {
    const node = await startNode(fast);
    const sock = await udp('127.0.0.9');
    const src = `127.0.0.9:${sock.address().port}`;
    const dport = node.port + 1;
    sock.send('garbage', dport, '127.0.0.2');
    sock.send(announcement('ghost001', '127.0.0.9', 4321, 'g'.repeat(1100)), dport, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'dropped discovery datagram').length === 2, { what: 'two drops' });
    expect(warnings(node.lines, 'dropped discovery datagram')).toMatchObject([
      { peer: src, reason: expect.stringMatching(/^invalid JSON/) },
      { peer: src, reason: expect.stringMatching(/^oversize/) },
    ]);
    sock.send(announcement('ghost001', '127.0.0.9', 4321), dport, '127.0.0.2');
    await waitFor(() => node.joined.some((e) => e.peer?.nodeId === 'ghost001'), { what: 'the good announcement' });
    // the peer is the datagram's source address with the announced port, not the source port
    expect(await node.peers()).toMatchObject([{ nodeId: 'ghost001', name: 'Ghost', endpoint: { host: '127.0.0.9', port: 4321 } }]);
  });

  it('takes the peer address from the datagram source, never from a spoofed ip field, and says so', async () => {
    const node = await startNode();
    const attacker = await udp('127.0.0.66');
    attacker.send(announcement('ghost001', '127.0.0.77', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => node.joined.length === 1, { what: 'peer.joined' });
    expect(node.joined[0]).toMatchObject({ peer: { nodeId: 'ghost001', endpoint: { host: '127.0.0.66', port: 4321 } } });
    expect(node.lines.find((l) => l.msg === 'discovery ip differs from the source: using the source')).toMatchObject({
      peer: `127.0.0.66:${attacker.address().port}`,
      ip: '127.0.0.77',
      using: '127.0.0.66:4321',
    });
  });

  it('does not let a node id heard at a second address replace the peer still heard at its first', async () => {
    const node = await startNode();
    const real = await udp('127.0.0.9');
    const attacker = await udp('127.0.0.66');
    real.send(announcement('victim01', '127.0.0.9', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => node.joined.length === 1, { what: 'the real peer' });
    attacker.send(announcement('victim01', '127.0.0.9', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'refused discovery announcement').length === 1, { what: 'the refusal' });
    expect(warnings(node.lines, 'refused discovery announcement')[0]).toMatchObject({
      peer: `127.0.0.66:${attacker.address().port}`,
      nodeId: 'victim01',
      reason: 'node victim01 is still heard at 127.0.0.9:4321',
    });
    expect(await node.peers()).toMatchObject([{ nodeId: 'victim01', endpoint: { host: '127.0.0.9', port: 4321 } }]);
    expect(node.left).toEqual([]);
  });

  it('refuses loopback sources when the node is not on loopback', async () => {
    const node = await startNode({ host: '0.0.0.0', advertise: '192.0.2.10' });
    const sock = await udp('127.0.0.9');
    sock.send(announcement('ghost001', '127.0.0.9', 4321), node.port + 1, '127.0.0.9');
    const drops = () => warnings(node.lines, 'dropped discovery datagram').filter((l) => String(l.peer).startsWith('127.0.0.9:'));
    await waitFor(() => drops().length === 1, { what: 'the drop' });
    expect(drops()[0]).toMatchObject({
      peer: `127.0.0.9:${sock.address().port}`,
      reason: 'source 127.0.0.9 is a loopback address and this node is not on loopback',
    });
    expect(await node.peers()).toEqual([]);
  });

  it('caps the peers one address can add, logging why', async () => {
    const node = await startNode({ maxPeersPerAddress: 2 });
    const attacker = await udp('127.0.0.66');
    for (let i = 0; i < 50; i++) attacker.send(announcement(`flood${String(i).padStart(3, '0')}`, '127.0.0.66', 2000 + i), node.port + 1, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'refused discovery announcement').length >= 1, { what: 'a refusal' });
    const honest = await udp('127.0.0.9');
    honest.send(announcement('honest01', '127.0.0.9', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => node.joined.some((e) => e.peer?.nodeId === 'honest01'), { what: 'the honest peer' });
    expect((await node.peers()).map((p) => p.nodeId).sort()).toEqual(['flood000', 'flood001', 'honest01']);
    // one line per address and kind of refusal, however many datagrams
    expect(warnings(node.lines, 'refused discovery announcement')).toMatchObject([{ peer: expect.stringMatching(/^127\.0\.0\.66:/), reason: 'too many peers at 127.0.0.66 (2)' }]);
  });

  it('answers at most one datagram per datagram received, only to the source, never to an address named in the ip field', async () => {
    const node = await startNode({ discoveryIntervalMs: 60_000, maxPeersPerAddress: 4 });
    const attacker = await listeningUdp('127.0.0.66');
    // the attacker listens where replies to its announcements would go, (its address, announced
    // port + 1), and so does the address it names in the ip field
    const ports = Array.from({ length: 10 }, (_, i) => 3000 + i * 2);
    const catchers = await Promise.all(ports.map((p) => listeningUdp('127.0.0.66', p + 1)));
    const victims = await Promise.all(ports.map((p) => listeningUdp('127.0.0.77', p + 1)));
    let sent = 0;
    for (let round = 0; round < 20; round++) {
      for (const p of ports) {
        attacker.socket.send(announcement(`spoof${round}x${p}`, '127.0.0.77', p), node.port + 1, '127.0.0.2');
        sent++;
      }
    }
    const replies = () => catchers.reduce((n, c) => n + c.got.length, 0);
    await waitFor(() => replies() >= 4, { what: 'the replies to the accepted announcements' });
    // every datagram handled: a known honest datagram sent last is answered
    const honest = await listeningUdp('127.0.0.9', 4322);
    const honestTx = await udp('127.0.0.9');
    honestTx.send(announcement('honest01', '127.0.0.9', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => honest.got.length === 1, { what: 'the reply to the honest peer' });
    // (a v1 announcement is answered in the v1 form, no larger than it)
    expect(honest.got[0]!.data).toMatchObject({ type: 'discovery', node_id: node.v1Id });
    expect(honest.got[0]!.data).not.toHaveProperty('id');

    expect(replies()).toBeLessThanOrEqual(sent);
    // four endpoints accepted at that address, one reply each within the interval
    expect(catchers.map((c) => c.got.length).filter((n) => n > 0)).toEqual([1, 1, 1, 1]);
    expect(attacker.got).toEqual([]);
    expect(victims.flatMap((v) => v.got)).toEqual([]);
  });

  it('stays bounded under a flood of announcements with random node ids: table, events, replies and log lines', async () => {
    const node = await startNode({ maxPeers: 10, maxPeersPerAddress: 4, discoveryIntervalMs: 60_000 });
    const hosts = ['127.0.0.80', '127.0.0.81', '127.0.0.82', '127.0.0.83', '127.0.0.84'];
    const sources = await Promise.all(hosts.map((h) => listeningUdp(h)));
    const linesBefore = node.lines.length;
    for (let i = 0; i < 3000; i++) {
      sources[i % hosts.length]!.socket.send(announcement(randomBytes(4).toString('hex'), '127.0.0.77', 2000 + (i % 700)), node.port + 1, '127.0.0.2');
    }
    // datagrams from one socket arrive in order (those that a full receive buffer does not drop):
    // once this marker is logged, the flood from .84 was handled
    const marked = () => warnings(node.lines, 'dropped discovery datagram').some((l) => String(l.peer).startsWith('127.0.0.84:'));
    await waitFor(() => marked() || void sources[4]!.socket.send('end of flood', node.port + 1, '127.0.0.2'), { what: 'the marker' });
    const peers = await node.peers();
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.length).toBeLessThanOrEqual(10);
    expect(node.joined).toHaveLength(peers.length);
    expect(node.left).toEqual([]);
    expect(node.lines.length - linesBefore).toBeLessThan(60);
    expect(sources.flatMap((s) => s.got)).toEqual([]);
  });

  it('drops a discovered peer that stops announcing, as peer.left "timeout"', async () => {
    const node = await startNode({ ...fast, peerTimeoutMs: 300 });
    const sock = await udp('127.0.0.9');
    const heardAt = Date.now();
    sock.send(announcement('ghost002', '127.0.0.9', 4321), node.port + 1, '127.0.0.2');
    await waitFor(() => node.joined.length === 1, { what: 'peer.joined' });
    await waitFor(() => node.left.length === 1, { what: 'peer.left' });
    expect(Date.now() - heardAt).toBeGreaterThanOrEqual(300);
    expect(node.left[0]).toMatchObject({ reason: 'timeout', peer: { nodeId: 'ghost002', endpoint: { host: '127.0.0.9', port: 4321 } } });
    expect(await node.peers()).toEqual([]);
    expect(node.lines.some((l) => l.msg === 'peer left' && l.reason === 'timeout')).toBe(true);
  });

  // Sending to a non-loopback address is safe only where nothing but loopback exists.
  const onlyLoopback = Object.values(networkInterfaces()).every((list) => list?.every((i) => i.internal));
  it.skipIf(!onlyLoopback)('logs an unroutable broadcast address once, not at every interval', async () => {
    const node = await startNode({ discoveryIntervalMs: 30, broadcast: '10.255.255.255' });
    await waitFor(() => node.lines.filter((l) => l.msg === 'discovery announced').length >= 8, { what: 'eight rounds' });
    const failures = node.lines.filter((l) => String(l.msg).startsWith('discovery broadcast failed'));
    // once per destination: the discovery port, and TCP port + 1 for original nodes
    expect(failures.map((l) => l.dest).sort()).toEqual([`10.255.255.255:${node.discoveryPort}`, `10.255.255.255:${node.port + 1}`].sort());
    expect(failures).toMatchObject([{ level: 40, code: 'ENETUNREACH' }, { level: 40, code: 'ENETUNREACH' }]);
  });
});

/** Whether x has had peer.joined for y (its link to y came up). */
const joinedBy = (x: TestNode, y: TestNode | string) => x.joined.filter((e) => e.peer?.nodeId === (typeof y === 'string' ? y : y.nodeId)).length;

/** Two meshwork nodes sharing a discovery port, linked. */
async function linkedPair(settings: Record<string, unknown> = {}) {
  const discoveryPort = await freeUdpPort();
  const a = await startNode({ ...fast, host: '127.0.0.2', discoveryPort, name: 'A', ...settings });
  const b = await startNode({ ...fast, host: '127.0.0.3', discoveryPort, name: 'B', ...settings });
  await waitFor(() => joinedBy(a, b) && joinedBy(b, a), { what: 'A and B linked' });
  return { a, b };
}

const v2Chat = (n: number, from: TestNode, content = `v2 message ${n}`) => ({
  chat: { messageId: `v2-${n}`, senderId: from.nodeId, senderName: 'A', timestamp: 1700000000.5 + n, content },
});

/** A v2 peer driven by hand: it dials the node from 127.0.0.9, completes a genuine handshake, then does what the test says. */
async function fakeV2Peer(node: TestNode, name = 'Fake', port = 4999) {
  const identity = newLinkIdentity(name, port);
  const socket = connect({ host: node.host, port: node.port, localAddress: '127.0.0.9' });
  socket.on('error', () => {});
  cleanup.push(async () => socket.destroy());
  await new Promise((resolve) => socket.once('connect', resolve));
  const outcome = await initiateHandshake(socket, { identity, psk: undefined, maxFrameBytes: 1024 ** 2, timeoutMs: 2000 }, node.nodeId);
  return { nodeId: identity.nodeId, peer: new RawPeer(socket, outcome, outcome) };
}

/** A v2 chat as a peer's link carries it (inner frame). */
const innerChat = (n: number, senderId: string) => ({ type: 'chat', message_id: `in-${n}`, sender_id: senderId, sender_name: 'Fake', timestamp: 1700000000 + n, content: `inner ${n}`, hop_limit: 7, hops: 0 });

describe('transport, v2 links', { timeout: 30_000 }, () => {
  it('sends to a linked peer over its link ("written"); it arrives as wire.received via the sender, both ways, chats and file chunks', async () => {
    const { a, b } = await linkedPair();
    const reply = await a.probe.request(subjects.wireSend, { message: v2Chat(1, a, 'over the link'), targets: [{ nodeId: b.nodeId }], report: true });
    expect(reply.deliveries).toMatchObject([{ ok: true, status: 'written', error: '', peer: { nodeId: b.nodeId, endpoint: { host: '127.0.0.3', port: b.port } } }]);
    await waitFor(() => b.received.length === 1 && a.deliveries.length === 1, { what: 'the chat at B, the delivery event at A' });
    expect(b.received[0]).toMatchObject({
      via: a.nodeId,
      from: { host: '127.0.0.2', port: a.port },
      message: { chat: { messageId: 'v2-1', senderId: a.nodeId, content: 'over the link', timestamp: 1700000001.5, hopLimit: 7, hops: 0 } },
    });
    expect(a.deliveries[0]).toMatchObject({ messageId: 'v2-1', delivery: { ok: true, status: 'written' } });

    const parsed = parseV1Message(vector('file_chunk.2.tcp.json'));
    if (!parsed.ok || parsed.value.type !== 'file_chunk') throw new Error('the capture is a file chunk');
    const back = await b.probe.request(subjects.wireSend, { message: v1ToWireMessage(parsed.value), targets: [{ nodeId: a.nodeId }] });
    expect(back.deliveries).toMatchObject([{ ok: true, status: 'written' }]);
    await waitFor(() => a.received.length === 1, { what: 'the chunk at A' });
    const chunk = a.received[0]!.message!.fileChunk!;
    expect(a.received[0]!.via).toBe(b.nodeId);
    expect(Buffer.from(chunk.data!)).toEqual(Buffer.from(parsed.value.chunk_data, 'base64'));
    expect(chunk).toMatchObject({ fileId: parsed.value.file_id, chunkIndex: 2, senderId: parsed.value.sender_id });
  });

  it('one link carries many messages both ways, in order; no v1 connection is opened between them', async () => {
    const { a, b } = await linkedPair();
    const n = 300;
    const sends = (from: TestNode, to: TestNode) =>
      Promise.all(Array.from({ length: n }, (_, i) => from.probe.request(subjects.wireSend, { message: v2Chat(i, from), targets: [{ nodeId: to.nodeId }] })));
    const replies = await Promise.all([sends(a, b), sends(b, a)]);
    for (const r of replies.flat()) expect(r.deliveries).toMatchObject([{ ok: true, status: 'written' }]);
    await waitFor(() => a.received.length === n && b.received.length === n, { what: 'every message at both ends' });
    for (const [node, from] of [[a, b], [b, a]] as const) {
      expect(node.received.map((e) => e.message?.chat?.messageId)).toEqual(Array.from({ length: n }, (_, i) => `v2-${i}`));
      expect(node.received.every((e) => e.via === from.nodeId)).toBe(true);
      // the v1 path (one connection per message) was not used
      expect(node.lines.filter((l) => l.msg === 'message received')).toEqual([]);
      expect(node.lines.filter((l) => l.msg === 'link up').every((l) => l.peer === from.nodeId)).toBe(true);
    }
  });

  it('a v2 peer is peer.left when its link goes down, with the reason, and linked again at once when it comes back with its id', async () => {
    const { a, b } = await linkedPair();
    const [joinedBefore, leftBefore] = [joinedBy(a, b), a.left.length];
    await b.stop();
    await waitFor(() => a.left.length > leftBefore, { what: 'peer.left at A' });
    expect(a.left.at(-1)).toMatchObject({ reason: 'link down: closed by the peer: node stopping', peer: { nodeId: b.nodeId, dialect: 'v2', linked: false } });
    expect(a.lines.filter((l) => l.msg === 'link down').at(-1)).toMatchObject({ peer: b.nodeId, reason: 'closed by the peer: node stopping' });
    expect(await a.peers()).toEqual([]);
    const gone = await a.probe.request(subjects.wireSend, { message: v2Chat(1, a), targets: [{ nodeId: b.nodeId }] });
    // never written to in v1 (in clear) while its link is down
    expect(gone.deliveries).toMatchObject([{ ok: false, status: 'failed', error: `v2 peer ${b.nodeId} is not linked` }]);

    // the same data folder (so the same identity), port and discovery port
    const again = await startNode({ ...fast, host: '127.0.0.3', port: b.port, discoveryPort: b.discoveryPort, dataDir: b.dataDir, name: 'B' });
    expect(again.nodeId).toBe(b.nodeId);
    await waitFor(() => joinedBy(a, b) > joinedBefore, { what: 'linked again' });
    expect(a.joined.at(-1)).toMatchObject({ peer: { nodeId: b.nodeId, linked: true, endpoint: { host: '127.0.0.3', port: b.port } } });
    const reply = await a.probe.request(subjects.wireSend, { message: v2Chat(2, a), targets: [{ nodeId: b.nodeId }] });
    expect(reply.deliveries).toMatchObject([{ ok: true, status: 'written' }]);
    await waitFor(() => again.received.length === 1, { what: 'the chat after the restart' });
    expect(again.received[0]).toMatchObject({ via: a.nodeId, message: { chat: { messageId: 'v2-2' } } });
  });

  it('publishes a linked peer\'s messages, drops its bad frames with a logged reason, and declares it dead once silent for linkDeadMs', async () => {
    const node = await startNode({ keepaliveMs: 100, linkDeadMs: 300 });
    const fake = await fakeV2Peer(node);
    await waitFor(() => node.joined.length === 1, { what: 'peer.joined' });
    expect(node.joined[0]).toMatchObject({ peer: { nodeId: fake.nodeId, name: 'Fake', endpoint: { host: '127.0.0.9', port: 4999 }, dialect: 'v2', linked: true } });
    await fake.peer.send(innerChat(1, fake.nodeId));
    await fake.peer.send({ type: 'chat', message_id: 'no other field' });
    await fake.peer.send({ type: 'file_list' });
    await fake.peer.send(innerChat(2, fake.nodeId));
    await waitFor(() => node.received.length === 2, { what: 'the two chats' });
    expect(node.received).toMatchObject([
      { via: fake.nodeId, from: { host: '127.0.0.9', port: 4999 }, message: { chat: { messageId: 'in-1', content: 'inner 1' } } },
      { via: fake.nodeId, message: { chat: { messageId: 'in-2' } } },
    ]);
    expect(warnings(node.lines, 'dropped frame from a link')).toMatchObject([
      { peer: fake.nodeId, reason: expect.stringMatching(/sender_id/) },
      { peer: fake.nodeId, reason: 'unsupported type "file_list"' },
    ]);
    // the node offered it its (empty) peer list and keeps it alive with pings
    await waitFor(() => fake.peer.pings > 0, { what: 'a ping' });
    expect(fake.peer.frames).toEqual(['{"type":"peer_list","peers":[]}']);

    // then the peer goes silent
    const left = await waitFor(() => node.left[0], { what: 'peer.left', timeoutMs: 300 + 2000 });
    expect(left).toMatchObject({ reason: expect.stringMatching(/^link down: no frame for \d+(\.\d)? s$/), peer: { nodeId: fake.nodeId, linked: false } });
    await fake.peer.closed;
    expect(await node.peers()).toEqual([]);
  });

  it('a spoofed v2 announcement cannot redirect traffic: the node found there is not the one announced, and is refused', async () => {
    const b = await startNode({ host: '127.0.0.3', name: 'B' });
    const a = await startNode({ host: '127.0.0.2', name: 'A' });
    const ghost = newNodeKey();
    const sock = await udp('127.0.0.3');
    const datagram = encodeV2Announcement({
      type: 'discovery', node_id: v1IdOf(ghost.nodeId), node_name: 'Ghost', ip: '127.0.0.3', port: b.port, timestamp: v1Now(),
      v: 2, id: ghost.nodeId, key: ghost.publicKey.toString('base64'), dialects: ['v1', 'v2'], discovery_port: sock.address().port,
    });
    sock.send(datagram, a.discoveryPort, '127.0.0.2');
    await waitFor(() => warnings(a.lines, 'link handshake refused').length === 1, { what: 'the refusal' });
    expect(warnings(a.lines, 'link handshake refused')).toMatchObject([
      { peer: expect.stringMatching(/^127\.0\.0\.3:/), direction: 'outbound', reason: `the node at 127.0.0.3 is ${b.nodeId}, not ${ghost.nodeId} as announced` },
    ]);
    // the false announcement's entry is gone: nothing is sent toward the ghost's id
    await waitFor(async () => (await a.peers()).length === 0, { what: 'the ghost dropped from the table' });
    const reply = await a.probe.request(subjects.wireSend, { message: v2Chat(1, a), targets: [{ nodeId: ghost.nodeId }] });
    expect(reply.deliveries).toMatchObject([{ ok: false, error: `v2 peer ${ghost.nodeId} is not linked` }]);
    expect(a.joined).toEqual([]);
    expect(b.joined).toEqual([]);
    expect(b.received).toEqual([]);
  });

  it('with one network password, nodes that started with different salts agree on one and link', async () => {
    const { a, b } = await linkedPair({ password: 'open sesame', downRetryMs: 200 });
    expect(a.info.password).toBe(true);
    const salt = (node: TestNode) => readFileSync(join(node.dataDir, 'network-salt'), 'utf8');
    expect(salt(a)).toBe(salt(b));
    const reply = await a.probe.request(subjects.wireSend, { message: v2Chat(1, a), targets: [{ nodeId: b.nodeId }] });
    expect(reply.deliveries).toMatchObject([{ ok: true, status: 'written' }]);
    await waitFor(() => b.received.length === 1, { what: 'the chat' });
  });

  it('with different network passwords, nodes never link, and each says why, naming the peer', async () => {
    const salt = `${randomBytes(16).toString('base64')}\n`;
    const dirs = [tempDataDir(), tempDataDir()];
    cleanup.push(async () => dirs.forEach((d) => d.remove()));
    for (const d of dirs) writeFileSync(join(d.dataDir, 'network-salt'), salt, { mode: 0o600 });
    const discoveryPort = await freeUdpPort();
    const a = await startNode({ ...fast, host: '127.0.0.2', discoveryPort, dataDir: dirs[0]!.dataDir, password: 'one password' });
    const b = await startNode({ ...fast, host: '127.0.0.3', discoveryPort, dataDir: dirs[1]!.dataDir, password: 'another one' });
    // each has dialled the other, and each refused the other's handshake
    await waitFor(() => warnings(a.lines, 'link handshake refused').length > 0 && warnings(b.lines, 'link handshake refused').length > 0, { what: 'a refusal on each side' });
    for (const [node, other] of [[a, b], [b, a]] as const) {
      for (const refusal of warnings(node.lines, 'link handshake refused')) {
        expect(refusal).toMatchObject({ peer: expect.stringMatching(new RegExp(`^${other.host.replaceAll('.', '\\.')}:`)), direction: 'inbound', reason: expect.stringMatching(/\(a different network password, or network salt\?\)$/) });
      }
      expect(node.joined).toEqual([]);
      expect(await node.peers()).toMatchObject([{ nodeId: other.nodeId, dialect: 'v2', linked: false }]);
    }
    // the password itself is never logged
    expect(JSON.stringify([...a.lines, ...b.lines])).not.toMatch(/one password|another one/);
  });

  it('learns of a v2 peer it cannot hear from a neighbour\'s peer list, and links to it', async () => {
    // A and C each have a discovery port and TCP port of their own: neither hears the other; B names both as static peers
    const a = await startNode({ ...fast, host: '127.0.0.2', name: 'A' });
    const c = await startNode({ ...fast, host: '127.0.0.4', name: 'C' });
    const b = await startNode({ ...fast, host: '127.0.0.3', name: 'B', peers: [`127.0.0.2:${a.port}`, `127.0.0.4:${c.port}`] });
    await waitFor(() => joinedBy(a, b) && joinedBy(c, b) && joinedBy(b, a) && joinedBy(b, c), { what: 'A and C linked to B' });
    await waitFor(() => joinedBy(a, c) && joinedBy(c, a), { what: 'A and C linked through B\'s peer list' });
    expect(a.joined.find((e) => e.peer?.nodeId === c.nodeId)).toMatchObject({ peer: { name: 'C', endpoint: { host: '127.0.0.4', port: c.port }, linked: true } });
    // the one that linked to B second got B's list naming the other, and dialled it: it lists it as gossip
    const aListsC = (await a.peers()).find((p) => p.nodeId === c.nodeId);
    const cListsA = (await c.peers()).find((p) => p.nodeId === a.nodeId);
    expect(aListsC).toMatchObject({ dialect: 'v2', linked: true });
    expect(cListsA).toMatchObject({ dialect: 'v2', linked: true });
    expect([aListsC!.gossip, cListsA!.gossip].sort()).toEqual([false, true]);
    const reply = await a.probe.request(subjects.wireSend, { message: v2Chat(1, a), targets: [{ nodeId: c.nodeId }] });
    expect(reply.deliveries).toMatchObject([{ ok: true, status: 'written' }]);
    await waitFor(() => c.received.length === 1, { what: 'A\'s chat at C' });
    expect(c.received[0]!.via).toBe(a.nodeId);
  });
});
