import { request as httpRequest } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Bus } from '@meshwork/bus';
import { api, clientEventSchema, Direction, subjects, type ClientEvent, type MessageView } from '@meshwork/protocol';
import { captureLogger, startTestNats, waitFor, type CapturedLog, type TestNats } from '@meshwork/testing';
import { configSchema } from './config.ts';
import { createGateway, type Gateway } from './gateway.ts';

const ENCRYPTED = 'Z0FBQUFBQmxhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5eg=='; // base64 of a Fernet token's text
const peerA = { nodeId: 'aaaa1111', name: 'Alice', endpoint: { host: '127.0.0.2', port: 9999 }, lastSeen: 1_700_000_000_000, static: false, dialect: 'v1' };
const peerB = { nodeId: '', name: '', endpoint: { host: '127.0.0.3', port: 9999 }, lastSeen: 0, static: true, dialect: 'v1' };

let nats: TestNats;
/** stands in for transport, router and filesvc */
let services: Bus;
let dataDir: string;
let running: Array<{ gateway: Gateway; captured: CapturedLog }> = [];

async function startGateway(overrides: Record<string, unknown> = {}) {
  const captured = captureLogger('gateway');
  const config = configSchema.parse({
    nodeId: 'gw000001',
    nodeName: 'Gateway Test',
    natsUrl: nats.url,
    natsToken: nats.token,
    dataDir,
    gatewayPort: 0,
    requestTimeoutMs: 500,
    ...overrides,
  });
  const gateway = createGateway({ config, log: captured.log, bus: await nats.connect('gateway') });
  const { url } = await gateway.start();
  running.push({ gateway, captured });
  return { url, gateway, captured, port: Number(new URL(url).port) };
}

async function stopGateway(gateway: Gateway) {
  running = running.filter((r) => r.gateway !== gateway);
  await gateway.stop();
}

async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await fetch(url + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as Record<string, unknown> & unknown[] };
}

const history = async (url: string) => (await call(url, 'GET', api.routes.messages)).json as unknown as MessageView[];

/** node:http, because fetch will not send a foreign Host header */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

interface EventClient {
  ws: WebSocket;
  events: ClientEvent[];
  closed: Promise<{ code: number; reason: string }>;
}

async function listen(url: string, options: WebSocket.ClientOptions = {}): Promise<EventClient> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}${api.routes.events}`, options);
  const events: ClientEvent[] = [];
  ws.on('message', (data) => events.push(clientEventSchema.parse(JSON.parse(String(data)))));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, events, closed };
}

beforeEach(async () => {
  nats = await startTestNats();
  services = await nats.connect('services');
  dataDir = await mkdtemp(join(tmpdir(), 'mesh-gateway-'));
});

afterEach(async () => {
  for (const { gateway } of running.splice(0)) await gateway.stop();
  await nats.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const historyFile = () => join(dataDir, 'gateway', 'messages.jsonl');
const chatReceived = (id: string, content = `hello ${id}`) => ({
  chat: { messageId: id, senderId: 'aaaa1111', senderName: 'Alice', timestamp: 1_700_000_000.25, content },
  from: { host: '127.0.0.2', port: 41234 },
});

describe('gateway HTTP API', () => {
  it('returns its url with the real port and tells the node id and name', async () => {
    const { url, port } = await startGateway();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
    const res = await call(url, 'GET', api.routes.status);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ nodeId: 'gw000001', name: 'Gateway Test', version: '0.1.0' });
  });

  it('serves the web page and its script with a content security policy', async () => {
    const { url } = await startGateway();
    const page = await call(url, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.text).toContain('<script type="module" src="/app.js">');
    const script = await call(url, 'GET', '/app.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('/api/events');
    expect((await call(url, 'GET', '/style.css')).status).toBe(200);
  });

  it('lists peers from transport', async () => {
    const { url } = await startGateway();
    services.serve(subjects.peersList, () => ({ peers: [peerA, peerB] }));
    await services.flush();
    const res = await call(url, 'GET', api.routes.peers);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { nodeId: 'aaaa1111', name: 'Alice', host: '127.0.0.2', port: 9999, lastSeen: 1_700_000_000_000, static: false },
      { nodeId: '', name: '', host: '127.0.0.3', port: 9999, lastSeen: 0, static: true },
    ]);
  });

  it('answers 503 naming the service when nothing serves a subject', async () => {
    const { url } = await startGateway();
    const cases = [
      ['GET', api.routes.peers, undefined, 'transport is not running'],
      ['POST', api.routes.messages, { text: 'hi' }, 'router is not running'],
      ['GET', api.routes.files, undefined, 'filesvc is not running'],
      ['POST', api.routes.files, { path: '/tmp/x' }, 'filesvc is not running'],
    ] as const;
    for (const [method, path, body, error] of cases) {
      const res = await call(url, method, path, body);
      expect([res.status, res.json], `${method} ${path}`).toEqual([503, { error }]);
    }
  });

  it('answers 503 when a service does not answer in time', async () => {
    const { url } = await startGateway({ requestTimeoutMs: 300 });
    services.serve(subjects.peersList, () => new Promise<never>(() => {}));
    await services.flush();
    const started = Date.now();
    const res = await call(url, 'GET', api.routes.peers);
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: 'transport did not answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('sends a chat through the router, answers 201 with the delivery count, and keeps it in the history', async () => {
    const { url } = await startGateway();
    const asked: string[] = [];
    services.serve(subjects.chatSend, (req) => {
      asked.push(req.content);
      return {
        chat: { messageId: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 1_700_000_001.5, content: req.content },
        deliveries: [
          { target: peerA.endpoint, ok: true },
          { target: peerB.endpoint, ok: false, error: 'connection refused' },
        ],
      };
    });
    await services.flush();
    const res = await call(url, 'POST', api.routes.messages, { text: 'héllo mesh' });
    expect(asked).toEqual(['héllo mesh']);
    expect(res.status).toBe(201);
    const message: MessageView = { id: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 1_700_000_001.5, content: 'héllo mesh', encrypted: false, direction: 'out' };
    expect(res.json).toEqual({ message, delivered: 1, peers: 2 });
    expect((await call(url, 'GET', api.routes.messages)).json).toEqual([message]);
  });

  it('answers 400 with the router\'s error when it refuses a chat', async () => {
    const { url } = await startGateway();
    services.serve(subjects.chatSend, () => ({ error: 'no route to anyone' }));
    await services.flush();
    const res = await call(url, 'POST', api.routes.messages, { text: 'x' });
    expect([res.status, res.json]).toEqual([400, { error: 'no route to anyone' }]);
    expect((await call(url, 'GET', api.routes.messages)).json).toEqual([]);
  });

  it('refuses bad chat requests with 400, 413 and 415 and names the field', async () => {
    const { url } = await startGateway();
    const post = (body: unknown, headers?: Record<string, string>) => call(url, 'POST', api.routes.messages, body, headers);

    const badJson = await post('{"text": "unterminated');
    expect(badJson.status).toBe(400);
    expect(badJson.json.error).toMatch(/^invalid JSON: /);

    const missing = await post({ message: 'hi' });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatch(/^text: /);

    expect((await post({ text: '' })).json).toEqual({ error: 'text: must not be empty' });
    expect((await post({ text: 42 })).json.error).toMatch(/^text: .*string/);
    expect((await post([1, 2])).json).toEqual({ error: 'the body must be a JSON object' });

    const long = await post({ text: 'x'.repeat(api.maxChatBytes + 1) });
    expect([long.status, long.json.error]).toEqual([400, 'text: must be at most 32768 bytes of UTF-8']);

    const huge = await post({ text: 'x'.repeat(api.maxBodyBytes) });
    expect(huge.status).toBe(413);
    expect(huge.json.error).toBe('the body is larger than 65536 bytes');

    const plain = await post('text=hi', { 'content-type': 'text/plain' });
    expect([plain.status, plain.json]).toEqual([415, { error: 'the body must be application/json' }]);

    // and it still serves
    expect((await call(url, 'GET', api.routes.status)).status).toBe(200);
  });

  it('answers 404 for an unknown path and 405 with Allow for a wrong method', async () => {
    const { url } = await startGateway();
    const missing = await call(url, 'GET', '/api/nothing');
    expect([missing.status, missing.json]).toEqual([404, { error: 'no such resource: /api/nothing' }]);
    const wrong = await call(url, 'DELETE', api.routes.messages);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expect(wrong.json.error).toMatch(/^DELETE is not allowed on \/api\/messages/);
    expect((await call(url, 'POST', '/', {})).status).toBe(405);
    expect((await call(url, 'GET', api.routes.events)).status).toBe(426);
  });

  it('lists the received files and asks filesvc to send one', async () => {
    const { url } = await startGateway();
    services.serve(subjects.filesList, () => ({ files: [{ filename: 'report.pdf', size: 12_345, modified: 1_700_000_002_000 }] }));
    await services.flush();
    const paths: string[] = [];
    services.serve(subjects.fileSend, (req) =>
      req.path === '/nope' ? { error: 'no such file: /nope' } : (paths.push(req.path), { fileId: 'f-1', filename: 'big.bin', size: 5_000_000_000, totalChunks: 610_352 }),
    );
    await services.flush();

    const list = await call(url, 'GET', api.routes.files);
    expect([list.status, list.json]).toEqual([200, [{ filename: 'report.pdf', size: 12_345, modified: 1_700_000_002_000 }]]);

    const sent = await call(url, 'POST', api.routes.files, { path: '/data/big.bin' });
    expect(sent.status).toBe(202);
    // a size past 2^32 survives the uint64 on the bus
    expect(sent.json).toEqual({ fileId: 'f-1', filename: 'big.bin', size: 5_000_000_000, totalChunks: 610_352 });
    expect(paths).toEqual(['/data/big.bin']);

    const failed = await call(url, 'POST', api.routes.files, { path: '/nope' });
    expect([failed.status, failed.json]).toEqual([400, { error: 'no such file: /nope' }]);
    expect((await call(url, 'POST', api.routes.files, { path: '' })).json).toEqual({ error: 'path: must not be empty' });
  });

  it('drops malformed HTTP with a 400 and keeps serving', async () => {
    const { url, port, captured } = await startGateway();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(port, '127.0.0.1', () => socket.write('NONSENSE \x00\x01 HTTP/9\r\n\r\n'));
      let data = '';
      socket.on('data', (c) => (data += String(c)));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect(captured.lines.some((l) => l.msg === 'bad HTTP request dropped' && typeof l.remote === 'string')).toBe(true);
    expect((await call(url, 'GET', api.routes.status)).status).toBe(200);
  });
});

describe('gateway local-client safety', () => {
  it('refuses a request whose Host is not the gateway (DNS rebinding)', async () => {
    const { port, captured } = await startGateway();
    const rebound = await rawGet(port, api.routes.status, { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toMatch(/Host "evil.example:\d+" is not this gateway/);
    expect((await rawGet(port, api.routes.status, { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawGet(port, api.routes.status, { host })).status, host).toBe(200);
    }
    expect(captured.lines.some((l) => String(l.msg).startsWith('request refused: Host') && typeof l.remote === 'string')).toBe(true);
  });

  it('refuses a request from another site\'s page (Origin) but takes its own page\'s', async () => {
    const { url, port } = await startGateway();
    services.serve(subjects.chatSend, (req) => ({ chat: { messageId: 'm', content: req.content }, deliveries: [] }));
    await services.flush();
    const body = { text: 'from a web page' };
    const foreign = await call(url, 'POST', api.routes.messages, body, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error).toMatch(/Origin "http:\/\/evil.example" may not use this gateway/);
    expect((await call(url, 'POST', api.routes.messages, body, { origin: 'null' })).status).toBe(403);
    expect((await call(url, 'POST', api.routes.messages, body, { origin: `https://127.0.0.1:${port}` })).status).toBe(403);
    expect((await call(url, 'POST', api.routes.messages, body, { origin: `http://localhost:${port}` })).status).toBe(201);
    expect((await call(url, 'GET', api.routes.messages)).json).toHaveLength(1);
  });

  it('refuses a WebSocket upgrade from another site or under a foreign Host', async () => {
    const { url, port } = await startGateway();
    const refused = (options: WebSocket.ClientOptions) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}${api.routes.events}`, options);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => reject(new Error('upgrade accepted')));
        ws.on('error', () => {});
      });
    expect(await refused({ origin: 'http://evil.example' })).toBe(403);
    expect(await refused({ headers: { host: `rebound.example:${port}` } })).toBe(403);
    const own = await listen(url, { origin: `http://127.0.0.1:${port}` });
    own.ws.close();
  });
});

describe('gateway events and history', () => {
  it('pushes chat, peer and file events to WebSocket clients in order', async () => {
    const { url } = await startGateway();
    services.serve(subjects.chatSend, (req) => ({ chat: { messageId: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 2, content: req.content }, deliveries: [] }));
    await services.flush();
    const a = await listen(url);
    const b = await listen(url);

    services.publish(subjects.chatReceived, chatReceived('in-1', ENCRYPTED));
    services.publish(subjects.peerJoined, { peer: peerA });
    services.publish(subjects.peerLeft, { peer: peerA, reason: 'timeout' });
    services.publish(subjects.fileProgress, { fileId: 'f1', filename: 'a.txt', direction: Direction.DIRECTION_IN, bytesDone: 8192, size: 9000, chunksDone: 1, totalChunks: 2, senderId: 'aaaa1111' });
    services.publish(subjects.fileReceived, { fileId: 'f1', filename: 'a.txt', size: 9000, sha256: 'ab'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice' });
    services.publish(subjects.fileFailed, { fileId: 'f2', filename: 'b.txt', direction: Direction.DIRECTION_OUT, reason: 'no peers' });
    await waitFor(() => a.events.length === 6, { what: 'six events' });
    expect((await call(url, 'POST', api.routes.messages, { text: 'and out' })).status).toBe(201);
    await waitFor(() => a.events.length === 7 && b.events.length === 7, { what: 'the sent chat on both clients' });

    const inMessage: MessageView = {
      id: 'in-1', senderId: 'aaaa1111', senderName: 'Alice', timestamp: 1_700_000_000.25, content: ENCRYPTED, encrypted: true, direction: 'in', from: '127.0.0.2:41234',
    };
    const peerView = { nodeId: 'aaaa1111', name: 'Alice', host: '127.0.0.2', port: 9999, lastSeen: 1_700_000_000_000, static: false };
    expect(a.events).toEqual([
      { type: 'chat', message: inMessage },
      { type: 'peer.joined', peer: peerView },
      { type: 'peer.left', peer: peerView, reason: 'timeout' },
      { type: 'file.progress', fileId: 'f1', filename: 'a.txt', direction: 'in', bytesDone: 8192, size: 9000, chunksDone: 1, totalChunks: 2 },
      { type: 'file.received', fileId: 'f1', filename: 'a.txt', size: 9000, sha256: 'ab'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice' },
      { type: 'file.failed', fileId: 'f2', filename: 'b.txt', direction: 'out', reason: 'no peers' },
      { type: 'chat', message: { id: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 2, content: 'and out', encrypted: false, direction: 'out' } },
    ]);
    expect(b.events).toEqual(a.events);
    expect((await history(url)).map((m) => [m.id, m.direction])).toEqual([['in-1', 'in'], ['out-1', 'out']]);
  });

  it('ignores what a WebSocket client sends and keeps it connected', async () => {
    const { url } = await startGateway();
    const client = await listen(url);
    client.ws.send('{"type":"chat","message":"spoofed"}');
    client.ws.send(Buffer.from([0xff, 0x00, 0x13]));
    services.publish(subjects.peerJoined, { peer: peerA });
    await waitFor(() => client.events.length === 1, { what: 'the event after the ignored messages' });
    expect(client.events[0]!.type).toBe('peer.joined');
    expect(client.ws.readyState).toBe(WebSocket.OPEN);
    expect((await call(url, 'GET', api.routes.messages)).json).toEqual([]);
  });

  it('closes a WebSocket client that falls behind, with a logged reason, and keeps serving the others', async () => {
    const { url, captured } = await startGateway();
    const slow = await listen(url);
    const fast = await listen(url);
    slow.ws.pause(); // stops reading its socket
    const content = 'x'.repeat(30_000);
    let sent = 0;
    // enough to fill the kernel's socket buffers and then 1 MiB of the gateway's own
    await waitFor(async () => {
      for (let i = 0; i < 50; i++) services.publish(subjects.chatReceived, chatReceived(`m${sent++}`, content));
      return captured.lines.some((l) => String(l.msg).startsWith('closing a WebSocket client that fell behind'));
    }, { what: 'the slow client to be dropped', timeoutMs: 20_000 });
    slow.ws.resume();
    const closed = await slow.closed;
    expect([1008, 1006]).toContain(closed.code);
    const line = captured.lines.find((l) => String(l.msg).startsWith('closing a WebSocket client that fell behind'))!;
    expect(line.remote).toMatch(/^127\.0\.0\.1:\d+$/);
    await waitFor(() => fast.events.length === sent, { what: 'every event on the fast client', timeoutMs: 20_000 });
    expect(fast.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('keeps the history across a restart of the gateway', async () => {
    const first = await startGateway();
    services.serve(subjects.chatSend, (req) => ({ chat: { messageId: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 3, content: req.content }, deliveries: [] }));
    await services.flush();
    services.publish(subjects.chatReceived, chatReceived('in-1'));
    await waitFor(async () => (await call(first.url, 'GET', api.routes.messages)).json.length === 1, { what: 'the received chat in the history' });
    await call(first.url, 'POST', api.routes.messages, { text: 'reply' });
    const before = (await call(first.url, 'GET', api.routes.messages)).json;
    await stopGateway(first.gateway);

    const second = await startGateway();
    expect((await call(second.url, 'GET', api.routes.messages)).json).toEqual(before);
    expect((before as unknown as MessageView[]).map((m) => m.id)).toEqual(['in-1', 'out-1']);
  });

  it('loads the last historyLimit messages, skips a corrupt line with a warning, and compacts the file past twice the limit', async () => {
    await mkdir(join(dataDir, 'gateway'), { recursive: true });
    const line = (id: string) => JSON.stringify({ id, senderId: 's', senderName: 'S', timestamp: 1, content: id, encrypted: false, direction: 'in' });
    await writeFile(historyFile(), [line('a'), '{not json', line('b'), JSON.stringify({ id: 'c' }), line('d'), line('e')].join('\n') + '\n');

    const { url, gateway, captured } = await startGateway({ historyLimit: 3 });
    expect((await history(url)).map((m) => m.id)).toEqual(['b', 'd', 'e']);
    const warnings = captured.lines.filter((l) => String(l.msg).startsWith('skipped a corrupt history line'));
    expect(warnings.map((l) => l.line)).toEqual([2, 4]);

    // the file held 6 lines (<= 2 x 3); one more makes 7 and it is rewritten with the last 3
    services.publish(subjects.chatReceived, chatReceived('f'));
    await waitFor(async () => (await history(url)).at(-1)?.id === 'f', { what: 'f in the history' });
    await stopGateway(gateway);
    const lines = (await readFile(historyFile(), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as MessageView).id)).toEqual(['d', 'e', 'f']);
  });

  it('starts with a repaired file when the last line was cut short', async () => {
    await mkdir(join(dataDir, 'gateway'), { recursive: true });
    const line = JSON.stringify({ id: 'a', senderId: 's', senderName: 'S', timestamp: 1, content: 'a', encrypted: false, direction: 'in' });
    await writeFile(historyFile(), `${line}\n{"id":"cut`);
    const { url, gateway } = await startGateway();
    services.publish(subjects.chatReceived, chatReceived('b'));
    await waitFor(async () => (await call(url, 'GET', api.routes.messages)).json.length === 2, { what: 'b in the history' });
    await stopGateway(gateway);
    const second = await startGateway();
    expect((await history(second.url)).map((m) => m.id)).toEqual(['a', 'b']);
  });
});
