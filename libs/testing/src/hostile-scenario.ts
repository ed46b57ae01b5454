// The hostile-LAN scenario: two honest nodes at work while a hostile host attacks them
// (test/hostile.test.ts and bench/hostile.ts run the same one).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, type PeerView } from '@meshwork/protocol';
import {
  Attacker,
  bursts,
  discoveryDatagram,
  emptySent,
  fileChunk,
  MALFORMED_TCP,
  MALFORMED_UDP,
  MALLORY,
  pick,
  randomNodeId,
  Witness,
  type AttackSent,
  type Endpoint,
  type MalformedTcpKind,
  type MalformedUdpKind,
  type SlowLorisReport,
} from './attacker.ts';
import type { MeshResult, TestNode } from './node.ts';
import { processMemory, processTree, udpCounters, type ProcessMemory } from './processes.ts';

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
  /** fakesThenFile(): 8 fake transfers from each (with keepChunkEveryMs, from keptFakeFiles) */
  moreFakeFiles: range('127.0.1.', 90, 5),
  keptFakeFiles: range('127.0.1.', 95, 5),
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
  /** the receiver's downloads folder */
  downloads: string;
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
  /** `mesh peers --json` of each node just after the table flood */
  readonly peersAfterFlood: Record<Side, PeerView[]> = { a: [], b: [] };
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
  /** where the honest files were written before sending: removed by stop() */
  readonly #sources: string[] = [];
  #sampling = Promise.resolve();

  private constructor(
    readonly a: TestNode,
    readonly b: TestNode,
    readonly attacker: Attacker,
    readonly witness: Witness,
    readonly forgedWitness: Witness,
    /** every process of each node, by pid: launcher, nats-server, transport, router, filesvc, gateway, and helpers by command */
    readonly processes: Record<Side, Map<number, string>>,
  ) {
    const watch = (): TableWatch => ({ samples: 0, maxTotal: 0, maxAtOneIp: 0, honestMissing: 0, honestElsewhere: [], atWitness: 0 });
    this.tables = { a: watch(), b: watch() };
    this.before = this.memoryNow();
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
      const scenario = new HostileScenario(a, b, attacker, witness, forgedWitness, { a: await processesOf(a), b: await processesOf(b) });
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
      at(3000, 'mesh peers --json', async () => {
        [this.peersAfterFlood.a, this.peersAfterFlood.b] = await Promise.all([a.meshJson<PeerView[]>('peers'), b.meshJson<PeerView[]>('peers')]);
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
        this.file = await this.sendFile(o.fileBytes ?? 1 << 20);
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

  /** from sends to a file of random bytes with `mesh send-file`; resolves when the command ends. */
  async sendFile(bytes = 1 << 20, from = this.a, to = this.b): Promise<HonestFile> {
    const data = randomBytes(bytes);
    const name = `honest-${randomUUID().slice(0, 8)}.bin`;
    const folder = await mkdtemp(join(tmpdir(), 'mesh-hostile-'));
    this.#sources.push(folder);
    const path = join(folder, name);
    await writeFile(path, data);
    const file: HonestFile = { name, downloads: to.downloads, path, bytes, sha256: createHash('sha256').update(data).digest('hex'), sentAt: Date.now() };
    file.result = await from.mesh('send-file', path);
    return file;
  }

  /** SHA-256 of the file as its receiver saved it in its downloads folder; undefined while it is not there. */
  async received(file: HonestFile): Promise<string | undefined> {
    const path = join(file.downloads, file.name);
    return existsSync(path) ? sha256Of(path) : undefined;
  }

  /**
   * The fake-transfer attack where the count of incoming transfers binds rather than the disk:
   * `count` fake transfers announcing fileBytes each (small enough for any disk), 8 from each
   * attacker address, to one node; then the other node sends it an honest file, at once or
   * fileAfterMs later. With keepChunkEveryMs, every fake gets its next chunk that often until
   * the honest file is sent, so that none of them looks idle or slow.
   */
  async fakesThenFile(o: { count?: number; fileBytes?: number; toward?: 'a' | 'b'; keepChunkEveryMs?: number; fileAfterMs?: number } = {}): Promise<{ fakes: AttackSent; file: HonestFile; attackMs: number }> {
    const [sender, target] = o.toward === 'a' ? [this.b, this.a] : [this.a, this.b];
    const from = o.keepChunkEveryMs ? HOSTILE_LAN.keptFakeFiles : HOSTILE_LAN.moreFakeFiles;
    const fileBytes = o.fileBytes ?? 64 * 1024 * 1024;
    const fakes = emptySent();
    const transfers = Array.from({ length: o.count ?? 40 }, (_, i) => ({ fileId: randomUUID(), senderId: randomNodeId(), from: pick(from, i) }));
    const round = (index: number) =>
      Promise.all(transfers.map((t, i) => this.attacker.connection(target, JSON.stringify(fileChunk({ ...t, fileBytes, index, data: randomBytes(8192), filename: `${MALLORY}-kept-${i}.bin` })), t.from, fakes)));
    const started = Date.now();
    await round(0);
    let sending = true;
    const keeping = (async () => {
      for (let index = 1; sending && o.keepChunkEveryMs; index++) {
        await sleep(o.keepChunkEveryMs);
        await round(index);
      }
    })();
    let file: HonestFile;
    try {
      if (o.fileAfterMs) await sleep(o.fileAfterMs);
      file = await this.sendFile(1 << 20, sender, target);
    } finally {
      sending = false;
      await keeping;
    }
    return { fakes, file, attackMs: Date.now() - started };
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
      for (const pid of [...this.processes.a.keys(), ...this.processes.b.keys()]) {
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
    const fileSha256 = this.file ? await this.received(this.file) : undefined;
    return { chats, fileArrived: fileSha256 !== undefined, fileSha256 };
  }

  /** Every process of each node now: VmRSS and VmHWM (its peak since it started). */
  memoryNow(): Record<Side, ProcessMemory[]> {
    const now = (side: Side) => [...this.processes[side]].map(([pid, name]) => processMemory(pid, name)).filter((m) => m !== undefined);
    return { a: now('a'), b: now('b') };
  }

  async stop(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    await this.#sampling;
    await Promise.all([this.attacker.stop(), this.witness.close(), this.forgedWitness.close()]);
    await Promise.all(this.#sources.map((folder) => rm(folder, { recursive: true, force: true })));
  }

  [Symbol.asyncDispose] = () => this.stop();
}

interface MessageSeen {
  content: string;
  direction: string;
}

const witness = (s: HostileScenario): Endpoint => s.witness.endpoint;

/** A node's processes by pid, named after what they run. */
async function processesOf(node: TestNode): Promise<Map<number, string>> {
  const state = await node.state();
  const names = new Map<number, string>([[state.pid, 'launcher']]);
  for (const [name, pid] of Object.entries(state.services)) if (pid) names.set(pid, name);
  return new Map(processTree(state.pid).map((pid) => [pid, names.get(pid) ?? processMemory(pid)?.command ?? '?']));
}

/** A request to a node's client API with its secret. */
function authorized(node: TestNode, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${node.gateway}${route}`, { ...init, headers: { ...init.headers, authorization: `${api.auth.scheme} ${node.secret}` } });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
