import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChatSecurity, deriveV1PasswordKey, encryptV1Content, readV1Content, subjects, verifyV2Message, wireMessageToV2, type WireMessage } from '@meshwork/protocol';
import type { Bus } from '@meshwork/bus';
import { ensureIdentity, type Identity } from '@meshwork/service';
import { captureLogger, startTestNats, waitFor, type TestNats } from '@meshwork/testing';
import { configSchema, type Config } from './config.ts';
import { createRouter } from './router.ts';

const peers = [
  { nodeId: 'aaaa1111', name: 'A', endpoint: { host: '127.0.0.2', port: 9999 } },
  { nodeId: 'bbbb2222', name: 'B', endpoint: { host: '127.0.0.3', port: 9999 } },
  { nodeId: 'cccc3333', name: 'C', endpoint: { host: '127.0.0.4', port: 9999 } },
];

interface Sent {
  kind: 'chat' | 'chunk';
  targets: string[];
  report: boolean;
  message: WireMessage;
}

let dataDir: string;
/** this node: the router loads its key from dataDir */
let self: Identity;
let nats: TestNats;
let probe: Bus;
let sends: Sent[];
let stopRouter: (() => Promise<void>) | undefined;
let logs: ReturnType<typeof captureLogger>['lines'];

/** A router on a real bus, and a probe client standing in for transport (peer table, deliveries). */
async function startRouter(overrides: Partial<Config> = {}): Promise<void> {
  nats = await startTestNats();
  probe = await nats.connect('probe');
  sends = [];
  probe.serve(subjects.peersList, () => ({ peers }));
  probe.serve(subjects.wireSend, (req) => {
    sends.push({ kind: req.message?.chat ? 'chat' : 'chunk', targets: req.targets.map((t) => t.nodeId ?? ''), report: req.report, message: req.message! });
    return { deliveries: req.targets.map((peer) => ({ peer, ok: true })) };
  });
  const captured = captureLogger('router');
  const log = captured.log;
  logs = captured.lines;
  const config = configSchema.parse({ nodeId: self.nodeId, name: 'Self', dataDir, natsUrl: nats.url, natsToken: nats.token, ...overrides });
  const bus = await nats.connect('router');
  const router = createRouter({ config, log, bus });
  await router.start();
  stopRouter = () => router.stop();
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'router-test-'));
  self = ensureIdentity(dataDir);
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

afterEach(async () => {
  await stopRouter?.();
  stopRouter = undefined;
  await nats?.stop();
});

/** A v1 chat (unsigned, a v1 sender id) as transport publishes it from a v1 connection of B's. */
const chatFrom = (id: string, senderId: string, content = 'hi') => ({
  message: { chat: { messageId: id, senderId, senderName: 'x', timestamp: 1.5, content } },
  from: { host: '127.0.0.3', port: 50123 },
});

/** Whether a message as the router put it on the bus carries this node's valid origin signature. */
function signedBySelf(message: WireMessage): boolean {
  const body = (message.chat ?? message.fileChunk)!;
  const check = verifyV2Message(wireMessageToV2(message), { nowMs: Date.now() });
  return check.ok && check.authenticated && Buffer.from(body.originKey ?? []).equals(self.publicKey) && body.senderId === self.nodeId;
}

const chunkFrom = (fileId: string, index: number, from = '127.0.0.3') => ({
  message: {
    fileChunk: {
      messageId: `${fileId}-${index}`, senderId: 'bbbb2222', senderName: 'B', timestamp: 1, fileId, chunkIndex: index,
      data: new Uint8Array(8192), metadata: { filename: 'f.bin', fileSize: 3 * 8192, fileHash: 'ab'.repeat(32), totalChunks: 3 },
    },
  },
  from: { host: from, port: 50123 },
});

/** Sends chats until the router has read the peer table (its first resync). */
const routerKnowsPeers = () =>
  waitFor(async () => (await probe.request(subjects.chatSend, { content: 'warm up' })).targets.length === 3, { what: 'router knows the peers' });

describe('router', () => {
  it('hands a new chat to the gateway and relays it to all but its sender and the peer it came from', async () => {
    await startRouter();
    const received: Array<{ id: string; authenticated: boolean; via: string }> = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push({ id: ev.chat!.messageId ?? '', authenticated: ev.authenticated, via: ev.via }));
    await routerKnowsPeers();
    sends.length = 0;
    probe.publish(subjects.wireReceived, chatFrom('m1', 'aaaa1111'));
    await waitFor(() => received.length === 1 && sends.length === 1, { what: 'delivery and relay' });
    // a v1 message: anyone may have sent it
    expect(received[0]).toEqual({ id: 'm1', authenticated: false, via: '' });
    expect(sends[0]).toMatchObject({ kind: 'chat', targets: ['cccc3333'], report: false });
    // one link more, under the default hop limit; still no signature of anyone's
    expect(sends[0]!.message.chat).toMatchObject({ messageId: 'm1', senderId: 'aaaa1111', content: 'hi', hops: 1, hopLimit: 7 });
    expect(sends[0]!.message.chat?.signature ?? new Uint8Array()).toHaveLength(0);
  });

  it('relays a v1 message that has travelled with one hop more, and stops it at the hop limit', async () => {
    await startRouter();
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    await routerKnowsPeers();
    sends.length = 0;
    const far = chatFrom('far', 'aaaa1111');
    probe.publish(subjects.wireReceived, { ...far, message: { chat: { ...far.message.chat, hopLimit: 5, hops: 3 } } });
    const last = chatFrom('last', 'aaaa1111');
    probe.publish(subjects.wireReceived, { ...last, message: { chat: { ...last.message.chat, hopLimit: 5, hops: 4 } } });
    const marker = chatFrom('marker', 'aaaa1111');
    probe.publish(subjects.wireReceived, marker);
    await waitFor(() => received.length === 3 && sends.some((s) => s.message.chat?.messageId === 'marker'), { what: 'deliveries and the marker relayed' });
    expect(received).toEqual(['far', 'last', 'marker']);
    expect(sends.map((s) => [s.message.chat?.messageId, s.message.chat?.hops, s.message.chat?.hopLimit])).toEqual([
      ['far', 4, 5],
      ['marker', 1, 7],
    ]);
  });

  it('drops a message id it has seen', async () => {
    await startRouter();
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    probe.publish(subjects.wireReceived, chatFrom('dup', 'zzzz9999'));
    probe.publish(subjects.wireReceived, chatFrom('dup', 'zzzz9999'));
    probe.publish(subjects.wireReceived, chatFrom('other', 'zzzz9999'));
    await waitFor(() => received.length === 2);
    expect(received).toEqual(['dup', 'other']);
  });

  it('answers a chat send at once with the message and its targets, and asks transport to report each delivery', async () => {
    await startRouter();
    await routerKnowsPeers();
    const reply = await probe.request(subjects.chatSend, { content: 'hello mesh' });
    expect(reply.chat).toMatchObject({ senderId: self.nodeId, senderName: 'Self', content: 'hello mesh' });
    expect(reply.chat?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.targets.map((t) => t.nodeId)).toEqual(['aaaa1111', 'bbbb2222', 'cccc3333']);
    expect(reply.security).toBe(ChatSecurity.CHAT_SECURITY_PLAIN);
    await waitFor(() => sends.some((s) => s.message.chat?.messageId === reply.chat?.messageId), { what: 'the wire send' });
    expect(sends.find((s) => s.message.chat?.messageId === reply.chat?.messageId)).toMatchObject({ report: true, targets: ['aaaa1111', 'bbbb2222', 'cccc3333'] });
  });

  it('signs its own chats: its key as origin_key, the configured hop limit, no hops yet', async () => {
    await startRouter();
    await routerKnowsPeers();
    const reply = await probe.request(subjects.chatSend, { content: 'signed by me' });
    const sent = await waitFor(() => sends.find((s) => s.message.chat?.messageId === reply.chat?.messageId), { what: 'the wire send' });
    expect(sent.message.chat).toMatchObject({ senderId: self.nodeId, content: 'signed by me', hopLimit: 7, hops: 0 });
    expect(signedBySelf(sent.message)).toBe(true);
    // the signature covers the text: altered, it no longer verifies
    expect(verifyV2Message(wireMessageToV2({ chat: { ...sent.message.chat, content: 'signed by me!' } }), { nowMs: Date.now() })).toEqual({ ok: false, reason: 'bad signature' });
    await stopRouter?.();
    await nats.stop();

    await startRouter({ hopLimit: 3 });
    await routerKnowsPeers();
    const short = await probe.request(subjects.chatSend, { content: 'three links at most' });
    const sentShort = await waitFor(() => sends.find((s) => s.message.chat?.messageId === short.chat?.messageId), { what: 'the wire send' });
    expect(sentShort.message.chat).toMatchObject({ hopLimit: 3, hops: 0 });
    expect(signedBySelf(sentShort.message)).toBe(true);
  });

  it('sends a chat under the id its requester chose, once', async () => {
    await startRouter();
    const id = '0b5cd0e4-8a4c-4a35-9b51-5d6f8a1e2f30';
    expect((await probe.request(subjects.chatSend, { content: 'mine', messageId: id })).chat?.messageId).toBe(id);
    expect((await probe.request(subjects.chatSend, { content: 'again', messageId: id })).error).toBe(`message ${id} was sent already`);
    expect((await probe.request(subjects.chatSend, { content: 'x', messageId: 'not-a-uuid' })).error).toBe('message_id must be a UUID');
  });

  it('refuses a chat too large for the v1 wire, saying why', async () => {
    await startRouter();
    const reply = await probe.request(subjects.chatSend, { content: '\u0001'.repeat(20_000) });
    expect(reply.tooLarge).toBe(true);
    expect(reply.error).toMatch(/too large: v1 chat is \d+ bytes, must stay under 65536/);
  });

  it('does not hand back or relay its own messages when they echo back', async () => {
    await startRouter();
    await routerKnowsPeers();
    const reply = await probe.request(subjects.chatSend, { content: 'mine' });
    const sent = await waitFor(() => sends.find((s) => s.message.chat?.messageId === reply.chat?.messageId), { what: 'the wire send' });
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    sends.length = 0;
    // the signed chat, back one link later; then a v1 node speaking as this node's v1 id
    probe.publish(subjects.wireReceived, { message: { chat: { ...sent.message.chat, hops: 1 } }, from: { host: '127.0.0.3', port: 50123 } });
    probe.publish(subjects.wireReceived, chatFrom('as-my-v1-id', self.v1Id));
    probe.publish(subjects.wireReceived, chatFrom('marker', 'zzzz9999'));
    await waitFor(() => received.includes('marker') && sends.some((s) => s.message.chat?.messageId === 'marker'), { what: 'the marker handed over and relayed' });
    expect(received).toEqual(['marker']);
    expect(sends.map((s) => s.message.chat?.messageId)).toEqual(['marker']);
  });

  it('answers a chunk send only after transport delivered it', async () => {
    await startRouter();
    await routerKnowsPeers();
    const result = await probe.request(subjects.fileChunkSend, {
      chunk: { fileId: 'f1', chunkIndex: 0, data: new Uint8Array([1, 2, 3]), metadata: { filename: 'a', fileSize: 3, fileHash: 'ab', totalChunks: 1 } },
    });
    expect(result.deliveries).toHaveLength(3);
    expect(sends.at(-1)).toMatchObject({ kind: 'chunk', targets: ['aaaa1111', 'bbbb2222', 'cccc3333'] });
    expect(sends.at(-1)!.message.fileChunk).toMatchObject({ senderId: self.nodeId, fileId: 'f1', chunkIndex: 0, hopLimit: 7, hops: 0 });
    expect(signedBySelf(sends.at(-1)!.message)).toBe(true);
    // one chunk, one message id, whichever peers it goes to
    const messageId = '5b3a1c2d-0e4f-4a5b-8c6d-7e8f9a0b1c2d';
    const one = await probe.request(subjects.fileChunkSend, {
      chunk: { messageId, fileId: 'f1', chunkIndex: 1, data: new Uint8Array([4]), metadata: { filename: 'a', fileSize: 8193, fileHash: 'ab', totalChunks: 2 } },
      target: { nodeId: 'bbbb2222' },
    });
    expect(one.deliveries).toHaveLength(1);
    expect(sends.at(-1)).toMatchObject({ kind: 'chunk', targets: ['bbbb2222'], message: { fileChunk: { messageId } } });
    expect(signedBySelf(sends.at(-1)!.message)).toBe(true);
  });

  describe('with a v1 network password', () => {
    it('sends no file chunk to an original (v1) peer: v1 carries them in clear', async () => {
      await startRouter({ password: 'correct horse battery staple' });
      await routerKnowsPeers();
      const before = sends.length;
      const result = await probe.request(subjects.fileChunkSend, {
        chunk: { fileId: 'f1', chunkIndex: 0, data: new Uint8Array([1, 2, 3]), metadata: { filename: 'a', fileSize: 3, fileHash: 'ab', totalChunks: 1 } },
      });
      // the three neighbours are original nodes
      expect(result.deliveries).toEqual([]);
      expect(sends.length).toBe(before);
    });

    it('encrypts what it sends and shows what it receives in clear; the relayed message is unchanged', async () => {
      await startRouter({ password: 'correct horse battery staple' });
      const key = await deriveV1PasswordKey('correct horse battery staple');
      await routerKnowsPeers();
      const reply = await probe.request(subjects.chatSend, { content: 'under the password' });
      expect(reply.chat?.content).toBe('under the password');
      expect(reply.security).toBe(ChatSecurity.CHAT_SECURITY_V1_PASSWORD);
      const onWire = await waitFor(() => sends.find((s) => s.message.chat?.messageId === reply.chat?.messageId));
      expect(onWire.message.chat?.content).toMatch(/^Z0FBQUFB/);
      expect(readV1Content(onWire.message.chat!.content!, key)).toEqual({ security: 'password', text: 'under the password' });
      // the origin signs what travels: the ciphertext
      expect(signedBySelf(onWire.message)).toBe(true);

      const received: Array<{ content: string; security: number }> = [];
      probe.subscribe(subjects.chatReceived, (ev) => void received.push({ content: ev.chat!.content ?? '', security: ev.security }));
      const secret = encryptV1Content(key, 'from an original node');
      sends.length = 0;
      probe.publish(subjects.wireReceived, chatFrom('enc1', 'aaaa1111', secret));
      await waitFor(() => received.length === 1 && sends.length === 1, { what: 'delivery and relay' });
      expect(received[0]).toEqual({ content: 'from an original node', security: ChatSecurity.CHAT_SECURITY_V1_PASSWORD });
      expect(sends[0]!.message.chat).toMatchObject({ content: secret, hops: 1 });
    });

    it('says a chat under another password cannot be decrypted, and shows no ciphertext', async () => {
      await startRouter({ password: 'ours' });
      const other = await deriveV1PasswordKey('theirs');
      const received: Array<{ content: string; security: number }> = [];
      probe.subscribe(subjects.chatReceived, (ev) => void received.push({ content: ev.chat!.content ?? '', security: ev.security }));
      probe.publish(subjects.wireReceived, chatFrom('enc2', 'aaaa1111', encryptV1Content(other, 'not for you')));
      await waitFor(() => received.length === 1);
      expect(received[0]).toEqual({ content: '', security: ChatSecurity.CHAT_SECURITY_UNREADABLE });
    });
  });

  describe('file chunks', () => {
    it('relays a file\'s chunks only when filesvc takes the file, asking once per file', async () => {
      await startRouter();
      const asked: string[] = [];
      probe.serve(subjects.fileAdmit, (req) => {
        asked.push(`${req.chunk?.fileId}:${req.chunk?.chunkIndex}:${req.direct}`);
        return req.chunk?.fileId === 'good' ? { accepted: true } : { accepted: false, reason: 'too large' };
      });
      const handed: string[] = [];
      probe.subscribe(subjects.fileChunkReceived, (ev) => void handed.push(`${ev.chunk?.fileId}:${ev.chunk?.chunkIndex}`));
      await routerKnowsPeers();
      sends.length = 0;
      for (const i of [0, 1, 2]) probe.publish(subjects.wireReceived, chunkFrom('good', i));
      for (const i of [0, 1]) probe.publish(subjects.wireReceived, chunkFrom('bad', i));
      await waitFor(() => sends.length === 3 && handed.length === 2, { what: 'three relays of the good file' });
      // the first chunk went to filesvc with the question itself
      expect(handed.sort()).toEqual(['good:1', 'good:2']);
      expect(asked).toEqual(['good:0:true', 'bad:0:true']);
      expect(sends.every((s) => s.message.fileChunk?.fileId === 'good' && s.targets.join() === 'aaaa1111,cccc3333')).toBe(true);
      expect(sends.map((s) => s.message.fileChunk?.hops)).toEqual([1, 1, 1]);
    });

    it('stops relaying a file filesvc gave up, and relays nothing while filesvc cannot be asked', async () => {
      await startRouter({ admitTimeoutMs: 300 });
      await routerKnowsPeers();
      sends.length = 0;
      probe.publish(subjects.wireReceived, chunkFrom('orphan', 0));
      await waitFor(() => logs.some((l) => l.msg === 'chunk dropped' && String(l.reason).startsWith('filesvc could not be asked') && l.fileId === 'orphan'), { what: 'the orphan chunk dropped' });
      const admit = probe.serve(subjects.fileAdmit, () => ({ accepted: true }));
      await waitFor(async () => {
        if (sends.length > 0) return true;
        probe.publish(subjects.wireReceived, chunkFrom('later', 0));
        return false;
      }, { what: 'a relay once filesvc answers' });
      expect(sends.some((s) => s.message.fileChunk?.fileId === 'orphan')).toBe(false);
      admit.unsubscribe();
      probe.publish(subjects.fileFailed, { fileId: 'later', direction: 1, reason: 'timed out' });
      await probe.flush();
      const before = sends.length;
      probe.publish(subjects.wireReceived, chunkFrom('later', 2));
      probe.publish(subjects.wireReceived, chatFrom('marker', 'zzzz9999'));
      await waitFor(() => sends.some((s) => s.message.chat?.messageId === 'marker'));
      expect(sends.slice(before).filter((s) => s.kind === 'chunk').map((s) => s.message.fileChunk?.messageId)).toEqual([]);
    });
  });
});
