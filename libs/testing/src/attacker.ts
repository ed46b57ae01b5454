// A hostile host on the LAN, written from the outside (issue 5, "Tests"): it binds loopback
// addresses of its own and attacks a node through its discovery port (UDP, TCP port + 1) and
// its TCP listener, one method per attack, counting what it sent. A Witness counts what
// reaches one address: on the attacker's own addresses, what a node sends back to it; on a
// third address that was never a real peer, what a node can be made to send toward someone else.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { api } from '@meshwork/protocol';
import { assertPrivateNetwork } from './network.ts';
import type { MeshResult, TestNode } from './node.ts';
import { freePort } from './ports.ts';

/** A node's TCP endpoint; its v1 discovery port is port + 1. */
export interface Endpoint {
  host: string;
  port: number;
}

export interface Tally {
  datagrams: number;
  datagramBytes: number;
  connections: number;
  tcpBytes: number;
}

export const emptyTally = (): Tally => ({ datagrams: 0, datagramBytes: 0, connections: 0, tcpBytes: 0 });

export function addTallies(...tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.datagrams += t.datagrams;
    sum.datagramBytes += t.datagramBytes;
    sum.connections += t.connections;
    sum.tcpBytes += t.tcpBytes;
  }
  return sum;
}

export interface WitnessOptions {
  /** TCP port (default: a free one whose + 1 is free for UDP); UDP listens on port + 1 */
  port?: number;
  /** false: no TCP listener, so connections toward it are refused (still counted by nobody) */
  tcp?: boolean;
}

/**
 * Counts every datagram (UDP port + 1) and every TCP connection (port) that reaches one
 * address, by source IP. A TCP connection is read to its end and then closed, as a v1 peer does.
 */
export class Witness implements AsyncDisposable {
  readonly received = emptyTally();
  readonly #bySource = new Map<string, Tally>();
  readonly #sockets = new Set<Socket>();
  #tcp?: Server;
  #udp?: UdpSocket;

  private constructor(readonly host: string, readonly port: number) {}

  static async open(host: string, options: WitnessOptions = {}): Promise<Witness> {
    assertPrivateNetwork(host);
    const witness = new Witness(host, options.port ?? (await freePort(host)));
    try {
      await witness.#listen(options.tcp ?? true);
    } catch (err) {
      await witness.close();
      throw err;
    }
    return witness;
  }

  get endpoint(): Endpoint {
    return { host: this.host, port: this.port };
  }

  /** What reached this address from one source IP. */
  from(ip: string): Tally {
    return { ...(this.#bySource.get(ip) ?? emptyTally()) };
  }

  /** Source IPs heard from. */
  sources(): string[] {
    return [...this.#bySource.keys()];
  }

  /**
   * Sends a datagram from this address's UDP socket: what a LAN host forging this address as
   * the IP source would send (the node cannot tell it from the address's own traffic).
   */
  forge(payload: Buffer | string, to: Endpoint): Promise<void> {
    return sendDatagram(this.#udp!, payload, to);
  }

  async #listen(tcp: boolean): Promise<void> {
    if (tcp) {
      this.#tcp = createServer((socket) => {
        this.#sockets.add(socket);
        const source = this.#source(socket.remoteAddress);
        this.received.connections++;
        source.connections++;
        socket.on('data', (data) => {
          this.received.tcpBytes += data.length;
          source.tcpBytes += data.length;
        });
        socket.on('end', () => socket.end());
        socket.on('error', () => {});
        socket.on('close', () => this.#sockets.delete(socket));
      });
      await new Promise<void>((resolve, reject) => {
        this.#tcp!.once('error', reject);
        this.#tcp!.listen(this.port, this.host, () => resolve());
      });
    }
    this.#udp = createSocket('udp4');
    this.#udp.on('message', (data, rinfo) => {
      const source = this.#source(rinfo.address);
      this.received.datagrams++;
      this.received.datagramBytes += data.length;
      source.datagrams++;
      source.datagramBytes += data.length;
    });
    this.#udp.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      this.#udp!.once('error', reject);
      this.#udp!.bind(this.port + 1, this.host, () => resolve());
    });
  }

  #source(address: string | undefined): Tally {
    const ip = (address ?? '?').replace(/^::ffff:/, '');
    let tally = this.#bySource.get(ip);
    if (!tally) this.#bySource.set(ip, (tally = emptyTally()));
    return tally;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.#udp ? this.#udp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.#tcp?.listening ? this.#tcp.close(() => resolve()) : resolve()));
  }

  [Symbol.asyncDispose] = () => this.close();
}

// ---------------------------------------------------------------------------------------------
// Frames

const randomNodeId = (): string => randomBytes(4).toString('hex');
const randomInt = (below: number): number => Math.floor(Math.random() * below);

/** A v1 discovery datagram (WIRE.md), as the original app sends it. */
export function discoveryDatagram(nodeId: string, name: string, ip: string, port: number): string {
  return JSON.stringify({ type: 'discovery', node_id: nodeId, node_name: name, ip, port, timestamp: Date.now() / 1000 });
}

/** A well-formed v1 chat. */
export function chatMessage(content: string, senderId = randomNodeId()): Record<string, unknown> {
  return { type: 'chat', message_id: randomUUID(), sender_id: senderId, sender_name: 'Mallory', timestamp: Date.now() / 1000, content };
}

/** Marks every frame's content the attacker makes up, so a test can look for it in a node's history. */
export const MALLORY = 'mallory';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** Byte strings that are no valid v1 TCP message, by kind; i varies the frame within a kind. */
export const MALFORMED_TCP = {
  'empty connection': () => Buffer.alloc(0),
  garbage: () => randomBytes(64 + randomInt(448)),
  'truncated JSON': () => {
    const text = JSON.stringify(chatMessage(`${MALLORY}-truncated`));
    return bytes(text.slice(0, 1 + randomInt(text.length - 2)));
  },
  'wrong types': (i: number) =>
    bytes(JSON.stringify(pick([
      { ...chatMessage(MALLORY), message_id: 42 },
      { ...chatMessage(MALLORY), content: { text: MALLORY } },
      { ...chatMessage(MALLORY), sender_id: null },
      { ...chatMessage(MALLORY), timestamp: 'yesterday' },
      { ...chatMessage(MALLORY), type: 7 },
      { ...fileChunk({ fileBytes: 10, index: 0, data: Buffer.from(MALLORY) }), chunk_data: 12345 },
      { ...fileChunk({ fileBytes: 10, index: 0, data: Buffer.from(MALLORY) }), file_metadata: 'x' },
    ], i))),
  'unknown type': (i: number) => bytes(JSON.stringify({ ...chatMessage(MALLORY), type: pick(['peer_list', 'file_request', 'discovery', 'hello', 'CHAT'], i) })),
  'not an object': (i: number) => bytes(pick(['[]', 'null', '42', '"chat"', 'true', '[{"type":"chat"}]'], i)),
  // ~60 KB of nesting: under the 64 KiB frame limit, so the parser itself meets it
  'deep nesting': () => bytes(`{"type":"chat","message_id":"${randomUUID()}","sender_id":"deadbeef","sender_name":"Mallory","timestamp":1,"content":${'['.repeat(30_000)}${']'.repeat(30_000)}}`),
  'huge numbers': (i: number) => {
    const chat = JSON.stringify(chatMessage(`${MALLORY}-huge`));
    const chunk = JSON.stringify(fileChunk({ fileBytes: 10, index: 0, data: Buffer.from(MALLORY) }));
    return bytes(pick([
      chat.replace(/"timestamp":[^,]+/, '"timestamp":1e999'),
      chunk.replace(/"chunk_index":0/, '"chunk_index":1e308'),
      chunk.replace(/"chunk_index":0/, '"chunk_index":-9007199254740993'),
      chunk.replace(/"file_size":\d+/, '"file_size":1e308').replace(/"total_chunks":\d+/, '"total_chunks":1e308'),
    ], i));
  },
  'invalid UTF-8': () => {
    const text = JSON.stringify(chatMessage(`${MALLORY}-utf8-`));
    const at = text.indexOf(`${MALLORY}-utf8-`) + `${MALLORY}-utf8-`.length;
    return Buffer.concat([bytes(text.slice(0, at)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), bytes(text.slice(at))]);
  },
  // a valid chat only through the prototype: no own "type" field
  'prototype keys': (i: number) =>
    bytes(pick([
      `{"__proto__":${JSON.stringify(chatMessage(`${MALLORY}-proto`))}}`,
      `{"constructor":{"prototype":${JSON.stringify(chatMessage(`${MALLORY}-proto`))}},"__proto__":{"type":"chat"}}`,
    ], i)),
  oversize: () => bytes(JSON.stringify(chatMessage(`${MALLORY}-oversize-${'x'.repeat(200_000)}`))),
} satisfies Record<string, (i: number) => Buffer>;

/** Datagrams that are no valid v1 discovery announcement, by kind. */
export const MALFORMED_UDP = {
  'empty datagram': () => Buffer.alloc(0),
  garbage: () => randomBytes(16 + randomInt(400)),
  'truncated JSON': () => {
    const text = discoveryDatagram(randomNodeId(), MALLORY, '127.0.0.1', 9999);
    return bytes(text.slice(0, 1 + randomInt(text.length - 2)));
  },
  'wrong types': (i: number) =>
    bytes(pick([
      { type: 'discovery', node_id: 5, node_name: MALLORY, ip: '127.0.0.1', port: 9999, timestamp: 1 },
      { type: 'discovery', node_id: randomNodeId(), node_name: MALLORY, ip: 42, port: 9999, timestamp: 1 },
      { type: 'discovery', node_id: randomNodeId(), node_name: MALLORY, ip: '127.0.0.1', port: '9999', timestamp: 1 },
      { type: 'discovery', node_id: randomNodeId(), node_name: ['x'], ip: '127.0.0.1', port: 9999, timestamp: 'now' },
    ].map((d) => JSON.stringify(d)), i)),
  'unknown type': (i: number) => bytes(JSON.stringify({ ...JSON.parse(discoveryDatagram(randomNodeId(), MALLORY, '127.0.0.1', 9999)), type: pick(['chat', 'peer_list', 'hello'], i) })),
  'not an object': (i: number) => bytes(pick(['[]', 'null', '42', '"discovery"'], i)),
  'deep nesting': () => bytes(`{"type":"discovery","node_id":${'['.repeat(480)}${']'.repeat(480)}}`),
  'huge numbers': (i: number) => {
    const d = discoveryDatagram(randomNodeId(), MALLORY, '127.0.0.1', 9999);
    return bytes(pick([d.replace('"port":9999', '"port":1e308'), d.replace('"port":9999', '"port":70000'), d.replace(/"timestamp":[^}]+/, '"timestamp":1e999')], i));
  },
  'invalid UTF-8': () => {
    const text = discoveryDatagram(randomNodeId(), `${MALLORY}-utf8-`, '127.0.0.1', 9999);
    const at = text.indexOf('-utf8-') + 6;
    return Buffer.concat([bytes(text.slice(0, at)), Buffer.from([0xff, 0xc3, 0x28]), bytes(text.slice(at))]);
  },
  'prototype keys': () => bytes(`{"__proto__":${discoveryDatagram(randomNodeId(), MALLORY, '127.0.0.1', 9999)}}`),
  oversize: () => bytes(discoveryDatagram(randomNodeId(), `${MALLORY}-${'x'.repeat(2000)}`, '127.0.0.1', 9999)),
} satisfies Record<string, (i: number) => Buffer>;

export type MalformedTcpKind = keyof typeof MALFORMED_TCP;
export type MalformedUdpKind = keyof typeof MALFORMED_UDP;

interface FileChunkSpec {
  fileBytes: number;
  index: number;
  data: Buffer;
  fileId?: string;
  senderId?: string;
  filename?: string;
}

/** A well-formed v1 file_chunk message (WIRE.md): chunk index of a file announced as fileBytes. */
export function fileChunk(s: FileChunkSpec): Record<string, unknown> {
  return {
    type: 'file_chunk', message_id: randomUUID(), sender_id: s.senderId ?? randomNodeId(), sender_name: 'Mallory', timestamp: Date.now() / 1000,
    content: null, file_id: s.fileId ?? randomUUID(), chunk_index: s.index, chunk_data: s.data.toString('base64'),
    file_metadata: {
      filename: s.filename ?? `${MALLORY}.bin`, file_size: s.fileBytes, file_hash: createHash('sha256').update(randomBytes(16)).digest('hex'),
      total_chunks: Math.ceil(s.fileBytes / 8192),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The hostile host

/** How one TCP connection of the attacker ended. */
export type ConnectionEnd = 'closed' | 'reset' | 'refused' | 'timeout';

export interface AttackSent {
  datagrams: number;
  datagramBytes: number;
  connections: number;
  tcpBytes: number;
  /** TCP connections by how they ended */
  ends: Record<ConnectionEnd, number>;
}

const emptySent = (): AttackSent => ({ datagrams: 0, datagramBytes: 0, connections: 0, tcpBytes: 0, ends: { closed: 0, reset: 0, refused: 0, timeout: 0 } });

export interface SlowLorisReport extends AttackSent {
  /** connections the target accepted (connect succeeded) */
  accepted: number;
  /** most of them open at once */
  maxOpen: number;
  /** closed by the target within 0.5 s of opening, within 5 s, later */
  closedWithin500Ms: number;
  closedWithin5s: number;
  closedLater: number;
  /** still open when the attack ended (closed by the attacker) */
  heldToTheEnd: number;
}

export interface AttackerOptions {
  /** the attacker's addresses, each with a TCP listener and a UDP socket counting what comes back */
  hosts: string[];
  /** more addresses with a UDP socket only: TCP toward them is refused */
  quietHosts?: string[];
  /** the one port all its addresses use (TCP; UDP on + 1) */
  port?: number;
}

/** A hostile host with several loopback addresses; hosts[0] is its main one. */
export class Attacker implements AsyncDisposable {
  /** everything sent, all attacks together */
  readonly sent = emptySent();
  readonly #witnesses = new Map<string, Witness>();
  readonly #forged = new Map<string, Promise<UdpSocket>>();

  private constructor(readonly hosts: string[], readonly quietHosts: string[], readonly port: number) {}

  static async start(options: AttackerOptions): Promise<Attacker> {
    const quiet = options.quietHosts ?? [];
    assertPrivateNetwork(...options.hosts, ...quiet);
    for (let tries = 0; ; tries++) {
      const attacker = new Attacker(options.hosts, quiet, options.port ?? (await freePort(options.hosts[0])));
      try {
        for (const host of attacker.hosts) attacker.#witnesses.set(host, await Witness.open(host, { port: attacker.port }));
        for (const host of quiet) attacker.#witnesses.set(host, await Witness.open(host, { port: attacker.port, tcp: false }));
        return attacker;
      } catch (err) {
        await attacker.stop();
        if (options.port !== undefined || tries >= 10) throw err;
      }
    }
  }

  get host(): string {
    return this.hosts[0]!;
  }

  /** What reached one of its addresses. */
  at(host: string): Witness {
    const witness = this.#witnesses.get(host);
    if (!witness) throw new Error(`${host} is not an address of this attacker`);
    return witness;
  }

  /** What reached all its addresses, from one source IP (a node's, say). */
  receivedFrom(ip: string): Tally {
    return addTallies(...[...this.#witnesses.values()].map((w) => w.from(ip)));
  }

  /**
   * One datagram to target's discovery port (port + 1), from one of the attacker's addresses
   * (its counting socket) or, with any other loopback address, from a socket bound there: a
   * forged source.
   */
  async datagram(target: Endpoint, payload: Buffer | string, from = this.host, sent = emptySent()): Promise<void> {
    const to = { host: target.host, port: target.port + 1 };
    const witness = this.#witnesses.get(from);
    if (witness) await witness.forge(payload, to);
    else await sendDatagram(await this.#forgedSocket(from), payload, to);
    for (const s of [sent, this.sent]) {
      s.datagrams++;
      s.datagramBytes += Buffer.byteLength(payload);
    }
  }

  /** One TCP connection to target from an attacker address: writes payload, ends, waits for the close. */
  async connection(target: Endpoint, payload: Buffer | string, from = this.host, sent = emptySent(), timeoutMs = 5000): Promise<ConnectionEnd> {
    assertPrivateNetwork(target.host, from);
    const end = await new Promise<ConnectionEnd>((resolve) => {
      let how: ConnectionEnd = 'closed';
      const socket = connect({ host: target.host, port: target.port, localAddress: from }, () => socket.end(payload));
      const timer = setTimeout(() => {
        how = 'timeout';
        socket.destroy();
      }, timeoutMs);
      socket.on('data', () => {});
      socket.on('error', (err: NodeJS.ErrnoException) => {
        if (how === 'closed') how = err.code === 'ECONNREFUSED' ? 'refused' : 'reset';
      });
      socket.on('close', () => {
        clearTimeout(timer);
        for (const s of [sent, this.sent]) s.tcpBytes += socket.bytesWritten;
        resolve(how);
      });
    });
    for (const s of [sent, this.sent]) {
      s.connections++;
      s.ends[end]++;
    }
    return end;
  }

  // -- Attacks ---------------------------------------------------------------------------------

  /**
   * Discovery datagrams claiming another node's identity: victim's node_id and name, announcing
   * ip:port, sent from `from` (an attacker address, or a forged one such as the victim's own IP).
   */
  async spoofPeer(target: Endpoint, victim: { nodeId: string; name: string }, o: { ip: string; port: number; from?: string; count: number; intervalMs?: number }): Promise<AttackSent> {
    const sent = emptySent();
    for (let i = 0; i < o.count; i++) {
      await this.datagram(target, discoveryDatagram(victim.nodeId, victim.name, o.ip, o.port), o.from, sent);
      if (o.intervalMs && i < o.count - 1) await sleep(o.intervalMs);
    }
    return sent;
  }

  /** Discovery datagrams with random node_ids whose ip and port name toward (the witness). */
  async amplify(target: Endpoint, toward: Endpoint, o: { count: number; from?: string; perBurst?: number }): Promise<AttackSent> {
    const sent = emptySent();
    await bursts(o.count, o.perBurst ?? 20, (i) => this.datagram(target, discoveryDatagram(randomNodeId(), `${MALLORY}-${i}`, toward.host, toward.port), o.from, sent));
    return sent;
  }

  /**
   * Discovery datagrams with random node_ids, from each of from in turn (attacker addresses),
   * each announcing its own address and the attacker's port.
   */
  async floodTable(target: Endpoint, o: { count: number; from: string[]; perBurst?: number }): Promise<AttackSent> {
    const sent = emptySent();
    await bursts(o.count, o.perBurst ?? 50, (i) => {
      const from = pick(o.from, i);
      return this.datagram(target, discoveryDatagram(randomNodeId(), `${MALLORY}-${i}`, from, this.port), from, sent);
    });
    return sent;
  }

  /**
   * Opens `connections` TCP connections from one address and holds them for holdMs: every
   * other one sends one byte (the start of a JSON object, then spaces) every trickleEveryMs,
   * the rest send nothing. A connection the target closes is opened again after reopenAfterMs.
   */
  async slowLoris(target: Endpoint, o: { connections: number; from?: string; holdMs: number; trickleEveryMs?: number; reopenAfterMs?: number }): Promise<SlowLorisReport> {
    const from = o.from ?? this.host;
    assertPrivateNetwork(target.host, from);
    const r: SlowLorisReport = { ...emptySent(), accepted: 0, maxOpen: 0, closedWithin500Ms: 0, closedWithin5s: 0, closedLater: 0, heldToTheEnd: 0 };
    const deadline = Date.now() + o.holdMs;
    let open = 0;
    const hold = (trickle: boolean) =>
      new Promise<void>((done) => {
        let connectedAt = 0;
        let interval: NodeJS.Timeout | undefined;
        const socket = connect({ host: target.host, port: target.port, localAddress: from });
        const stop = setTimeout(() => socket.destroy(), Math.max(0, deadline - Date.now()));
        socket.on('connect', () => {
          connectedAt = Date.now();
          r.accepted++;
          r.maxOpen = Math.max(r.maxOpen, ++open);
          if (trickle && o.trickleEveryMs) {
            let first = true;
            interval = setInterval(() => {
              socket.write(first ? '{' : ' ');
              first = false;
            }, o.trickleEveryMs);
          }
        });
        socket.on('data', () => {});
        socket.on('error', () => {});
        socket.on('close', () => {
          clearTimeout(stop);
          clearInterval(interval);
          r.connections++;
          r.tcpBytes += socket.bytesWritten;
          this.sent.connections++;
          this.sent.tcpBytes += socket.bytesWritten;
          if (!connectedAt) r.ends.refused++;
          else {
            open--;
            const lived = Date.now() - connectedAt;
            if (Date.now() >= deadline) r.heldToTheEnd++;
            else if (lived < 500) r.closedWithin500Ms++;
            else if (lived < 5000) r.closedWithin5s++;
            else r.closedLater++;
          }
          done();
        });
      });
    await Promise.all(Array.from({ length: o.connections }, async (_, i) => {
      while (Date.now() < deadline) {
        await hold(i % 2 === 1);
        if (Date.now() < deadline) await sleep(o.reopenAfterMs ?? 1000);
      }
    }));
    return r;
  }

  /** Well-formed v1 chats whose content is `bytes` long (1 MB, say): far over any frame limit. */
  async bigChats(target: Endpoint, o: { count: number; bytes: number; from?: string; concurrency?: number }): Promise<AttackSent & { contents: string[] }> {
    const sent = emptySent();
    const contents = Array.from({ length: o.count }, (_, i) => `${MALLORY}-big-${i}-`.padEnd(o.bytes, 'M'));
    await pool(o.concurrency ?? 4, o.count, (i) => this.connection(target, JSON.stringify(chatMessage(contents[i]!)), o.from, sent, 15_000));
    return { ...sent, contents };
  }

  /**
   * Well-formed v1 file_chunk messages, chunk 0 of files announced as fileBytes each (4 GiB,
   * say), random file ids and sender ids, a path in every file name; from each of from in turn.
   */
  async fakeTransfers(target: Endpoint, o: { count: number; fileBytes: number; from: string[]; concurrency?: number }): Promise<AttackSent & { fileIds: string[]; filenames: string[] }> {
    const sent = emptySent();
    const chunks = Array.from({ length: o.count }, (_, i) => fileChunk({ fileBytes: o.fileBytes, index: 0, data: randomBytes(8192), filename: `../../${MALLORY}-fake-${i}.bin` }));
    await pool(o.concurrency ?? 4, o.count, (i) => this.connection(target, JSON.stringify(chunks[i]), pick(o.from, i), sent));
    return { ...sent, fileIds: chunks.map((c) => String(c.file_id)), filenames: chunks.map((c) => String((c.file_metadata as Record<string, unknown>).filename)) };
  }

  /** count malformed TCP messages of one kind, one connection each. */
  async malformedTcp(target: Endpoint, kind: MalformedTcpKind, o: { count: number; from?: string; concurrency?: number }): Promise<AttackSent> {
    const sent = emptySent();
    await pool(o.concurrency ?? 4, o.count, (i) => this.connection(target, MALFORMED_TCP[kind](i), o.from, sent));
    return sent;
  }

  /** count malformed datagrams of one kind to target's discovery port. */
  async malformedUdp(target: Endpoint, kind: MalformedUdpKind, o: { count: number; from?: string; perBurst?: number }): Promise<AttackSent> {
    const sent = emptySent();
    await bursts(o.count, o.perBurst ?? 25, (i) => this.datagram(target, MALFORMED_UDP[kind](i), o.from, sent));
    return sent;
  }

  #forgedSocket(from: string): Promise<UdpSocket> {
    let socket = this.#forged.get(from);
    if (!socket) {
      assertPrivateNetwork(from);
      socket = new Promise<UdpSocket>((resolve, reject) => {
        const s = createSocket('udp4');
        s.once('error', reject);
        s.bind(0, from, () => {
          s.on('error', () => {});
          resolve(s);
        });
      });
      this.#forged.set(from, socket);
    }
    return socket;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.#witnesses.values()].map((w) => w.close()));
    for (const socket of this.#forged.values()) {
      const s = await socket.catch(() => undefined);
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    }
  }

  [Symbol.asyncDispose] = () => this.stop();
}

function sendDatagram(socket: UdpSocket, payload: Buffer | string, to: Endpoint): Promise<void> {
  assertPrivateNetwork(to.host);
  return new Promise((resolve) => socket.send(payload, to.port, to.host, () => resolve()));
}

/** Runs task(0..count-1) with at most n at once. */
async function pool(n: number, count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, count) }, async () => {
    while (next < count) await task(next++);
  }));
}

/** Runs task(0..count-1) perBurst at a time, yielding to the event loop between bursts. */
async function bursts(count: number, perBurst: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += perBurst) {
    await Promise.all(Array.from({ length: Math.min(perBurst, count - i) }, (_, k) => task(i + k)));
    await sleep(5);
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

/** pid and every process descended from it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // it ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export interface ProcessMemory {
  pid: number;
  /** its command, from /proc/pid/comm */
  command: string;
  /** resident set now, bytes (VmRSS) */
  rss: number;
  /** peak resident set, bytes (VmHWM) */
  peak: number;
}

/** VmRSS and VmHWM of a running process; undefined if it is gone. */
export function processMemory(pid: number): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { pid, command: readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** The kernel's UDP counters of this network namespace (/proc/net/snmp): RcvbufErrors counts datagrams dropped for a full receive buffer. */
export function udpCounters(): Record<string, number> {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const names = lines[0]?.split(/\s+/).slice(1) ?? [];
  const values = lines[1]?.split(/\s+/).slice(1).map(Number) ?? [];
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? NaN]));
}

// ---------------------------------------------------------------------------------------------
// The hostile-LAN scenario (test/hostile.test.ts and bench/hostile.ts run the same one)

const range = (prefix: string, from: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${from + i}`);
const byKind = <K extends string>(kinds: K[], prefix: string, from: number) => Object.fromEntries(kinds.map((k, i) => [k, `${prefix}${from + i}`])) as Record<K, string>;

/** Who is where: the two honest nodes, the attacker's addresses, and the witnesses. */
export const HOSTILE_LAN = {
  a: '127.0.0.90',
  b: '127.0.0.91',
  /** announces itself as the other node (node_id and name) */
  spoofer: '127.0.0.92',
  /** never a peer: named in the amplifier's datagrams */
  witness: '127.0.0.93',
  amplifier: '127.0.0.94',
  /** the flood's listening address; with floodHelpers (quiet: no TCP), 80 addresses x 4 > 256 */
  flooder: '127.0.0.95',
  floodHelpers: range('127.0.1.', 1, 79),
  loris: '127.0.0.96',
  bigChats: '127.0.0.97',
  /** the fake transfers come from it and fakeFileHelpers, 8 from each */
  fakeFiles: '127.0.0.98',
  fakeFileHelpers: range('127.0.1.', 81, 4),
  /** a second witness, whose own address the attacker forges as the datagrams' IP source */
  forgedWitness: '127.0.0.99',
  malformedTcp: byKind(Object.keys(MALFORMED_TCP) as MalformedTcpKind[], '127.0.1.', 100),
  malformedUdp: byKind(Object.keys(MALFORMED_UDP) as MalformedUdpKind[], '127.0.1.', 130),
} as const;

/** The attack's sizes (issue 5). */
export const HOSTILE_SIZES = {
  amplifyDatagrams: 200,
  floodDatagrams: 3000,
  lorisConnections: 300,
  bigChats: 20,
  bigChatBytes: 1_000_000,
  fakeTransfers: 40,
  fakeFileBytes: 4 * 1024 ** 3,
  malformedTcpPerKind: 150,
  malformedUdpPerKind: 300,
};

export interface HonestChat {
  from: string;
  to: string;
  text: string;
  /** the API's answer to the POST */
  status: number;
  sentAt: number;
}

export interface HonestFile {
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  sentAt: number;
  /** `mesh send-file` as it ended */
  result?: MeshResult;
}

export interface TableWatch {
  samples: number;
  /** most entries in `peers` at once, all of them and those at one IP */
  maxTotal: number;
  maxAtOneIp: number;
  /** samples in which the honest peer was missing */
  honestMissing: number;
  /** endpoints other than its own at which the honest peer's node_id was listed */
  honestElsewhere: string[];
  /** peers listed at an attacker's address that was only ever named in a datagram, never its source */
  atWitness: number;
}

export interface ScenarioOptions {
  /** how long honest chats keep going (one every chatEveryMs); the attacks run within it */
  windowMs?: number;
  chatEveryMs?: number;
  fileBytes?: number;
  log?: (line: string) => void;
}

type Side = 'a' | 'b';

/**
 * Two honest nodes chat both ways and a sends b a file while a hostile host runs every attack
 * of issue 5 against them. Resolves when the attack window is over; the witnesses keep counting
 * and the watchers keep sampling until stop().
 */
export class HostileScenario implements AsyncDisposable {
  readonly chats: HonestChat[] = [];
  file?: HonestFile;
  readonly attacks: {
    spoofFromAttacker: AttackSent[];
    spoofForgedSource: AttackSent[];
    spoofRealIp: AttackSent[];
    amplify: AttackSent[];
    forgedAmplify: AttackSent;
    flood: AttackSent[];
    loris?: SlowLorisReport;
    bigChats?: Awaited<ReturnType<Attacker['bigChats']>>;
    fakeTransfers: Array<Awaited<ReturnType<Attacker['fakeTransfers']>>>;
    malformedTcp: Partial<Record<MalformedTcpKind, AttackSent>>;
    malformedUdp: Partial<Record<MalformedUdpKind, AttackSent>>;
  } = { spoofFromAttacker: [], spoofForgedSource: [], spoofRealIp: [], amplify: [], forgedAmplify: emptySent(), flood: [], fakeTransfers: [], malformedTcp: {}, malformedUdp: {} };
  readonly tables: Record<Side, TableWatch>;
  /** each process of each node when the attack started */
  readonly before: Record<Side, ProcessMemory[]>;
  /** the highest VmRSS sampled per pid during the attack */
  readonly rssSampled = new Map<number, number>();
  /** the kernel's UDP counters when the attack started */
  readonly udpBefore = udpCounters();
  /** index of the first log line of each node written during the attack */
  readonly logsFrom: Record<Side, number>;
  startedAt = 0;
  endedAt = 0;
  readonly #timers: NodeJS.Timeout[] = [];
  #sampling = Promise.resolve();

  private constructor(
    readonly a: TestNode,
    readonly b: TestNode,
    readonly attacker: Attacker,
    readonly witness: Witness,
    readonly forgedWitness: Witness,
    readonly pids: Record<Side, number[]>,
  ) {
    const watch = (): TableWatch => ({ samples: 0, maxTotal: 0, maxAtOneIp: 0, honestMissing: 0, honestElsewhere: [], atWitness: 0 });
    this.tables = { a: watch(), b: watch() };
    this.before = { a: pids.a.map(processMemory).filter((m) => m !== undefined), b: pids.b.map(processMemory).filter((m) => m !== undefined) };
    this.logsFrom = { a: a.logs.length, b: b.logs.length };
  }

  /** Sets up the attacker and the witnesses next to running nodes a and b, runs the attack window. */
  static async run(a: TestNode, b: TestNode, options: ScenarioOptions = {}): Promise<HostileScenario> {
    const L = HOSTILE_LAN;
    let attacker: Attacker | undefined;
    let witness: Witness | undefined;
    let forgedWitness: Witness | undefined;
    try {
      attacker = await Attacker.start({
        hosts: [L.spoofer, L.amplifier, L.flooder, L.loris, L.bigChats, L.fakeFiles, ...L.fakeFileHelpers],
        quietHosts: L.floodHelpers,
      });
      if ([a.port, b.port].some((p) => Math.abs(p - attacker!.port) <= 1)) throw new Error('the attacker port collides with a node port: run again');
      witness = await Witness.open(L.witness);
      forgedWitness = await Witness.open(L.forgedWitness);
      const pids = { a: processTree((await a.state()).pid), b: processTree((await b.state()).pid) };
      const scenario = new HostileScenario(a, b, attacker, witness, forgedWitness, pids);
      await scenario.#run(options);
      return scenario;
    } catch (err) {
      await Promise.all([attacker?.stop(), witness?.close(), forgedWitness?.close()]);
      throw err;
    }
  }

  async #run(o: ScenarioOptions): Promise<void> {
    const { a, b, attacker: x } = this;
    const S = HOSTILE_SIZES;
    const L = HOSTILE_LAN;
    const windowMs = o.windowMs ?? 30_000;
    const chatEveryMs = o.chatEveryMs ?? 2000;
    const log = o.log ?? (() => {});
    const A = { host: a.host, port: a.port };
    const B = { host: b.host, port: b.port };
    const at = async <T>(ms: number, what: string, attack: () => Promise<T>): Promise<T> => {
      await sleep(Math.max(0, this.startedAt + ms - Date.now()));
      log(`${((Date.now() - this.startedAt) / 1000).toFixed(1)} s: ${what}`);
      const result = await attack();
      log(`${((Date.now() - this.startedAt) / 1000).toFixed(1)} s: done: ${what}`);
      return result;
    };

    this.#watch();
    this.startedAt = Date.now();
    const spoofCount = Math.floor((windowMs - 2000) / 250);
    const spoofs = ([[A, b], [B, a]] as const).map(([target, victim]) => [
      // 1. the victim's identity, announcing the attacker's own address, from that address
      x.spoofPeer(target, victim, { ip: L.spoofer, port: x.port, from: L.spoofer, count: spoofCount, intervalMs: 250 }),
      // ... the victim's identity, the attacker's address in `ip`, from the victim's own IP (forged source)
      x.spoofPeer(target, victim, { ip: L.spoofer, port: x.port, from: victim.host, count: spoofCount, intervalMs: 250 }),
      // ... the victim's identity and its real ip, from the attacker's address
      x.spoofPeer(target, victim, { ip: victim.host, port: victim.port, from: L.spoofer, count: spoofCount, intervalMs: 250 }),
    ]);
    const attacks = [
      ...spoofs.map(async ([own, forged, realIp]) => {
        this.attacks.spoofFromAttacker.push(await own!);
        this.attacks.spoofForgedSource.push(await forged!);
        this.attacks.spoofRealIp.push(await realIp!);
      }),
      // 2. amplification: random node_ids naming the witness, from the attacker's address ...
      at(0, 'amplification toward the witness', async () => {
        for (const target of [A, B]) this.attacks.amplify.push(await x.amplify(target, witness(this), { count: S.amplifyDatagrams, from: L.amplifier }));
      }),
      // ... and from the witness's own address, as a host forging the IP source would send them
      at(0, 'amplification with a forged source', async () => {
        for (const target of [A, B]) {
          await bursts(S.amplifyDatagrams, 20, async (i) => {
            const payload = discoveryDatagram(randomNodeId(), `${MALLORY}-${i}`, L.forgedWitness, this.forgedWitness.port);
            await this.forgedWitness.forge(payload, { host: target.host, port: target.port + 1 });
            this.attacks.forgedAmplify.datagrams++;
            this.attacks.forgedAmplify.datagramBytes += Buffer.byteLength(payload);
          });
        }
      }),
      // 3. table flood from 80 addresses
      at(1000, 'table flood', async () => {
        this.attacks.flood.push(...(await Promise.all([A, B].map((target) => x.floodTable(target, { count: S.floodDatagrams, from: [L.flooder, ...L.floodHelpers] })))));
      }),
      // 4. slow-loris on a's listener, while b's chats to a go on
      at(3000, 'slow-loris', async () => {
        this.attacks.loris = await x.slowLoris(A, { connections: S.lorisConnections, from: L.loris, holdMs: Math.min(20_000, windowMs - 6000), trickleEveryMs: 500, reopenAfterMs: 1000 });
      }),
      // 5. 1 MB chats
      at(5000, '1 MB chats', async () => {
        this.attacks.bigChats = await x.bigChats(A, { count: S.bigChats, bytes: S.bigChatBytes, from: L.bigChats });
      }),
      // 7. malformed frames, each kind from its own address
      at(6000, 'malformed frames', async () => {
        await Promise.all([
          ...(Object.keys(MALFORMED_TCP) as MalformedTcpKind[]).map(async (kind) => {
            this.attacks.malformedTcp[kind] = await x.malformedTcp(A, kind, { count: S.malformedTcpPerKind, from: L.malformedTcp[kind], concurrency: 2 });
          }),
          ...(Object.keys(MALFORMED_UDP) as MalformedUdpKind[]).map(async (kind) => {
            this.attacks.malformedUdp[kind] = await x.malformedUdp(A, kind, { count: S.malformedUdpPerKind, from: L.malformedUdp[kind] });
          }),
        ]);
      }),
      // 6. fake 4 GiB transfers to both nodes, then the honest file right after them
      at(8000, 'fake 4 GiB transfers, then the honest file', async () => {
        this.attacks.fakeTransfers.push(...(await Promise.all([A, B].map((target) => x.fakeTransfers(target, { count: S.fakeTransfers, fileBytes: S.fakeFileBytes, from: [L.fakeFiles, ...L.fakeFileHelpers] })))));
        await this.#sendFile(o.fileBytes ?? 1 << 20);
      }),
    ];
    const honest = (async () => {
      for (let i = 0; Date.now() - this.startedAt < windowMs; i++) {
        await sleep(Math.max(0, this.startedAt + i * chatEveryMs - Date.now()));
        const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
        void this.#chat(from, to, `honest ${from.name} to ${to.name} #${i} ${randomUUID().slice(0, 8)}`);
      }
    })();
    await Promise.all([...attacks, honest]);
    this.endedAt = Date.now();
    log(`${((this.endedAt - this.startedAt) / 1000).toFixed(1)} s: attack window over`);
  }

  async #chat(from: TestNode, to: TestNode, text: string): Promise<void> {
    const chat: HonestChat = { from: from.name, to: to.name, text, status: 0, sentAt: Date.now() };
    this.chats.push(chat);
    try {
      const response = await authorized(from, api.routes.messages, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      chat.status = response.status;
      await response.body?.cancel();
    } catch {
      chat.status = -1;
    }
  }

  async #sendFile(bytes: number): Promise<void> {
    const data = randomBytes(bytes);
    const name = `honest-${randomUUID().slice(0, 8)}.bin`;
    const path = join(await mkdtemp(join(tmpdir(), 'mesh-hostile-')), name);
    await writeFile(path, data);
    this.file = { name, path, bytes, sha256: createHash('sha256').update(data).digest('hex'), sentAt: Date.now() };
    this.file.result = await this.a.mesh('send-file', path);
  }

  /** Samples each node's peer table and each process's RSS once a second until stop(). */
  #watch(): void {
    const tick = async () => {
      for (const [side, node, other] of [['a', this.a, this.b], ['b', this.b, this.a]] as const) {
        try {
          const peers = (await (await authorized(node, api.routes.peers)).json()) as Array<{ nodeId: string; host: string; port: number }>;
          const t = this.tables[side];
          t.samples++;
          t.maxTotal = Math.max(t.maxTotal, peers.length);
          const perIp = new Map<string, number>();
          for (const p of peers) perIp.set(p.host, (perIp.get(p.host) ?? 0) + 1);
          t.maxAtOneIp = Math.max(t.maxAtOneIp, ...perIp.values());
          if (!peers.some((p) => p.nodeId === other.nodeId && p.host === other.host && p.port === other.port)) t.honestMissing++;
          for (const p of peers) {
            const endpoint = `${p.host}:${p.port}`;
            if (p.nodeId === other.nodeId && endpoint !== other.address && !t.honestElsewhere.includes(endpoint)) t.honestElsewhere.push(endpoint);
          }
          t.atWitness = Math.max(t.atWitness, perIp.get(HOSTILE_LAN.witness) ?? 0);
        } catch {
          // the gateway did not answer this time: the next sample will tell
        }
      }
      for (const pid of [...this.pids.a, ...this.pids.b]) {
        const m = processMemory(pid);
        if (m) this.rssSampled.set(pid, Math.max(this.rssSampled.get(pid) ?? 0, m.rss));
      }
    };
    const loop = () => {
      this.#sampling = this.#sampling.then(tick);
    };
    loop();
    this.#timers.push(setInterval(loop, 1000));
  }

  /** Each honest chat with its number of copies at its receiver, and whether the file is at b, intact. */
  async deliveries(): Promise<{ chats: Array<HonestChat & { copies: number }>; fileArrived: boolean; fileSha256?: string }> {
    const received = new Map<string, MessageSeen[]>();
    for (const node of [this.a, this.b]) received.set(node.name, (await (await authorized(node, api.routes.messages)).json()) as MessageSeen[]);
    const chats = this.chats.map((c) => ({ ...c, copies: (received.get(c.to) ?? []).filter((m) => m.direction === 'in' && m.content === c.text).length }));
    const path = this.file ? join(this.b.downloads, this.file.name) : '';
    const fileSha256 = path && existsSync(path) ? await sha256Of(path) : undefined;
    return { chats, fileArrived: fileSha256 !== undefined, fileSha256 };
  }

  /** Every process of each node now: VmRSS and VmHWM (its peak since it started). */
  memoryNow(): Record<Side, ProcessMemory[]> {
    return { a: this.pids.a.map(processMemory).filter((m) => m !== undefined), b: this.pids.b.map(processMemory).filter((m) => m !== undefined) };
  }

  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    await this.#sampling;
    await Promise.all([this.attacker.stop(), this.witness.close(), this.forgedWitness.close()]);
  }

  [Symbol.asyncDispose] = () => this.stop();
}

interface MessageSeen {
  content: string;
  direction: string;
}

const witness = (s: HostileScenario): Endpoint => s.witness.endpoint;

/** A request to a node's client API with its secret. */
function authorized(node: TestNode, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${node.gateway}${route}`, { ...init, headers: { ...init.headers, authorization: `${api.auth.scheme} ${node.secret}` } });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
