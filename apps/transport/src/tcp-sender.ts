// The v1 sender: a NEW TCP connection per message, the bytes written, our side ended, and the
// delivery counted only once the peer has closed without a word (a v1 peer never writes back:
// whatever answers is not one). Per peer, at most `concurrency` connections
// at once (the original listens with a backlog of 10) and a bounded queue. Only fast failures
// (refused, reset, broken pipe) are retried, with a short doubling back-off: a connect that
// times out is not, so a peer that does not answer costs one timeout per message at most.
import { connect, type Socket } from 'node:net';
import type { Logger } from '@meshwork/service';
import { SendError } from './errors.ts';

export interface TcpSenderOptions {
  /** local address to bind outgoing connections to (a specific host) */
  localAddress?: string;
  concurrency: number;
  retries: number;
  connectTimeoutMs: number;
  maxQueued: number;
  /** most bytes waiting for one peer */
  maxQueuedBytes: number;
  /** first retry delay, doubled each retry */
  backoffMs?: number;
  log: Logger;
}

export interface TcpSender {
  /** Resolves once the peer got the bytes and closed; rejects with a SendError saying why not. */
  send(target: { host: string; port: number }, bytes: Buffer): Promise<void>;
  /** Fails the messages waiting for target (not those on their way) with reason. */
  dropQueued(target: { host: string; port: number }, reason: string): number;
  /** Fails every pending send and closes every connection. */
  close(): void;
}

interface Job {
  bytes: Buffer;
  resolve(): void;
  reject(err: Error): void;
}

interface PeerQueue {
  host: string;
  port: number;
  active: number;
  waiting: Job[];
  /** bytes of the waiting jobs */
  bytes: number;
  full: boolean;
}

const retryable = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

export function createTcpSender(opts: TcpSenderOptions): TcpSender {
  const { log } = opts;
  const peers = new Map<string, PeerQueue>();
  const sockets = new Set<Socket>();
  const timers = new Set<{ timer: NodeJS.Timeout; wake(): void }>();
  const backoffMs = opts.backoffMs ?? 100;
  let closed = false;

  function pump(key: string, q: PeerQueue): void {
    while (q.active < opts.concurrency && q.waiting.length > 0) {
      const job = q.waiting.shift()!;
      q.bytes -= job.bytes.byteLength;
      q.active++;
      deliver(q, job.bytes).then(job.resolve, job.reject).finally(() => {
        q.active--;
        if (q.full && q.waiting.length < opts.maxQueued && q.bytes < opts.maxQueuedBytes) q.full = false;
        if (q.active === 0 && q.waiting.length === 0) peers.delete(key);
        else pump(key, q);
      });
    }
  }

  async function deliver(q: PeerQueue, bytes: Buffer): Promise<void> {
    const peer = `${q.host}:${q.port}`;
    for (let attempt = 1; ; attempt++) {
      if (closed) throw new SendError(peer, 'transport stopped', 'STOPPED');
      try {
        await once(q.host, q.port, bytes);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        const why = (err as Error).message;
        if (closed) throw new SendError(peer, 'transport stopped', 'STOPPED', err);
        if (!retryable.has(code) || attempt > opts.retries) {
          throw new SendError(peer, `${why}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`, code || 'EUNKNOWN', err);
        }
        const delay = backoffMs * 2 ** (attempt - 1);
        log.debug({ peer, attempt, delay, reason: why }, 'send failed, retrying');
        await sleep(delay);
      }
    }
  }

  /** One connection: connect, write, end, wait for the peer's close. */
  function once(host: string, port: number, bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, localAddress: opts.localAddress, allowHalfOpen: true });
      sockets.add(socket);
      let failure: Error | undefined;
      const fail = (err: Error) => {
        failure ??= err;
        socket.destroy();
      };
      let timer = setTimeout(() => fail(errno('ETIMEDOUT', `connect to ${host}:${port} timed out after ${opts.connectTimeoutMs} ms`)), opts.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(errno('ECLOSETIMEOUT', `${host}:${port} did not close the connection within ${opts.connectTimeoutMs} ms`)), opts.connectTimeoutMs);
        socket.end(bytes);
      });
      // The peer has read to our end and closed its side: the message is theirs.
      socket.on('end', () => socket.end());
      socket.on('data', () => fail(errno('EPROTO', `${host}:${port} wrote back: a v1 peer never does`)));
      socket.on('error', fail);
      socket.once('close', () => {
        clearTimeout(timer);
        sockets.delete(socket);
        if (failure) return reject(failure);
        if (closed) return reject(errno('STOPPED', 'transport stopped'));
        if (socket.bytesWritten < bytes.byteLength) return reject(errno('EPIPE', `connection to ${host}:${port} closed before the message was written`));
        resolve();
      });
    });
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      timers.add(entry);
    });
  }

  return {
    send(target, bytes) {
      if (closed) return Promise.reject(new SendError(`${target.host}:${target.port}`, 'transport stopped', 'STOPPED'));
      const key = `${target.host}:${target.port}`;
      let q = peers.get(key);
      if (!q) {
        q = { host: target.host, port: target.port, active: 0, waiting: [], bytes: 0, full: false };
        peers.set(key, q);
      }
      if (q.waiting.length >= opts.maxQueued || q.bytes + bytes.byteLength > opts.maxQueuedBytes) {
        if (!q.full) log.warn({ peer: key, messages: q.waiting.length, bytes: q.bytes }, 'send queue full: failing new messages to this peer');
        q.full = true;
        return Promise.reject(new SendError(key, 'queue full', 'QUEUE_FULL'));
      }
      const queue = q;
      queue.bytes += bytes.byteLength;
      const done = new Promise<void>((resolve, reject) => queue.waiting.push({ bytes, resolve, reject }));
      pump(key, queue);
      return done;
    },
    dropQueued(target, reason) {
      const key = `${target.host}:${target.port}`;
      const q = peers.get(key);
      if (!q) return 0;
      const dropped = q.waiting.splice(0);
      q.bytes = 0;
      for (const job of dropped) job.reject(new SendError(key, reason, 'PEER_DOWN'));
      q.full = false;
      if (q.active === 0) peers.delete(key);
      return dropped.length;
    },
    close() {
      closed = true;
      for (const q of peers.values()) {
        for (const job of q.waiting.splice(0)) job.reject(new SendError(`${q.host}:${q.port}`, 'transport stopped', 'STOPPED'));
      }
      for (const s of sockets) s.destroy();
      for (const t of timers) {
        clearTimeout(t.timer);
        t.wake();
      }
      timers.clear();
    },
  };
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
