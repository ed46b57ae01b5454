// Real sockets for the tests: a plain TCP server standing in for a v1 peer, a raw client, and
// for v2 node identities, handshakes over real connections, and links with a hand-driven peer.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519KeyPair, nodeIdOf, rawPublicKey, V2, XXHandshake, type CipherState } from '@meshwork/protocol';
import { ensureIdentity, type Identity } from '@meshwork/service';
import { captureLogger, type CapturedLog } from '@meshwork/testing';
import { LineReader } from './line-reader.ts';
import { initiateHandshake, makeLinkIdentity, respondHandshake, type HandshakeOptions, type HandshakeOutcome, type LinkIdentity } from './link-handshake.ts';
import { Link, type LinkPeer, type LinkTimings } from './link.ts';
import { decodeSealedFrame, encodeSealedFrame } from './sealed-frame.ts';

export interface PlainServer {
  port: number;
  server: Server;
  /** the whole content of each connection, in the order they ended */
  received: string[];
  /** remote address of each of those connections */
  from: string[];
  open: Set<Socket>;
  maxOpen: number;
  close(): Promise<void>;
}

/** Reads each connection to its end, then closes it unless `hold` says to keep it open. */
export async function plainServer(opts: { host?: string; port?: number; hold?: (s: Socket) => boolean } = {}): Promise<PlainServer> {
  const server = createServer({ allowHalfOpen: true });
  const state: PlainServer = {
    port: 0,
    server,
    received: [],
    from: [],
    open: new Set(),
    maxOpen: 0,
    close() {
      for (const s of state.open) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (socket) => {
    state.open.add(socket);
    state.maxOpen = Math.max(state.maxOpen, state.open.size);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => {
      state.received.push(Buffer.concat(chunks).toString());
      state.from.push(socket.remoteAddress ?? '');
      if (!opts.hold?.(socket)) socket.end();
    });
    socket.on('close', () => state.open.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  state.port = (server.address() as { port: number }).port;
  return state;
}

export interface RawResult {
  /** the client's own port (what the receiver sees as the remote port) */
  localPort: number;
  /** the connection was closed by an error (reset by the receiver, for instance) */
  error?: string;
}

/** Opens one connection, writes the pieces one by one, ends it (unless keepOpen) and waits for the close. */
export function rawSend(host: string, port: number, pieces: Array<string | Uint8Array>, opts: { localAddress?: string; keepOpen?: boolean } = {}): Promise<RawResult> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, localAddress: opts.localAddress ?? '127.0.0.7', allowHalfOpen: true, noDelay: true });
    const result: RawResult = { localPort: 0 };
    socket.on('error', (err: NodeJS.ErrnoException) => (result.error = err.code ?? err.message));
    socket.on('end', () => socket.end());
    socket.on('data', () => {});
    socket.on('close', () => resolve(result));
    socket.on('connect', async () => {
      result.localPort = socket.localPort ?? 0;
      for (const piece of pieces) {
        if (socket.destroyed) return;
        await new Promise<void>((done) => socket.write(piece, () => done()));
      }
      if (!opts.keepOpen) socket.end();
    });
  });
}

export interface IdleConnection {
  socket: Socket;
  /** resolves when the connection is closed (by the receiver, most likely) */
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens a connection that sends nothing (a slow-loris), from localAddress. */
export function idleConnection(host: string, port: number, localAddress: string): Promise<IdleConnection> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, localAddress });
    let closed = false;
    const done = new Promise<void>((ended) =>
      socket.on('close', () => {
        closed = true;
        ended();
      }),
    );
    socket.on('error', () => {});
    socket.on('data', () => {});
    const result = { socket, closed: done, isClosed: () => closed };
    socket.once('connect', () => resolve(result));
    socket.once('close', () => resolve(result));
  });
}

// ---- v2: identities, handshakes and links over real connections ----

/** A data folder holding a node identity, as `mesh up` makes it at first start. */
export function tempDataDir(): { dataDir: string; identity: Identity; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'meshwork-transport-'));
  return { dataDir, identity: ensureIdentity(dataDir), remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A fresh Ed25519 node key, in memory. */
export function newNodeKey(): { nodeId: string; privateKey: KeyObject; publicKey: Buffer } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKey(privateKey);
  return { nodeId: nodeIdOf(publicKey), privateKey, publicKey };
}

/** What a node shows in its handshakes, for a new key. */
export const newLinkIdentity = (name = 'node', port = 9999): LinkIdentity => makeLinkIdentity(newNodeKey(), name, port);

export interface TcpPair {
  /** the dialling end, bound to `from` */
  client: Socket;
  /** the accepted end */
  server: Socket;
  close(): void;
}

/** Both ends of one real TCP connection from `from` to `host`. */
export async function tcpPair(host = '127.0.0.2', from = '127.0.0.7'): Promise<TcpPair> {
  const listener = createServer({ allowHalfOpen: true });
  await new Promise<void>((resolve) => listener.listen(0, host, resolve));
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve));
  const client = connect({ host, port: (listener.address() as AddressInfo).port, localAddress: from });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('error', reject);
  });
  const server = await accepted;
  listener.close();
  for (const s of [client, server]) s.on('error', () => {});
  return {
    client,
    server,
    close() {
      client.destroy();
      server.destroy();
    },
  };
}

/** The next complete lines of a connection (at least one); the rest of a line stays in `reader`. */
export function nextLines(socket: Socket, reader: LineReader): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const lines = reader.push(chunk);
      if (lines === 'oversize') done(new Error('oversize line'));
      else if (lines.length > 0) done(undefined, lines);
    };
    const onEnd = () => done(new Error('connection ended before a line'));
    const done = (err: Error | undefined, lines: Buffer[] = []) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      if (err) reject(err);
      else resolve(lines);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
  });
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

const settle = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error }));

export interface HandshakeSide {
  identity?: LinkIdentity;
  psk?: Buffer;
  maxFrameBytes?: number;
  timeoutMs?: number;
}

export interface HandshakeRun {
  pair: TcpPair;
  initiator: { identity: LinkIdentity; result: Settled<HandshakeOutcome> };
  responder: { identity: LinkIdentity; result: Settled<HandshakeOutcome>; hello: Buffer };
}

const handshakeOptions = (side: HandshakeSide, identity: LinkIdentity): HandshakeOptions => ({
  identity,
  psk: side.psk,
  maxFrameBytes: side.maxFrameBytes ?? 1024 ** 2,
  timeoutMs: side.timeoutMs ?? 2000,
});

/**
 * The v2 handshake over a real connection (127.0.0.7 dials 127.0.0.2), each side's outcome; a
 * side whose handshake fails closes the connection, as the links do.
 */
export async function runHandshake(o: { initiator?: HandshakeSide; responder?: HandshakeSide; expectNodeId?: string } = {}): Promise<HandshakeRun> {
  const pair = await tcpPair();
  const initiatorId = o.initiator?.identity ?? newLinkIdentity('Alice', 4001);
  const responderId = o.responder?.identity ?? newLinkIdentity('Bob', 4002);
  const destroyOnFailure = (socket: Socket) => (r: Settled<HandshakeOutcome>) => {
    if (!r.ok) socket.destroy();
    return r;
  };
  const initiator = settle(initiateHandshake(pair.client, handshakeOptions(o.initiator ?? {}, initiatorId), o.expectNodeId)).then(destroyOnFailure(pair.client));
  const reader = new LineReader(o.responder?.maxFrameBytes ?? 1024 ** 2);
  // (the initiator sends nothing after its hello before the answer)
  const [hello] = await nextLines(pair.server, reader);
  const responder = settle(respondHandshake(pair.server, hello!, reader, handshakeOptions(o.responder ?? {}, responderId))).then(destroyOnFailure(pair.server));
  return {
    pair,
    initiator: { identity: initiatorId, result: await initiator },
    responder: { identity: responderId, result: await responder, hello: hello! },
  };
}

/** A handshake's outcome, or the test fails with the reason it did not complete. */
export function outcomeOf(r: Settled<HandshakeOutcome>): HandshakeOutcome {
  if (!r.ok) throw new Error(`handshake failed: ${r.error.message}`);
  return r.value;
}

/** The two pairs of cipher states of a genuine handshake run in memory (no connection). */
export function cipherStates(psk?: Buffer): { initiator: { send: CipherState; receive: CipherState }; responder: { send: CipherState; receive: CipherState } } {
  const prologue = Buffer.from(V2.linkPrologue);
  const i = new XXHandshake({ initiator: true, staticKeyPair: generateX25519KeyPair(), psk, prologue });
  const r = new XXHandshake({ initiator: false, staticKeyPair: generateX25519KeyPair(), psk, prologue });
  r.readMessage(i.writeMessage());
  i.readMessage(r.writeMessage());
  r.readMessage(i.writeMessage());
  return { initiator: i.split(), responder: r.split() };
}

/**
 * One end of a link driven by hand, as a hostile or broken peer would: it seals what the test
 * says, writes any bytes, and opens what arrives (pings included).
 */
export class RawPeer {
  readonly socket: Socket;
  /** plaintexts of the frames that arrived, in order */
  readonly received: Buffer[] = [];
  /** why an arriving line could not be opened, if one could not */
  failure: string | undefined;
  readonly closed: Promise<void>;
  readonly #send: CipherState;
  readonly #receive: CipherState;
  readonly #reader: LineReader;

  constructor(socket: Socket, ciphers: { send: CipherState; receive: CipherState }, opts: { reader?: LineReader; pending?: Buffer[] } = {}) {
    this.socket = socket;
    this.#send = ciphers.send;
    this.#receive = ciphers.receive;
    this.#reader = opts.reader ?? new LineReader(16 * 1024 ** 2);
    for (const line of opts.pending ?? []) this.#open(line);
    socket.on('data', (chunk: Buffer) => {
      const lines = this.#reader.push(chunk);
      if (lines === 'oversize') this.failure ??= 'oversize line';
      else for (const line of lines) this.#open(line);
    });
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** The received plaintexts as text, pings left out. */
  get frames(): string[] {
    return this.received.map(String).filter((t) => t !== '{"type":"ping"}');
  }

  get pings(): number {
    return this.received.filter((b) => String(b) === '{"type":"ping"}').length;
  }

  /** The sealed line (newline included) of an inner frame, with the next nonce. */
  seal(frame: Buffer | object): Buffer {
    return encodeSealedFrame(this.#send.encrypt(Buffer.isBuffer(frame) ? frame : Buffer.from(JSON.stringify(frame))));
  }

  write(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve) => this.socket.write(bytes, () => resolve()));
  }

  send(frame: Buffer | object): Promise<void> {
    return this.write(this.seal(frame));
  }

  #open(line: Buffer): void {
    const frame = decodeSealedFrame(line);
    if (!frame.ok) {
      this.failure ??= frame.reason;
      return;
    }
    try {
      this.received.push(this.#receive.decrypt(frame.ciphertext));
    } catch (err) {
      this.failure ??= (err as Error).message;
    }
  }
}

export interface LinkUnderTest {
  link: Link;
  /** plaintexts handed to onFrame */
  frames: Buffer[];
  /** resolves with the reason once the link closed */
  closed: Promise<string>;
  reason(): string | undefined;
  lines: CapturedLog['lines'];
}

export const testTimings: LinkTimings = { keepaliveMs: 60_000, deadMs: 60_000, maxUnsentBytes: 8 * 1024 ** 2, stallMs: 60_000 };

/** A Link on one end of a connection whose handshake is done (or whose cipher states were made in memory). */
export function openLink(
  socket: Socket,
  ciphers: { send: CipherState; receive: CipherState; reader?: LineReader; pending?: Buffer[]; peer?: LinkPeer },
  opts: Partial<LinkTimings> & { maxFrameBytes?: number; initiator?: boolean } = {},
): LinkUnderTest {
  const { log, lines } = captureLogger('transport');
  const frames: Buffer[] = [];
  let reason: string | undefined;
  let closedWith!: (reason: string) => void;
  const closed = new Promise<string>((resolve) => (closedWith = resolve));
  const peer: LinkPeer = ciphers.peer ?? { nodeId: newNodeKey().nodeId, key: Buffer.alloc(32), name: 'peer', host: '127.0.0.7', port: 4001 };
  const link = new Link({
    ...testTimings,
    ...opts,
    socket,
    reader: ciphers.reader ?? new LineReader(opts.maxFrameBytes ?? 1024 ** 2),
    peer,
    initiator: opts.initiator ?? false,
    send: ciphers.send,
    receive: ciphers.receive,
    log,
    onFrame: (plaintext) => void frames.push(Buffer.from(plaintext)),
    onClose: (why) => {
      reason = why;
      closedWith(why);
    },
  });
  link.receiveLines(ciphers.pending ?? []);
  return { link, frames, closed, reason: () => reason, lines };
}

/** A UDP port free on every address now (for a discovery port of a test's own). */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '0.0.0.0', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}
