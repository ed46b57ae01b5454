// A peer that speaks v1 as WIRE.md describes the original app, and nothing else: one JSON
// object per TCP connection, discovery datagrams to TCP port + 1, and (with `relay`) the
// original's flooding of every new chat and file chunk to its other peers. Deliberately
// independent of meshwork's own code, so it checks meshwork against the spec, not against
// itself: with a password it encrypts through the npm "fernet" package, never through
// meshwork's v1-password.ts. It records every byte it receives (`inbound`).
import { createHash, pbkdf2Sync, randomUUID } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { createRequire } from 'node:module';
import { connect, createServer, type Server } from 'node:net';
import { assertPrivateNetwork, LOOPBACK_BROADCAST } from './network.ts';

type Json = Record<string, unknown>;

export interface V1PeerOptions {
  /** the v1 network password: chat content is then Fernet-encrypted as the original does it */
  password?: string;
  /**
   * Relay as the original does: a chat or file chunk whose message_id was not seen yet (this
   * peer's own included) is forwarded, rebuilt from its v1 fields only, to every known peer whose
   * node_id differs from its sender_id.
   */
  relay?: boolean;
  /**
   * Announce by unicast to these UDP endpoints instead of broadcasting: a LAN where each one
   * hears only these hosts (on a LAN they would share this peer's port + 1; here each names its own).
   */
  announceTo?: Array<{ host: string; port: number }>;
}

/** Every byte that reached this peer: one entry per inbound TCP connection or UDP datagram. */
export interface V1Inbound {
  kind: 'tcp' | 'udp';
  /** the remote "host:port" */
  from: string;
  bytes: Buffer;
  /** tcp: the remote closed its side (the whole message is in); udp: always */
  ended: boolean;
}

export interface V1Chat {
  message: Json;
  content: string;
  /** what the original app would display: the plaintext, "[ENCRYPTED MESSAGE - WRONG PASSWORD]", or the content as is */
  text: string;
  /** with a password: the content decrypted; without: the content does not look encrypted ("Z0FBQUFB...") */
  readable: boolean;
}

export const V1_WRONG_PASSWORD = '[ENCRYPTED MESSAGE - WRONG PASSWORD]';

export class V1Peer implements AsyncDisposable {
  readonly nodeId = randomUUID().slice(0, 8);
  readonly received: Json[] = [];
  /** every chat received, as the original would show it */
  readonly chats: V1Chat[] = [];
  readonly peers = new Map<string, { ip: string; port: number; name: string }>();
  /** the raw bytes of everything received, as received (before any parsing) */
  readonly inbound: V1Inbound[] = [];
  /** relay sends that failed, for a test to show */
  readonly relayFailures: Array<{ to: string; messageId: string; error: string }> = [];
  /** message_ids seen (sent or received), when relaying */
  readonly #seen = new Set<string>();
  readonly #relay: boolean;
  readonly #announceTo: Array<{ host: string; port: number }> | undefined;
  #tcp?: Server;
  #udp?: Socket;
  #out?: Socket;
  #timer?: NodeJS.Timeout;
  #fernet?: V1Fernet;

  constructor(readonly host: string, readonly port: number, readonly name = 'V1-Peer', readonly broadcast = LOOPBACK_BROADCAST, options: V1PeerOptions = {}) {
    assertPrivateNetwork(host, broadcast, ...(options.announceTo ?? []).map((t) => t.host));
    this.usePassword(options.password);
    this.#relay = options.relay ?? false;
    this.#announceTo = options.announceTo?.map((t) => ({ ...t }));
  }

  /** Sets (or, with undefined or '', clears) the password for chats sent and read from now on. */
  usePassword(password: string | undefined): void {
    this.#fernet = password ? new V1Fernet(password) : undefined;
  }

  get hasPassword(): boolean {
    return this.#fernet !== undefined;
  }

  async start(): Promise<void> {
    this.#tcp = createServer((socket) => {
      const record: V1Inbound = { kind: 'tcp', from: `${socket.remoteAddress}:${socket.remotePort}`, bytes: Buffer.alloc(0), ended: false };
      this.inbound.push(record);
      socket.on('data', (d) => (record.bytes = Buffer.concat([record.bytes, d])));
      socket.on('end', () => {
        record.ended = true;
        let message: Json;
        try {
          message = JSON.parse(record.bytes.toString('utf8')) as Json;
        } catch {
          return; // "Invalid JSON": the original drops it
        }
        this.received.push(message);
        if (message.type === 'chat' && typeof message.content === 'string') this.chats.push(this.#read(message, message.content));
        if (this.#relay) this.#forward(message);
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => this.#tcp!.listen(this.port, this.host, r));
    this.#udp = createSocket({ type: 'udp4', reuseAddr: true });
    this.#udp.on('message', (data, rinfo) => {
      this.#record(data, rinfo);
      try {
        const m = JSON.parse(data.subarray(0, 1024).toString('utf8')) as Json;
        if (m.type === 'discovery' && m.node_id !== this.nodeId) {
          this.peers.set(String(m.node_id), { ip: String(m.ip), port: Number(m.port), name: String(m.node_name) });
        }
      } catch {
        // the original drops what does not parse
      }
    });
    await new Promise<void>((r) => this.#udp!.bind(this.port + 1, '0.0.0.0', r));
    // On a LAN a host's datagrams carry its one address; on a loopback shared by several
    // test hosts, a socket bound to this peer's own address makes them carry it too.
    this.#out = createSocket({ type: 'udp4' });
    this.#out.on('message', (data, rinfo) => this.#record(data, rinfo));
    await new Promise<void>((r) => this.#out!.bind(0, this.host, r));
    this.#out.setBroadcast(true);
    this.announce();
    this.#timer = setInterval(() => this.announce(), 1000);
  }

  announce(): void {
    const datagram = JSON.stringify({ type: 'discovery', node_id: this.nodeId, node_name: this.name, ip: this.host, port: this.port, timestamp: Date.now() / 1000 });
    if (!this.#announceTo) this.#out?.send(datagram, this.port + 1, this.broadcast);
    for (const t of this.#announceTo ?? []) this.#out?.send(datagram, t.port, t.host);
  }

  #record(data: Buffer, rinfo: RemoteInfo): void {
    this.inbound.push({ kind: 'udp', from: `${rinfo.address}:${rinfo.port}`, bytes: Buffer.from(data), ended: true });
  }

  /** The original's relay: new ids only, rebuilt from the v1 fields, to every peer but the sender. */
  #forward(message: Json): void {
    if (message.type !== 'chat' && message.type !== 'file_chunk') return;
    const id = String(message.message_id);
    if (this.#seen.has(id)) return;
    this.#seen.add(id);
    const text = JSON.stringify(v1Fields(message));
    for (const [nodeId, p] of this.peers) {
      if (nodeId === message.sender_id) continue;
      send(this.host, p.ip, p.port, text).catch((err: unknown) => {
        this.relayFailures.push({ to: `${p.ip}:${p.port}`, messageId: id, error: (err as Error).message });
      });
    }
  }

  /** Sends text as a chat to every peer, encrypted when a password is set; returns its message_id. */
  async sendChat(text: string): Promise<string> {
    const id = randomUUID();
    const content = this.#fernet ? this.#fernet.encrypt(text) : text;
    await this.#toAll({ type: 'chat', message_id: id, sender_id: this.nodeId, sender_name: this.name, timestamp: Date.now() / 1000, content });
    return id;
  }

  #read(message: Json, content: string): V1Chat {
    if (!this.#fernet) return { message, content, text: content, readable: !content.startsWith('Z0FBQUFB') };
    const text = this.#fernet.decrypt(content);
    return text === undefined ? { message, content, text: V1_WRONG_PASSWORD, readable: false } : { message, content, text, readable: true };
  }

  async sendFile(filename: string, data: Buffer): Promise<void> {
    const fileId = randomUUID();
    const total = Math.ceil(data.length / 8192);
    const file_metadata = { filename, file_size: data.length, file_hash: createHash('sha256').update(data).digest('hex'), total_chunks: total };
    for (let i = 0; i < total; i++) {
      await this.#toAll({
        type: 'file_chunk', message_id: randomUUID(), sender_id: this.nodeId, sender_name: this.name, timestamp: Date.now() / 1000,
        content: null, file_id: fileId, chunk_index: i, chunk_data: data.subarray(i * 8192, (i + 1) * 8192).toString('base64'), file_metadata,
      });
    }
  }

  /** Files reassembled from the chunks received so far whose SHA-256 checks out, by name. */
  files(): Map<string, Buffer> {
    const byId = new Map<string, Json[]>();
    for (const m of this.received) if (m.type === 'file_chunk') byId.set(String(m.file_id), [...(byId.get(String(m.file_id)) ?? []), m]);
    const out = new Map<string, Buffer>();
    for (const chunks of byId.values()) {
      const meta = chunks[0]!.file_metadata as Json;
      const parts = new Map(chunks.map((c) => [Number(c.chunk_index), Buffer.from(String(c.chunk_data), 'base64')]));
      if (parts.size !== meta.total_chunks) continue;
      const whole = Buffer.concat([...parts.entries()].sort(([a], [b]) => a - b).map(([, b]) => b));
      if (createHash('sha256').update(whole).digest('hex') === meta.file_hash) out.set(String(meta.filename), whole);
    }
    return out;
  }

  async #toAll(message: Json): Promise<void> {
    this.#seen.add(String(message.message_id));
    const text = JSON.stringify(message);
    await Promise.all([...this.peers.values()].map((p) => send(this.host, p.ip, p.port, text)));
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await new Promise<void>((r) => (this.#udp ? this.#udp.close(() => r()) : r()));
    await new Promise<void>((r) => (this.#out ? this.#out.close(() => r()) : r()));
    await new Promise<void>((r) => (this.#tcp ? this.#tcp.close(() => r()) : r()));
  }

  [Symbol.asyncDispose] = () => this.stop();
}

/** A chat or file chunk as the original rebuilds it to relay it: its v1 fields, nothing else. */
function v1Fields(m: Json): Json {
  const header = { type: m.type, message_id: m.message_id, sender_id: m.sender_id, sender_name: m.sender_name, timestamp: m.timestamp, content: m.content };
  if (m.type !== 'file_chunk') return header;
  const meta = (m.file_metadata ?? {}) as Json;
  return {
    ...header, file_id: m.file_id, chunk_index: m.chunk_index, chunk_data: m.chunk_data,
    file_metadata: { filename: meta.filename, file_size: meta.file_size, file_hash: meta.file_hash, total_chunks: meta.total_chunks },
  };
}

// WIRE.md "Password (v1)": key = urlsafe base64 of PBKDF2-HMAC-SHA256(password, fixed salt,
// 100000, 32) used as a Fernet key; content = standard base64 of the Fernet token's text.
interface FernetModule {
  Secret: new (urlsafeBase64Key: string) => object;
  Token: new (opts: { secret: object; ttl: number }) => { encode(message: string): string; decode(token: string): string };
}

class V1Fernet {
  readonly #secret: object;
  // Loaded only when a password is used: the package adds String.prototype.lpad.
  readonly #fernet = createRequire(import.meta.url)('fernet') as FernetModule;

  constructor(password: string) {
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), 'mesh_network_salt_2024', 100_000, 32, 'sha256');
    this.#secret = new this.#fernet.Secret(key.toString('base64').replaceAll('+', '-').replaceAll('/', '_'));
  }

  encrypt(text: string): string {
    return Buffer.from(new this.#fernet.Token({ secret: this.#secret, ttl: 0 }).encode(text), 'ascii').toString('base64');
  }

  /** The plaintext, or undefined when the content is not a token made with this password. */
  decrypt(content: string): string | undefined {
    try {
      return new this.#fernet.Token({ secret: this.#secret, ttl: 0 }).decode(Buffer.from(content, 'base64').toString('latin1'));
    } catch {
      return undefined;
    }
  }
}

function send(localAddress: string, host: string, port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, localAddress }, () => socket.end(text));
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}
