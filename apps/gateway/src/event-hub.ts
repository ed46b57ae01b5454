// The WebSocket side of the API: every client gets every ClientEvent as one JSON text.
// What a client sends is ignored; a client that stops reading is closed.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { ClientEvent } from '@meshwork/protocol';

export interface EventHubOptions {
  log: Logger;
  /** a client with more than this many bytes not yet sent is closed */
  maxBufferedBytes?: number;
  /** a client that does not answer a ping within this time is dropped */
  heartbeatMs?: number;
}

export interface EventHub {
  /** completes a checked upgrade request */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  broadcast(event: ClientEvent): void;
  readonly clients: number;
  close(): Promise<void>;
}

export const CLOSE_FELL_BEHIND = 1008;
export const CLOSE_GOING_AWAY = 1001;

interface Client {
  remote: string;
  alive: boolean;
}

export function createEventHub({ log, maxBufferedBytes = 1024 * 1024, heartbeatMs = 30_000 }: EventHubOptions): EventHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, clientTracking: false });
  const clients = new Map<WebSocket, Client>();

  const drop = (ws: WebSocket, code: number, reason: string) => {
    ws.close(code, reason);
    // a client that does not read will not read the close frame either
    setTimeout(() => ws.terminate(), 1000).unref();
  };

  const heartbeat = setInterval(() => {
    for (const [ws, client] of clients) {
      if (!client.alive) {
        log.info({ remote: client.remote }, 'WebSocket client did not answer a ping: dropped');
        ws.terminate();
        continue;
      }
      client.alive = false;
      ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    accept(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        const client: Client = { remote: `${req.socket.remoteAddress}:${req.socket.remotePort}`, alive: true };
        clients.set(ws, client);
        log.info({ remote: client.remote, clients: clients.size }, 'WebSocket client connected');
        ws.on('pong', () => (client.alive = true));
        ws.on('message', () => log.debug({ remote: client.remote }, 'ignored a message from a WebSocket client'));
        ws.on('error', (err) => log.info({ remote: client.remote, err: err.message }, 'WebSocket client error'));
        ws.on('close', () => {
          clients.delete(ws);
          log.debug({ remote: client.remote, clients: clients.size }, 'WebSocket client gone');
        });
      });
    },

    broadcast(event) {
      if (clients.size === 0) return;
      const text = JSON.stringify(event);
      for (const [ws, client] of clients) {
        if (ws.readyState !== WebSocket.OPEN) continue;
        if (ws.bufferedAmount > maxBufferedBytes) {
          log.warn({ remote: client.remote, bufferedAmount: ws.bufferedAmount }, `closing a WebSocket client that fell behind (over ${maxBufferedBytes} bytes not sent)`);
          drop(ws, CLOSE_FELL_BEHIND, 'fell behind the event stream');
          continue;
        }
        ws.send(text);
      }
    },

    get clients() {
      return clients.size;
    },

    async close() {
      clearInterval(heartbeat);
      const open = [...clients.keys()];
      const closed = open.map((ws) => new Promise((resolve) => ws.once('close', resolve)));
      for (const ws of open) ws.close(CLOSE_GOING_AWAY, 'the node is stopping');
      // give clients a moment to see why, then cut the rest
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, 500)))]);
      clearTimeout(timer);
      for (const ws of clients.keys()) ws.terminate();
      clients.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
