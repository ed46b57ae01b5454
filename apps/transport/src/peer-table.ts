// The peers this node knows, keyed by the endpoint they take messages on ("host:port").
// Static peers (configured) are there from the start and never dropped; discovered peers
// are dropped when not heard for the timeout. Pure: time comes from the clock it is given.
import { endpointKey, type Endpoint } from '@meshwork/protocol';

export interface PeerEntry {
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
  | { kind: 'left'; peer: PeerEntry; reason: 'timeout' | 'moved' | 'replaced' };

export interface Announcement {
  nodeId: string;
  name: string;
  endpoint: { host: string; port: number };
}

export interface PeerTableOptions {
  timeoutMs: number;
  staticPeers?: Endpoint[];
  now?: () => number;
}

export class PeerTable {
  readonly #peers = new Map<string, PeerEntry>();
  readonly #timeoutMs: number;
  readonly #now: () => number;

  constructor(opts: PeerTableOptions) {
    this.#timeoutMs = opts.timeoutMs;
    this.#now = opts.now ?? Date.now;
    for (const e of opts.staticPeers ?? []) {
      const endpoint = { host: e.host ?? '', port: e.port ?? 0 };
      this.#peers.set(endpointKey(endpoint), { nodeId: '', name: '', endpoint, lastSeen: 0, static: true, dialect: 'v1' });
    }
  }

  /** A discovery datagram was heard: adds or refreshes the peer; returns what changed. */
  announce(a: Announcement): PeerChange[] {
    const now = this.#now();
    const key = endpointKey(a.endpoint);
    const changes: PeerChange[] = [];
    const current = this.#peers.get(key);

    // The node was known at another endpoint: it moved.
    for (const [otherKey, other] of this.#peers) {
      if (otherKey === key || other.nodeId !== a.nodeId) continue;
      if (other.static) {
        this.#peers.set(otherKey, { ...other, nodeId: '', name: '', lastSeen: 0 });
      } else {
        this.#peers.delete(otherKey);
        changes.push({ kind: 'left', peer: other, reason: 'moved' });
      }
    }

    if (current && current.nodeId === a.nodeId && current.name === a.name) {
      current.lastSeen = now;
      return changes;
    }
    if (current?.nodeId && current.nodeId !== a.nodeId) changes.unshift({ kind: 'left', peer: current, reason: 'replaced' });
    const peer: PeerEntry = {
      nodeId: a.nodeId,
      name: a.name,
      endpoint: { host: a.endpoint.host, port: a.endpoint.port },
      lastSeen: now,
      static: current?.static ?? false,
      dialect: 'v1',
    };
    this.#peers.set(key, peer);
    changes.push({ kind: 'joined', peer });
    return changes;
  }

  /** Drops discovered peers not heard for the timeout. */
  sweep(): PeerChange[] {
    const deadline = this.#now() - this.#timeoutMs;
    const changes: PeerChange[] = [];
    for (const [key, peer] of this.#peers) {
      if (peer.static || peer.lastSeen > deadline) continue;
      this.#peers.delete(key);
      changes.push({ kind: 'left', peer, reason: 'timeout' });
    }
    return changes;
  }

  get(endpoint: Endpoint): PeerEntry | undefined {
    return this.#peers.get(endpointKey(endpoint));
  }

  list(): PeerEntry[] {
    return [...this.#peers.values()].map((p) => ({ ...p, endpoint: { ...p.endpoint } }));
  }

  endpoints(): Array<{ host: string; port: number }> {
    return [...this.#peers.values()].map((p) => ({ ...p.endpoint }));
  }
}
