import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeerView } from '@meshwork/protocol';
import { createTopology, netnsUnavailable, startNodeIn, waitFor, type TestNode, type Topology } from '@meshwork/testing';
import { messages, peers, say } from './helpers.ts';

// Three hosts on two LAN segments: A and B share bridge 1 (10.231.1.0/24), B and C bridge 2
// (10.231.2.0/24); each host is its own network namespace, made inside the test's private one.
// No static peers: the nodes find each other by UDP broadcast alone. B has an address on each
// segment, binds 0.0.0.0 and, with the default broadcast, announces on both segments (a directed
// broadcast on each interface). C has no route to A: what reaches C from A went
// through B.
const unavailable = await netnsUnavailable();
if (unavailable) console.warn(`namespaces.test.ts skipped: ${unavailable}`);

const title = 'three hosts in their own network namespaces, on two bridges, broadcast discovery only';

describe.skipIf(unavailable !== undefined)(unavailable === undefined ? title : `${title} (skipped: ${unavailable})`, () => {
  let net: Topology;
  let a: TestNode;
  let b: TestNode;
  let c: TestNode;

  // a v2 peer is a neighbour once its link is up (v1 views have no `linked`)
  const linked = (p: PeerView | undefined) => p !== undefined && (p as Partial<PeerView>).linked !== false;
  /** Every node's peer list, asked at once: a lookup of what x knows of y. */
  const lookAround = async () => {
    const nodes = [a, b, c];
    const lists = await Promise.all(nodes.map((n) => peers(n)));
    return (x: TestNode, y: TestNode) => lists[nodes.indexOf(x)]!.find((p) => p.nodeId === y.nodeId);
  };

  beforeAll(async () => {
    net = await createTopology({
      br1: { A: '10.231.1.1/24', B: '10.231.1.2/24' },
      br2: { B: '10.231.2.2/24', C: '10.231.2.3/24' },
    });
    const started = await Promise.allSettled([
      startNodeIn(net.ns('A'), { name: 'A', host: '10.231.1.1', broadcast: '10.231.1.255' }),
      // B's default: a directed broadcast on each of its segments (its namespace's addresses are checked to be all in 10.231.0.0/16)
      startNodeIn(net.ns('B'), { name: 'B', host: '0.0.0.0', broadcast: null }),
      startNodeIn(net.ns('C'), { name: 'C', host: '10.231.2.3', broadcast: '10.231.2.255' }),
    ]);
    [a, b, c] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as [TestNode, TestNode, TestNode];
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await net?.close();
  });

  it('C has no route to A: anything from A at C came through B', async () => {
    await expect(net.ns('C').run('ip', 'route', 'get', '10.231.1.1')).rejects.toThrow(/unreachable/i);
    await expect(net.ns('A').run('ip', 'route', 'get', '10.231.2.3')).rejects.toThrow(/unreachable/i);
  });

  it('B, bound to every interface, broadcasts on both of its segments', async () => {
    const started = await b.waitForLog((l) => l.msg === 'transport started', 'transport started');
    expect([...(started.broadcast as string[])].sort()).toEqual(['10.231.1.255', '10.231.2.255']);
  });

  it('all three link: B with A and with C, each peer at its address on the bridge they share', async () => {
    const peerOf = await waitFor(async () => {
      const known = await lookAround();
      return linked(known(b, a)) && linked(known(b, c)) && linked(known(a, b)) && linked(known(c, b)) && known;
    }, { what: 'A-B and B-C to link', timeoutMs: 60_000 });
    const seen: Array<[PeerView | undefined, string]> = [
      [peerOf(b, a), '10.231.1.1'],
      [peerOf(b, c), '10.231.2.3'],
      [peerOf(a, b), '10.231.1.2'],
      [peerOf(c, b), '10.231.2.2'],
    ];
    for (const [peer, host] of seen) expect(peer).toMatchObject({ host, static: false, down: false });
    // A and C may hear of each other (v2 gossip) but share no bridge: no link between them
    expect(linked(peerOf(a, c))).toBe(false);
    expect(linked(peerOf(c, a))).toBe(false);
  });

  it('A\'s chat reaches C through B, once', async () => {
    await say(a, 'across two bridges');
    const arrived = await waitFor(async () => {
      const found = (await messages(c)).filter((m) => m.content === 'across two bridges');
      return found.length > 0 && found;
    }, { what: 'the chat at C', timeoutMs: 20_000 });
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ direction: 'in', senderId: a.nodeId, senderName: 'A' });
    expect((await messages(b)).filter((m) => m.content === 'across two bridges')).toHaveLength(1);
  });
});
