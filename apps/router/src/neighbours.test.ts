import { describe, expect, it } from 'vitest';
import { Neighbours } from './neighbours.ts';

const peer = (nodeId: string, host: string, port = 9999) => ({ nodeId, name: nodeId, endpoint: { host, port } });
/** a v2 peer: known by its 32-character id, with the 8-character id original nodes see */
const v2 = (nodeId: string, host: string, linked = true, port = 9999) => ({ ...peer(nodeId, host, port), v1Id: nodeId.slice(0, 8), dialect: 'v2', linked });
const ids = (refs: Array<{ nodeId?: string | null }>) => refs.map((r) => r.nodeId);
const OLGA = 'olgaolgaolgaolgaolgaolgaolgaolga';
const PAT = 'patpatpatpatpatpatpatpatpatpatpa';

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

  it('takes a v2 peer as a neighbour only while its link is up', () => {
    const n = new Neighbours();
    n.replace([v2(OLGA, '127.0.0.2', false), peer('cccc3333', '127.0.0.4')]);
    expect(ids(n.targets())).toEqual(['cccc3333']);
    n.upsert(v2(OLGA, '127.0.0.2'));
    expect(ids(n.targets())).toEqual(['cccc3333', OLGA]);
    // link down: transport says so with an update (or peer.left)
    n.upsert(v2(OLGA, '127.0.0.2', false));
    expect(ids(n.targets())).toEqual(['cccc3333']);
    expect(n.relayTargets('zzzz9999', { host: '127.0.0.9', port: 1 })).toEqual([{ nodeId: 'cccc3333', endpoint: { host: '127.0.0.4', port: 9999 } }]);
  });

  it('relays a message that came over a link to every other neighbour, whoever shares that link\'s host', () => {
    const n = new Neighbours();
    n.replace([v2(OLGA, '127.0.0.2'), v2(PAT, '127.0.0.2', true, 9998), peer('cccc3333', '127.0.0.2', 9997)]);
    expect(ids(n.relayTargets('zzzz9999', { host: '127.0.0.2', port: 9999 }, PAT))).toEqual([OLGA, 'cccc3333']);
    // a link the table does not know (yet): only the sender is left out
    expect(ids(n.relayTargets(OLGA, { host: '127.0.0.2', port: 9999 }, 'unknownunknownunknownunknownunkn'))).toEqual([PAT, 'cccc3333']);
  });

  it('leaves out the origin, known by its v2 id or by the v1 id original nodes saw', () => {
    const n = new Neighbours();
    n.replace([v2(OLGA, '127.0.0.2'), v2(PAT, '127.0.0.3'), peer('cccc3333', '127.0.0.4')]);
    expect(ids(n.relayTargets(OLGA, { host: '127.0.0.3', port: 9999 }, PAT))).toEqual(['cccc3333']);
    // Olga's message as a v1 node relayed it (sender_id = her first 8 characters), from Vic's connection
    expect(ids(n.relayTargets(OLGA.slice(0, 8), { host: '127.0.0.4', port: 40000 }))).toEqual([PAT]);
  });

  it('tells a message that came over its origin\'s own link from one another link carried', () => {
    const n = new Neighbours();
    n.replace([v2(OLGA, '127.0.0.2'), v2(PAT, '127.0.0.3')]);
    expect(n.isDirect(OLGA, { host: '127.0.0.2', port: 9999 }, OLGA)).toBe(true);
    expect(n.isDirect(OLGA, { host: '127.0.0.2', port: 9999 }, PAT)).toBe(false);
  });
});
