import { afterEach, describe, expect, it } from 'vitest';
import { ChatSecurity, deriveV1PasswordKey, encryptV1Content, readV1Content, subjects, type WireMessage } from '@meshwork/protocol';
import type { Bus } from '@meshwork/bus';
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
  const config = configSchema.parse({ nodeId: 'self0000', name: 'Self', natsUrl: nats.url, natsToken: nats.token, ...overrides });
  const bus = await nats.connect('router');
  const router = createRouter({ config, log, bus });
  await router.start();
  stopRouter = () => router.stop();
}

afterEach(async () => {
  await stopRouter?.();
  stopRouter = undefined;
  await nats?.stop();
});

const chatFrom = (id: string, senderId: string, content = 'hi') => ({
  message: { chat: { messageId: id, senderId, senderName: 'x', timestamp: 1.5, content } },
  from: { host: '127.0.0.3', port: 50123 },
});

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
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    await routerKnowsPeers();
    sends.length = 0;
    probe.publish(subjects.wireReceived, chatFrom('m1', 'aaaa1111'));
    await waitFor(() => received.length === 1 && sends.length === 1, { what: 'delivery and relay' });
    expect(sends[0]).toMatchObject({ kind: 'chat', targets: ['cccc3333'], report: false });
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
    expect(reply.chat).toMatchObject({ senderId: 'self0000', senderName: 'Self', content: 'hello mesh' });
    expect(reply.chat?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.targets.map((t) => t.nodeId)).toEqual(['aaaa1111', 'bbbb2222', 'cccc3333']);
    expect(reply.security).toBe(ChatSecurity.CHAT_SECURITY_PLAIN);
    await waitFor(() => sends.some((s) => s.message.chat?.messageId === reply.chat?.messageId), { what: 'the wire send' });
    expect(sends.find((s) => s.message.chat?.messageId === reply.chat?.messageId)).toMatchObject({ report: true, targets: ['aaaa1111', 'bbbb2222', 'cccc3333'] });
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
    const reply = await probe.request(subjects.chatSend, { content: 'mine' });
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    probe.publish(subjects.wireReceived, chatFrom(reply.chat!.messageId!, 'self0000'));
    probe.publish(subjects.wireReceived, chatFrom('marker', 'zzzz9999'));
    await waitFor(() => received.includes('marker'));
    expect(received).toEqual(['marker']);
  });

  it('answers a chunk send only after transport delivered it', async () => {
    await startRouter();
    await routerKnowsPeers();
    const result = await probe.request(subjects.fileChunkSend, {
      chunk: { fileId: 'f1', chunkIndex: 0, data: new Uint8Array([1, 2, 3]), metadata: { filename: 'a', fileSize: 3, fileHash: 'ab', totalChunks: 1 } },
    });
    expect(result.deliveries).toHaveLength(3);
    expect(sends.at(-1)).toMatchObject({ kind: 'chunk', targets: ['aaaa1111', 'bbbb2222', 'cccc3333'] });
    // one chunk, one message id, whichever peers it goes to
    const messageId = '5b3a1c2d-0e4f-4a5b-8c6d-7e8f9a0b1c2d';
    const one = await probe.request(subjects.fileChunkSend, {
      chunk: { messageId, fileId: 'f1', chunkIndex: 1, data: new Uint8Array([4]), metadata: { filename: 'a', fileSize: 8193, fileHash: 'ab', totalChunks: 2 } },
      target: { nodeId: 'bbbb2222' },
    });
    expect(one.deliveries).toHaveLength(1);
    expect(sends.at(-1)).toMatchObject({ kind: 'chunk', targets: ['bbbb2222'], message: { fileChunk: { messageId } } });
  });

  describe('with a v1 network password', () => {
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

      const received: Array<{ content: string; security: number }> = [];
      probe.subscribe(subjects.chatReceived, (ev) => void received.push({ content: ev.chat!.content ?? '', security: ev.security }));
      const secret = encryptV1Content(key, 'from an original node');
      sends.length = 0;
      probe.publish(subjects.wireReceived, chatFrom('enc1', 'aaaa1111', secret));
      await waitFor(() => received.length === 1 && sends.length === 1, { what: 'delivery and relay' });
      expect(received[0]).toEqual({ content: 'from an original node', security: ChatSecurity.CHAT_SECURITY_V1_PASSWORD });
      expect(sends[0]!.message.chat?.content).toBe(secret);
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
