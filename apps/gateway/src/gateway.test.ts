import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { StreamReader, StreamWriter, type Bus } from '@meshwork/bus';
import { api, ChatSecurity, clientEventSchema, Direction, proofMessage, subjects, type ClientEvent, type MessageView } from '@meshwork/protocol';
import { readClientSecret, secretProof } from '@meshwork/service';
import { captureLogger, startTestNats, waitFor, type CapturedLog, type TestNats } from '@meshwork/testing';
import { configSchema } from './config.ts';
import { createGateway, type Gateway } from './gateway.ts';

const peerA = { nodeId: 'aaaa1111', name: 'Alice', endpoint: { host: '127.0.0.2', port: 9999 }, lastSeen: 1_700_000_000_000, static: false, dialect: 'v1' };
const peerB = { nodeId: '', name: '', endpoint: { host: '127.0.0.3', port: 9999 }, lastSeen: 0, static: true, dialect: 'v1', down: true, lastError: 'connection refused', retryAt: 1_700_000_009_000 };

let nats: TestNats;
/** stands in for transport, router and filesvc */
let services: Bus;
let dataDir: string;
/** the node's client secret (made by the first gateway started on dataDir) */
let secret: string;
let running: Array<{ gateway: Gateway; captured: CapturedLog }> = [];

async function startGateway(overrides: Record<string, unknown> = {}) {
  const captured = captureLogger('gateway');
  const config = configSchema.parse({
    nodeId: 'gw000001',
    name: 'Gateway Test',
    natsUrl: nats.url,
    natsToken: nats.token,
    dataDir,
    gateway: '127.0.0.1:0',
    requestTimeoutMs: 500,
    ...overrides,
  });
  const gateway = createGateway({ config, log: captured.log, bus: await nats.connect('gateway') });
  const { url } = await gateway.start();
  secret = readClientSecret(dataDir);
  running.push({ gateway, captured });
  return { url, gateway, captured, port: Number(new URL(url).port) };
}

async function stopGateway(gateway: Gateway) {
  running = running.filter((r) => r.gateway !== gateway);
  await gateway.stop();
}

const bearer = () => ({ authorization: `Bearer ${secret}` });

/** A request with the client secret (unless headers.authorization says otherwise, or is ''). */
async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { ...bearer(), ...headers };
  if (all.authorization === '') delete all.authorization;
  const init: RequestInit = { method, headers: all };
  if (body !== undefined) {
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
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

/** An event stream with the client secret (unless options.headers.authorization is ''). */
async function listen(url: string, options: WebSocket.ClientOptions = {}): Promise<EventClient> {
  const headers: Record<string, string> = { ...bearer(), ...(options.headers as Record<string, string>) };
  if (headers.authorization === '') delete headers.authorization;
  const ws = new WebSocket(`${url.replace('http', 'ws')}${api.routes.events}`, { ...options, headers });
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
const chatReceived = (id: string, content = `hello ${id}`, security = ChatSecurity.CHAT_SECURITY_PLAIN) => ({
  chat: { messageId: id, senderId: 'aaaa1111', senderName: 'Alice', timestamp: 1_700_000_000.25, content },
  from: { host: '127.0.0.2', port: 41234 },
  security,
});
const sentChat = (id: string, content: string, timestamp = 2) => ({
  chat: { messageId: id, senderId: 'gw000001', senderName: 'Gateway Test', timestamp, content },
  targets: [{ nodeId: 'aaaa1111', endpoint: peerA.endpoint }],
});
const view = (m: Omit<MessageView, 'security'> & { security?: MessageView['security'] }): MessageView => ({ security: 'plain', ...m });

describe('gateway HTTP API', () => {
  it('returns its url with the real port and tells the node id and name', async () => {
    const { url, port } = await startGateway();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
    const res = await call(url, 'GET', api.routes.status);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ nodeId: 'gw000001', name: 'Gateway Test', version: '0.1.0', limits: { chatBytes: api.maxChatBytes } });
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
    expect(script.text).toContain("import { api } from '/contract.js';");
    // the page's routes are the contract's, served from libs/protocol
    const contract = await call(url, 'GET', '/contract.js');
    expect(contract.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(contract.text).toContain('"events":"/api/events"');
    expect((await call(url, 'GET', '/style.css')).status).toBe(200);
  });

  it('lists peers from transport', async () => {
    const { url } = await startGateway();
    services.serve(subjects.peersList, () => ({ peers: [peerA, peerB] }));
    await services.flush();
    const res = await call(url, 'GET', api.routes.peers);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([
      { nodeId: 'aaaa1111', name: 'Alice', host: '127.0.0.2', port: 9999, lastSeen: 1_700_000_000_000, static: false, down: false, dialect: 'v1', linked: false },
      { nodeId: '', name: '', host: '127.0.0.3', port: 9999, lastSeen: 0, static: true, down: true, lastError: 'connection refused', retryAt: 1_700_000_009_000, dialect: 'v1', linked: false },
    ]);
  });

  it('answers 503 naming the service when nothing serves a subject', async () => {
    const { url } = await startGateway();
    const cases = [
      ['GET', api.routes.peers, undefined, 'transport is not running'],
      ['POST', api.routes.messages, { text: 'hi' }, 'router is not running'],
      ['GET', api.routes.files, undefined, 'filesvc is not running'],
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

  it('sends a chat through the router, answers 201 with its targets at once, and keeps it in the history', async () => {
    const { url } = await startGateway();
    const asked: string[] = [];
    services.serve(subjects.chatSend, (req) => {
      asked.push(req.content);
      return { ...sentChat('out-1', req.content, 1_700_000_001.5), targets: [{ nodeId: 'aaaa1111', endpoint: peerA.endpoint }, { endpoint: peerB.endpoint }] };
    });
    await services.flush();
    const res = await call(url, 'POST', api.routes.messages, { text: 'héllo mesh' });
    expect(asked).toEqual(['héllo mesh']);
    expect(res.status).toBe(201);
    const message = view({ id: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 1_700_000_001.5, content: 'héllo mesh', direction: 'out', authenticated: true });
    expect(res.json).toEqual({ message, targets: [{ nodeId: 'aaaa1111', address: '127.0.0.2:9999' }, { nodeId: '', address: '127.0.0.3:9999' }] });
    expect((await call(url, 'GET', api.routes.messages)).json).toEqual([message]);
  });

  it('tells its clients how each peer took the chats it sent, and nothing of others\' deliveries', async () => {
    const { url } = await startGateway();
    let id = '';
    services.serve(subjects.chatSend, (req) => {
      id = req.messageId;
      // transport can report a down peer before the router has even answered
      services.publish(subjects.wireDelivery, { messageId: id, delivery: { peer: { endpoint: peerB.endpoint }, ok: false, error: 'peer down: connection refused' } });
      return sentChat(id, req.content);
    });
    await services.flush();
    const client = await listen(url);
    const res = await call(url, 'POST', api.routes.messages, { text: 'did you get it?' });
    expect(res.status).toBe(201);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((res.json as unknown as { message: MessageView }).message.id).toBe(id);
    services.publish(subjects.wireDelivery, { messageId: 'relayed-1', delivery: { peer: { nodeId: 'aaaa1111', endpoint: peerA.endpoint }, ok: true } });
    services.publish(subjects.wireDelivery, { messageId: id, delivery: { peer: { nodeId: 'aaaa1111', endpoint: peerA.endpoint }, ok: true } });
    await waitFor(() => client.events.filter((e) => e.type === 'chat.delivery').length === 2, { what: 'two delivery events' });
    expect(client.events.filter((e) => e.type === 'chat.delivery')).toEqual([
      { type: 'chat.delivery', messageId: id, peer: { nodeId: '', address: '127.0.0.3:9999' }, ok: false, status: 'failed', error: 'peer down: connection refused' },
      { type: 'chat.delivery', messageId: id, peer: { nodeId: 'aaaa1111', address: '127.0.0.2:9999' }, ok: true, status: 'delivered' },
    ]);
  });

  it('answers 413 when the router says a chat is too large for the wire', async () => {
    const { url } = await startGateway();
    services.serve(subjects.chatSend, () => ({ error: 'the message is too large: v1 chat is 70000 bytes, must stay under 65536', tooLarge: true }));
    await services.flush();
    const res = await call(url, 'POST', api.routes.messages, { text: 'x' });
    expect([res.status, res.json]).toEqual([413, { error: 'the message is too large: v1 chat is 70000 bytes, must stay under 65536' }]);
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

  it('lists the received files', async () => {
    const { url } = await startGateway();
    services.serve(subjects.filesList, () => ({ files: [{ filename: 'report.pdf', size: 5_000_000_000, modified: 1_700_000_002_000 }] }));
    await services.flush();
    const list = await call(url, 'GET', api.routes.files);
    // a size past 2^32 survives the uint64 on the bus
    expect([list.status, list.json]).toEqual([200, [{ filename: 'report.pdf', size: 5_000_000_000, modified: 1_700_000_002_000 }]]);
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
      expect((await rawGet(port, api.routes.status, { ...bearer(), host })).status, host).toBe(200);
    }
    expect(captured.lines.some((l) => String(l.msg).startsWith('request refused: Host') && typeof l.remote === 'string')).toBe(true);
  });

  it('refuses a request from another site\'s page (Origin) but takes its own page\'s', async () => {
    const { url, port } = await startGateway();
    services.serve(subjects.chatSend, (req) => sentChat('m', req.content));
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
    services.serve(subjects.chatSend, (req) => sentChat('out-1', req.content));
    await services.flush();
    const a = await listen(url);
    const b = await listen(url);

    // the router handed this over as unreadable: whatever the content, none of it is shown
    services.publish(subjects.chatReceived, chatReceived('in-1', 'Z0FBQUFBciphertext', ChatSecurity.CHAT_SECURITY_UNREADABLE));
    services.publish(subjects.chatReceived, chatReceived('in-2', 'decrypted text', ChatSecurity.CHAT_SECURITY_V1_PASSWORD));
    services.publish(subjects.peerJoined, { peer: peerA });
    services.publish(subjects.peerUpdated, { peer: { ...peerA, down: true, lastError: 'connection refused', retryAt: 5 }, reason: 'down: connection refused' });
    services.publish(subjects.peerLeft, { peer: peerA, reason: 'timeout' });
    services.publish(subjects.fileProgress, { fileId: 'f1', filename: 'a.txt', direction: Direction.DIRECTION_IN, bytesDone: 8192, size: 9000, chunksDone: 1, totalChunks: 2, senderId: 'aaaa1111' });
    services.publish(subjects.fileReceived, { fileId: 'f1', filename: 'a.txt', size: 9000, sha256: 'ab'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice' });
    services.publish(subjects.fileFailed, { fileId: 'f2', filename: 'b.txt', direction: Direction.DIRECTION_OUT, reason: 'reached no peer: aaaa1111: peer down' });
    services.publish(subjects.fileSent, { fileId: 'f3', filename: 'c.txt', size: 10, peers: [{ peer: { nodeId: 'aaaa1111', endpoint: peerA.endpoint }, ok: true }, { peer: { endpoint: peerB.endpoint }, ok: false, error: 'connection refused (took 0 of 1 chunks)' }] });
    await waitFor(() => a.events.length === 9, { what: 'nine events' });
    expect((await call(url, 'POST', api.routes.messages, { text: 'and out' })).status).toBe(201);
    await waitFor(() => a.events.length === 10 && b.events.length === 10, { what: 'the sent chat on both clients' });

    const from = '127.0.0.2:41234';
    const peerView = { nodeId: 'aaaa1111', name: 'Alice', host: '127.0.0.2', port: 9999, lastSeen: 1_700_000_000_000, static: false, down: false, dialect: 'v1', linked: false } as const;
    expect(a.events).toEqual([
      { type: 'chat', message: { id: 'in-1', senderId: 'aaaa1111', senderName: 'Alice', timestamp: 1_700_000_000.25, content: '', security: 'unreadable', authenticated: false, direction: 'in', from } },
      { type: 'chat', message: { id: 'in-2', senderId: 'aaaa1111', senderName: 'Alice', timestamp: 1_700_000_000.25, content: 'decrypted text', security: 'password', authenticated: false, direction: 'in', from } },
      { type: 'peer.joined', peer: peerView },
      { type: 'peer.updated', peer: { ...peerView, down: true, lastError: 'connection refused', retryAt: 5 }, reason: 'down: connection refused' },
      { type: 'peer.left', peer: peerView, reason: 'timeout' },
      { type: 'file.progress', fileId: 'f1', filename: 'a.txt', direction: 'in', bytesDone: 8192, size: 9000, chunksDone: 1, totalChunks: 2 },
      { type: 'file.received', fileId: 'f1', filename: 'a.txt', size: 9000, sha256: 'ab'.repeat(32), senderId: 'aaaa1111', senderName: 'Alice', authenticated: false },
      { type: 'file.failed', fileId: 'f2', filename: 'b.txt', direction: 'out', reason: 'reached no peer: aaaa1111: peer down' },
      {
        type: 'file.sent', fileId: 'f3', filename: 'c.txt', size: 10,
        peers: [{ peer: { nodeId: 'aaaa1111', address: '127.0.0.2:9999' }, ok: true }, { peer: { nodeId: '', address: '127.0.0.3:9999' }, ok: false, error: 'connection refused (took 0 of 1 chunks)' }],
      },
      { type: 'chat', message: view({ id: 'out-1', senderId: 'gw000001', senderName: 'Gateway Test', timestamp: 2, content: 'and out', direction: 'out', authenticated: true }) },
    ]);
    expect(b.events).toEqual(a.events);
    expect((await history(url)).map((m) => [m.id, m.direction, m.security])).toEqual([['in-1', 'in', 'unreadable'], ['in-2', 'in', 'password'], ['out-1', 'out', 'plain']]);
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
    services.serve(subjects.chatSend, (req) => sentChat('out-1', req.content, 3));
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

  it('loads the last historyLimit messages, skips corrupt and overlong lines with a warning', async () => {
    await mkdir(join(dataDir, 'gateway'), { recursive: true });
    const line = (id: string) => JSON.stringify({ id, senderId: 's', senderName: 'S', timestamp: 1, content: id, security: 'plain', direction: 'in' });
    const huge = 'x'.repeat(3 * 1024 * 1024); // no newline for 3 MiB: never gathered whole
    await writeFile(historyFile(), [line('a'), '{not json', line('b'), JSON.stringify({ id: 'c' }), huge, line('d'), line('e')].join('\n') + '\n');

    const { url, captured } = await startGateway({ historyLimit: 3 });
    expect((await history(url)).map((m) => m.id)).toEqual(['b', 'd', 'e']);
    const warnings = captured.lines.filter((l) => String(l.msg).startsWith('skipped a'));
    expect(warnings.map((l) => l.line)).toEqual([2, 4, 5]);
  });

  it('rotates the history file past historyMaxBytes, and reads both files back', async () => {
    const { url, gateway } = await startGateway({ historyMaxBytes: 64 * 1024, historyLimit: 1000 });
    const text = 'y'.repeat(1000);
    for (let i = 0; i < 100; i++) services.publish(subjects.chatReceived, chatReceived(`r${i}`, text));
    await waitFor(async () => (await history(url)).at(-1)?.id === 'r99', { what: 'the hundredth message' });
    await stopGateway(gateway);
    expect((await stat(historyFile())).size).toBeLessThanOrEqual(64 * 1024);
    expect((await stat(historyFile().replace('.jsonl', '.1.jsonl'))).size).toBeLessThanOrEqual(64 * 1024);
    const second = await startGateway({ historyMaxBytes: 64 * 1024, historyLimit: 1000 });
    const back = (await history(second.url)).map((m) => m.id);
    // kept in memory within historyMaxBytes too: the newest ones, in order
    expect(back.at(-1)).toBe('r99');
    expect(back).toEqual(Array.from({ length: back.length }, (_, i) => `r${100 - back.length + i}`));
    expect(back.length).toBeGreaterThan(30);
  });

  it('starts with a repaired file when the last line was cut short', async () => {
    await mkdir(join(dataDir, 'gateway'), { recursive: true });
    const line = JSON.stringify({ id: 'a', senderId: 's', senderName: 'S', timestamp: 1, content: 'a', security: 'plain', direction: 'in' });
    await writeFile(historyFile(), `${line}\n{"id":"cut`);
    const { url, gateway } = await startGateway();
    services.publish(subjects.chatReceived, chatReceived('b'));
    await waitFor(async () => (await call(url, 'GET', api.routes.messages)).json.length === 2, { what: 'b in the history' });
    await stopGateway(gateway);
    const second = await startGateway();
    expect((await history(second.url)).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('gateway client authentication', () => {
  it('answers 401 on every API route and the WebSocket without the secret, and does nothing', async () => {
    const { url, port } = await startGateway();
    let asked = 0;
    services.serve(subjects.chatSend, (req) => (asked++, sentChat('m', req.content)));
    services.serve(subjects.peersList, () => (asked++, { peers: [] }));
    await services.flush();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', api.routes.status], ['GET', api.routes.peers], ['GET', api.routes.messages], ['POST', api.routes.messages, { text: 'hi' }],
      ['GET', api.routes.files], ['POST', `${api.routes.files}?name=a.bin`], ['GET', `${api.routes.file}a.bin`], ['GET', api.routes.events],
    ];
    for (const [method, path, body] of routes) {
      for (const authorization of ['', 'Bearer wrong-secret', `Basic ${secret}`]) {
        const res = await call(url, method, path, body, { authorization });
        expect(res.status, `${method} ${path} with "${authorization}"`).toBe(401);
        expect(res.json.error).toMatch(/client secret is required/);
      }
    }
    expect(asked).toBe(0);
    const ws = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}${api.routes.events}`);
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => reject(new Error('upgrade accepted without the secret')));
      socket.on('error', () => {});
    });
    expect(ws).toBe(401);
    // what needs no secret: the health check, the page, and the gateway's proof that it knows the secret
    expect((await call(url, 'GET', api.routes.health, undefined, { authorization: '' })).json).toEqual({ ok: true });
    const nonce = 'ab'.repeat(16);
    expect((await call(url, 'GET', `${api.routes.proof}?nonce=${nonce}`, undefined, { authorization: '' })).json).toEqual({ proof: secretProof(secret, proofMessage(nonce)) });
    expect((await call(url, 'GET', `${api.routes.proof}?nonce=xyz`, undefined, { authorization: '' })).status).toBe(400);
    expect((await call(url, 'GET', '/', undefined, { authorization: '' })).status).toBe(200);
  });

  it('trades the secret for an HttpOnly SameSite=Strict cookie that then opens the API and the WebSocket', async () => {
    const { url, captured } = await startGateway();
    const wrong = await call(url, 'POST', api.routes.login, { secret: 'guess' }, { authorization: '' });
    expect(wrong.status).toBe(401);
    expect(captured.lines.some((l) => l.msg === 'login refused: wrong secret')).toBe(true);
    const login = await call(url, 'POST', api.routes.login, { secret }, { authorization: '' });
    expect(login.status).toBe(204);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${api.auth.cookie('gw000001')}=`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    expect((await call(url, 'GET', api.routes.status, undefined, { authorization: '', cookie: pair })).status).toBe(200);
    expect((await call(url, 'GET', api.routes.status, undefined, { authorization: '', cookie: `${api.auth.cookie('other')}=${secret}` })).status).toBe(401);
    const client = await listen(url, { headers: { authorization: '', cookie: pair } });
    client.ws.close();
    // the secret is never logged
    expect(JSON.stringify(captured.lines)).not.toContain(secret);
  });

  it('keeps answering a client with the secret while 200 connections without it sit idle', async () => {
    const { url, port } = await startGateway();
    const idle = await Promise.all(
      Array.from({ length: 200 }, () => new Promise<import('node:net').Socket>((resolve) => {
        const socket = tcpConnect(port, '127.0.0.1', () => resolve(socket));
        socket.on('error', () => undefined);
      })),
    );
    try {
      for (let i = 0; i < 3; i++) expect((await call(url, 'GET', api.routes.status)).status).toBe(200);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });

  it('gives a JSON body 10 s to arrive, not for ever', async () => {
    const { port } = await startGateway();
    const started = Date.now();
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = tcpConnect(port, '127.0.0.1', () =>
        socket.write(`POST ${api.routes.login} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{`),
      );
      let data = '';
      socket.on('data', (c) => (data += String(c)));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
  }, 20_000);

  it('refuses to listen off loopback unless told, and then takes IP Host headers but not names', async () => {
    expect(configSchema.safeParse({ nodeId: 'n', gateway: '0.0.0.0:0' }).success).toBe(false);
    const { port, captured } = await startGateway({ gateway: '0.0.0.0:0', gatewayPublic: true });
    expect(captured.lines.some((l) => l.level === 40 && String(l.msg).includes('reachable from the network'))).toBe(true);
    const auth = bearer();
    expect((await rawGet(port, api.routes.status, { ...auth, host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await rawGet(port, api.routes.status, { ...auth, host: `10.1.2.3:${port}` })).status).toBe(200);
    expect((await rawGet(port, api.routes.status, { ...auth, host: `rebound.example:${port}` })).status).toBe(403);
    expect((await rawGet(port, api.routes.status, { host: `10.1.2.3:${port}` })).status).toBe(401);
  });
});

/** A stand-in filesvc on the test's bus client, speaking real bus streams. */
function fakeFilesvc(stored: Map<string, Buffer>) {
  services.serve(subjects.fileUpload, (req) => {
    if (req.filename === 'refuse.bin') return { error: 'the file is too large: 99 bytes, more than maxFileBytes (1)', tooLarge: true };
    const reader = new StreamReader(services, req.streamId);
    reader.start();
    void (async () => {
      const parts: Buffer[] = [];
      for await (const d of reader) parts.push(Buffer.from(d));
      stored.set(req.filename, Buffer.concat(parts));
      reader.done();
    })();
    return { fileId: 'f-up', filename: req.filename, size: req.size, totalChunks: Math.ceil(Number(req.size) / 8192) };
  });
  services.serve(subjects.fileDownload, async (req) => {
    const data = stored.get(req.filename);
    if (!data) return { notFound: true, error: `no such file: ${req.filename}` };
    const writer = new StreamWriter(services, req.streamId);
    await writer.open();
    void (async () => {
      for (let i = 0; i < data.length; i += 65536) await writer.write(data.subarray(i, i + 65536));
      await writer.end();
    })().catch(() => undefined); // the reader may stop early (HEAD)
    return { size: data.length };
  });
}

describe('gateway files', () => {
  it('streams an upload to filesvc and a download back, byte for byte, with no path on the node', async () => {
    const { url } = await startGateway();
    const stored = new Map<string, Buffer>();
    fakeFilesvc(stored);
    services.serve(subjects.peersList, () => ({ peers: [peerA] }));
    await services.flush();
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const up = await call(url, 'POST', `${api.routes.files}?name=${encodeURIComponent('hé llo.bin')}`, data, { 'content-type': 'application/octet-stream' });
    expect(up.status).toBe(202);
    expect(up.json).toEqual({ fileId: 'f-up', filename: 'hé llo.bin', size: data.length, totalChunks: Math.ceil(data.length / 8192) });
    expect(createHash('sha256').update(stored.get('hé llo.bin')!).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));

    const res = await fetch(`${url}${api.routes.file}${encodeURIComponent('hé llo.bin')}`, { headers: bearer() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('hé llo.bin')}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);

    const missing = await call(url, 'GET', `${api.routes.file}nothing.bin`);
    expect([missing.status, missing.json]).toEqual([404, { error: 'no such file: nothing.bin' }]);
    const head = await fetch(`${url}${api.routes.file}${encodeURIComponent('hé llo.bin')}`, { method: 'HEAD', headers: bearer() });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(data.length)]);
  });

  it('refuses an upload with no peers, without a size, of the wrong type, or that filesvc refuses, saying why', async () => {
    const { url } = await startGateway();
    const stored = new Map<string, Buffer>();
    fakeFilesvc(stored);
    let peers: Array<typeof peerA> = [];
    services.serve(subjects.peersList, () => ({ peers }));
    await services.flush();
    const bytes = { 'content-type': 'application/octet-stream' };
    const lonely = await call(url, 'POST', `${api.routes.files}?name=a.bin`, 'abc', bytes);
    expect([lonely.status, lonely.json]).toEqual([409, { error: 'no peers to send to: the file would reach no one' }]);
    peers = [peerA];
    expect((await call(url, 'POST', `${api.routes.files}?name=a.bin`, 'abc', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call(url, 'POST', `${api.routes.files}?name=`, 'abc', bytes)).json).toEqual({ error: 'name: must not be empty' });
    const refused = await call(url, 'POST', `${api.routes.files}?name=refuse.bin`, 'abc', bytes);
    expect([refused.status, refused.json]).toEqual([413, { error: 'the file is too large: 99 bytes, more than maxFileBytes (1)' }]);
    expect(stored.size).toBe(0);
  });
});
