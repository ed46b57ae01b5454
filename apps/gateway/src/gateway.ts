// The gateway: the node's client API (HTTP + WebSocket, loopback unless --gateway-public),
// the chat history, and the plain web page. It asks the other services over the bus, and
// wants the node's client secret from every client.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import type { Bus } from '@meshwork/bus';
import { api, formatHostPort, isLoopbackHost, parseHostPort, subjects, type ClientEvent, type HostPort } from '@meshwork/protocol';
import { ensureClientSecret, throttledLog, type Service, type ServiceContext } from '@meshwork/service';
import { bindError } from '@meshwork/config';
import { createAuth, UNAUTHORIZED } from './auth.ts';
import type { Config } from './config.ts';
import { createEventHub } from './event-hub.ts';
import { createHistory } from './history.ts';
import { createApiHandler, sendJson } from './http-api.ts';
import { hostCheck, refuseReason, type HostCheck } from './local-only.ts';
import { chatDeliveryEvent, fileFailedEvent, fileProgressEvent, fileReceivedEvent, fileSentEvent, messageView, peerView } from './views.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version;

/** Most client connections at once (a local API: a few clients, each with a few connections). */
const MAX_CONNECTIONS = 128;

/**
 * The gateway's connections, bounded: when all are taken, the oldest that never showed the
 * secret makes room, so connections opened and left idle by someone without it cannot lock
 * the clients that have it out.
 */
function connectionLimit(max: number) {
  const open = new Map<Socket, { vouched: boolean }>();
  return {
    add(socket: Socket): void {
      if (open.size >= max) {
        const idle = [...open].find(([, c]) => !c.vouched)?.[0];
        if (!idle) return void socket.destroy();
        idle.destroy();
        open.delete(idle);
      }
      open.set(socket, { vouched: false });
      socket.once('close', () => open.delete(socket));
    },
    vouch(socket: Socket): void {
      const c = open.get(socket);
      if (c) c.vouched = true;
    },
  };
}

/** How many of its own recent chats the gateway reports deliveries of. */
const TRACKED_CHATS = 1000;

export interface GatewayInfo extends Record<string, unknown> {
  /** where clients reach the API, with the real port: http://127.0.0.1:8080 */
  url: string;
}

export interface Gateway extends Service {
  start(): Promise<GatewayInfo>;
}

export function createGateway({ config, log, bus }: ServiceContext<Config>): Gateway {
  const parsed = parseHostPort(config.gateway, { minPort: 0 });
  if (typeof parsed === 'string') throw new Error(`gateway: ${parsed}`); // the schema refused it already
  const listenAt: HostPort = parsed;
  const secret = ensureClientSecret(config.dataDir);
  const auth = createAuth(secret, config.nodeId);
  const history = createHistory({
    file: join(config.dataDir, 'gateway', 'messages.jsonl'),
    limit: config.historyLimit,
    maxBytes: config.historyMaxBytes,
    log: log.child({ component: 'history' }),
  });
  const hub = createEventHub({ log: log.child({ component: 'events' }) });
  const httpLog = log.child({ component: 'http' });
  const noisy = throttledLog(httpLog);
  const ownChats = new Set<string>();
  const connections = connectionLimit(MAX_CONNECTIONS);
  const handle = createApiHandler({
    bus,
    log: httpLog,
    history,
    hub,
    auth,
    secret,
    status: { nodeId: config.nodeId, name: config.name, ...(version ? { version } : {}), limits: { chatBytes: api.maxChatBytes } },
    requestTimeoutMs: config.requestTimeoutMs,
    onChatSent(id) {
      ownChats.add(id);
      if (ownChats.size > TRACKED_CHATS) ownChats.delete(ownChats.values().next().value!);
    },
  });
  const subs: Array<ReturnType<Bus['subscribe']>> = [];
  let server: Server | undefined;
  let isAllowed: HostCheck = () => false;

  const emit = (subject: string, event: ClientEvent | undefined) => {
    if (event) hub.broadcast(event);
    else log.warn({ subject }, 'dropped an event without a direction');
  };

  function subscribe() {
    subs.push(
      bus.subscribe(subjects.chatReceived, (ev) => {
        if (!ev.chat) return void log.warn({ subject: subjects.chatReceived.subject }, 'dropped a chat.received without a chat');
        const message = messageView(ev.chat, 'in', ev.security, ev);
        history.add(message);
        hub.broadcast({ type: 'chat', message });
      }),
      bus.subscribe(subjects.wireDelivery, (ev) => {
        if (ownChats.has(ev.messageId)) hub.broadcast(chatDeliveryEvent(ev));
      }),
      bus.subscribe(subjects.peerJoined, (ev) => hub.broadcast({ type: 'peer.joined', peer: peerView(ev.peer) })),
      bus.subscribe(subjects.peerLeft, (ev) => hub.broadcast({ type: 'peer.left', peer: peerView(ev.peer), reason: ev.reason })),
      bus.subscribe(subjects.peerUpdated, (ev) => hub.broadcast({ type: 'peer.updated', peer: peerView(ev.peer), reason: ev.reason })),
      bus.subscribe(subjects.fileProgress, (ev) => emit(subjects.fileProgress.subject, fileProgressEvent(ev))),
      bus.subscribe(subjects.fileReceived, (ev) => hub.broadcast(fileReceivedEvent(ev))),
      bus.subscribe(subjects.fileSent, (ev) => hub.broadcast(fileSentEvent(ev))),
      bus.subscribe(subjects.fileFailed, (ev) => emit(subjects.fileFailed.subject, fileFailedEvent(ev))),
    );
  }

  function refuseUpgrade(socket: Duplex, status: string, error: string): void {
    const body = JSON.stringify({ error });
    const extra = status.startsWith('401') ? 'www-authenticate: Bearer realm="meshwork"\r\n' : '';
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`);
  }

  function listen(): Promise<Server> {
    // no whole-request timeout (an upload takes as long as it takes); JSON bodies have their own
    const srv = createServer({ requestTimeout: 0, headersTimeout: 10_000 }, (req, res) => {
      if (auth.allows(req.headers)) connections.vouch(req.socket);
      const refused = refuseReason(req.headers, isAllowed);
      if (refused) {
        noisy.warn(`${req.socket.remoteAddress}`, { remote: `${req.socket.remoteAddress}:${req.socket.remotePort}`, method: req.method, url: req.url?.slice(0, 200), reason: refused }, `request refused: ${refused}`);
        return sendJson(res, 403, { error: `forbidden: ${refused}` }, { connection: 'close' });
      }
      void handle(req, res);
    });
    srv.on('connection', (socket: Socket) => connections.add(socket));
    srv.on('upgrade', (req, socket, head) => {
      const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
      socket.on('error', (err) => httpLog.debug({ remote, err: err.message }, 'upgrade socket error'));
      const path = new URL(req.url ?? '/', 'http://gateway.invalid').pathname;
      if (path !== api.routes.events) return refuseUpgrade(socket, '404 Not Found', `no WebSocket endpoint at ${path.slice(0, 200)}`);
      const refused = refuseReason(req.headers, isAllowed);
      if (refused) {
        noisy.warn(`${req.socket.remoteAddress}`, { remote, reason: refused }, `WebSocket upgrade refused: ${refused}`);
        return refuseUpgrade(socket, '403 Forbidden', refused);
      }
      if (!auth.allows(req.headers)) {
        noisy.info(`${req.socket.remoteAddress}`, { remote }, 'WebSocket upgrade refused: no client secret');
        return refuseUpgrade(socket, '401 Unauthorized', UNAUTHORIZED);
      }
      connections.vouch(req.socket);
      hub.accept(req, socket, head);
    });
    srv.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      noisy.info(`${socket.remoteAddress}`, { remote: `${socket.remoteAddress}:${socket.remotePort}`, err: err.message }, 'bad HTTP request dropped');
      if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      else socket.destroy();
    });
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(listenAt.port, listenAt.host, () => {
        srv.off('error', reject);
        srv.on('error', (err) => log.error({ err }, 'HTTP server error'));
        resolve(srv);
      });
    });
  }

  return {
    async start() {
      await history.load();
      subscribe();
      await bus.flush();
      server = await listen().catch((err: unknown) => {
        throw bindError('--gateway', config.gateway, err);
      });
      const { port } = server.address() as AddressInfo;
      const isPublic = !isLoopbackHost(listenAt.host);
      isAllowed = hostCheck(listenAt.host, port, isPublic);
      const url = `http://${formatHostPort({ host: listenAt.host === '0.0.0.0' ? '127.0.0.1' : listenAt.host, port })}`;
      if (isPublic) log.warn({ address: `${listenAt.host}:${port}` }, `the client API is reachable from the network at ${listenAt.host}:${port} (--gateway-public): anyone who has the client secret can use this node`);
      log.info({ url, history: history.list().length }, 'gateway listening');
      return { url };
    },

    async stop() {
      for (const s of subs.splice(0)) s.unsubscribe();
      await hub.close();
      if (server) {
        const srv = server;
        server = undefined;
        const closed = new Promise<void>((resolve) => srv.close(() => resolve()));
        srv.closeAllConnections();
        await closed;
      }
      await history.flush();
    },
  };
}
