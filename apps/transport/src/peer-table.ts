// The peers this node knows, keyed by node id (peers are known by node id above transport): a
// v1 peer by the id it announces, a v2 peer by its v2 id (a hash of its key; its v1 id, the
// first 8 characters, is kept beside it). A static peer (configured) is there from the start,
// keyed by its endpoint until it is heard, then carries the node id it announces; it is never
// dropped. A discovered peer is dropped when not heard for the timeout, and so is one learnt
// from a neighbour's peer list (gossip, v2 only) unless the gossip is repeated.
// What an announcement may do is bounded: a node id heard at a second endpoint does not move
// while it is still heard at its first, a new node id at an endpoint replaces the node that was
// there (an original app restarted with a new id) at most once per replaceAfterMs, and
// discovered peers are capped in total and per IP address. Gossip is second-hand: it never
// moves, replaces or refreshes a peer heard directly, and a peer heard directly takes the
// place of a gossiped one when the table is full.
// Pure: time comes from the clock it is given; endpoints are the callers' to check.
import { endpointKey, fingerprintOf, isV2NodeId, nodeIdOf, v1IdOf, type Endpoint } from '@meshwork/protocol';

export type Dialect = 'v1' | 'v2';

export interface PeerEntry {
  /** '' for a static peer not heard yet; a v2 peer's v2 id */
  nodeId: string;
  name: string;
  endpoint: { host: string; port: number };
  /** ms since the epoch; 0 if never heard */
  lastSeen: number;
  static: boolean;
  dialect: Dialect;
  /** the id it has toward original nodes: a v1 peer's node id, a v2 peer's first 8 characters ('' if not heard yet) */
  v1Id: string;
  /** v2: its raw Ed25519 public key (nodeId = nodeIdOf(key)) */
  key?: Buffer;
  /** v2: what people compare */
  fingerprint?: string;
  /** v2: learnt from a neighbour's peer list, not heard directly */
  gossip: boolean;
}

export type LeftReason = 'timeout' | 'moved' | 'replaced' | 'evicted' | (string & {});

export type PeerChange =
  | { kind: 'joined'; peer: PeerEntry }
  | { kind: 'left'; peer: PeerEntry; reason: LeftReason }
  | { kind: 'renamed'; peer: PeerEntry }
  /** a gossiped peer was heard directly (and kept its name) */
  | { kind: 'updated'; peer: PeerEntry; reason: 'heard directly' };

export interface Announcement {
  /** a v1 announcement's node_id, a v2 announcement's v2 id */
  nodeId: string;
  name: string;
  /** the datagram's source address with the announced TCP port */
  endpoint: { host: string; port: number };
  /** 'v1' when absent */
  dialect?: Dialect;
  /** v2: the announced public key */
  key?: Buffer;
}

/** A v2 peer named in a neighbour's peer_list. */
export interface GossipPeer {
  nodeId: string;
  key: Buffer;
  name: string;
  endpoint: { host: string; port: number };
}

/** newcomer: the node was not in the table under this id (or only through gossip): it gets a reply at once. */
export type AnnounceResult = { ok: true; changes: PeerChange[]; newcomer: boolean } | { ok: false; reason: string };

export interface PeerTableOptions {
  timeoutMs: number;
  /** most discovered (not static) peers, gossiped ones included */
  maxPeers: number;
  /** most discovered peers at one IP address, gossiped ones included */
  maxPeersPerAddress: number;
  /** least time a node keeps an endpoint before another node id may take it over */
  replaceAfterMs?: number;
  staticPeers?: Endpoint[];
  now?: () => number;
}

interface Entry extends PeerEntry {
  /** when this node id was first heard at this endpoint */
  since: number;
}

/** Keys of #entries: node ids and endpoints apart, whatever a node calls itself. */
const byId = (nodeId: string) => `id:${nodeId}`;
const entryKey = (e: PeerEntry) => (e.nodeId ? byId(e.nodeId) : `ep:${endpointKey(e.endpoint)}`);

function copy(p: PeerEntry): PeerEntry {
  const out: PeerEntry = { nodeId: p.nodeId, name: p.name, endpoint: { ...p.endpoint }, lastSeen: p.lastSeen, static: p.static, dialect: p.dialect, v1Id: p.v1Id, gossip: p.gossip };
  if (p.key) out.key = Buffer.from(p.key);
  if (p.fingerprint !== undefined) out.fingerprint = p.fingerprint;
  return out;
}

/** Why a v2 id and key cannot go together, if they cannot. */
function badV2(nodeId: string, key: Buffer | undefined): string | undefined {
  if (!isV2NodeId(nodeId)) return `${JSON.stringify(nodeId.slice(0, 40))} is not a v2 node id`;
  if (key?.byteLength !== 32) return `v2 node ${nodeId} has no 32-byte key`;
  if (nodeIdOf(key) !== nodeId) return `v2 node ${nodeId} announces a key whose id is ${nodeIdOf(key)}`;
  return undefined;
}

export class PeerTable {
  readonly #opts: Required<Omit<PeerTableOptions, 'staticPeers'>>;
  /** entryKey (the node id, or the endpoint of a static peer not heard yet) -> entry */
  readonly #entries = new Map<string, Entry>();
  /** endpoint key -> key in #entries */
  readonly #atEndpoint = new Map<string, string>();
  /** v1 id of a v2 peer -> key in #entries (the first such peer, should two share one) */
  readonly #v2ByV1Id = new Map<string, string>();
  /** IP -> discovered peers at it */
  readonly #perHost = new Map<string, number>();
  readonly #staticEndpoints: Array<{ host: string; port: number }> = [];
  #discovered = 0;

  constructor(opts: PeerTableOptions) {
    this.#opts = { replaceAfterMs: 0, now: Date.now, ...opts };
    for (const e of opts.staticPeers ?? []) {
      const endpoint = { host: e.host ?? '', port: e.port ?? 0 };
      if (this.#atEndpoint.has(endpointKey(endpoint))) continue;
      this.#staticEndpoints.push(endpoint);
      this.#add(this.#unheardStatic(endpoint));
    }
  }

  /** A discovery announcement was heard (from a checked source): adds or refreshes the peer, or says why not. */
  announce(a: Announcement): AnnounceResult {
    const dialect = a.dialect ?? 'v1';
    const invalid = dialect === 'v2' ? badV2(a.nodeId, a.key) : isV2NodeId(a.nodeId) ? `a v1 announcement cannot claim the v2 node id ${a.nodeId}` : undefined;
    if (invalid) return { ok: false, reason: invalid };
    const now = this.#opts.now();
    const endpoint = { host: a.endpoint.host, port: a.endpoint.port };
    const key = endpointKey(endpoint);
    const heard = (e: Entry) => !e.gossip && e.lastSeen > now - this.#opts.timeoutMs;

    if (dialect === 'v1') {
      // a v2 node also speaks v1: its v1 announcement is the v2 peer's, not a second peer
      const v2 = this.#entryOf(this.#v2ByV1Id.get(a.nodeId));
      if (v2 && endpointKey(v2.endpoint) === key) return this.#refresh(v2, v2.name, now);
      if (v2 && heard(v2)) return { ok: false, reason: `v1 id ${a.nodeId} is v2 node ${v2.nodeId}'s, still heard at ${endpointKey(v2.endpoint)}` };
    }

    const known = this.#entries.get(byId(a.nodeId));
    if (known && endpointKey(known.endpoint) === key) return this.#refresh(known, a.name, now);
    if (known && heard(known)) return { ok: false, reason: `node ${a.nodeId} is still heard at ${endpointKey(known.endpoint)}` };

    const occupant = this.#entryOf(this.#atEndpoint.get(key));
    // the same node, now announcing v2 where it announced v1, may take its endpoint at once
    const sameNode = dialect === 'v2' && occupant?.dialect === 'v1' && occupant.nodeId === v1IdOf(a.nodeId);
    if (occupant?.nodeId && !occupant.gossip && !sameNode && now - occupant.since < this.#opts.replaceAfterMs) {
      return { ok: false, reason: `endpoint ${key} changed node less than ${this.#opts.replaceAfterMs} ms ago` };
    }
    const changes: PeerChange[] = [];
    if (!occupant) {
      const room = this.#makeRoom(endpoint.host, known, changes);
      if (room) return { ok: false, reason: room };
    }

    if (known) {
      // heard elsewhere after being silent for the timeout (or only gossiped about): the node moved
      changes.push(...this.#drop(known, 'moved'));
    }
    if (occupant) {
      this.#remove(occupant);
      if (occupant.nodeId) changes.push({ kind: 'left', peer: copy(occupant), reason: 'replaced' });
    }
    const peer: Entry = { ...this.#identity(a.nodeId, dialect, a.key), name: a.name, endpoint, lastSeen: now, static: occupant?.static ?? false, gossip: false, since: now };
    this.#add(peer);
    changes.push({ kind: 'joined', peer: copy(peer) });
    return { ok: true, changes, newcomer: true };
  }

  /** A v2 peer named in a linked neighbour's peer list (endpoint checked by the caller): added or refreshed as gossip, or why not. */
  upsertFromGossip(g: GossipPeer): AnnounceResult {
    const invalid = badV2(g.nodeId, g.key);
    if (invalid) return { ok: false, reason: invalid };
    const now = this.#opts.now();
    const endpoint = { host: g.endpoint.host, port: g.endpoint.port };
    const key = endpointKey(endpoint);
    const known = this.#entries.get(byId(g.nodeId));
    if (known && !known.gossip) return { ok: true, changes: [], newcomer: false };
    if (known && endpointKey(known.endpoint) === key) return this.#refresh(known, g.name, now, true);
    if (known && known.lastSeen > now - this.#opts.timeoutMs) return { ok: false, reason: `node ${g.nodeId} is still listed at ${endpointKey(known.endpoint)}` };
    const occupant = this.#entryOf(this.#atEndpoint.get(key));
    if (occupant) return { ok: false, reason: `endpoint ${key} is held by ${occupant.nodeId ? `node ${occupant.nodeId}` : 'a static peer'}` };
    const full = this.#full(endpoint.host, known);
    if (full) return { ok: false, reason: full.reason };

    const changes: PeerChange[] = known ? this.#drop(known, 'moved') : [];
    const peer: Entry = { ...this.#identity(g.nodeId, 'v2', g.key), name: g.name, endpoint, lastSeen: now, static: false, gossip: true, since: now };
    this.#add(peer);
    changes.push({ kind: 'joined', peer: copy(peer) });
    return { ok: true, changes, newcomer: false };
  }

  /** Takes a peer out (its link proved it gone): a static one stays, unnamed; the next announcement makes it a newcomer again. */
  remove(nodeId: string, reason: string): PeerChange[] {
    const entry = this.#entryOf(nodeId ? byId(nodeId) : undefined);
    return entry ? this.#drop(entry, reason) : [];
  }

  /** Drops discovered and gossiped peers not heard for the timeout (never static ones). */
  sweep(): PeerChange[] {
    const deadline = this.#opts.now() - this.#opts.timeoutMs;
    const changes: PeerChange[] = [];
    for (const peer of [...this.#entries.values()]) {
      if (peer.static || peer.lastSeen > deadline) continue;
      this.#remove(peer);
      changes.push({ kind: 'left', peer: copy(peer), reason: 'timeout' });
    }
    return changes;
  }

  byNodeId(nodeId: string): PeerEntry | undefined {
    const entry = this.#entryOf(nodeId ? byId(nodeId) : undefined);
    return entry && copy(entry);
  }

  /** The v2 peer whose v1 id this is (what original nodes call it), if one is known. */
  byV1Id(v1Id: string): PeerEntry | undefined {
    const entry = this.#entryOf(this.#v2ByV1Id.get(v1Id));
    return entry && copy(entry);
  }

  atEndpoint(endpoint: Endpoint): PeerEntry | undefined {
    const entry = this.#entryOf(this.#atEndpoint.get(endpointKey(endpoint)));
    return entry && copy(entry);
  }

  list(): PeerEntry[] {
    return [...this.#entries.values()].map(copy);
  }

  /** The configured endpoints of the static peers. */
  staticEndpoints(): Array<{ host: string; port: number }> {
    return this.#staticEndpoints.map((e) => ({ ...e }));
  }

  /** Number of discovered (not static) peers, gossiped ones included. */
  get discovered(): number {
    return this.#discovered;
  }

  #entryOf(key: string | undefined): Entry | undefined {
    return key === undefined ? undefined : this.#entries.get(key);
  }

  #identity(nodeId: string, dialect: Dialect, key: Buffer | undefined): Pick<PeerEntry, 'nodeId' | 'dialect' | 'v1Id' | 'key' | 'fingerprint'> {
    if (dialect === 'v1') return { nodeId, dialect, v1Id: nodeId };
    return { nodeId, dialect, v1Id: v1IdOf(nodeId), key: Buffer.from(key!), fingerprint: fingerprintOf(nodeId) };
  }

  /** The peer was heard again where the table has it: directly unless byGossip (a gossiped peer heard directly is a newcomer). */
  #refresh(entry: Entry, name: string, now: number, byGossip = false): AnnounceResult {
    entry.lastSeen = now;
    const newcomer = entry.gossip && !byGossip;
    if (!byGossip) entry.gossip = false;
    if (entry.name === name) return { ok: true, changes: newcomer ? [{ kind: 'updated', peer: copy(entry), reason: 'heard directly' }] : [], newcomer };
    entry.name = name;
    return { ok: true, changes: [{ kind: 'renamed', peer: copy(entry) }], newcomer };
  }

  /** Removes the entry as left; a static endpoint stays in the table, unnamed. */
  #drop(entry: Entry, reason: LeftReason): PeerChange[] {
    this.#remove(entry);
    const changes: PeerChange[] = [{ kind: 'left', peer: copy(entry), reason }];
    if (entry.static && entry.nodeId) {
      const again = this.#unheardStatic(entry.endpoint);
      this.#add(again);
      changes.push({ kind: 'joined', peer: copy(again) });
    }
    return changes;
  }

  /** Why one more discovered peer at host does not fit (the place of `leaving`, which moves, counting as free), if it does not. */
  #full(host: string, leaving: Entry | undefined): { reason: string; atHost: boolean } | undefined {
    const freed = leaving && !leaving.static ? 1 : 0;
    if (this.#discovered - freed >= this.#opts.maxPeers) return { reason: `peer table full (${this.#opts.maxPeers} discovered peers)`, atHost: false };
    const atHost = (this.#perHost.get(host) ?? 0) - (freed && leaving?.endpoint.host === host ? 1 : 0);
    if (atHost >= this.#opts.maxPeersPerAddress) return { reason: `too many peers at ${host} (${this.#opts.maxPeersPerAddress})`, atHost: true };
    return undefined;
  }

  /** Room for a peer heard directly at host: when the table or the host is full, a gossiped peer gives up its place. */
  #makeRoom(host: string, leaving: Entry | undefined, changes: PeerChange[]): string | undefined {
    for (;;) {
      const full = this.#full(host, leaving);
      if (!full) return undefined;
      const victim = this.#oldestGossip(leaving, full.atHost ? host : undefined);
      if (!victim) return full.reason;
      this.#remove(victim);
      changes.push({ kind: 'left', peer: copy(victim), reason: 'evicted' });
    }
  }

  #oldestGossip(except: Entry | undefined, host: string | undefined): Entry | undefined {
    let oldest: Entry | undefined;
    for (const e of this.#entries.values()) {
      if (!e.gossip || e === except || (host !== undefined && e.endpoint.host !== host)) continue;
      if (!oldest || e.lastSeen < oldest.lastSeen) oldest = e;
    }
    return oldest;
  }

  #unheardStatic(endpoint: { host: string; port: number }): Entry {
    return { nodeId: '', name: '', endpoint: { ...endpoint }, lastSeen: 0, static: true, dialect: 'v1', v1Id: '', gossip: false, since: 0 };
  }

  #add(entry: Entry): void {
    const key = endpointKey(entry.endpoint);
    const id = entryKey(entry);
    this.#entries.set(id, entry);
    this.#atEndpoint.set(key, id);
    if (entry.dialect === 'v2' && !this.#v2ByV1Id.has(entry.v1Id)) this.#v2ByV1Id.set(entry.v1Id, id);
    if (entry.static) return;
    this.#discovered++;
    this.#perHost.set(entry.endpoint.host, (this.#perHost.get(entry.endpoint.host) ?? 0) + 1);
  }

  #remove(entry: Entry): void {
    const key = endpointKey(entry.endpoint);
    const id = entryKey(entry);
    this.#entries.delete(id);
    if (this.#atEndpoint.get(key) === id) this.#atEndpoint.delete(key);
    if (entry.dialect === 'v2' && this.#v2ByV1Id.get(entry.v1Id) === id) this.#v2ByV1Id.delete(entry.v1Id);
    if (entry.static) return;
    this.#discovered--;
    const left = (this.#perHost.get(entry.endpoint.host) ?? 1) - 1;
    if (left > 0) this.#perHost.set(entry.endpoint.host, left);
    else this.#perHost.delete(entry.endpoint.host);
  }
}
