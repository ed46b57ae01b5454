import { describe, expect, it } from 'vitest';
import { Neighbours } from './neighbours.ts';

const peer = (nodeId: string, host: string, port = 9999) => ({ nodeId, name: nodeId, endpoint: { host, port } });

describe('Neighbours', () => {
  it('relays to every neighbour but the sender and the peer it came from', () => {
    const n = new Neighbours();
    n.replace([peer('a', '127.0.0.2'), peer('b', '127.0.0.3'), peer('c', '127.0.0.4'), peer('d', '127.0.0.5')]);
    const targets = n.relayTargets('a', { host: '127.0.0.3', port: 51234 });
    expect(targets.map((t) => t.host)).toEqual(['127.0.0.4', '127.0.0.5']);
  });

  it('excludes no one by address when several neighbours share the sending host', () => {
    const n = new Neighbours();
    n.replace([peer('a', '127.0.0.2', 1000), peer('b', '127.0.0.2', 2000), peer('c', '127.0.0.4')]);
    expect(n.relayTargets('zz', { host: '127.0.0.2', port: 40000 })).toHaveLength(3);
  });

  it('keeps one entry per endpoint and forgets removed peers', () => {
    const n = new Neighbours();
    n.upsert(peer('', '127.0.0.2'));
    n.upsert(peer('a', '127.0.0.2'));
    expect(n.all()).toHaveLength(1);
    n.remove(peer('a', '127.0.0.2'));
    expect(n.all()).toHaveLength(0);
  });
});
