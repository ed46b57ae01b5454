// The TCP listener: an inbound connection whose first line is a v2 hello is handed to the
// links (onLink); any other carries one v1 message, read to the end of the stream within a
// size and time bound. It is fair between addresses: at most
// maxConnectionsPerAddress connections from one IP and maxConnections in all (when full, the
// address holding the most gives up its oldest connection to a newcomer holding fewer), a
// first-byte timeout, and every bad frame, empty, idle or timed-out connection and every
// connection past the per-address cap counts as a strike against its address: an IP over
// badFramesPerMinute is ignored for badFrameCooldownMs and its open connections are closed.
// Every rejection is logged with a reason naming the peer, throttled per address.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { rejectionKey, throttledLog, type Logger } from '@meshwork/service';
import { parseV1Message, type V1TcpMessage } from '@meshwork/protocol';
import { stripV4Mapped } from './addresses.ts';
import { BadFrameLimiter } from './limiter.ts';
import { LineReader } from './line-reader.ts';
import { HANDSHAKE_LINE_BYTES } from './link-handshake.ts';
import { V1Reader } from './v1-reader.ts';

export interface TcpListenerOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  inboundTimeoutMs: number;
  firstByteTimeoutMs: number;
  maxConnections: number;
  maxConnectionsPerAddress: number;
  badFramesPerMinute: number;
  badFrameCooldownMs: number;
  log: Logger;
  onMessage(message: V1TcpMessage, from: { host: string; port: number }): void;
  /** A v2 connection: its hello line and a reader holding what followed it. The listener lets go of the socket. */
  onLink?(socket: Socket, hello: Buffer, reader: LineReader): void;
  /** longest v2 line */
  maxFrameBytes?: number;
}

/** A v2 connection's first line starts so (docs/protocol.md); a v1 message never does. */
const HELLO = Buffer.from('{"type":"hello"');

export interface TcpListener {
  listen(): Promise<AddressInfo>;
  /** Counts a fault against an address (a failed link handshake, say); past the limit it is ignored for a while. */
  strike(host: string): void;
  /** Inbound connections open now, in all and per address. */
  connections(): { total: number; perAddress: Map<string, number> };
  close(): Promise<void>;
}

export function createTcpListener(opts: TcpListenerOptions): TcpListener {
  const { log } = opts;
  const logs = throttledLog(log, { intervalMs: 10_000 });
  const limiter = new BadFrameLimiter({ maxPerMinute: opts.badFramesPerMinute, cooldownMs: opts.badFrameCooldownMs });
  /** IP -> its open connections, oldest first */
  const byAddress = new Map<string, Set<Socket>>();
  /** each open connection's slot, given back once (on close, or at once when it is evicted) */
  const slots = new Map<Socket, () => void>();
  let open = 0;
  let sweeper: NodeJS.Timeout | undefined;

  const server = createServer({ allowHalfOpen: true }, onConnection);

  function strike(host: string): void {
    if (!limiter.strike(host)) return;
    logs.warn(host, { ip: host, cooldownMs: opts.badFrameCooldownMs, maxPerMinute: opts.badFramesPerMinute }, 'too many bad frames: ignoring this IP');
    for (const socket of byAddress.get(host) ?? []) socket.destroy();
  }

  function refuse(socket: Socket, host: string, peer: string, reason: string): void {
    socket.destroy();
    logs.warn(rejectionKey(host, reason), { peer, reason }, 'refused inbound connection');
  }

  /** When every slot is taken: the oldest connection of the address holding the most, if it holds more than host would. */
  function evictionFor(host: string): Socket | undefined {
    const mine = byAddress.get(host)?.size ?? 0;
    let most: Set<Socket> | undefined;
    for (const set of byAddress.values()) if (!most || set.size > most.size) most = set;
    return most && most.size > mine + 1 ? most.values().next().value : undefined;
  }

  function onConnection(socket: Socket): void {
    const host = stripV4Mapped(socket.remoteAddress ?? '');
    const peer = `${host}:${socket.remotePort ?? 0}`;
    socket.on('error', () => {});
    if (!host) return void socket.destroy();
    if (limiter.blocked(host)) return refuse(socket, host, peer, 'ignored: too many bad frames from this address');
    const mine = byAddress.get(host);
    if (mine && mine.size >= opts.maxConnectionsPerAddress) {
      refuse(socket, host, peer, `too many connections from this address (max ${opts.maxConnectionsPerAddress})`);
      strike(host);
      return;
    }
    if (open >= opts.maxConnections) {
      const victim = evictionFor(host);
      if (!victim) return refuse(socket, host, peer, `too many inbound connections (max ${opts.maxConnections})`);
      const victimHost = stripV4Mapped(victim.remoteAddress ?? '');
      logs.info(victimHost, { peer: `${victimHost}:${victim.remotePort ?? 0}`, for: peer, max: opts.maxConnections }, 'inbound connection closed to make room for another address');
      slots.get(victim)?.();
      victim.destroy();
    }
    track(socket, host, peer);
  }

  function track(socket: Socket, host: string, peer: string): void {
    let set = byAddress.get(host);
    if (!set) byAddress.set(host, (set = new Set()));
    set.add(socket);
    open++;
    const reader = new V1Reader(opts.maxMessageBytes);
    let done = false;

    const finish = () => {
      done = true;
      clearTimeout(firstByte);
      clearTimeout(whole);
    };
    const drop = (reason: string, strikes = true) => {
      if (done) return;
      finish();
      socket.destroy();
      if (!strikes) {
        logs.debug(rejectionKey(host, reason), { peer, reason }, 'inbound connection dropped');
        return;
      }
      logs.warn(rejectionKey(host, reason), { peer, reason }, 'dropped inbound message');
      strike(host);
    };

    const firstByte = setTimeout(() => drop(`timeout: no first byte within ${opts.firstByteTimeoutMs} ms`), opts.firstByteTimeoutMs);
    const whole = setTimeout(() => drop(`timeout: no complete message within ${opts.inboundTimeoutMs} ms (${reader.size} bytes read)`), opts.inboundTimeoutMs);
    let sniffing = !!opts.onLink;
    socket.on('data', (chunk: Buffer) => {
      clearTimeout(firstByte);
      if (reader.push(chunk) === 'oversize') return drop(`oversize: more than ${opts.maxMessageBytes} bytes`);
      if (sniffing && chunk.includes(10)) {
        sniffing = false;
        const bytes = reader.end();
        if (bytes.subarray(0, HELLO.byteLength).equals(HELLO)) handOver(bytes);
      }
    });
    const handOver = (bytes: Buffer) => {
      const nl = bytes.indexOf(10);
      const lines = new LineReader(HANDSHAKE_LINE_BYTES);
      const rest = lines.push(bytes.subarray(nl + 1));
      if (rest === 'oversize' || rest.length > 0) return drop('v2 frames before the handshake');
      finish();
      release();
      for (const event of ['data', 'end', 'error', 'close']) socket.removeAllListeners(event);
      socket.on('error', () => {});
      opts.onLink!(socket, bytes.subarray(0, nl), lines);
    };
    socket.on('end', () => {
      if (done) return;
      const bytes = reader.end();
      if (bytes.byteLength === 0) return drop('empty connection');
      const parsed = parseV1Message(bytes, opts.maxMessageBytes);
      if (!parsed.ok) return drop(parsed.reason);
      finish();
      socket.end();
      log.debug({ peer, type: parsed.value.type, id: parsed.value.message_id, bytes: bytes.byteLength }, 'message received');
      opts.onMessage(parsed.value, { host, port: socket.remotePort ?? 0 });
    });
    socket.on('error', (err: NodeJS.ErrnoException) => drop(`connection error: ${err.code ?? err.message}`, false));
    const release = () => {
      if (!slots.delete(socket)) return;
      open--;
      set.delete(socket);
      if (set.size === 0 && byAddress.get(host) === set) byAddress.delete(host);
    };
    slots.set(socket, release);
    socket.on('close', () => {
      finish();
      release();
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
            for (const ip of limiter.sweep()) logs.info(ip, { ip }, 'bad-frame cooldown over: accepting this IP again');
          }, sweepMs);
          sweeper.unref();
          resolve(server.address() as AddressInfo);
        });
      });
    },
    strike,
    connections() {
      return { total: open, perAddress: new Map([...byAddress].map(([ip, set]) => [ip, set.size])) };
    },
    close() {
      clearInterval(sweeper);
      for (const s of slots.keys()) s.destroy();
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
    },
  };
}
