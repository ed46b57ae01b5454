// The gateway: the node's client API (HTTP + WebSocket on a loopback address), the chat
// history, and the plain web page. It asks the other services over the bus.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { Bus } from '@meshwork/bus';
import { api, subjects, type ClientEvent } from '@meshwork/protocol';
import type { Service, ServiceContext } from '@meshwork/service';
import type { Config } from './config.ts';
import { createEventHub } from './event-hub.ts';
import { createHistory } from './history.ts';
import { createApiHandler, sendJson } from './http-api.ts';
import { allowedHosts, refuseReason } from './local-only.ts';
import { fileFailedEvent, fileProgressEvent, fileReceivedEvent, messageView, peerView } from './views.ts';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }).version;

export interface GatewayInfo extends Record<string, unknown> {
  /** where clients reach the API, with the real port: http://127.0.0.1:8080 */
  url: string;
}

export interface Gateway extends Service {
  start(): Promise<GatewayInfo>;
}

const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export function createGateway({ config, log, bus }: ServiceContext<Config>): Gateway {
  const history = createHistory({ file: join(config.dataDir, 'gateway', 'messages.jsonl'), limit: config.historyLimit, log: log.child({ component: 'history' }) });
  const hub = createEventHub({ log: log.child({ component: 'events' }) });
  const httpLog = log.child({ component: 'http' });
  const handle = createApiHandler({
    bus,
    log: httpLog,
    history,
    hub,
    status: { nodeId: config.nodeId, name: config.nodeName, ...(version ? { version } : {}) },
    requestTimeoutMs: config.requestTimeoutMs,
  });
  const subs: Array<ReturnType<Bus['subscribe']>> = [];
  let server: Server | undefined;
  let allowed = new Set<string>();

  const emit = (subject: string, event: ClientEvent | undefined) => {
    if (event) hub.broadcast(event);
    else log.warn({ subject }, 'dropped an event without a direction');
  };

  function subscribe() {
    subs.push(
      bus.subscribe(subjects.chatReceived, (ev) => {
        if (!ev.chat) return void log.warn({ subject: subjects.chatReceived.subject }, 'dropped a chat.received without a chat');
        const message = messageView(ev.chat, 'in', ev.from);
        history.add(message);
        hub.broadcast({ type: 'chat', message });
      }),
      bus.subscribe(subjects.peerJoined, (ev) => hub.broadcast({ type: 'peer.joined', peer: peerView(ev.peer) })),
      bus.subscribe(subjects.peerLeft, (ev) => hub.broadcast({ type: 'peer.left', peer: peerView(ev.peer), reason: ev.reason })),
      bus.subscribe(subjects.fileProgress, (ev) => emit(subjects.fileProgress.subject, fileProgressEvent(ev))),
      bus.subscribe(subjects.fileReceived, (ev) => hub.broadcast(fileReceivedEvent(ev))),
      bus.subscribe(subjects.fileFailed, (ev) => emit(subjects.fileFailed.subject, fileFailedEvent(ev))),
    );
  }

  function listen(): Promise<Server> {
    const srv = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, (req, res) => {
      const refused = refuseReason(req.headers, allowed);
      if (refused) {
        httpLog.warn({ remote: `${req.socket.remoteAddress}:${req.socket.remotePort}`, method: req.method, url: req.url?.slice(0, 200) }, `request refused: ${refused}`);
        return sendJson(res, 403, { error: `forbidden: ${refused}` });
      }
      void handle(req, res);
    });
    srv.on('upgrade', (req, socket, head) => {
      const remote = `${req.socket.remoteAddress}:${req.socket.remotePort}`;
      socket.on('error', (err) => httpLog.debug({ remote, err: err.message }, 'upgrade socket error'));
      const path = new URL(req.url ?? '/', 'http://gateway.invalid').pathname;
      const refused = path !== api.routes.events ? `no WebSocket endpoint at ${path.slice(0, 200)}` : refuseReason(req.headers, allowed);
      if (refused) {
        httpLog.warn({ remote }, `WebSocket upgrade refused: ${refused}`);
        const status = path !== api.routes.events ? '404 Not Found' : '403 Forbidden';
        const body = JSON.stringify({ error: refused });
        socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
        return;
      }
      hub.accept(req, socket, head);
    });
    srv.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      httpLog.info({ remote: `${socket.remoteAddress}:${socket.remotePort}`, err: err.message }, 'bad HTTP request dropped');
      if (socket.writable && err.code !== 'ECONNRESET') socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      else socket.destroy();
    });
    return new Promise((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(config.gatewayPort, config.gatewayHost, () => {
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
      server = await listen();
      const { port } = server.address() as AddressInfo;
      allowed = allowedHosts(config.gatewayHost, port);
      const url = `http://${hostInUrl(config.gatewayHost)}:${port}`;
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
