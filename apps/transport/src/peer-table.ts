// The peers this node knows, keyed by node id (peers are known by node id above transport).
// A static peer (configured) is there from the start, keyed by its endpoint until it is heard,
// then carries the node id it announces; it is never dropped. A discovered peer is dropped when
// not heard for the timeout. What an announcement may do is bounded: a node id heard at a
// second endpoint does not move while it is still heard at its first, a new node id at an
// endpoint replaces the node that was there (an original app restarted with a new id) at most
// once per replaceAfterMs, and discovered peers are capped in total and per IP address.
// Pure: time comes from the clock it is given; endpoints are the callers' to check.
import { endpointKey, type Endpoint } from '@meshwork/protocol';

export interface PeerEntry {
  /** '' for a static peer not heard yet */
  nodeId: string;
  name: string;
  endpoint: { host: string; port: number };
  /** ms since the epoch; 0 if never heard */
  lastSeen: number;
  static: boolean;
  dialect: 'v1';
}

export type PeerChange =
  | { kind: 'joined'; peer: PeerEntry }
  | { kind: 'left'; peer: PeerEntry; reason: 'timeout' | 'moved' | 'replaced' }
  | { kind: 'renamed'; peer: PeerEntry };

export interface Announcement {
  nodeId: string;
  name: string;
  /** the datagram's source address with the announced TCP port */
  endpoint: { host: string; port: number };
}

export type AnnounceResult = { ok: true; changes: PeerChange[] } | { ok: false; reason: string };

export interface PeerTableOptions {
  timeoutMs: number;
  /** most discovered (not static) peers */
  maxPeers: number;
  /** most discovered peers at one IP address */
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

const copy = (p: PeerEntry): PeerEntry => ({ nodeId: p.nodeId, name: p.name, endpoint: { ...p.endpoint }, lastSeen: p.lastSeen, static: p.static, dialect: p.dialect });

export class PeerTable {
  readonly #opts: Required<Omit<PeerTableOptions, 'staticPeers'>>;
  /** entryKey (the node id, or the endpoint of a static peer not heard yet) -> entry */
  readonly #entries = new Map<string, Entry>();
  /** endpoint key -> key in #entries */
  readonly #atEndpoint = new Map<string, string>();
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
    const now = this.#opts.now();
    const endpoint = { host: a.endpoint.host, port: a.endpoint.port };
    const key = endpointKey(endpoint);
    const known = this.#entries.get(byId(a.nodeId));

    if (known && endpointKey(known.endpoint) === key) {
      known.lastSeen = now;
      if (known.name === a.name) return { ok: true, changes: [] };
      known.name = a.name;
      return { ok: true, changes: [{ kind: 'renamed', peer: copy(known) }] };
    }
    if (known && known.lastSeen > now - this.#opts.timeoutMs) {
      return { ok: false, reason: `node ${a.nodeId} is still heard at ${endpointKey(known.endpoint)}` };
    }

    const occupantKey = this.#atEndpoint.get(key);
    const occupant = occupantKey === undefined ? undefined : this.#entries.get(occupantKey);
    if (occupant?.nodeId && now - occupant.since < this.#opts.replaceAfterMs) {
      return { ok: false, reason: `endpoint ${key} changed node less than ${this.#opts.replaceAfterMs} ms ago` };
    }
    if (!occupant) {
      // a node that moves leaves a place free (if it was discovered)
      const freed = known && !known.static ? 1 : 0;
      if (this.#discovered - freed >= this.#opts.maxPeers) return { ok: false, reason: `peer table full (${this.#opts.maxPeers} discovered peers)` };
      const atHost = (this.#perHost.get(endpoint.host) ?? 0) - (freed && known?.endpoint.host === endpoint.host ? 1 : 0);
      if (atHost >= this.#opts.maxPeersPerAddress) return { ok: false, reason: `too many peers at ${endpoint.host} (${this.#opts.maxPeersPerAddress})` };
    }

    const changes: PeerChange[] = [];
    if (known) {
      // heard elsewhere after being silent for the timeout: the node moved
      this.#remove(known);
      changes.push({ kind: 'left', peer: copy(known), reason: 'moved' });
      if (known.static) {
        const again = this.#unheardStatic(known.endpoint);
        this.#add(again);
        changes.push({ kind: 'joined', peer: copy(again) });
      }
    }
    if (occupant) {
      this.#remove(occupant);
      if (occupant.nodeId) changes.push({ kind: 'left', peer: copy(occupant), reason: 'replaced' });
    }
    const peer: Entry = { nodeId: a.nodeId, name: a.name, endpoint, lastSeen: now, static: occupant?.static ?? false, dialect: 'v1', since: now };
    this.#add(peer);
    changes.push({ kind: 'joined', peer: copy(peer) });
    return { ok: true, changes };
  }

  /** Drops discovered peers not heard for the timeout (never static ones). */
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
    const entry = nodeId ? this.#entries.get(byId(nodeId)) : undefined;
    return entry && copy(entry);
  }

  atEndpoint(endpoint: Endpoint): PeerEntry | undefined {
    const key = this.#atEndpoint.get(endpointKey(endpoint));
    const entry = key === undefined ? undefined : this.#entries.get(key);
    return entry && copy(entry);
  }

  list(): PeerEntry[] {
    return [...this.#entries.values()].map(copy);
  }

  /** The configured endpoints of the static peers. */
  staticEndpoints(): Array<{ host: string; port: number }> {
    return this.#staticEndpoints.map((e) => ({ ...e }));
  }

  /** Number of discovered (not static) peers. */
  get discovered(): number {
    return this.#discovered;
  }

  #unheardStatic(endpoint: { host: string; port: number }): Entry {
    return { nodeId: '', name: '', endpoint: { ...endpoint }, lastSeen: 0, static: true, dialect: 'v1', since: 0 };
  }

  #add(entry: Entry): void {
    const key = endpointKey(entry.endpoint);
    const id = entryKey(entry);
    this.#entries.set(id, entry);
    this.#atEndpoint.set(key, id);
    if (entry.static) return;
    this.#discovered++;
    this.#perHost.set(entry.endpoint.host, (this.#perHost.get(entry.endpoint.host) ?? 0) + 1);
  }

  #remove(entry: Entry): void {
    const key = endpointKey(entry.endpoint);
    const id = entryKey(entry);
    this.#entries.delete(id);
    if (this.#atEndpoint.get(key) === id) this.#atEndpoint.delete(key);
    if (entry.static) return;
    this.#discovered--;
    const left = (this.#perHost.get(entry.endpoint.host) ?? 1) - 1;
    if (left > 0) this.#perHost.set(entry.endpoint.host, left);
    else this.#perHost.delete(entry.endpoint.host);
  }
}
