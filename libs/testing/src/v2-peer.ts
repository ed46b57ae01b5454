// A v2 peer for tests, built from the protocol library: an Ed25519 identity of its own, real
// Noise handshakes on either side, sealed frames both ways, keep-alive pings. It is honest by
// default and can misbehave on request: announce another node's id in discovery, send a sealed
// frame with a byte altered or a frame a second time, forge or replay signed messages.
// Also here: a node's router counters, read over its bus (what tests assert "counted" with), and
// the TCP connections between two hosts (what tests count links with).
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { readdir, readFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { connectBus } from '@meshwork/bus';
import {
  encodeIdentityPayload,
  encodeLinkFrame,
  encodeV2Announcement,
  generateX25519KeyPair,
  messageSigningBytes,
  nodeIdOf,
  parseIdentityPayload,
  parseLinkFrame,
  rawPublicKey,
  signIdentityPayload,
  signV2Message,
  subjects,
  v1IdOf,
  v1Now,
  V2,
  verifyIdentityPayload,
  XXHandshake,
  type CipherState,
  type V2Chat,
  type V2Hello,
  type X25519KeyPair,
} from '@meshwork/protocol';
import { ensureIdentity } from '@meshwork/service';
import { captureLogger } from './logs.ts';
import { assertPrivateNetwork } from './network.ts';
import type { TestNode } from './node.ts';
import { waitFor } from './wait.ts';

type Json = Record<string, unknown>;

/** Who a peer is: its Ed25519 key and the v2 node id derived from it. */
export interface V2Identity {
  nodeId: string;
  /** raw 32-byte Ed25519 public key */
  publicKey: Buffer;
  privateKey: KeyObject;
}

export function newV2Identity(): V2Identity {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = rawPublicKey(privateKey);
  return { nodeId: nodeIdOf(publicKey), publicKey, privateKey };
}

/** Makes (or reads) the identity a node started later with this data folder will have. */
export function presetNodeIdentity(dataDir: string): V2Identity {
  const { nodeId, publicKey, privateKey } = ensureIdentity(dataDir);
  return { nodeId, publicKey, privateKey };
}

/** What the other side of a link proved in its handshake. */
export interface V2LinkPeer {
  nodeId: string;
  key: Buffer;
  name: string;
  port: number;
}

export interface V2PeerOptions {
  /** loopback address it listens on and dials from */
  host: string;
  name?: string;
  identity?: V2Identity;
  /** the 32-byte network key: handshakes are then Noise_XXpsk0 */
  psk?: Buffer;
  /** a link that sent nothing for this long sends a ping; 0: never (the node then declares it dead) */
  keepaliveMs?: number;
  /** how long a handshake may take */
  handshakeTimeoutMs?: number;
}

const PROLOGUE = Buffer.from(V2.linkPrologue);

export class V2Peer implements AsyncDisposable {
  readonly identity: V2Identity;
  readonly host: string;
  readonly name: string;
  /** every link made, inbound and outbound, in order */
  readonly links: V2TestLink[] = [];
  /** why handshakes failed, inbound and outbound */
  readonly refused: string[] = [];
  /** inbound TCP connections accepted so far */
  inbound = 0;
  readonly #o: V2PeerOptions;
  readonly #static: X25519KeyPair = generateX25519KeyPair();
  #tcp?: Server;
  #udp?: UdpSocket;
  readonly #sockets = new Set<Socket>();

  constructor(opts: V2PeerOptions) {
    assertPrivateNetwork(opts.host);
    this.#o = opts;
    this.host = opts.host;
    this.name = opts.name ?? 'V2-Peer';
    this.identity = opts.identity ?? newV2Identity();
  }

  get nodeId(): string {
    return this.identity.nodeId;
  }

  /** its TCP port (after start) */
  get port(): number {
    const address = this.#tcp?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** its UDP port (after start): where replies to its announcements come */
  get udpPort(): number {
    return this.#udp?.address().port ?? 0;
  }

  /** Listens for links (TCP, any free port) and binds its discovery socket. */
  async start(): Promise<void> {
    this.#tcp = createServer((socket) => {
      this.inbound++;
      this.#track(socket);
      this.#handshake(socket, false).catch((err: Error) => this.#failed(socket, err));
    });
    await new Promise<void>((resolve, reject) => {
      this.#tcp!.once('error', reject);
      this.#tcp!.listen(0, this.host, resolve);
    });
    this.#udp = createSocket({ type: 'udp4' });
    this.#udp.on('message', () => {});
    await new Promise<void>((resolve) => this.#udp!.bind(0, this.host, resolve));
  }

  /**
   * Sends one v2 discovery datagram to (host, port): this peer's own identity, or the one given in
   * `claim` (a lie: the datagram is well formed, but a handshake proves this peer's own key).
   */
  announce(host: string, port: number = V2.discoveryPort, claim?: { nodeId: string; publicKey: Buffer; name?: string }): void {
    assertPrivateNetwork(host);
    const who = claim ?? this.identity;
    const datagram = encodeV2Announcement({
      type: 'discovery',
      node_id: v1IdOf(who.nodeId),
      node_name: claim?.name ?? this.name,
      ip: this.host,
      port: this.port,
      timestamp: v1Now(),
      v: 2,
      id: who.nodeId,
      key: who.publicKey.toString('base64'),
      dialects: ['v1', 'v2'],
      discovery_port: this.udpPort,
    });
    this.#udp?.send(datagram, port, host);
  }

  /** Dials a node and runs the handshake as initiator; rejects with the reason it failed. */
  async dial(host: string, port: number): Promise<V2TestLink> {
    assertPrivateNetwork(host);
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host, port, localAddress: this.host }, () => resolve(s));
      s.once('error', reject);
    });
    this.#track(socket);
    try {
      return await this.#handshake(socket, true);
    } catch (err) {
      this.#failed(socket, err as Error);
      throw err;
    }
  }

  /** A chat of this peer's own, signed with its key. */
  chat(text: string, fields: Partial<V2Chat> = {}): V2Chat {
    const unsigned: V2Chat = { type: 'chat', message_id: randomUUID(), sender_id: this.nodeId, sender_name: this.name, timestamp: v1Now(), content: text, hop_limit: V2.defaultHopLimit, hops: 0, ...fields };
    return signV2Message(unsigned, this.identity.privateKey);
  }

  /**
   * A chat that claims to come from `sender` (its sender_id and name), carrying origin_key
   * `originKey` (default: this peer's) but always signed with this peer's own key: a forgery.
   */
  forgedChat(text: string, sender: { nodeId: string; name: string }, originKey: Buffer = this.identity.publicKey): V2Chat {
    const unsigned: V2Chat = { type: 'chat', message_id: randomUUID(), sender_id: sender.nodeId, sender_name: sender.name, timestamp: v1Now(), content: text, hop_limit: V2.defaultHopLimit, hops: 0, origin_key: originKey.toString('base64') };
    return { ...unsigned, signature: sign(null, messageSigningBytes(unsigned), this.identity.privateKey).toString('base64') };
  }

  async stop(): Promise<void> {
    for (const link of this.links) link.close();
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => (this.#udp ? this.#udp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.#tcp ? this.#tcp.close(() => resolve()) : resolve()));
  }

  [Symbol.asyncDispose] = () => this.stop();

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    socket.on('error', () => {});
  }

  #failed(socket: Socket, err: Error): void {
    this.refused.push(err.message);
    socket.destroy();
  }

  async #handshake(socket: Socket, initiator: boolean): Promise<V2TestLink> {
    const hs = new XXHandshake({ initiator, staticKeyPair: this.#static, psk: this.#o.psk, prologue: PROLOGUE });
    const lines = new LineQueue(socket, this.#o.handshakeTimeoutMs ?? 5000);
    const payload = encodeIdentityPayload(signIdentityPayload(this.identity.privateKey, this.#static.publicKey, { name: this.name, port: this.port }));
    const handshakeData = async (): Promise<Buffer> => {
      const frame = parseLinkFrame(await lines.next());
      if (!frame.ok) throw new Error(`bad handshake frame: ${frame.reason}`);
      if (frame.value.type !== 'handshake') throw new Error(`expected a handshake frame, got ${frame.value.type}`);
      return Buffer.from(frame.value.d, 'base64');
    };
    let peerPayload: Buffer;
    try {
      if (initiator) {
        socket.write(encodeLinkFrame({ type: 'hello', v: 2, protocol: hs.protocolName as V2Hello['protocol'], d: hs.writeMessage().toString('base64') }));
        peerPayload = hs.readMessage(await handshakeData());
        socket.write(encodeLinkFrame({ type: 'handshake', d: hs.writeMessage(payload).toString('base64') }));
      } else {
        const hello = parseLinkFrame(await lines.next());
        if (!hello.ok || hello.value.type !== 'hello') throw new Error(`bad hello: ${hello.ok ? hello.value.type : hello.reason}`);
        hs.readMessage(Buffer.from(hello.value.d, 'base64'));
        socket.write(encodeLinkFrame({ type: 'handshake', d: hs.writeMessage(payload).toString('base64') }));
        peerPayload = hs.readMessage(await handshakeData());
      }
    } finally {
      lines.detach();
    }
    const identity = parseIdentityPayload(peerPayload);
    if (!identity.ok) throw new Error(`bad identity payload: ${identity.reason}`);
    const proven = verifyIdentityPayload(identity.value, hs.remoteStaticKey ?? Buffer.alloc(0));
    if (!proven.ok) throw new Error(proven.reason);
    const peer: V2LinkPeer = { nodeId: proven.nodeId, key: Buffer.from(identity.value.key, 'base64'), name: identity.value.name, port: identity.value.port };
    const link = new V2TestLink(socket, peer, initiator, hs.split(), this.#o.keepaliveMs ?? 1000, lines.rest());
    this.links.push(link);
    link.start();
    return link;
  }
}

/** One link of a V2Peer, after its handshake. */
export class V2TestLink {
  readonly peer: V2LinkPeer;
  readonly initiator: boolean;
  /** every inner frame received but pings, as JSON objects */
  readonly received: Json[] = [];
  /** why it ended (a close frame's reason, or how the connection ended); undefined while open */
  closeReason: string | undefined;
  readonly #socket: Socket;
  readonly #send: CipherState;
  readonly #receive: CipherState;
  readonly #keepalive: NodeJS.Timeout | undefined;
  /** what came with the end of the handshake, taken by start() */
  readonly #pending: { lines: Buffer[]; partial: Buffer };
  #lastSent = Date.now();
  #partial = Buffer.alloc(0);

  constructor(socket: Socket, peer: V2LinkPeer, initiator: boolean, ciphers: { send: CipherState; receive: CipherState }, keepaliveMs: number, pending: { lines: Buffer[]; partial: Buffer }) {
    this.#socket = socket;
    this.peer = peer;
    this.initiator = initiator;
    this.#send = ciphers.send;
    this.#receive = ciphers.receive;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.once('close', () => this.#ended('connection closed'));
    if (keepaliveMs > 0) {
      this.#keepalive = setInterval(() => {
        if (Date.now() - this.#lastSent >= keepaliveMs) this.send({ type: 'ping' });
      }, Math.max(50, keepaliveMs / 4)).unref();
    }
    this.#pending = pending;
  }

  /** Reads what came with the end of the handshake (after V2Peer listed the link). */
  start(): void {
    for (const line of this.#pending.lines) this.#onLine(line);
    this.#onData(this.#pending.partial);
  }

  get closed(): boolean {
    return this.closeReason !== undefined;
  }

  /** Seals an inner frame and writes it. */
  send(frame: Json): void {
    this.writeRaw(this.seal(frame));
  }

  /** The line of a sealed frame (newline included), not written: it uses up a nonce all the same. */
  seal(frame: Json): Buffer {
    return encodeLinkFrame({ type: 'sealed', d: this.#send.encrypt(Buffer.from(JSON.stringify(frame))).toString('base64') });
  }

  /** A sealed frame whose ciphertext has one byte altered (the middle one, xor 1). */
  sealAltered(frame: Json): Buffer {
    const ciphertext = this.#send.encrypt(Buffer.from(JSON.stringify(frame)));
    ciphertext[ciphertext.length >> 1]! ^= 0x01;
    return encodeLinkFrame({ type: 'sealed', d: ciphertext.toString('base64') });
  }

  /** Writes bytes as they are (a frame sealed earlier, say). */
  writeRaw(bytes: Buffer): void {
    if (this.#socket.destroyed) return;
    this.#lastSent = Date.now();
    this.#socket.write(bytes);
  }

  /** The chat frames received, in order (a chat relayed twice is there twice). */
  chats(): Json[] {
    return this.received.filter((f) => f.type === 'chat');
  }

  /** Resolves once the node ended the link, with the reason this side saw. */
  async waitClosed(timeoutMs = 10_000): Promise<string> {
    return waitFor(() => this.closeReason, { what: `the link to ${this.peer.name} to end`, timeoutMs });
  }

  close(): void {
    this.#ended('closed by the test peer');
    this.#socket.destroy();
  }

  #ended(reason: string): void {
    clearInterval(this.#keepalive);
    this.closeReason ??= reason;
  }

  #onData(chunk: Buffer): void {
    let data = this.#partial.byteLength > 0 ? Buffer.concat([this.#partial, chunk]) : chunk;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10)) {
      this.#onLine(data.subarray(0, nl));
      data = data.subarray(nl + 1);
    }
    this.#partial = Buffer.from(data);
  }

  #onLine(line: Buffer): void {
    if (this.closed) return;
    const frame = parseLinkFrame(line);
    if (!frame.ok || frame.value.type !== 'sealed') return this.#fail(`bad frame from the node: ${frame.ok ? frame.value.type : frame.reason}`);
    let plaintext: Buffer;
    try {
      plaintext = this.#receive.decrypt(Buffer.from(frame.value.d, 'base64'));
    } catch (err) {
      return this.#fail(`a frame from the node failed to open: ${(err as Error).message}`);
    }
    let inner: Json;
    try {
      inner = JSON.parse(plaintext.toString('utf8')) as Json;
    } catch {
      return this.#fail('an inner frame from the node is not JSON');
    }
    if (inner.type === 'ping') return;
    if (inner.type === 'close') return this.#fail(`closed by the node: ${String(inner.reason)}`);
    this.received.push(inner);
  }

  #fail(reason: string): void {
    this.#ended(reason);
    this.#socket.destroy();
  }
}

/** The lines of a connection while a handshake runs, with one deadline for all of them. */
class LineQueue {
  readonly #socket: Socket;
  readonly #lines: Buffer[] = [];
  #partial = Buffer.alloc(0);
  #failure: Error | undefined;
  #waiter: (() => void) | undefined;
  readonly #timer: NodeJS.Timeout;
  readonly #onData = (chunk: Buffer) => {
    let data = this.#partial.byteLength > 0 ? Buffer.concat([this.#partial, chunk]) : chunk;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10)) {
      this.#lines.push(Buffer.from(data.subarray(0, nl)));
      data = data.subarray(nl + 1);
    }
    this.#partial = Buffer.from(data);
    if (this.#partial.byteLength > V2.maxFrameBytes) this.#fail(new Error('handshake frame too long'));
    this.#waiter?.();
  };
  readonly #onClose = () => this.#fail(new Error('the node closed the connection during the handshake'));

  constructor(socket: Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timer = setTimeout(() => this.#fail(new Error(`handshake not done within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', this.#onData);
    socket.on('close', this.#onClose);
  }

  async next(): Promise<Buffer> {
    for (;;) {
      const line = this.#lines.shift();
      if (line) return line;
      if (this.#failure) throw this.#failure;
      await new Promise<void>((resolve) => (this.#waiter = resolve));
    }
  }

  /** what came after the handshake's last line: whole lines, and the start of the next one */
  rest(): { lines: Buffer[]; partial: Buffer } {
    return { lines: this.#lines.splice(0), partial: this.#partial };
  }

  detach(): void {
    clearTimeout(this.#timer);
    this.#socket.off('data', this.#onData);
    this.#socket.off('close', this.#onClose);
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    this.#waiter?.();
  }
}

/** What a node's router has counted since it started: messages dropped by reason, received, relayed. */
export interface RouterCounters {
  dropped: Record<string, number>;
  received: number;
  relayed: number;
}

/** Asks a running node's router for its counters over the node's own bus (its token and port are in its run folder). */
export async function routerCounters(node: TestNode): Promise<RouterCounters> {
  const natsDir = join(node.dataDir, 'run', 'nats');
  const conf = await readFile(join(natsDir, 'nats.conf'), 'utf8');
  const token = /token:\s*"([^"]+)"/.exec(conf)?.[1];
  const pid = (await node.state()).services['nats-server'];
  const portsFile = (await readdir(natsDir)).find((f) => f === `nats-server_${pid}.ports`);
  if (!token || !portsFile) throw new Error(`${node.name}: no bus token or ports file of nats-server ${pid} in ${natsDir}`);
  const url = (JSON.parse(await readFile(join(natsDir, portsFile), 'utf8')) as { nats?: string[] }).nats?.[0];
  if (!url) throw new Error(`${node.name}: no bus address in ${portsFile}`);
  const bus = await connectBus({ url, token, name: 'test', log: captureLogger('test').log });
  try {
    const stats = await bus.request(subjects.routerStats, {}, 5000);
    const dropped: Record<string, number> = {};
    for (const [reason, n] of Object.entries(stats.dropped ?? {})) dropped[reason] = Number(n);
    return { dropped, received: Number(stats.received ?? 0), relayed: Number(stats.relayed ?? 0) };
  } finally {
    await bus.close();
  }
}

/** One end of a TCP connection: its address, the other end's, and the process holding it. */
export interface TcpEnd {
  local: string;
  peer: string;
  pid: number | undefined;
}

/**
 * The established TCP connections between two hosts in this network namespace, as `ss -tnp`
 * shows them, by "ADDR:PORT <-> ADDR:PORT"; on loopback both ends of each are listed.
 */
export function tcpConnectionsBetween(x: string, y: string): Map<string, TcpEnd[]> {
  const out = new Map<string, TcpEnd[]>();
  const text = execFileSync('ss', ['-tnpH', 'state', 'established'], { encoding: 'utf8' });
  const pair = [x, y].sort().join(' ');
  for (const line of text.split('\n')) {
    const [, , local, peer, users] = line.trim().split(/\s+/);
    if (!local || !peer) continue;
    if ([local, peer].map((e) => e.slice(0, e.lastIndexOf(':'))).sort().join(' ') !== pair) continue;
    const key = [local, peer].sort().join(' <-> ');
    const pid = /pid=(\d+)/.exec(users ?? '')?.[1];
    out.set(key, [...(out.get(key) ?? []), { local, peer, pid: pid === undefined ? undefined : Number(pid) }]);
  }
  return out;
}
