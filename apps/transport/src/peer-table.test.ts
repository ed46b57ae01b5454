import { describe, expect, it } from 'vitest';
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

describe('PeerTable', () => {
  it('holds static peers from the start, unnamed, static and v1', () => {
    const { table } = setup();
    expect(table.list()).toEqual([{ nodeId: '', name: '', endpoint: ep('127.0.0.9', 7000), lastSeen: 0, static: true, dialect: 'v1' }]);
    expect(table.staticEndpoints()).toEqual([ep('127.0.0.9', 7000)]);
    expect(table.atEndpoint(ep('127.0.0.9', 7000))).toMatchObject({ static: true });
  });

  it('adds a newly heard node as joined, and a refresh changes nothing but lastSeen', () => {
    const { clock, table, announce } = setup([]);
    expect(announce('aaaa1111', '127.0.0.2')).toEqual({
      ok: true,
      changes: [{ kind: 'joined', peer: { nodeId: 'aaaa1111', name: 'AAAA1111', endpoint: ep('127.0.0.2'), lastSeen: 1_000_000, static: false, dialect: 'v1' } }],
    });
    clock.now += 5000;
    expect(announce('aaaa1111', '127.0.0.2')).toEqual({ ok: true, changes: [] });
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
