// The TCP listener: every inbound connection carries one v1 message, read to the end of the
// stream within a size and time bound. Bad frames are dropped with a logged reason naming the
// peer; an IP that keeps sending them is ignored for a while.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { Logger } from '@meshwork/service';
import { parseV1Message, type V1TcpMessage } from '@meshwork/protocol';
import { BadFrameLimiter } from './limiter.ts';
import { V1Reader } from './v1-reader.ts';

export interface TcpListenerOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  inboundTimeoutMs: number;
  maxConnections: number;
  badFramesPerMinute: number;
  badFrameCooldownMs: number;
  log: Logger;
  onMessage(message: V1TcpMessage, from: { host: string; port: number }): void;
}

export interface TcpListener {
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export const stripV4Mapped = (address: string): string => address.replace(/^::ffff:/i, '');

export function createTcpListener(opts: TcpListenerOptions): TcpListener {
  const { log } = opts;
  const limiter = new BadFrameLimiter({ maxPerMinute: opts.badFramesPerMinute, cooldownMs: opts.badFrameCooldownMs });
  const sockets = new Set<Socket>();
  let dropping = false;
  let sweeper: NodeJS.Timeout | undefined;

  const server = createServer({ allowHalfOpen: true }, onConnection);
  server.maxConnections = opts.maxConnections;
  server.on('drop', (data) => {
    if (!dropping) log.warn({ peer: data ? `${stripV4Mapped(data.remoteAddress ?? '')}:${data.remotePort}` : undefined, max: opts.maxConnections }, 'too many inbound connections: refusing new ones');
    dropping = true;
  });

  function onConnection(socket: Socket): void {
    const host = stripV4Mapped(socket.remoteAddress ?? '');
    const port = socket.remotePort ?? 0;
    const peer = `${host}:${port}`;
    if (limiter.blocked(host)) {
      socket.destroy();
      return;
    }
    if (dropping) {
      dropping = false;
      log.info({ max: opts.maxConnections }, 'accepting inbound connections again');
    }
    sockets.add(socket);
    const reader = new V1Reader(opts.maxMessageBytes);
    let done = false;

    const drop = (reason: string, badFrame = true) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (!badFrame) {
        log.debug({ peer, reason }, 'inbound connection dropped');
        return;
      }
      log.warn({ peer, reason }, 'dropped inbound message');
      if (limiter.strike(host)) log.warn({ ip: host, cooldownMs: opts.badFrameCooldownMs, maxPerMinute: opts.badFramesPerMinute }, 'too many bad frames: ignoring this IP');
    };

    const timer = setTimeout(() => drop(`timeout: no complete message within ${opts.inboundTimeoutMs} ms (${reader.size} bytes read)`), opts.inboundTimeoutMs);
    socket.on('data', (chunk: Buffer) => {
      if (reader.push(chunk) === 'oversize') drop(`oversize: more than ${opts.maxMessageBytes} bytes`);
    });
    socket.on('end', () => {
      if (done) return;
      const bytes = reader.end();
      if (bytes.byteLength === 0) return drop('empty connection', false);
      // (the cast: libs/protocol types this parameter as the literal 65536; the reader bounded the size)
      const parsed = parseV1Message(bytes, opts.maxMessageBytes);
      if (!parsed.ok) return drop(parsed.reason);
      done = true;
      clearTimeout(timer);
      socket.end();
      log.debug({ peer, type: parsed.value.type, id: parsed.value.message_id, bytes: bytes.byteLength }, 'message received');
      opts.onMessage(parsed.value, { host, port });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => drop(`connection error: ${err.code ?? err.message}`, false));
    socket.on('close', () => {
      clearTimeout(timer);
      sockets.delete(socket);
    });
  }

  return {
    listen() {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port, opts.host, () => {
          server.off('error', reject);
          server.on('error', (err) => log.error({ err }, 'TCP listener error'));
          const sweepMs = Math.min(1000, opts.badFrameCooldownMs);
          sweeper = setInterval(() => {
            for (const ip of limiter.sweep()) log.info({ ip }, 'bad-frame cooldown over: accepting this IP again');
          }, sweepMs);
          sweeper.unref();
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close() {
      clearInterval(sweeper);
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
    },
  };
}
