import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, nodeIdOf, rawPublicKey, v1IdOf } from '@meshwork/protocol';
import { PeerTable, type AnnounceResult, type PeerTableOptions } from './peer-table.ts';

const ep = (host: string, port = 9999) => ({ host, port });

function setup(staticPeers = [ep('127.0.0.9', 7000)], opts: Partial<PeerTableOptions> = {}) {
  const clock = { now: 1_000_000 };
  const table = new PeerTable({ timeoutMs: 30_000, maxPeers: 100, maxPeersPerAddress: 4, staticPeers, now: () => clock.now, ...opts });
  const announce = (nodeId: string, host: string, port = 9999, name = nodeId.toUpperCase()) => table.announce({ nodeId, name, endpoint: ep(host, port) });
  return { clock, table, announce };
}

const changesOf = (r: AnnounceResult) => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.changes;
};

describe('PeerTable, v1 peers', () => {
  it('holds static peers from the start, unnamed, static and v1', () => {
    const { table } = setup();
    expect(table.list()).toEqual([{ nodeId: '', name: '', endpoint: ep('127.0.0.9', 7000), lastSeen: 0, static: true, dialect: 'v1', v1Id: '', gossip: false }]);
    expect(table.staticEndpoints()).toEqual([ep('127.0.0.9', 7000)]);
    expect(table.atEndpoint(ep('127.0.0.9', 7000))).toMatchObject({ static: true });
  });

  it('adds a newly heard node as joined, and a refresh changes nothing but lastSeen', () => {
    const { clock, table, announce } = setup([]);
    expect(announce('aaaa1111', '127.0.0.2')).toEqual({
      ok: true,
      changes: [{ kind: 'joined', peer: { nodeId: 'aaaa1111', name: 'AAAA1111', endpoint: ep('127.0.0.2'), lastSeen: 1_000_000, static: false, dialect: 'v1', v1Id: 'aaaa1111', gossip: false } }],
      newcomer: true,
    });
    clock.now += 5000;
    expect(announce('aaaa1111', '127.0.0.2')).toEqual({ ok: true, changes: [], newcomer: false });
    expect(table.byNodeId('aaaa1111')?.lastSeen).toBe(1_005_000);
  });

  it('reports a new name as renamed', () => {
    const { announce } = setup([]);
    announce('aaaa1111', '127.0.0.2', 9999, 'A');
    expect(changesOf(announce('aaaa1111', '127.0.0.2', 9999, 'A2'))).toMatchObject([{ kind: 'renamed', peer: { nodeId: 'aaaa1111', name: 'A2' } }]);
  });

  it('names a static peer when its endpoint announces itself, and keeps it static', () => {
    const { table, announce } = setup();
    expect(changesOf(announce('ssss0000', '127.0.0.9', 7000))).toMatchObject([{ kind: 'joined', peer: { nodeId: 'ssss0000', static: true, endpoint: ep('127.0.0.9', 7000) } }]);
    expect(table.list()).toHaveLength(1);
    expect(table.byNodeId('ssss0000')).toMatchObject({ static: true });
    expect(table.discovered).toBe(0);
  });

  it('does not move a node id heard at a second endpoint while it is still heard at its first', () => {
    const { clock, table, announce } = setup([]);
    announce('aaaa1111', '127.0.0.2');
    clock.now += 29_999;
    expect(announce('aaaa1111', '127.0.0.66')).toEqual({ ok: false, reason: 'node aaaa1111 is still heard at 127.0.0.2:9999' });
    // the real node keeps announcing: the impostor never gets it
    announce('aaaa1111', '127.0.0.2');
    clock.now += 20_000;
    expect(announce('aaaa1111', '127.0.0.66')).toMatchObject({ ok: false });
    expect(table.list()).toMatchObject([{ nodeId: 'aaaa1111', endpoint: ep('127.0.0.2') }]);
  });

  it('moves a node id once its first endpoint has not been heard for the peer timeout', () => {
    const { clock, table, announce } = setup([]);
    announce('aaaa1111', '127.0.0.2');
    clock.now += 30_000;
    expect(changesOf(announce('aaaa1111', '127.0.0.3'))).toMatchObject([
      { kind: 'left', reason: 'moved', peer: { endpoint: ep('127.0.0.2') } },
      { kind: 'joined', peer: { nodeId: 'aaaa1111', endpoint: ep('127.0.0.3') } },
    ]);
    expect(table.list().map((p) => p.endpoint)).toEqual([ep('127.0.0.3')]);
    expect(table.atEndpoint(ep('127.0.0.2'))).toBeUndefined();
  });

  it('keeps a static endpoint whose node moved away, unnamed again', () => {
    const { clock, table, announce } = setup();
    announce('ssss0000', '127.0.0.9', 7000);
    clock.now += 30_000;
    expect(changesOf(announce('ssss0000', '127.0.0.3'))).toMatchObject([
      { kind: 'left', reason: 'moved', peer: { nodeId: 'ssss0000', endpoint: ep('127.0.0.9', 7000) } },
      { kind: 'joined', peer: { nodeId: '', endpoint: ep('127.0.0.9', 7000), static: true } },
      { kind: 'joined', peer: { nodeId: 'ssss0000', endpoint: ep('127.0.0.3'), static: false } },
    ]);
    expect(table.atEndpoint(ep('127.0.0.9', 7000))).toMatchObject({ nodeId: '', static: true, lastSeen: 0 });
  });

  it('replaces the node at an endpoint by a new node id heard there (an original app restarted)', () => {
    const { table, announce } = setup([]);
    announce('aaaa1111', '127.0.0.2');
    expect(changesOf(announce('bbbb2222', '127.0.0.2'))).toMatchObject([
      { kind: 'left', reason: 'replaced', peer: { nodeId: 'aaaa1111' } },
      { kind: 'joined', peer: { nodeId: 'bbbb2222' } },
    ]);
    expect(table.list().map((p) => p.nodeId)).toEqual(['bbbb2222']);
    expect(table.byNodeId('aaaa1111')).toBeUndefined();
    expect(table.discovered).toBe(1);
  });

  it('keeps a static peer static when its node is replaced', () => {
    const { table, announce } = setup();
    announce('ssss0000', '127.0.0.9', 7000);
    expect(changesOf(announce('tttt0000', '127.0.0.9', 7000))).toMatchObject([
      { kind: 'left', reason: 'replaced', peer: { nodeId: 'ssss0000' } },
      { kind: 'joined', peer: { nodeId: 'tttt0000', static: true } },
    ]);
    expect(table.list()).toHaveLength(1);
  });

  it('lets an endpoint change node at most once per replaceAfterMs', () => {
    const { clock, table, announce } = setup([], { replaceAfterMs: 5000 });
    announce('aaaa1111', '127.0.0.2');
    clock.now += 4999;
    expect(announce('bbbb2222', '127.0.0.2')).toEqual({ ok: false, reason: 'endpoint 127.0.0.2:9999 changed node less than 5000 ms ago' });
    clock.now += 1;
    expect(announce('bbbb2222', '127.0.0.2')).toMatchObject({ ok: true });
    expect(announce('cccc3333', '127.0.0.2')).toMatchObject({ ok: false });
    expect(table.list().map((p) => p.nodeId)).toEqual(['bbbb2222']);
  });

  it('caps discovered peers per IP address, keeping those it has', () => {
    const { table, announce } = setup([], { maxPeersPerAddress: 2 });
    expect(announce('ghost001', '127.0.0.66', 1001)).toMatchObject({ ok: true });
    expect(announce('ghost002', '127.0.0.66', 1002)).toMatchObject({ ok: true });
    expect(announce('ghost003', '127.0.0.66', 1003)).toEqual({ ok: false, reason: 'too many peers at 127.0.0.66 (2)' });
    expect(announce('aaaa1111', '127.0.0.2')).toMatchObject({ ok: true });
    expect(table.list().map((p) => p.nodeId).sort()).toEqual(['aaaa1111', 'ghost001', 'ghost002']);
    // a new node at a held endpoint is a replacement, not one more
    expect(announce('ghost004', '127.0.0.66', 1002)).toMatchObject({ ok: true });
  });

  it('caps discovered peers in total, keeping those it has; static peers do not count', () => {
    const { clock, table, announce } = setup([ep('127.0.0.9', 7000)], { maxPeers: 3, maxPeersPerAddress: 100 });
    for (let i = 0; i < 3; i++) expect(announce(`aaaa000${i}`, `127.0.0.${10 + i}`)).toMatchObject({ ok: true });
    expect(announce('flood001', '127.0.0.66')).toEqual({ ok: false, reason: 'peer table full (3 discovered peers)' });
    expect(announce('ssss0000', '127.0.0.9', 7000)).toMatchObject({ ok: true });
    expect(table.list()).toHaveLength(4);
    expect(table.discovered).toBe(3);
    // a place is free again once a peer times out
    clock.now += 30_000;
    announce('aaaa0000', '127.0.0.10');
    expect(table.sweep().map((c) => c.peer.nodeId).sort()).toEqual(['aaaa0001', 'aaaa0002']);
    expect(announce('bbbb0000', '127.0.0.66')).toMatchObject({ ok: true });
  });

  it('stays bounded under a flood of random node ids from many ports of one address', () => {
    const { table, announce } = setup([], { maxPeers: 50, maxPeersPerAddress: 4 });
    let accepted = 0;
    for (let i = 0; i < 5000; i++) if (announce(`f${i}`, '127.0.0.66', 1000 + (i % 3000)).ok) accepted++;
    expect(table.list().length).toBeLessThanOrEqual(4);
    expect(table.discovered).toBeLessThanOrEqual(4);
    expect(accepted).toBeGreaterThanOrEqual(4);
  });

  it('keeps node ids and endpoints apart, whatever a node calls itself', () => {
    const { table, announce } = setup();
    expect(announce('127.0.0.9:7000', '127.0.0.2')).toMatchObject({ ok: true });
    expect(table.atEndpoint(ep('127.0.0.9', 7000))).toMatchObject({ nodeId: '', static: true });
    expect(table.list()).toHaveLength(2);
  });

  it('drops discovered peers not heard for the timeout, never static ones', () => {
    const { clock, table, announce } = setup();
    announce('ssss0000', '127.0.0.9', 7000);
    announce('aaaa1111', '127.0.0.2');
    clock.now += 20_000;
    announce('bbbb2222', '127.0.0.3');
    clock.now += 10_000;
    expect(table.sweep()).toMatchObject([{ kind: 'left', reason: 'timeout', peer: { nodeId: 'aaaa1111' } }]);
    expect(table.list().map((p) => p.nodeId).sort()).toEqual(['bbbb2222', 'ssss0000']);
    clock.now += 1_000_000;
    expect(table.sweep()).toMatchObject([{ peer: { nodeId: 'bbbb2222' } }]);
    expect(table.list().map((p) => p.nodeId)).toEqual(['ssss0000']);
    expect(table.discovered).toBe(0);
  });

  it('hands out copies, so callers cannot change the table', () => {
    const { table } = setup();
    table.list()[0]!.endpoint.port = 1;
    table.staticEndpoints()[0]!.host = 'x';
    table.atEndpoint(ep('127.0.0.9', 7000))!.endpoint.host = 'y';
    expect(table.staticEndpoints()).toEqual([ep('127.0.0.9', 7000)]);
    expect(table.list()[0]!.endpoint).toEqual(ep('127.0.0.9', 7000));
  });
});

/** A real v2 identity: an Ed25519 key and the id derived from it. */
function v2Node() {
  const key = rawPublicKey(generateKeyPairSync('ed25519').publicKey);
  const nodeId = nodeIdOf(key);
  return { key, nodeId, v1Id: v1IdOf(nodeId) };
}

function v2Setup(opts: Partial<PeerTableOptions> = {}) {
  const base = setup([], opts);
  const announceV2 = (n: { nodeId: string; key: Buffer }, host: string, port = 9999, name = 'V2') => base.table.announce({ nodeId: n.nodeId, key: n.key, dialect: 'v2', name, endpoint: ep(host, port) });
  const gossip = (n: { nodeId: string; key: Buffer }, host: string, port = 9999, name = 'G') => base.table.upsertFromGossip({ nodeId: n.nodeId, key: n.key, name, endpoint: ep(host, port) });
  return { ...base, announceV2, gossip };
}

describe('PeerTable, v2 peers', () => {
  it('keys a v2 peer by its v2 id, with its v1 id, key and fingerprint', () => {
    const { table, announceV2 } = v2Setup();
    const alice = v2Node();
    expect(announceV2(alice, '127.0.0.2', 9999, 'Alice')).toEqual({
      ok: true,
      newcomer: true,
      changes: [
        {
          kind: 'joined',
          peer: { nodeId: alice.nodeId, name: 'Alice', endpoint: ep('127.0.0.2'), lastSeen: 1_000_000, static: false, dialect: 'v2', v1Id: alice.v1Id, key: alice.key, fingerprint: fingerprintOf(alice.nodeId), gossip: false },
        },
      ],
    });
    expect(announceV2(alice, '127.0.0.2', 9999, 'Alice')).toEqual({ ok: true, changes: [], newcomer: false });
    expect(table.byNodeId(alice.nodeId)).toMatchObject({ dialect: 'v2', key: alice.key });
    expect(table.byV1Id(alice.v1Id)).toMatchObject({ nodeId: alice.nodeId });
    expect(table.byNodeId(alice.v1Id)).toBeUndefined();
  });

  it('refuses a v2 announcement whose id is not the hash of its key, or that has no key', () => {
    const { table } = v2Setup();
    const alice = v2Node();
    const mallory = v2Node();
    expect(table.announce({ nodeId: alice.nodeId, key: mallory.key, dialect: 'v2', name: 'A', endpoint: ep('127.0.0.66') })).toEqual({
      ok: false,
      reason: `v2 node ${alice.nodeId} announces a key whose id is ${mallory.nodeId}`,
    });
    expect(table.announce({ nodeId: alice.nodeId, dialect: 'v2', name: 'A', endpoint: ep('127.0.0.66') })).toEqual({ ok: false, reason: `v2 node ${alice.nodeId} has no 32-byte key` });
    expect(table.announce({ nodeId: 'short', key: alice.key, dialect: 'v2', name: 'A', endpoint: ep('127.0.0.66') })).toEqual({ ok: false, reason: '"short" is not a v2 node id' });
    expect(table.list()).toEqual([]);
  });

  it('refuses a v1 announcement that claims a v2 id', () => {
    const { table, announce } = v2Setup();
    const alice = v2Node();
    expect(announce(alice.nodeId, '127.0.0.66')).toEqual({ ok: false, reason: `a v1 announcement cannot claim the v2 node id ${alice.nodeId}` });
    expect(table.list()).toEqual([]);
  });

  it('does not move a v2 id heard at a second address while it is still heard at its first', () => {
    const { clock, table, announceV2 } = v2Setup();
    const alice = v2Node();
    announceV2(alice, '127.0.0.2');
    clock.now += 29_999;
    expect(announceV2(alice, '127.0.0.66')).toEqual({ ok: false, reason: `node ${alice.nodeId} is still heard at 127.0.0.2:9999` });
    expect(table.list()).toMatchObject([{ nodeId: alice.nodeId, endpoint: ep('127.0.0.2') }]);
  });

  it("takes a v1 announcement of a v2 peer's v1 id at its endpoint as that peer's, refused elsewhere while it is heard", () => {
    const { clock, table, announce, announceV2 } = v2Setup();
    const alice = v2Node();
    announceV2(alice, '127.0.0.2', 9999, 'Alice');
    clock.now += 10_000;
    expect(announce(alice.v1Id, '127.0.0.2', 9999, 'Alice')).toEqual({ ok: true, changes: [], newcomer: false });
    expect(table.list()).toEqual([expect.objectContaining({ nodeId: alice.nodeId, dialect: 'v2', lastSeen: 1_010_000 })]);
    expect(announce(alice.v1Id, '127.0.0.66')).toEqual({ ok: false, reason: `v1 id ${alice.v1Id} is v2 node ${alice.nodeId}'s, still heard at 127.0.0.2:9999` });
    expect(table.list()).toHaveLength(1);
  });

  it('lets a node that announced v1 take its endpoint at once when it announces v2', () => {
    const { table, announce, announceV2 } = v2Setup({ replaceAfterMs: 5000 });
    const alice = v2Node();
    announce(alice.v1Id, '127.0.0.2');
    expect(changesOf(announceV2(alice, '127.0.0.2'))).toMatchObject([
      { kind: 'left', reason: 'replaced', peer: { nodeId: alice.v1Id, dialect: 'v1' } },
      { kind: 'joined', peer: { nodeId: alice.nodeId, dialect: 'v2' } },
    ]);
    // another node still waits
    expect(announceV2(v2Node(), '127.0.0.2')).toEqual({ ok: false, reason: 'endpoint 127.0.0.2:9999 changed node less than 5000 ms ago' });
    expect(table.discovered).toBe(1);
  });

  it('names a static peer by its v2 id', () => {
    const { table } = setup();
    const alice = v2Node();
    expect(changesOf(table.announce({ nodeId: alice.nodeId, key: alice.key, dialect: 'v2', name: 'A', endpoint: ep('127.0.0.9', 7000) }))).toMatchObject([
      { kind: 'joined', peer: { nodeId: alice.nodeId, static: true, dialect: 'v2' } },
    ]);
    expect(table.discovered).toBe(0);
  });

  it('removes a peer on request (a static one stays, unnamed), and its next announcement is a newcomer', () => {
    const { table, announceV2 } = v2Setup({ staticPeers: [ep('127.0.0.9', 7000)] });
    const alice = v2Node();
    const bob = v2Node();
    announceV2(alice, '127.0.0.2');
    announceV2(bob, '127.0.0.9', 7000);
    expect(table.remove(alice.nodeId, 'no frame for 3 s')).toMatchObject([{ kind: 'left', reason: 'no frame for 3 s', peer: { nodeId: alice.nodeId } }]);
    expect(table.remove(bob.nodeId, 'link closed')).toMatchObject([
      { kind: 'left', reason: 'link closed', peer: { nodeId: bob.nodeId } },
      { kind: 'joined', peer: { nodeId: '', static: true } },
    ]);
    expect(table.remove(alice.nodeId, 'again')).toEqual([]);
    expect(table.remove('', 'unnamed')).toEqual([]);
    expect(table.list()).toMatchObject([{ nodeId: '', static: true }]);
    expect(table.discovered).toBe(0);
    expect(announceV2(alice, '127.0.0.2')).toMatchObject({ ok: true, newcomer: true });
  });
});

describe('PeerTable, gossip', () => {
  it('adds a gossiped v2 peer as gossip, refreshed by gossip, and expires it when the gossip stops', () => {
    const { clock, table, gossip } = v2Setup();
    const carol = v2Node();
    expect(gossip(carol, '127.0.0.3', 9999, 'Carol')).toMatchObject({ ok: true, newcomer: false, changes: [{ kind: 'joined', peer: { nodeId: carol.nodeId, gossip: true, dialect: 'v2', static: false } }] });
    clock.now += 20_000;
    expect(gossip(carol, '127.0.0.3', 9999, 'Carol')).toEqual({ ok: true, changes: [], newcomer: false });
    clock.now += 20_000;
    expect(table.sweep()).toEqual([]);
    clock.now += 10_000;
    expect(table.sweep()).toMatchObject([{ kind: 'left', reason: 'timeout', peer: { nodeId: carol.nodeId } }]);
    expect(table.discovered).toBe(0);
  });

  it('refuses a gossiped peer whose key is not its id', () => {
    const { table } = v2Setup();
    const carol = v2Node();
    expect(table.upsertFromGossip({ nodeId: carol.nodeId, key: v2Node().key, name: 'C', endpoint: ep('127.0.0.3') })).toMatchObject({ ok: false, reason: expect.stringContaining('announces a key whose id is') });
    expect(table.upsertFromGossip({ nodeId: 'aaaa1111', key: carol.key, name: 'C', endpoint: ep('127.0.0.3') })).toEqual({ ok: false, reason: '"aaaa1111" is not a v2 node id' });
    expect(table.list()).toEqual([]);
  });

  it('never moves, refreshes or replaces a peer heard directly', () => {
    const { clock, table, announce, announceV2, gossip } = v2Setup();
    const alice = v2Node();
    announceV2(alice, '127.0.0.2');
    announce('orig0001', '127.0.0.5');
    clock.now += 29_000;
    expect(gossip(alice, '127.0.0.2')).toEqual({ ok: true, changes: [], newcomer: false });
    expect(gossip(alice, '127.0.0.66')).toEqual({ ok: true, changes: [], newcomer: false });
    expect(gossip(v2Node(), '127.0.0.5')).toEqual({ ok: false, reason: 'endpoint 127.0.0.5:9999 is held by node orig0001' });
    expect(table.byNodeId(alice.nodeId)).toMatchObject({ endpoint: ep('127.0.0.2'), lastSeen: 1_000_000, gossip: false });
    clock.now += 1000;
    expect(table.sweep().map((c) => c.peer.nodeId).sort()).toEqual([alice.nodeId, 'orig0001'].sort());
  });

  it('does not move a gossiped peer while the gossip about it is fresh', () => {
    const { table, gossip } = v2Setup();
    const carol = v2Node();
    gossip(carol, '127.0.0.3');
    expect(gossip(carol, '127.0.0.66')).toEqual({ ok: false, reason: `node ${carol.nodeId} is still listed at 127.0.0.3:9999` });
    expect(table.byNodeId(carol.nodeId)?.endpoint).toEqual(ep('127.0.0.3'));
  });

  it('makes a gossiped peer heard directly a direct one and a newcomer, wherever it is heard', () => {
    const { table, announceV2, gossip } = v2Setup();
    const carol = v2Node();
    const dave = v2Node();
    gossip(carol, '127.0.0.3', 9999, 'Carol');
    expect(announceV2(carol, '127.0.0.3', 9999, 'Carol')).toMatchObject({ ok: true, newcomer: true, changes: [{ kind: 'updated', reason: 'heard directly', peer: { gossip: false } }] });
    expect(announceV2(carol, '127.0.0.3', 9999, 'Carol')).toEqual({ ok: true, newcomer: false, changes: [] });
    expect(table.byNodeId(carol.nodeId)).toMatchObject({ gossip: false });
    gossip(dave, '127.0.0.66');
    expect(announceV2(dave, '127.0.0.4')).toMatchObject({
      ok: true,
      newcomer: true,
      changes: [
        { kind: 'left', reason: 'moved', peer: { endpoint: ep('127.0.0.66') } },
        { kind: 'joined', peer: { nodeId: dave.nodeId, endpoint: ep('127.0.0.4'), gossip: false } },
      ],
    });
    expect(table.discovered).toBe(2);
  });

  it('counts gossiped peers in the total cap, and gives their places to peers heard directly', () => {
    const { clock, table, announce, gossip } = v2Setup({ maxPeers: 3, maxPeersPerAddress: 100 });
    const [g1, g2, g3] = [v2Node(), v2Node(), v2Node()];
    gossip(g1!, '127.0.0.66');
    clock.now += 1;
    gossip(g2!, '127.0.0.67');
    expect(announce('orig0001', '127.0.0.5')).toMatchObject({ ok: true });
    expect(gossip(g3!, '127.0.0.68')).toEqual({ ok: false, reason: 'peer table full (3 discovered peers)' });
    // full: a peer heard directly takes the place of the gossiped one heard longest ago
    expect(changesOf(announce('orig0002', '127.0.0.6'))).toMatchObject([
      { kind: 'left', reason: 'evicted', peer: { nodeId: g1!.nodeId } },
      { kind: 'joined', peer: { nodeId: 'orig0002' } },
    ]);
    expect(changesOf(announce('orig0003', '127.0.0.7'))).toMatchObject([{ kind: 'left', reason: 'evicted', peer: { nodeId: g2!.nodeId } }, { kind: 'joined' }]);
    // with no gossiped peer left, the table is full again
    expect(announce('orig0004', '127.0.0.8')).toEqual({ ok: false, reason: 'peer table full (3 discovered peers)' });
    expect(table.discovered).toBe(3);
  });

  it('counts gossiped peers in the per-address cap, and gives a place at that address to a peer heard directly', () => {
    const { clock, table, announceV2, gossip } = v2Setup({ maxPeers: 100, maxPeersPerAddress: 2 });
    const [older, g1, g2, g3] = [v2Node(), v2Node(), v2Node(), v2Node()];
    gossip(older!, '127.0.0.67', 1);
    clock.now += 1;
    expect(gossip(g1!, '127.0.0.66', 1)).toMatchObject({ ok: true });
    expect(gossip(g2!, '127.0.0.66', 2)).toMatchObject({ ok: true });
    expect(gossip(g3!, '127.0.0.66', 3)).toEqual({ ok: false, reason: 'too many peers at 127.0.0.66 (2)' });
    expect(changesOf(announceV2(v2Node(), '127.0.0.66', 6))).toMatchObject([
      { kind: 'left', reason: 'evicted', peer: { nodeId: g1!.nodeId } },
      { kind: 'joined', peer: { endpoint: ep('127.0.0.66', 6), gossip: false } },
    ]);
    expect(table.byNodeId(older!.nodeId)).toMatchObject({ gossip: true });
    expect(table.discovered).toBe(3);
  });
});
