import { createHash } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { parseV1Message, subjects, v1ToWireMessage, type mesh } from '@meshwork/protocol';
import type { Bus } from '@meshwork/bus';
import { captureLogger, freePort, startTestNats, waitFor, type CapturedLog } from '@meshwork/testing';
import { configSchema } from './config.ts';
import { plainServer, rawSend, type PlainServer } from './test-helpers.ts';
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
  received: mesh.v1.WireReceived[];
  joined: mesh.v1.PeerChanged[];
  left: mesh.v1.PeerChanged[];
  peers(): Promise<mesh.v1.IPeer[]>;
}

async function startNode(settings: Record<string, unknown> = {}): Promise<TestNode> {
  const host = (settings.host as string | undefined) ?? '127.0.0.2';
  const port = (settings.port as number | undefined) ?? (await freePort(host));
  const nats = await startTestNats();
  cleanup.push(() => nats.stop());
  const probe = await nats.connect('probe');
  const received: mesh.v1.WireReceived[] = [];
  const joined: mesh.v1.PeerChanged[] = [];
  const left: mesh.v1.PeerChanged[] = [];
  probe.subscribe(subjects.wireReceived, (e) => void received.push(e));
  probe.subscribe(subjects.peerJoined, (e) => void joined.push(e));
  probe.subscribe(subjects.peerLeft, (e) => void left.push(e));
  const { log, lines } = captureLogger('transport', String(settings.nodeId ?? 'self0001'));
  const config = configSchema.parse({
    nodeId: 'self0001',
    nodeName: 'Self',
    natsUrl: nats.url,
    natsToken: nats.token,
    broadcast: '127.255.255.255',
    ...settings,
    host,
    port,
  });
  const service = createTransport({ config, log, bus: await nats.connect('transport') });
  const info = (await service.start()) ?? {};
  cleanup.push(() => service.stop());
  const peers = async () => (await probe.request(subjects.peersList, {})).peers;
  // the service's subscriptions (on its own connection) and then the probe's are in place once this answers
  await waitFor(() => peers().then(() => true), { what: 'transport serving peers.list' });
  return { probe, lines, info, port, host, received, joined, left, peers };
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

function udp(localAddress: string) {
  const socket = createSocket('udp4');
  cleanup.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return new Promise<typeof socket>((resolve) => socket.bind(0, localAddress, () => resolve(socket)));
}

describe('transport, inbound TCP', { timeout: 20_000 }, () => {
  it('publishes a chat that arrives in pieces as wire.received, with the sender address', async () => {
    const node = await startNode();
    expect(node.info).toMatchObject({ tcp: `127.0.0.2:${node.port}`, discoveryPort: node.port + 1 });
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
    await rawSend('127.0.0.2', node.port, ['garbage 2'], { localAddress: '127.0.0.8' });
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

describe('transport, wire.send', { timeout: 20_000 }, () => {
  const chat = (n: number, content = `message ${n}`) => ({
    chat: { messageId: `id-${n}`, senderId: 'self0001', senderName: 'Self', timestamp: 1700000000.5 + n, content },
  });

  it('opens one connection per message and target from its own address, and replies ok per target', async () => {
    const node = await startNode();
    const a = await server({ host: '127.0.0.1' });
    const b = await server({ host: '127.0.0.4' });
    const targets = [{ host: '127.0.0.1', port: a.port }, { host: '127.0.0.4', port: b.port }];
    const replies = await Promise.all([1, 2, 3].map((n) => node.probe.request(subjects.wireSend, { message: chat(n), targets })));
    for (const r of replies) expect(r.deliveries.map((d) => ({ ...d.target, ok: d.ok, error: d.error }))).toEqual(targets.map((t) => ({ ...t, ok: true, error: '' })));
    for (const s of [a, b]) {
      expect(s.received).toHaveLength(3);
      expect(s.from).toEqual(['127.0.0.2', '127.0.0.2', '127.0.0.2']);
      const got = s.received.map((text) => JSON.parse(text)).sort((x, y) => x.timestamp - y.timestamp);
      expect(got).toEqual([1, 2, 3].map((n) => ({ type: 'chat', message_id: `id-${n}`, sender_id: 'self0001', sender_name: 'Self', timestamp: 1700000000.5 + n, content: `message ${n}` })));
    }
  });

  it('delivers a wire.send published without a reply subject', async () => {
    const node = await startNode();
    const a = await server();
    node.probe.publish(subjects.wireSend, { message: chat(7), targets: [{ host: '127.0.0.1', port: a.port }] });
    await waitFor(() => a.received.length === 1, { what: 'the delivery' });
    expect(JSON.parse(a.received[0]!)).toMatchObject({ message_id: 'id-7' });
  });

  it('sends a file chunk with the same JSON fields as the original app', async () => {
    const node = await startNode();
    const a = await server();
    const parsed = parseV1Message(vector('file_chunk.2.tcp.json'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const reply = await node.probe.request(subjects.wireSend, { message: v1ToWireMessage(parsed.value), targets: [{ host: '127.0.0.1', port: a.port }] });
    expect(reply.deliveries[0]?.ok).toBe(true);
    expect(JSON.parse(a.received[0]!)).toEqual(JSON.parse(vector('file_chunk.2.tcp.json').toString()));
  });

  it('reports a target that refuses as failed once the retries are spent', async () => {
    const node = await startNode({ sendRetries: 2 });
    const closed = await freePort('127.0.0.1');
    const ok = await server();
    const reply = await node.probe.request(subjects.wireSend, { message: chat(1), targets: [{ host: '127.0.0.1', port: closed }, { host: '127.0.0.1', port: ok.port }] });
    expect(reply.deliveries.map((d) => d.ok)).toEqual([false, true]);
    expect(reply.deliveries[0]!.error).toMatch(/ECONNREFUSED.*after 3 attempts/);
  });

  it('fails a message too large for a v1 peer without opening a connection', async () => {
    const node = await startNode();
    const a = await server();
    const reply = await node.probe.request(subjects.wireSend, { message: chat(1, 'x'.repeat(70_000)), targets: [{ host: '127.0.0.1', port: a.port }] });
    expect(reply.deliveries[0]).toMatchObject({ ok: false, error: expect.stringMatching(/must stay under 65536/) });
    expect(a.received).toHaveLength(0);
  });
});

describe('transport, discovery', { timeout: 20_000 }, () => {
  const fast = { discoveryIntervalMs: 150, peerSweepMs: 50 };

  it('two nodes on one port and different addresses find each other by broadcast', async () => {
    const port = await freePort('127.0.0.2');
    const a = await startNode({ ...fast, host: '127.0.0.2', port, nodeId: 'aaaa1111', nodeName: 'A' });
    const b = await startNode({ ...fast, host: '127.0.0.3', port, nodeId: 'bbbb2222', nodeName: 'B' });
    await waitFor(async () => (await a.peers()).some((p) => p.nodeId === 'bbbb2222'), { what: 'A hears B' });
    await waitFor(async () => (await b.peers()).some((p) => p.nodeId === 'aaaa1111'), { what: 'B hears A' });
    expect(await a.peers()).toMatchObject([{ nodeId: 'bbbb2222', name: 'B', endpoint: { host: '127.0.0.3', port }, static: false, dialect: 'v1' }]);
    expect(a.joined.map((e) => e.peer?.nodeId)).toEqual(['bbbb2222']);
    expect(a.lines.some((l) => l.msg === 'peer joined' && l.nodeId === 'bbbb2222')).toBe(true);
  });

  it('a datagram sent to one of two nodes sharing the discovery port reaches that node only', async () => {
    const port = await freePort('127.0.0.2');
    const a = await startNode({ host: '127.0.0.2', port, nodeId: 'aaaa1111' });
    const b = await startNode({ host: '127.0.0.3', port, nodeId: 'bbbb2222' });
    const sock = await udp('127.0.0.9');
    const ghosts = (node: TestNode) => node.joined.map((e) => e.peer?.nodeId ?? '').filter((id) => id.startsWith('ghost')).sort();
    for (let i = 0; i < 6; i++) {
      const to = i % 2 === 0 ? '127.0.0.2' : '127.0.0.3';
      sock.send(JSON.stringify({ type: 'discovery', node_id: `ghost00${i}`, node_name: 'g', ip: '127.0.0.9', port: 5000 + i, timestamp: 1 }), port + 1, to);
    }
    await waitFor(() => ghosts(a).length + ghosts(b).length === 6, { what: 'every ghost heard' });
    expect(ghosts(a)).toEqual(['ghost000', 'ghost002', 'ghost004']);
    expect(ghosts(b)).toEqual(['ghost001', 'ghost003', 'ghost005']);
  });

  it('a static peer named on one side only: both end up knowing each other', async () => {
    const portB = await freePort('127.0.0.3');
    const b = await startNode({ ...fast, host: '127.0.0.3', port: portB, nodeId: 'bbbb2222', nodeName: 'B' });
    const a = await startNode({ ...fast, host: '127.0.0.2', nodeId: 'aaaa1111', nodeName: 'A', peers: [`127.0.0.3:${portB}`] });
    expect(b.port).not.toBe(a.port);
    await waitFor(async () => (await b.peers()).some((p) => p.nodeId === 'aaaa1111'), { what: 'B learns A' });
    await waitFor(async () => (await a.peers()).some((p) => p.nodeId === 'bbbb2222'), { what: 'A hears B' });
    expect(await a.peers()).toMatchObject([{ nodeId: 'bbbb2222', endpoint: { host: '127.0.0.3', port: portB }, static: true }]);
    expect(await b.peers()).toMatchObject([{ nodeId: 'aaaa1111', endpoint: { host: '127.0.0.2', port: a.port }, static: false }]);
  });

  it('drops a garbage, oversize or unusable datagram with a reason naming its source, and keeps discovering', async () => {
    const node = await startNode(fast);
    const sock = await udp('127.0.0.9');
    const src = `127.0.0.9:${sock.address().port}`;
    const dport = node.port + 1;
    sock.send('garbage', dport, '127.0.0.2');
    const big = { type: 'discovery', node_id: 'ghost001', node_name: 'g'.repeat(1100), ip: '127.0.0.9', port: 4321, timestamp: 1 };
    sock.send(JSON.stringify(big), dport, '127.0.0.2');
    sock.send(JSON.stringify({ ...big, node_name: 'g', ip: '0.0.0.0' }), dport, '127.0.0.2');
    await waitFor(() => warnings(node.lines, 'dropped discovery datagram').length === 3, { what: 'three drops' });
    expect(warnings(node.lines, 'dropped discovery datagram')).toMatchObject([
      { peer: src, reason: expect.stringMatching(/^invalid JSON/) },
      { peer: src, reason: expect.stringMatching(/^oversize/) },
      { peer: src, reason: 'announces an address no peer can be reached at: 0.0.0.0' },
    ]);
    sock.send(JSON.stringify({ ...big, node_name: 'Ghost', timestamp: Date.now() / 1000 }), dport, '127.0.0.2');
    await waitFor(() => node.joined.some((e) => e.peer?.nodeId === 'ghost001'), { what: 'the good announcement' });
    // the peer is keyed by the announced address, not the datagram's source port
    expect(await node.peers()).toMatchObject([{ nodeId: 'ghost001', name: 'Ghost', endpoint: { host: '127.0.0.9', port: 4321 } }]);
  });

  it('drops a discovered peer that stops announcing, as peer.left "timeout"', async () => {
    const node = await startNode({ ...fast, peerTimeoutMs: 300 });
    const sock = await udp('127.0.0.9');
    const heardAt = Date.now();
    sock.send(JSON.stringify({ type: 'discovery', node_id: 'ghost002', node_name: 'Ghost', ip: '127.0.0.9', port: 4321, timestamp: 1 }), node.port + 1, '127.0.0.2');
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
    expect(failures).toMatchObject([{ level: 40, code: 'ENETUNREACH', dest: `10.255.255.255:${node.port + 1}` }]);
  });
});
