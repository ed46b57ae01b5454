// A hostile host on the LAN, written from the outside (issue 5, "Tests"): it binds loopback
// addresses of its own and attacks a node through its discovery port (UDP, TCP port + 1) and
// its TCP listener, one method per attack, counting what it sent. A Witness counts what
// reaches one address: on the attacker's own addresses, what a node sends back to it; on a
// third address that was never a real peer, what a node can be made to send toward someone else.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPrivateNetwork } from './network.ts';
import { freePort } from './ports.ts';

const checked = new Set<string>();

/** assertPrivateNetwork, once per address: the attacker sends thousands of frames. */
function ensurePrivate(...addresses: string[]): void {
  const unchecked = addresses.filter((a) => !checked.has(a));
  if (unchecked.length === 0) return;
  assertPrivateNetwork(...unchecked);
  for (const a of unchecked) checked.add(a);
}

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
  /** false: no TCP listener, so connections toward it are refused (and not counted) */
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

export const randomNodeId = (): string => randomBytes(4).toString('hex');
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
export const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

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

/**
 * A well-formed v1 file_chunk message (WIRE.md): chunk index of a file announced as fileBytes.
 * Every chunk of one fileId carries the same metadata (its announced hash is made from the id).
 */
export function fileChunk(s: FileChunkSpec): Record<string, unknown> {
  const fileId = s.fileId ?? randomUUID();
  return {
    type: 'file_chunk', message_id: randomUUID(), sender_id: s.senderId ?? randomNodeId(), sender_name: 'Mallory', timestamp: Date.now() / 1000,
    content: null, file_id: fileId, chunk_index: s.index, chunk_data: s.data.toString('base64'),
    file_metadata: {
      filename: s.filename ?? `${MALLORY}.bin`, file_size: s.fileBytes, file_hash: createHash('sha256').update(fileId).digest('hex'),
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

export const emptySent = (): AttackSent => ({ datagrams: 0, datagramBytes: 0, connections: 0, tcpBytes: 0, ends: { closed: 0, reset: 0, refused: 0, timeout: 0 } });

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
    ensurePrivate(target.host, from);
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
   * each announcing its own address and one of `portsPerAddress` ports (the attacker's port,
   * then the next even ones): more endpoints per address than a node should keep.
   */
  async floodTable(target: Endpoint, o: { count: number; from: string[]; portsPerAddress?: number; perBurst?: number }): Promise<AttackSent> {
    const sent = emptySent();
    const ports = o.portsPerAddress ?? 8;
    await bursts(o.count, o.perBurst ?? 50, (i) => {
      const from = pick(o.from, i);
      const port = this.port + 2 * (Math.floor(i / o.from.length) % ports);
      return this.datagram(target, discoveryDatagram(randomNodeId(), `${MALLORY}-${i}`, from, port), from, sent);
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
    ensurePrivate(target.host, from);
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
      ensurePrivate(from);
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
  ensurePrivate(to.host);
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
export async function bursts(count: number, perBurst: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += perBurst) {
    await Promise.all(Array.from({ length: Math.min(perBurst, count - i) }, (_, k) => task(i + k)));
    await sleep(5);
  }
}
