// A peer that speaks v1 as WIRE.md describes the original app, and nothing else: one JSON
// object per TCP connection, discovery datagrams to TCP port + 1. Deliberately independent
// of meshwork's own code, so it checks meshwork against the spec, not against itself.
import { createHash, randomUUID } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { connect, createServer, type Server } from 'node:net';
import { assertPrivateNetwork, LOOPBACK_BROADCAST } from './network.ts';

type Json = Record<string, unknown>;

export class V1Peer implements AsyncDisposable {
  readonly nodeId = randomUUID().slice(0, 8);
  readonly received: Json[] = [];
  readonly peers = new Map<string, { ip: string; port: number; name: string }>();
  #tcp?: Server;
  #udp?: Socket;
  #timer?: NodeJS.Timeout;

  constructor(readonly host: string, readonly port: number, readonly name = 'V1-Peer', readonly broadcast = LOOPBACK_BROADCAST) {
    assertPrivateNetwork(host, broadcast);
  }

  async start(): Promise<void> {
    this.#tcp = createServer((socket) => {
      const parts: Buffer[] = [];
      socket.on('data', (d) => parts.push(d));
      socket.on('end', () => {
        try {
          this.received.push(JSON.parse(Buffer.concat(parts).toString('utf8')) as Json);
        } catch {
          // "Invalid JSON": the original drops it
        }
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => this.#tcp!.listen(this.port, this.host, r));
    this.#udp = createSocket({ type: 'udp4', reuseAddr: true });
    this.#udp.on('message', (data) => {
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
    this.#udp.setBroadcast(true);
    this.announce();
    this.#timer = setInterval(() => this.announce(), 1000);
  }

  announce(): void {
    const datagram = { type: 'discovery', node_id: this.nodeId, node_name: this.name, ip: this.host, port: this.port, timestamp: Date.now() / 1000 };
    this.#udp?.send(JSON.stringify(datagram), this.port + 1, this.broadcast);
  }

  async sendChat(content: string): Promise<string> {
    const id = randomUUID();
    await this.#toAll({ type: 'chat', message_id: id, sender_id: this.nodeId, sender_name: this.name, timestamp: Date.now() / 1000, content });
    return id;
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
    const text = JSON.stringify(message);
    await Promise.all([...this.peers.values()].map((p) => send(p.ip, p.port, text)));
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await new Promise<void>((r) => (this.#udp ? this.#udp.close(() => r()) : r()));
    await new Promise<void>((r) => (this.#tcp ? this.#tcp.close(() => r()) : r()));
  }

  [Symbol.asyncDispose] = () => this.stop();
}

function send(host: string, port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => socket.end(text));
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
}
