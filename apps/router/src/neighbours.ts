// The router's view of its neighbours (peers it can reach directly), fed by transport. A
// neighbour is known by its node id; a static peer not heard yet, by its endpoint.
import { endpointKey, type Endpoint, type Peer, type PeerRef } from '@meshwork/protocol';

const keyOf = (p: Peer): string | undefined => p.nodeId || (p.endpoint ? `@${endpointKey(p.endpoint)}` : undefined);
const sameEndpoint = (a: Peer, b: Peer) => !!a.endpoint && !!b.endpoint && endpointKey(a.endpoint) === endpointKey(b.endpoint);

export class Neighbours {
  readonly #peers = new Map<string, Peer>();

  replace(peers: Peer[]): void {
    this.#peers.clear();
    for (const p of peers) this.upsert(p);
  }

  /** Adds or updates a peer; an entry for the same endpoint (say, a static peer now heard) is folded in. A v2 peer is a neighbour only while linked. */
  upsert(peer: Peer): void {
    const key = keyOf(peer);
    if (!key) return;
    if (peer.dialect === 'v2' && !peer.linked) return void this.#peers.delete(key);
    for (const [k, p] of this.#peers) if (k !== key && sameEndpoint(p, peer)) this.#peers.delete(k);
    this.#peers.set(key, peer);
  }

  remove(peer: Peer): void {
    const key = keyOf(peer);
    if (key) this.#peers.delete(key);
  }

  get size(): number {
    return this.#peers.size;
  }

  /** Every neighbour, as a send target (v2Only: but original nodes, which would get it in clear). */
  targets(v2Only = false): PeerRef[] {
    return [...this.#peers.values()].filter((p) => !v2Only || p.dialect === 'v2').map(toRef);
  }

  /** The chunk or chat came straight from its sender (not relayed by another neighbour). */
  isDirect(senderId: string, from: Endpoint, via = ''): boolean {
    if (via) return via === senderId;
    const p = senderId ? this.#peers.get(senderId) : undefined;
    return p?.endpoint?.host === from.host;
  }

  /**
   * Relaying: every neighbour but the message's sender and the peer it came from: the link it
   * came in on (via), or for a v1 connection, which comes from an ephemeral port, the one
   * neighbour on that host; where several share the host, none is excluded (their seen-caches
   * drop the echo).
   */
  relayTargets(senderId: string, from: Endpoint, via = '', v2Only = false): PeerRef[] {
    const peers = [...this.#peers.values()];
    let cameFrom: Peer | undefined;
    if (via) cameFrom = this.#peers.get(via);
    else {
      const onHost = peers.filter((p) => p.endpoint?.host === from.host);
      cameFrom = onHost.length === 1 ? onHost[0] : undefined;
    }
    const isSender = (p: Peer) => !!senderId && (p.nodeId === senderId || (!!p.v1Id && p.v1Id === senderId));
    return peers.filter((p) => p !== cameFrom && !isSender(p) && (!v2Only || p.dialect === 'v2')).map(toRef);
  }
}

const toRef = (p: Peer): PeerRef => ({ nodeId: p.nodeId ?? '', endpoint: p.endpoint });
