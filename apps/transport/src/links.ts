// Every v2 link of the node, one per peer node id. Links are dialled when a v2 peer is heard
// (at most one dial per endpoint at a time, a failed endpoint waits a doubling back-off) and
// accepted from the listener. When two nodes dial each other at once, both keep the link whose
// initiator has the smaller node id. A link's end is reported once, with its reason.
import { connect, type Socket } from 'node:net';
import { rejectionKey, throttledLog, type Logger } from '@meshwork/service';
import type { HostPort } from '@meshwork/protocol';
import { stripV4Mapped } from './addresses.ts';
import { HandshakeError, initiateHandshake, respondHandshake, type HandshakeOptions, type HandshakeOutcome, type LinkIdentity } from './link-handshake.ts';
import { Link, type LinkPeer, type LinkTimings } from './link.ts';
import type { LineReader } from './line-reader.ts';

export interface LinksOptions extends LinkTimings {
  identity: LinkIdentity;
  psk(): Buffer | undefined;
  maxFrameBytes: number;
  handshakeTimeoutMs: number;
  connectTimeoutMs: number;
  localAddress?: string;
  /** most links at once, and per remote address */
  maxLinks: number;
  maxLinksPerAddress: number;
  retryMs: number;
  retryMaxMs: number;
  log: Logger;
  /** replaced: a second link to the same peer took the first one's place (the peer never went down) */
  onUp(peer: LinkPeer, link: Link, replaced: boolean): void;
  onDown(peer: LinkPeer, reason: string): void;
  onFrame(plaintext: Buffer, link: Link): void;
  /** a handshake that failed by the peer's fault */
  onBadPeer?(host: string, reason: string): void;
  /** another node answered where nodeId was announced: the announcement was false */
  onImpostor?(endpoint: HostPort, nodeId: string): void;
}

/** inbound handshakes under way at once, per remote address and in all (each holds a socket and up to 16 KiB) */
const MAX_HANDSHAKES_PER_ADDRESS = 4;
const MAX_HANDSHAKES = 64;

interface Backoff {
  until: number;
  delayMs: number;
}

export class Links {
  readonly #o: LinksOptions;
  readonly #links = new Map<string, Link>();
  readonly #dialling = new Set<string>();
  readonly #backoff = new Map<string, Backoff>();
  readonly #sockets = new Set<Socket>();
  /** inbound handshakes under way, per remote address */
  readonly #handshaking = new Map<string, number>();
  readonly #logs: ReturnType<typeof throttledLog>;
  #closed = false;

  constructor(o: LinksOptions) {
    this.#o = o;
    this.#logs = throttledLog(o.log, { intervalMs: 10_000 });
  }

  get(nodeId: string): Link | undefined {
    return this.#links.get(nodeId);
  }

  list(): Link[] {
    return [...this.#links.values()];
  }

  /** Dials endpoint unless a link to expectNodeId is up, a dial there is under way, or it is backing off. */
  dial(endpoint: HostPort, expectNodeId?: string, force = false): void {
    if (this.#closed) return;
    if (expectNodeId && this.#links.has(expectNodeId)) return;
    const key = `${endpoint.host}:${endpoint.port}`;
    if (this.#dialling.has(key)) return;
    const backoff = this.#backoff.get(key);
    if (backoff && !force && Date.now() < backoff.until) return;
    if (this.#links.size >= this.#o.maxLinks) return void this.#logs.warn('max-links', { max: this.#o.maxLinks }, 'not dialling: link limit reached');
    this.#dialling.add(key);
    void this.#dial(endpoint, key, expectNodeId).finally(() => this.#dialling.delete(key));
  }

  /** An inbound connection whose first line was a hello. */
  accept(socket: Socket, hello: Buffer, reader: LineReader): void {
    const host = stripV4Mapped(socket.remoteAddress ?? '');
    if (this.#closed) return void socket.destroy();
    if (this.#links.size >= this.#o.maxLinks || this.#perAddress(host) >= this.#o.maxLinksPerAddress) {
      this.#logs.warn(rejectionKey(host, 'link limit'), { peer: host, max: this.#o.maxLinks, perAddress: this.#o.maxLinksPerAddress }, 'refused link: too many links');
      return void socket.destroy();
    }
    const mine = this.#handshaking.get(host) ?? 0;
    let all = 0;
    for (const n of this.#handshaking.values()) all += n;
    if (mine >= MAX_HANDSHAKES_PER_ADDRESS || all >= MAX_HANDSHAKES) {
      this.#logs.warn(rejectionKey(host, 'handshakes'), { peer: host, perAddress: MAX_HANDSHAKES_PER_ADDRESS, max: MAX_HANDSHAKES }, 'refused link: too many handshakes under way');
      this.#o.onBadPeer?.(host, 'too many handshakes under way');
      return void socket.destroy();
    }
    this.#handshaking.set(host, mine + 1);
    const finished = () => {
      const n = (this.#handshaking.get(host) ?? 1) - 1;
      if (n > 0) this.#handshaking.set(host, n);
      else this.#handshaking.delete(host);
    };
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    respondHandshake(socket, hello, reader, this.#handshakeOptions()).then(
      (outcome) => {
        finished();
        this.#established(socket, outcome, false);
      },
      (err: unknown) => {
        finished();
        this.#handshakeFailed(socket, host, err, 'inbound');
      },
    );
  }

  close(): void {
    this.#closed = true;
    for (const link of this.#links.values()) link.close('node stopping');
    for (const s of this.#sockets) s.destroy();
  }

  async #dial(endpoint: HostPort, key: string, expectNodeId: string | undefined): Promise<void> {
    let socket: Socket;
    try {
      socket = await this.#connect(endpoint);
    } catch (err) {
      this.#failed(key, (err as Error).message, expectNodeId);
      return;
    }
    try {
      const outcome = await initiateHandshake(socket, this.#handshakeOptions(), expectNodeId);
      this.#backoff.delete(key);
      this.#established(socket, outcome, true);
    } catch (err) {
      this.#handshakeFailed(socket, endpoint.host, err, 'outbound');
      this.#failed(key, (err as Error).message, expectNodeId);
      if (err instanceof HandshakeError && err.impostorFor) this.#o.onImpostor?.(endpoint, err.impostorFor);
    }
  }

  #connect(endpoint: HostPort): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: endpoint.host, port: endpoint.port, localAddress: this.#o.localAddress });
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect timed out after ${this.#o.connectTimeoutMs} ms`));
      }, this.#o.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new Error(err.code ?? err.message));
      });
    });
  }

  #failed(key: string, reason: string, expectNodeId: string | undefined): void {
    const before = this.#backoff.get(key);
    const delayMs = before ? Math.min(before.delayMs * 2, this.#o.retryMaxMs) : this.#o.retryMs;
    this.#backoff.set(key, { until: Date.now() + delayMs, delayMs });
    if (this.#backoff.size > 4096) this.#backoff.delete(this.#backoff.keys().next().value!);
    this.#logs.info(rejectionKey(key, reason), { endpoint: key, nodeId: expectNodeId, reason, retryInMs: delayMs }, 'link not made');
  }

  #handshakeFailed(socket: Socket, host: string, err: unknown, direction: string): void {
    socket.destroy();
    const reason = (err as Error).message;
    if (err instanceof HandshakeError && (err.strike || err.impostorFor)) {
      this.#logs.warn(rejectionKey(host, reason), { peer: `${host}:${socket.remotePort ?? 0}`, direction, reason }, 'link handshake refused');
      // (a node that is not the one announced at its address may be honest: the announcement lied)
      if (err.strike) this.#o.onBadPeer?.(host, reason);
    } else {
      this.#logs.debug(rejectionKey(host, reason), { peer: host, direction, reason }, 'link handshake ended');
    }
  }

  #established(socket: Socket, outcome: HandshakeOutcome, initiator: boolean): void {
    if (this.#closed) return void socket.destroy();
    const { peer } = outcome;
    const link = new Link({
      ...this.#o,
      socket,
      reader: outcome.reader,
      peer,
      initiator,
      send: outcome.send,
      receive: outcome.receive,
      log: this.#o.log,
      onFrame: (plaintext, l) => {
        if (this.#links.get(l.peer.nodeId) === l) this.#o.onFrame(plaintext, l);
      },
      onClose: (reason, l) => {
        if (this.#links.get(l.peer.nodeId) !== l) return;
        this.#links.delete(l.peer.nodeId);
        this.#o.log.info({ peer: l.peer.nodeId, name: l.peer.name, host: l.peer.host, reason }, 'link down');
        this.#o.onDown(l.peer, reason);
      },
    });
    const existing = this.#links.get(peer.nodeId);
    const replaced = !!existing && !existing.closed;
    if (existing && !existing.closed) {
      // both dialled: keep the link the smaller node id initiated, on both sides
      const initiatorOf = (l: Link) => (l.initiator ? this.#o.identity.nodeId : l.peer.nodeId);
      const keepNew = initiatorOf(link) < initiatorOf(existing);
      const loser = keepNew ? existing : link;
      if (!keepNew) {
        loser.close('duplicate link');
        return;
      }
      this.#links.set(peer.nodeId, link);
      loser.close('duplicate link');
    } else {
      this.#links.set(peer.nodeId, link);
    }
    this.#o.log.info({ peer: peer.nodeId, name: peer.name, host: peer.host, port: peer.port, initiator }, 'link up');
    this.#o.onUp(peer, link, replaced);
    link.receiveLines(outcome.pending);
  }

  #handshakeOptions(): HandshakeOptions {
    return { identity: this.#o.identity, psk: this.#o.psk(), maxFrameBytes: this.#o.maxFrameBytes, timeoutMs: this.#o.handshakeTimeoutMs };
  }

  #perAddress(host: string): number {
    let n = 0;
    for (const l of this.#links.values()) if (l.peer.host === host) n++;
    return n;
  }
}
