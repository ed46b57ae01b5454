// The v2 link handshake (docs/protocol.md): Noise XX (XXpsk0 with a network password) in three
// clear frames, each side's identity payload (its Ed25519 key and a signature binding it to its
// Noise static key) in messages 2 and 3. Either side gives up with a reason on any failure or
// after timeoutMs; the caller logs it and closes the connection.
import type { KeyObject } from 'node:crypto';
import type { Socket } from 'node:net';
import {
  encodeIdentityPayload,
  generateX25519KeyPair,
  parseIdentityPayload,
  parseLinkFrame,
  signIdentityPayload,
  V2,
  verifyIdentityPayload,
  XXHandshake,
  type CipherState,
  type IdentityPayload,
  type X25519KeyPair,
} from '@meshwork/protocol';
import { stripV4Mapped } from './addresses.ts';
import { LineReader } from './line-reader.ts';
import type { LinkPeer } from './link.ts';

/** What this node shows in its handshakes; made once per process (a new Noise static key each start). */
export interface LinkIdentity {
  nodeId: string;
  staticKeyPair: X25519KeyPair;
  /** its Ed25519 key, its signature of the static key, its name and TCP port */
  payload: IdentityPayload;
}

/** name and port: this node's, as its handshakes tell them */
export function makeLinkIdentity(id: { nodeId: string; privateKey: KeyObject }, name: string, port: number): LinkIdentity {
  const staticKeyPair = generateX25519KeyPair();
  return { nodeId: id.nodeId, staticKeyPair, payload: signIdentityPayload(id.privateKey, staticKeyPair.publicKey, { name, port }) };
}

export interface HandshakeOptions {
  identity: LinkIdentity;
  /** the network key (32 bytes) when the node has a password */
  psk: Buffer | undefined;
  maxFrameBytes: number;
  timeoutMs: number;
}

export interface HandshakeOutcome {
  peer: LinkPeer;
  send: CipherState;
  receive: CipherState;
  reader: LineReader;
  /** lines that came right after the handshake */
  pending: Buffer[];
}

export class HandshakeError extends Error {
  /** a fault of the peer's (counts against its address), not a plain disconnect */
  readonly strike: boolean;
  /** the node id announced at the dialled endpoint, when another node answered there */
  readonly impostorFor: string | undefined;
  constructor(message: string, strike = true, impostorFor?: string) {
    super(message);
    this.strike = strike;
    this.impostorFor = impostorFor;
  }
}

const prologue = Buffer.from(V2.linkPrologue);
/** longest line taken before a handshake is done: its three frames are a few hundred bytes */
export const HANDSHAKE_LINE_BYTES = 16 * 1024;

/** Dials side: hello, read message 2 (the responder proves its id), message 3. */
export async function initiateHandshake(socket: Socket, opts: HandshakeOptions, expectNodeId?: string): Promise<HandshakeOutcome> {
  const hs = new XXHandshake({ initiator: true, staticKeyPair: opts.identity.staticKeyPair, psk: opts.psk, prologue });
  const lines = new HandshakeLines(socket, opts, new LineReader(HANDSHAKE_LINE_BYTES));
  try {
    writeLine(socket, { type: 'hello', v: 2, protocol: hs.protocolName, d: hs.writeMessage().toString('base64') });
    const message2 = await lines.next();
    const payload = noise(() => hs.readMessage(handshakeData(message2)), opts.psk);
    const peer = checkIdentity(payload, hs.remoteStaticKey, socket);
    if (expectNodeId && peer.nodeId !== expectNodeId) throw new HandshakeError(`the node at ${peer.host} is ${peer.nodeId}, not ${expectNodeId} as announced`, false, expectNodeId);
    if (peer.nodeId === opts.identity.nodeId) throw new HandshakeError('dialled this node itself', false);
    writeLine(socket, { type: 'handshake', d: hs.writeMessage(identityPayload(opts.identity)).toString('base64') });
    const { send, receive } = hs.split();
    return { peer, send, receive, ...done(lines, opts) };
  } finally {
    lines.detach();
  }
}

/** The link's reader takes frames up to the full bound from now on. */
function done(lines: HandshakeLines, opts: HandshakeOptions): { reader: LineReader; pending: Buffer[] } {
  const rest = lines.detach();
  rest.reader.maxLineBytes = opts.maxFrameBytes;
  return rest;
}

/** Listening side, given the hello line: message 2 with this node's id, then read message 3. */
export async function respondHandshake(socket: Socket, hello: Buffer, reader: LineReader, opts: HandshakeOptions): Promise<HandshakeOutcome> {
  const hs = new XXHandshake({ initiator: false, staticKeyPair: opts.identity.staticKeyPair, psk: opts.psk, prologue });
  const lines = new HandshakeLines(socket, opts, reader);
  try {
    const frame = parseLinkFrame(hello);
    if (!frame.ok || frame.value.type !== 'hello') throw new HandshakeError(`bad hello: ${frame.ok ? `a ${frame.value.type} frame` : frame.reason}`);
    if (frame.value.protocol !== hs.protocolName) {
      const theirs = frame.value.protocol.includes('psk') ? 'has a network password and this node has none' : 'has no network password and this node has one';
      throw new HandshakeError(`the peer ${hs.protocolName.includes('psk') || frame.value.protocol.includes('psk') ? theirs : `speaks ${frame.value.protocol.slice(0, 64)}`}`);
    }
    noise(() => hs.readMessage(Buffer.from(frame.value.d, 'base64')), opts.psk);
    writeLine(socket, { type: 'handshake', d: hs.writeMessage(identityPayload(opts.identity)).toString('base64') });
    // message 3 may come with the link's first sealed frames, of any size
    reader.maxLineBytes = opts.maxFrameBytes;
    const message3 = await lines.next();
    if (message3.byteLength > HANDSHAKE_LINE_BYTES) throw new HandshakeError(`handshake frame over ${HANDSHAKE_LINE_BYTES} bytes`);
    const payload = noise(() => hs.readMessage(handshakeData(message3)), opts.psk);
    const peer = checkIdentity(payload, hs.remoteStaticKey, socket);
    if (peer.nodeId === opts.identity.nodeId) throw new HandshakeError('a connection from this node itself', false);
    const { send, receive } = hs.split();
    return { peer, send, receive, ...done(lines, opts) };
  } finally {
    lines.detach();
  }
}

const identityPayload = (id: LinkIdentity): Buffer => encodeIdentityPayload(id.payload);

function checkIdentity(payload: Buffer, remoteStatic: Buffer | undefined, socket: Socket): LinkPeer {
  const parsed = parseIdentityPayload(payload);
  if (!parsed.ok) throw new HandshakeError(`bad identity payload: ${parsed.reason}`);
  if (!remoteStatic) throw new HandshakeError('no static key in the handshake');
  const checked = verifyIdentityPayload(parsed.value, remoteStatic);
  if (!checked.ok) throw new HandshakeError(checked.reason);
  return { nodeId: checked.nodeId, key: Buffer.from(parsed.value.key, 'base64'), name: parsed.value.name, host: stripV4Mapped(socket.remoteAddress ?? ''), port: parsed.value.port };
}

function handshakeData(line: Buffer): Buffer {
  const frame = parseLinkFrame(line);
  if (!frame.ok) throw new HandshakeError(`bad handshake frame: ${frame.reason}`);
  if (frame.value.type !== 'handshake') throw new HandshakeError(`expected a handshake frame, got ${frame.value.type}`);
  return Buffer.from(frame.value.d, 'base64');
}

/** Runs a Noise step; its failure is the peer's (with a password: most likely a different one). */
function noise<T>(step: () => T, psk: Buffer | undefined): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof HandshakeError) throw err;
    throw new HandshakeError(`handshake failed: ${(err as Error).message}${psk ? ' (a different network password, or network salt?)' : ''}`);
  }
}

function writeLine(socket: Socket, frame: object): void {
  socket.write(`${JSON.stringify(frame)}\n`);
}

/** Lines of the connection while the handshake runs, with one deadline for the whole handshake. */
class HandshakeLines {
  #queue: Buffer[] = [];
  #waiter: { resolve(line: Buffer): void; reject(err: Error): void } | undefined;
  #failure: HandshakeError | undefined;
  #timer: NodeJS.Timeout;
  #detached = false;
  readonly #socket: Socket;
  readonly #reader: LineReader;
  readonly #onData = (chunk: Buffer) => {
    const lines = this.#reader.push(chunk);
    if (lines === 'oversize') return this.#fail(new HandshakeError(`handshake frame over ${this.#reader.maxLineBytes} bytes`));
    this.#queue.push(...lines);
    this.#wake();
  };
  readonly #onEnd = () => this.#fail(new HandshakeError('the peer closed the connection during the handshake', false));
  readonly #onError = (err: NodeJS.ErrnoException) => this.#fail(new HandshakeError(`connection error during the handshake: ${err.code ?? err.message}`, false));

  constructor(socket: Socket, opts: HandshakeOptions, reader: LineReader) {
    this.#socket = socket;
    this.#reader = reader;
    this.#timer = setTimeout(() => this.#fail(new HandshakeError(`handshake not done within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('close', this.#onEnd);
    socket.on('error', this.#onError);
  }

  next(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
      this.#wake();
    });
  }

  /** Stops listening; what arrived after the last line taken goes to the link. */
  detach(): { reader: LineReader; pending: Buffer[] } {
    if (!this.#detached) {
      this.#detached = true;
      clearTimeout(this.#timer);
      this.#socket.off('data', this.#onData);
      this.#socket.off('end', this.#onEnd);
      this.#socket.off('close', this.#onEnd);
      this.#socket.off('error', this.#onError);
    }
    return { reader: this.#reader, pending: this.#queue.splice(0) };
  }

  #fail(err: HandshakeError): void {
    this.#failure ??= err;
    this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    if (!waiter) return;
    if (this.#queue.length > 0) {
      this.#waiter = undefined;
      waiter.resolve(this.#queue.shift()!);
    } else if (this.#failure) {
      this.#waiter = undefined;
      waiter.reject(this.#failure);
    }
  }
}
