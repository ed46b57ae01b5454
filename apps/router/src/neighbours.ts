// The router's view of its neighbours (peers it can reach directly), fed by transport.
import { endpointKey, type Endpoint, type Peer } from '@meshwork/protocol';

export class Neighbours {
  readonly #peers = new Map<string, Peer>();

  replace(peers: Peer[]): void {
    this.#peers.clear();
    for (const p of peers) this.upsert(p);
  }

  upsert(peer: Peer): void {
    if (peer.endpoint) this.#peers.set(endpointKey(peer.endpoint), peer);
  }

  remove(peer: Peer): void {
    if (peer.endpoint) this.#peers.delete(endpointKey(peer.endpoint));
  }

  all(): Endpoint[] {
    return [...this.#peers.values()].map((p) => p.endpoint!);
  }

  /**
   * v1 relaying: every neighbour but the message's sender and the peer it came from. A v1
   * connection comes from an ephemeral port, so "came from" is the one neighbour on that
   * host; where several share the host, none is excluded (their seen-caches drop the echo).
   */
  relayTargets(senderId: string, from: Endpoint): Endpoint[] {
    const peers = [...this.#peers.values()];
    const onHost = peers.filter((p) => p.endpoint?.host === from.host);
    const cameFrom = onHost.length === 1 ? onHost[0] : undefined;
    return peers.filter((p) => p !== cameFrom && !(senderId && p.nodeId === senderId)).map((p) => p.endpoint!);
  }
}
