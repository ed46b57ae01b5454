// The router as a v2 node sees other v2 nodes' messages: origin signatures checked at every hop,
// forged, replayed, stale and over-hopped messages dropped, counted and logged, and the rest
// delivered and relayed one hop further.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  signV2Message,
  subjects,
  v1Now,
  v2ToWireMessage,
  verifyV2Message,
  wireMessageToV2,
  type Peer,
  type V2Chat,
  type V2FileChunk,
  type WireMessage,
} from '@meshwork/protocol';
import type { Bus } from '@meshwork/bus';
import { ensureIdentity, type Identity } from '@meshwork/service';
import { captureLogger, startTestNats, waitFor, type TestNats } from '@meshwork/testing';
import { configSchema, type Config } from './config.ts';
import { createRouter } from './router.ts';

const MINUTE = 60_000;

let root: string;
/** this node */
let self: Identity;
/** v2 neighbours, linked: Olga originates most messages, Pat relays, Mallory forges */
let olga: Identity;
let pat: Identity;
let mallory: Identity;
/** a v2 peer discovered but not linked: never a neighbour */
let ulla: Identity;
let peers: Peer[];

function identityIn(name: string): Identity {
  const dir = join(root, name);
  mkdirSync(dir, { mode: 0o700 });
  return ensureIdentity(dir);
}

const v2Peer = (id: Identity, host: string, linked = true): Peer => ({
  nodeId: id.nodeId, v1Id: id.v1Id, name: id.fingerprint, endpoint: { host, port: 9999 }, dialect: 'v2', key: id.publicKey, linked,
});

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'router-signatures-'));
  [self, olga, pat, mallory, ulla] = ['self', 'olga', 'pat', 'mallory', 'ulla'].map(identityIn) as [Identity, Identity, Identity, Identity, Identity];
  peers = [
    v2Peer(olga, '127.0.0.2'),
    v2Peer(pat, '127.0.0.3'),
    { nodeId: 'cccc3333', v1Id: 'cccc3333', name: 'Vic', endpoint: { host: '127.0.0.4', port: 9999 }, dialect: 'v1' },
    v2Peer(ulla, '127.0.0.5', false),
    v2Peer(mallory, '127.0.0.6'),
  ];
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Sent {
  targets: string[];
  message: WireMessage;
}

let nats: TestNats;
let probe: Bus;
let sends: Sent[];
let stopRouter: (() => Promise<void>) | undefined;
let logs: ReturnType<typeof captureLogger>['lines'];

/** A router on a real bus with self's identity, and a probe standing in for transport. */
async function startRouter(overrides: Partial<Config> = {}): Promise<void> {
  nats = await startTestNats();
  probe = await nats.connect('probe');
  sends = [];
  probe.serve(subjects.peersList, () => ({ peers }));
  probe.serve(subjects.wireSend, (req) => {
    sends.push({ targets: req.targets.map((t) => t.nodeId ?? ''), message: req.message! });
    return { deliveries: req.targets.map((peer) => ({ peer, ok: true })) };
  });
  const captured = captureLogger('router');
  logs = captured.lines;
  const config = configSchema.parse({ nodeId: self.nodeId, name: 'Self', dataDir: join(root, 'self'), natsUrl: nats.url, natsToken: nats.token, ...overrides });
  const router = createRouter({ config, log: captured.log, bus: await nats.connect('router') });
  await router.start();
  stopRouter = () => router.stop();
}

afterEach(async () => {
  await stopRouter?.();
  stopRouter = undefined;
  await nats?.stop();
});

/** The linked neighbours (olga, pat, mallory) and the v1 one; ulla is not linked. */
const LINKED = 4;

const routerKnowsPeers = () =>
  waitFor(async () => (await probe.request(subjects.chatSend, { content: 'warm up' })).targets.length === LINKED, { what: 'router knows the peers' });

interface Draft {
  id: string;
  content?: string;
  /** seconds since the epoch */
  timestamp?: number;
  hopLimit?: number;
  hops?: number;
}

/** A chat as its origin signs it (hops is not signed: set after). */
function signedChat(origin: Identity, d: Draft): V2Chat {
  const unsigned = wireMessageToV2({ chat: { messageId: d.id, senderId: origin.nodeId, senderName: 'Origin', timestamp: d.timestamp ?? v1Now(), content: d.content ?? 'hello', hopLimit: d.hopLimit ?? 7 } }) as V2Chat;
  return { ...signV2Message(unsigned, origin.privateKey), hops: d.hops ?? 0 };
}

function signedChunk(origin: Identity, id: string, fileId: string, index: number): V2FileChunk {
  const unsigned = wireMessageToV2({
    fileChunk: {
      messageId: id, senderId: origin.nodeId, senderName: 'Origin', timestamp: v1Now(), fileId, chunkIndex: index, hopLimit: 7,
      data: new Uint8Array(8192).fill(index + 1), metadata: { filename: 'f.bin', fileSize: 2 * 8192, fileHash: 'ab'.repeat(32), totalChunks: 2 },
    },
  }) as V2FileChunk;
  return signV2Message(unsigned, origin.privateKey);
}

/** What transport publishes for a message that came in over the link to `neighbour`. */
const overLink = (message: V2Chat | V2FileChunk | WireMessage, neighbour: Identity) => ({
  message: 'type' in message ? v2ToWireMessage(message) : message,
  from: peers.find((p) => p.nodeId === neighbour.nodeId)!.endpoint,
  via: neighbour.nodeId,
  receivedAt: Date.now(),
});

interface Handed {
  id: string;
  content: string;
  senderId: string;
  authenticated: boolean;
  via: string;
}

function collectChats(): Handed[] {
  const handed: Handed[] = [];
  probe.subscribe(subjects.chatReceived, (ev) => {
    handed.push({ id: ev.chat?.messageId ?? '', content: ev.chat?.content ?? '', senderId: ev.chat?.senderId ?? '', authenticated: ev.authenticated, via: ev.via });
  });
  return handed;
}

/** The router's counters, as a plain object (proto3 leaves zeros off the decoded message). */
async function stats(): Promise<{ dropped: Record<string, number>; received: number; relayed: number }> {
  const s = await probe.request(subjects.routerStats, {});
  return { dropped: { ...s.dropped }, received: Number(s.received), relayed: Number(s.relayed) };
}

const relayOf = (id: string) => sends.find((s) => (s.message.chat ?? s.message.fileChunk)?.messageId === id);

/** Sends a v1 marker from Vic's connection and waits for its relay: the router handled everything published before it. */
async function handledSoFar(id: string): Promise<void> {
  probe.publish(subjects.wireReceived, { message: { chat: { messageId: id, senderId: 'cccc3333', senderName: 'Vic', timestamp: v1Now(), content: 'marker' } }, from: { host: '127.0.0.4', port: 40000 } });
  await waitFor(() => relayOf(id), { what: `marker ${id} relayed` });
}

const drops = () => logs.filter((l) => l.msg === 'message dropped');

describe('signed v2 messages', () => {
  it('hands a signed chat to the gateway as authenticated, naming the link, and relays it one hop further to the other linked neighbours', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'o1', content: 'from Olga' }), olga));
    await waitFor(() => handed.length === 1 && relayOf('o1'), { what: 'delivery and relay' });
    expect(handed[0]).toEqual({ id: 'o1', content: 'from Olga', senderId: olga.nodeId, authenticated: true, via: olga.nodeId });
    // not back to Olga (she is the link and the origin), not to Ulla (not linked)
    const relayed = relayOf('o1')!;
    expect(relayed.targets).toEqual([pat.nodeId, 'cccc3333', mallory.nodeId]);
    expect(relayed.message.chat).toMatchObject({ hops: 1, hopLimit: 7, senderId: olga.nodeId });
    // the next node can still check Olga's signature
    expect(Buffer.from(relayed.message.chat!.originKey!).equals(olga.publicKey)).toBe(true);
    expect(verifyV2Message(wireMessageToV2(relayed.message), { nowMs: Date.now() })).toEqual({ ok: true, authenticated: true });
  });

  it('relays a chat that came through another node to neither that link nor its origin', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'o2', hops: 1 }), pat));
    await waitFor(() => handed.length === 1 && relayOf('o2'), { what: 'delivery and relay' });
    expect(handed[0]).toMatchObject({ id: 'o2', senderId: olga.nodeId, authenticated: true, via: pat.nodeId });
    expect(relayOf('o2')!.targets).toEqual(['cccc3333', mallory.nodeId]);
    expect(relayOf('o2')!.message.chat).toMatchObject({ hops: 2, hopLimit: 7 });
  });

  it('marks a v1 message that came over a v2 link unauthenticated, and relays it with a hop limit', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    const v1Chat = { chat: { messageId: 'v1', senderId: 'aaaa1111', senderName: 'Old', timestamp: 1.5, content: 'from an original node', hopLimit: 7, hops: 2 } };
    probe.publish(subjects.wireReceived, overLink(v1Chat, pat));
    await waitFor(() => handed.length === 1 && relayOf('v1'), { what: 'delivery and relay' });
    expect(handed[0]).toEqual({ id: 'v1', content: 'from an original node', senderId: 'aaaa1111', authenticated: false, via: pat.nodeId });
    expect(relayOf('v1')!.targets).toEqual([olga.nodeId, 'cccc3333', mallory.nodeId]);
    expect(relayOf('v1')!.message.chat).toMatchObject({ hops: 3, hopLimit: 7 });
    expect(relayOf('v1')!.message.chat?.signature ?? new Uint8Array()).toHaveLength(0);
  });

  it('admits and relays a signed file chunk, and drops an altered one without asking filesvc', async () => {
    await startRouter();
    const asked: string[] = [];
    probe.serve(subjects.fileAdmit, (req) => {
      asked.push(`${req.chunk?.fileId}:${req.chunk?.chunkIndex}:${req.direct}`);
      return { accepted: true };
    });
    const handed: string[] = [];
    probe.subscribe(subjects.fileChunkReceived, (ev) => void handed.push(`${ev.chunk?.fileId}:${ev.chunk?.chunkIndex}`));
    await routerKnowsPeers();
    sends.length = 0;
    probe.publish(subjects.wireReceived, overLink(signedChunk(olga, 'c0', 'file', 0), olga));
    await waitFor(() => relayOf('c0'), { what: 'the first chunk relayed' });
    const second = signedChunk(olga, 'c1', 'file', 1);
    const altered = { ...second, chunk_data: signedChunk(olga, 'c1', 'file', 0).chunk_data };
    probe.publish(subjects.wireReceived, overLink(altered, mallory));
    probe.publish(subjects.wireReceived, overLink({ ...second, hops: 1 }, pat));
    await waitFor(() => relayOf('c1') && handed.length === 1, { what: 'the second chunk relayed' });
    expect(asked).toEqual(['file:0:true']);
    expect(handed).toEqual(['file:1']);
    expect(relayOf('c0')!.targets).toEqual([pat.nodeId, 'cccc3333', mallory.nodeId]);
    expect(relayOf('c0')!.message.fileChunk).toMatchObject({ hops: 1, hopLimit: 7 });
    expect(relayOf('c1')!.targets).toEqual(['cccc3333', mallory.nodeId]);
    expect(relayOf('c1')!.message.fileChunk).toMatchObject({ hops: 2 });
    expect(Buffer.from(relayOf('c1')!.message.fileChunk!.data!).equals(Buffer.alloc(8192, 2))).toBe(true);
    expect(sends.filter((s) => s.message.fileChunk?.messageId === 'c1')).toHaveLength(1);
    expect((await stats()).dropped).toEqual({ 'bad signature': 1 });
  });
});

describe('forged messages', () => {
  it('drops, counts and logs each kind of forgery, relays none, and still takes the genuine message under a forged id', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;

    const genuine = signedChat(olga, { id: 'f1', content: 'meet at noon' });
    const altered = { ...genuine, content: 'meet at midnight' };
    // Mallory signs with her own key and claims Olga's id
    const claimed = { ...signedChat(mallory, { id: 'f2' }), sender_id: olga.nodeId };
    const { origin_key: _key, signature: _sig, ...unsigned } = signedChat(olga, { id: 'f3' });
    const { signature: _sig2, ...keyOnly } = signedChat(olga, { id: 'f4' });
    const { origin_key: _key2, ...sigOnly } = signedChat(olga, { id: 'f5' });
    for (const forged of [altered, claimed, unsigned, keyOnly, sigOnly]) probe.publish(subjects.wireReceived, overLink(forged, mallory));
    await handledSoFar('marker');

    expect(handed.map((h) => h.id)).toEqual(['marker']);
    expect(sends.map((s) => s.message.chat?.messageId)).toEqual(['marker']);
    expect((await stats()).dropped).toEqual({
      'bad signature': 1,
      'sender_id does not match origin_key': 1,
      'unsigned, but sender_id is a v2 node id': 1,
      'origin_key without signature': 1,
      'signature without origin_key': 1,
    });
    expect(drops().map((l) => [l.id, l.reason, l.peer])).toEqual([
      ['f1', 'bad signature', mallory.nodeId],
      ['f2', 'sender_id does not match origin_key', mallory.nodeId],
      ['f3', 'unsigned, but sender_id is a v2 node id', mallory.nodeId],
      ['f4', 'origin_key without signature', mallory.nodeId],
      ['f5', 'signature without origin_key', mallory.nodeId],
    ]);

    // the forgery did not take f1's place in the seen-cache
    probe.publish(subjects.wireReceived, overLink(genuine, olga));
    await waitFor(() => handed.some((h) => h.id === 'f1') && relayOf('f1'), { what: 'the genuine f1' });
    expect(handed.find((h) => h.id === 'f1')).toMatchObject({ content: 'meet at noon', authenticated: true });
  });

  it('counts every forgery of a flood but logs it a bounded number of times', async () => {
    await startRouter();
    await routerKnowsPeers();
    const flood = 40;
    for (let i = 0; i < flood; i++) probe.publish(subjects.wireReceived, overLink({ ...signedChat(olga, { id: `flood-${i}` }), content: 'altered' }, mallory));
    await waitFor(async () => (await stats()).dropped['bad signature'] === flood, { what: 'every forgery counted' });
    const lines = drops();
    expect(lines.length).toBeGreaterThanOrEqual(1);
    // one line per link and reason and 10 s: a few at most, however slow the machine
    expect(lines.length).toBeLessThan(5);
    expect(lines[0]).toMatchObject({ reason: 'bad signature', peer: mallory.nodeId, senderId: olga.nodeId });
    expect(sends.filter((s) => s.message.chat?.messageId?.startsWith('flood-'))).toEqual([]);
  });
});

describe('replayed messages', () => {
  it('drops a signed message it has seen, whichever link and hop count it comes back with', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    const chat = signedChat(olga, { id: 'r1' });
    probe.publish(subjects.wireReceived, overLink(chat, olga));
    probe.publish(subjects.wireReceived, overLink(chat, olga));
    probe.publish(subjects.wireReceived, overLink({ ...chat, hops: 2 }, pat));
    await handledSoFar('marker');
    expect(handed.map((h) => h.id)).toEqual(['r1', 'marker']);
    expect(sends.map((s) => s.message.chat?.messageId)).toEqual(['r1', 'marker']);
    expect((await stats()).dropped).toEqual({ duplicate: 2 });
  });

  it('drops a validly signed message whose timestamp is outside the window, either way', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    const now = v1Now();
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'old', timestamp: now - (11 * MINUTE) / 1000 }), olga));
    // (from another link: drops of one kind over one link are logged once per 10 s)
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'ahead', timestamp: now + (11 * MINUTE) / 1000 }), pat));
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'late', timestamp: now - (9 * MINUTE) / 1000 }), olga));
    await handledSoFar('marker');
    expect(handed.map((h) => h.id)).toEqual(['late', 'marker']);
    expect(sends.map((s) => s.message.chat?.messageId)).toEqual(['late', 'marker']);
    expect((await stats()).dropped).toEqual({ timestamp: 2 });
    const reasons = drops().map((l) => [l.id, l.reason]);
    expect(reasons).toEqual([
      ['old', expect.stringMatching(/^timestamp 6\d\d s in the past \(window 600 s\)$/)],
      ['ahead', expect.stringMatching(/^timestamp 6\d\d s in the future \(window 600 s\)$/)],
    ]);
  });

  it('takes its window from the configuration', async () => {
    await startRouter({ messageWindowMs: MINUTE });
    const handed = collectChats();
    await routerKnowsPeers();
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'two-minutes', timestamp: v1Now() - (2 * MINUTE) / 1000 }), olga));
    await handledSoFar('marker');
    expect(handed.map((h) => h.id)).toEqual(['marker']);
    expect(drops()[0]).toMatchObject({ id: 'two-minutes', reason: expect.stringMatching(/in the past \(window 60 s\)$/) });
  });
});

describe('hop limit', () => {
  it('delivers a message on its last allowed hop without relaying it, and drops one that reached or passed its limit', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    sends.length = 0;
    // (each drop over its own link: drops of one kind over one link are logged once per 10 s)
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'last-hop', hopLimit: 3, hops: 2 }), pat));
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'at-limit', hopLimit: 3, hops: 3 }), pat));
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'over', hopLimit: 3, hops: 4 }), mallory));
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 'limit-too-high', hopLimit: 17 }), pat));
    await handledSoFar('marker');
    expect(handed.map((h) => h.id)).toEqual(['last-hop', 'marker']);
    expect(sends.map((s) => s.message.chat?.messageId)).toEqual(['marker']);
    expect((await stats()).dropped).toEqual({ hops: 2, hop_limit: 1 });
    expect(drops().map((l) => [l.id, l.reason, l.peer])).toEqual([
      ['at-limit', 'hops 3 reached hop_limit 3', pat.nodeId],
      ['over', 'hops 4 reached hop_limit 3', mallory.nodeId],
      ['limit-too-high', 'hop_limit 17 out of 1..16', pat.nodeId],
    ]);
  });

  it('signs its own messages with the configured hop limit, which a relay keeps', async () => {
    await startRouter({ hopLimit: 2 });
    await routerKnowsPeers();
    const reply = await probe.request(subjects.chatSend, { content: 'two links at most' });
    const sent = await waitFor(() => relayOf(reply.chat!.messageId!), { what: 'the wire send' });
    expect(sent.message.chat).toMatchObject({ hopLimit: 2, hops: 0, senderId: self.nodeId });
    expect(Buffer.from(sent.message.chat!.originKey!).equals(self.publicKey)).toBe(true);
    expect(verifyV2Message(wireMessageToV2(sent.message), { nowMs: Date.now() })).toEqual({ ok: true, authenticated: true });
  });
});

describe('router stats', () => {
  it('answers what the router received, relayed and dropped', async () => {
    await startRouter();
    const handed = collectChats();
    await routerKnowsPeers();
    expect(await stats()).toEqual({ dropped: {}, received: 0, relayed: 0 });
    const chat = signedChat(olga, { id: 's1' });
    probe.publish(subjects.wireReceived, overLink(chat, olga)); // received, relayed
    probe.publish(subjects.wireReceived, overLink(chat, pat)); // duplicate
    probe.publish(subjects.wireReceived, overLink({ ...signedChat(olga, { id: 's2' }), content: 'x' }, mallory)); // bad signature
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 's3', hopLimit: 2, hops: 1 }), pat)); // delivered, not relayed
    probe.publish(subjects.wireReceived, overLink(signedChat(olga, { id: 's4', timestamp: v1Now() - 3600 }), olga)); // stale
    await handledSoFar('marker'); // received, relayed
    expect(handed.map((h) => h.id)).toEqual(['s1', 's3', 'marker']);
    expect(await stats()).toEqual({ dropped: { duplicate: 1, 'bad signature': 1, timestamp: 1 }, received: 6, relayed: 2 });
  });
});
