import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjects, type Endpoint } from '@meshwork/protocol';
import type { Bus } from '@meshwork/bus';
import { captureLogger, startTestNats, waitFor, type TestNats } from '@meshwork/testing';
import { configSchema } from './config.ts';
import { createRouter } from './router.ts';

const peers = [
  { nodeId: 'aaaa1111', name: 'A', endpoint: { host: '127.0.0.2', port: 9999 } },
  { nodeId: 'bbbb2222', name: 'B', endpoint: { host: '127.0.0.3', port: 9999 } },
  { nodeId: 'cccc3333', name: 'C', endpoint: { host: '127.0.0.4', port: 9999 } },
];

let nats: TestNats;
let probe: Bus;
let sends: Array<{ kind: string; targets: string[] }>;
let stopRouter: () => Promise<void>;

beforeEach(async () => {
  nats = await startTestNats();
  probe = await nats.connect('probe');
  sends = [];
  // stands in for transport: the peer table and deliveries
  probe.serve(subjects.peersList, () => ({ peers }));
  probe.serve(subjects.wireSend, (req) => {
    sends.push({ kind: req.message?.chat ? 'chat' : 'chunk', targets: req.targets.map((t: Endpoint) => t.host!) });
    return { deliveries: req.targets.map((target) => ({ target, ok: true })) };
  });
  const { log } = captureLogger('router');
  const config = configSchema.parse({ nodeId: 'self0000', nodeName: 'Self', natsUrl: nats.url, natsToken: nats.token });
  const bus = await nats.connect('router');
  const router = createRouter({ config, log, bus });
  await router.start();
  stopRouter = () => router.stop();
});

afterEach(async () => {
  await stopRouter();
  await nats.stop();
});

const chatFrom = (id: string, senderId: string) => ({
  message: { chat: { messageId: id, senderId, senderName: 'x', timestamp: 1.5, content: 'hi' } },
  from: { host: '127.0.0.3', port: 50123 },
});

describe('router', () => {
  it('hands a new chat to the gateway and relays it to all but its sender and the peer it came from', async () => {
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    await waitFor(async () => (await probe.request(subjects.chatSend, { content: 'ping' })).deliveries.length === 3, { what: 'router knows the peers' });
    sends.length = 0;
    probe.publish(subjects.wireReceived, chatFrom('m1', 'aaaa1111'));
    await waitFor(() => received.length === 1 && sends.length === 1, { what: 'delivery and relay' });
    expect(sends[0]).toEqual({ kind: 'chat', targets: ['127.0.0.4'] });
  });

  it('drops a message id it has seen', async () => {
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    probe.publish(subjects.wireReceived, chatFrom('dup', 'zzzz9999'));
    probe.publish(subjects.wireReceived, chatFrom('dup', 'zzzz9999'));
    probe.publish(subjects.wireReceived, chatFrom('other', 'zzzz9999'));
    await waitFor(() => received.length === 2);
    expect(received).toEqual(['dup', 'other']);
  });

  it('sends a chat to every neighbour with its id, sender and timestamp, and reports each delivery', async () => {
    const reply = await waitFor(async () => {
      const r = await probe.request(subjects.chatSend, { content: 'hello mesh' });
      return r.deliveries.length === 3 && r;
    });
    expect(reply.chat).toMatchObject({ senderId: 'self0000', senderName: 'Self', content: 'hello mesh' });
    expect(reply.chat?.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.deliveries.every((d) => d.ok)).toBe(true);
  });

  it('does not hand back or relay its own messages when they echo back', async () => {
    const reply = await probe.request(subjects.chatSend, { content: 'mine' });
    const received: string[] = [];
    probe.subscribe(subjects.chatReceived, (ev) => void received.push(ev.chat!.messageId ?? ''));
    probe.publish(subjects.wireReceived, chatFrom(reply.chat!.messageId!, 'self0000'));
    probe.publish(subjects.wireReceived, chatFrom('marker', 'zzzz9999'));
    await waitFor(() => received.includes('marker'));
    expect(received).toEqual(['marker']);
  });

  it('answers a chunk send only after transport delivered it', async () => {
    await waitFor(async () => (await probe.request(subjects.chatSend, { content: 'warm' })).deliveries.length === 3);
    const result = await probe.request(subjects.fileChunkSend, {
      chunk: { fileId: 'f1', chunkIndex: 0, data: new Uint8Array([1, 2, 3]), metadata: { filename: 'a', fileSize: 3, fileHash: 'ab', totalChunks: 1 } },
    });
    expect(result.deliveries).toHaveLength(3);
    expect(sends.at(-1)).toEqual({ kind: 'chunk', targets: ['127.0.0.2', '127.0.0.3', '127.0.0.4'] });
  });

  it('says so when transport is not running', async () => {
    await probe.close();
    const other = await nats.connect('other');
    const err = await other.request(subjects.chatSend, { content: 'x' }).catch((e: Error) => e);
    expect(String(err)).toMatch(/no service answers/);
  });
});
