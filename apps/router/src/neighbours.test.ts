import { describe, expect, it } from 'vitest';
import { Neighbours } from './neighbours.ts';

const peer = (nodeId: string, host: string, port = 9999) => ({ nodeId, name: nodeId, endpoint: { host, port } });

describe('Neighbours', () => {
  it('relays to every neighbour but the sender and the peer it came from', () => {
    const n = new Neighbours();
    n.replace([peer('a', '127.0.0.2'), peer('b', '127.0.0.3'), peer('c', '127.0.0.4'), peer('d', '127.0.0.5')]);
    const targets = n.relayTargets('a', { host: '127.0.0.3', port: 51234 });
    expect(targets.map((t) => t.nodeId)).toEqual(['c', 'd']);
  });

  it('excludes no one by address when several neighbours share the sending host', () => {
    const n = new Neighbours();
    n.replace([peer('a', '127.0.0.2', 1000), peer('b', '127.0.0.2', 2000), peer('c', '127.0.0.4')]);
    expect(n.relayTargets('zz', { host: '127.0.0.2', port: 40000 })).toHaveLength(3);
  });

  it('knows a neighbour by node id, folds a static entry into the node heard at its endpoint, and forgets removed peers', () => {
    const n = new Neighbours();
    n.upsert(peer('', '127.0.0.2'));
    n.upsert(peer('a', '127.0.0.2'));
    expect(n.targets()).toEqual([{ nodeId: 'a', endpoint: { host: '127.0.0.2', port: 9999 } }]);
    n.upsert(peer('a', '127.0.0.7'));
    expect(n.targets()).toEqual([{ nodeId: 'a', endpoint: { host: '127.0.0.7', port: 9999 } }]);
    n.remove(peer('a', '127.0.0.7'));
    expect(n.size).toBe(0);
  });

  it('tells a chunk that came from its sender from one a neighbour relayed', () => {
    const n = new Neighbours();
    n.replace([peer('a', '127.0.0.2'), peer('b', '127.0.0.3')]);
    expect(n.isDirect('a', { host: '127.0.0.2', port: 1 })).toBe(true);
    expect(n.isDirect('a', { host: '127.0.0.3', port: 1 })).toBe(false);
    expect(n.isDirect('zz', { host: '127.0.0.3', port: 1 })).toBe(false);
  });
});
