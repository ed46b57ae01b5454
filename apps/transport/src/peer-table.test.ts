import { describe, expect, it } from 'vitest';
import { PeerTable } from './peer-table.ts';

const ep = (host: string, port = 9999) => ({ host, port });

function setup(staticPeers = [ep('127.0.0.9', 7000)]) {
  const clock = { now: 1_000_000 };
  const table = new PeerTable({ timeoutMs: 30_000, staticPeers, now: () => clock.now });
  return { clock, table };
}

describe('PeerTable', () => {
  it('holds static peers from the start, unnamed, static and v1', () => {
    const { table } = setup();
    expect(table.list()).toEqual([{ nodeId: '', name: '', endpoint: ep('127.0.0.9', 7000), lastSeen: 0, static: true, dialect: 'v1' }]);
  });

  it('adds a newly heard endpoint as joined, and a refresh changes nothing but lastSeen', () => {
    const { clock, table } = setup([]);
    const changes = table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') });
    expect(changes).toEqual([{ kind: 'joined', peer: { nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2'), lastSeen: 1_000_000, static: false, dialect: 'v1' } }]);
    clock.now += 5000;
    expect(table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') })).toEqual([]);
    expect(table.get(ep('127.0.0.2'))?.lastSeen).toBe(1_005_000);
  });

  it('names a static peer when its endpoint announces itself, and keeps it static', () => {
    const { table } = setup();
    const changes = table.announce({ nodeId: 'ssss0000', name: 'S', endpoint: ep('127.0.0.9', 7000) });
    expect(changes).toMatchObject([{ kind: 'joined', peer: { nodeId: 'ssss0000', name: 'S', static: true } }]);
    expect(table.list()).toHaveLength(1);
  });

  it('reports a known endpoint with a new name as joined', () => {
    const { table } = setup([]);
    table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') });
    expect(table.announce({ nodeId: 'aaaa1111', name: 'A2', endpoint: ep('127.0.0.2') })).toMatchObject([{ kind: 'joined', peer: { name: 'A2' } }]);
  });

  it('reports a known endpoint announcing another node id as the old one replaced and the new one joined', () => {
    const { table } = setup([]);
    table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') });
    const changes = table.announce({ nodeId: 'bbbb2222', name: 'A', endpoint: ep('127.0.0.2') });
    expect(changes).toMatchObject([
      { kind: 'left', reason: 'replaced', peer: { nodeId: 'aaaa1111' } },
      { kind: 'joined', peer: { nodeId: 'bbbb2222' } },
    ]);
    expect(table.list().map((p) => p.nodeId)).toEqual(['bbbb2222']);
  });

  it('removes the old entry of a node id that moved to a new endpoint', () => {
    const { table } = setup([]);
    table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') });
    const changes = table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.3') });
    expect(changes).toMatchObject([
      { kind: 'left', reason: 'moved', peer: { endpoint: ep('127.0.0.2') } },
      { kind: 'joined', peer: { endpoint: ep('127.0.0.3') } },
    ]);
    expect(table.endpoints()).toEqual([ep('127.0.0.3')]);
  });

  it('keeps a static endpoint whose node moved away, unnamed again', () => {
    const { table } = setup();
    table.announce({ nodeId: 'ssss0000', name: 'S', endpoint: ep('127.0.0.9', 7000) });
    const changes = table.announce({ nodeId: 'ssss0000', name: 'S', endpoint: ep('127.0.0.3') });
    expect(changes).toMatchObject([{ kind: 'joined', peer: { endpoint: ep('127.0.0.3'), static: false } }]);
    expect(table.get(ep('127.0.0.9', 7000))).toMatchObject({ nodeId: '', static: true, lastSeen: 0 });
  });

  it('drops discovered peers not heard for the timeout, never static ones', () => {
    const { clock, table } = setup();
    table.announce({ nodeId: 'ssss0000', name: 'S', endpoint: ep('127.0.0.9', 7000) });
    table.announce({ nodeId: 'aaaa1111', name: 'A', endpoint: ep('127.0.0.2') });
    clock.now += 20_000;
    table.announce({ nodeId: 'bbbb2222', name: 'B', endpoint: ep('127.0.0.3') });
    clock.now += 10_000;
    expect(table.sweep()).toMatchObject([{ kind: 'left', reason: 'timeout', peer: { nodeId: 'aaaa1111' } }]);
    expect(table.list().map((p) => p.nodeId).sort()).toEqual(['bbbb2222', 'ssss0000']);
    clock.now += 1_000_000;
    expect(table.sweep()).toMatchObject([{ peer: { nodeId: 'bbbb2222' } }]);
    expect(table.list().map((p) => p.nodeId)).toEqual(['ssss0000']);
  });

  it('hands out copies, so callers cannot change the table', () => {
    const { table } = setup();
    table.list()[0]!.endpoint.port = 1;
    table.endpoints()[0]!.host = 'x';
    expect(table.endpoints()).toEqual([ep('127.0.0.9', 7000)]);
  });
});
