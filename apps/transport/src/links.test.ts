// Every link of a node (Links) with real listeners and connections: dialling, accepting,
// duplicate links when two nodes dial each other at once, refusals (another password, another
// node than the one announced, limits) with their logged reasons, and the end of a link.
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogger, freePort, waitFor, type CapturedLog } from '@meshwork/testing';
import { makeLinkIdentity } from './link-handshake.ts';
import type { Link, LinkPeer } from './link.ts';
import { Links, type LinksOptions } from './links.ts';
import { createTcpListener } from './tcp-listener.ts';
import { newNodeKey, testTimings } from './test-helpers.ts';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

interface TestNode {
  name: string;
  nodeId: string;
  endpoint: { host: string; port: number };
  links: Links;
  lines: CapturedLog['lines'];
  ups: LinkPeer[];
  downs: Array<{ peer: LinkPeer; reason: string }>;
  frames: Array<{ link: Link; text: string }>;
  badPeers: Array<{ host: string; reason: string }>;
  impostors: Array<{ endpoint: { host: string; port: number }; nodeId: string }>;
  /** connections the listener handed over as links, in order */
  accepted: Socket[];
}

/** A listener whose hello connections go to a Links, as in the transport. */
async function startNode(name: string, host: string, settings: Partial<Omit<LinksOptions, 'psk'>> & { psk?: Buffer } = {}): Promise<TestNode> {
  const { psk, ...opts } = settings;
  const { log, lines } = captureLogger('transport', name);
  const key = newNodeKey();
  const node = { name, nodeId: key.nodeId, lines, ups: [], downs: [], frames: [], badPeers: [], impostors: [], accepted: [] } as unknown as TestNode;
  const listener = createTcpListener({
    host,
    port: 0,
    maxMessageBytes: 65_536,
    inboundTimeoutMs: 10_000,
    firstByteTimeoutMs: 2000,
    maxConnections: 64,
    maxConnectionsPerAddress: 16,
    badFramesPerMinute: 1000,
    badFrameCooldownMs: 60_000,
    log,
    onMessage: () => {},
    onLink: (socket, hello, reader) => {
      node.accepted.push(socket);
      node.links.accept(socket, hello, reader);
    },
  });
  const { port } = await listener.listen();
  node.endpoint = { host, port };
  node.links = new Links({
    ...testTimings,
    identity: makeLinkIdentity(key, name, port),
    psk: () => psk,
    maxFrameBytes: 1024 ** 2,
    handshakeTimeoutMs: 2000,
    connectTimeoutMs: 2000,
    localAddress: host,
    maxLinks: 16,
    maxLinksPerAddress: 4,
    retryMs: 200,
    retryMaxMs: 1000,
    log,
    onUp: (peer) => void node.ups.push(peer),
    onDown: (peer, reason) => void node.downs.push({ peer, reason }),
    onFrame: (plaintext, link) => void node.frames.push({ link, text: String(plaintext) }),
    onBadPeer: (peerHost, reason) => void node.badPeers.push({ host: peerHost, reason }),
    onImpostor: (endpoint, nodeId) => void node.impostors.push({ endpoint: { ...endpoint }, nodeId }),
    ...opts,
  });
  cleanup.push(() => listener.close(), () => node.links.close());
  return node;
}

const logged = (node: TestNode, msg: string) => node.lines.filter((l) => l.msg === msg);

/** A frame each way over the link between a and b: both hold the same connection. */
async function exchange(a: TestNode, b: TestNode, tag: string): Promise<void> {
  await a.links.get(b.nodeId)!.send(Buffer.from(`{"from":"${a.name}","tag":"${tag}"}`));
  await b.links.get(a.nodeId)!.send(Buffer.from(`{"from":"${b.name}","tag":"${tag}"}`));
  await waitFor(() => b.frames.some((f) => f.text.includes(tag)) && a.frames.some((f) => f.text.includes(tag)), { what: `frames "${tag}" both ways` });
  expect(b.frames.find((f) => f.text.includes(tag))!.link).toBe(b.links.get(a.nodeId));
  expect(a.frames.find((f) => f.text.includes(tag))!.link).toBe(a.links.get(b.nodeId));
}

describe('links', { timeout: 20_000 }, () => {
  it('dials a node: one link on each side, up on both, frames both ways', async () => {
    const a = await startNode('Alice', '127.0.0.2');
    const b = await startNode('Bob', '127.0.0.3');
    a.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => a.ups.length === 1 && b.ups.length === 1, { what: 'the link up on both sides' });
    expect(a.ups[0]).toMatchObject({ nodeId: b.nodeId, name: 'Bob', host: '127.0.0.3', port: b.endpoint.port });
    expect(b.ups[0]).toMatchObject({ nodeId: a.nodeId, name: 'Alice', host: '127.0.0.2', port: a.endpoint.port });
    expect(a.links.get(b.nodeId)!.initiator).toBe(true);
    expect(b.links.get(a.nodeId)!.initiator).toBe(false);
    expect(a.links.list()).toHaveLength(1);
    expect(b.accepted).toHaveLength(1);
    await exchange(a, b, 'hello');
    expect(logged(a, 'link up')).toMatchObject([{ level: 30, peer: b.nodeId, name: 'Bob', host: '127.0.0.3', initiator: true }]);
    expect(logged(b, 'link up')).toMatchObject([{ level: 30, peer: a.nodeId, name: 'Alice', host: '127.0.0.2', initiator: false }]);
  });

  it('two nodes dialling each other at once end with one link each, on the same connection, the one the smaller id dialled', async () => {
    for (let round = 0; round < 5; round++) {
      const a = await startNode('Alice', '127.0.0.2');
      const b = await startNode('Bob', '127.0.0.3');
      a.links.dial(b.endpoint, b.nodeId);
      b.links.dial(a.endpoint, a.nodeId);
      const [small, large] = a.nodeId < b.nodeId ? [a, b] : [b, a];
      // both connections made it to the listeners; the one the larger id dialled is closed
      await waitFor(() => small.accepted.length === 1 && large.accepted.length === 1, { what: 'both dials accepted' });
      await waitFor(() => small.accepted[0]!.destroyed, { what: 'the duplicate connection closed' });
      await waitFor(() => small.links.get(large.nodeId) && large.links.get(small.nodeId), { what: 'a link on each side' });
      expect(large.accepted[0]!.destroyed).toBe(false);
      expect(small.links.get(large.nodeId)!.initiator).toBe(true);
      expect(large.links.get(small.nodeId)!.initiator).toBe(false);
      expect(a.links.list()).toHaveLength(1);
      expect(b.links.list()).toHaveLength(1);
      await exchange(a, b, `round ${round}`);
      // the connection kept is the one the larger node accepted: its remote port is the smaller node's dialling socket
      expect(large.accepted[0]!.remoteAddress).toBe(small.endpoint.host);
      expect(logged(a, 'link handshake refused')).toEqual([]);
      expect(logged(b, 'link handshake refused')).toEqual([]);
      // the link that is left is never reported down
      expect(a.links.get(b.nodeId)!.closed || b.links.get(a.nodeId)!.closed).toBe(false);
      await Promise.all(cleanup.splice(0).reverse().map((done) => done()));
    }
  });

  it('does not link with another network key: the listening side says why, naming the peer', async () => {
    const a = await startNode('Alice', '127.0.0.2', { psk: randomBytes(32) });
    const b = await startNode('Bob', '127.0.0.3', { psk: randomBytes(32) });
    a.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => logged(b, 'link handshake refused').length === 1 && logged(a, 'link not made').length === 1, { what: 'the refusal' });
    expect(logged(b, 'link handshake refused')).toMatchObject([
      { level: 40, peer: expect.stringMatching(/^127\.0\.0\.2:\d+$/), direction: 'inbound', reason: expect.stringMatching(/^handshake failed: .*\(a different network password, or network salt\?\)$/) },
    ]);
    expect(b.badPeers).toMatchObject([{ host: '127.0.0.2' }]);
    expect(logged(a, 'link not made')).toMatchObject([{ endpoint: `127.0.0.3:${b.endpoint.port}`, nodeId: b.nodeId, reason: 'the peer closed the connection during the handshake', retryInMs: 200 }]);
    expect(a.ups).toEqual([]);
    expect(b.ups).toEqual([]);
  });

  it('links with the same network key', async () => {
    const psk = randomBytes(32);
    const a = await startNode('Alice', '127.0.0.2', { psk });
    const b = await startNode('Bob', '127.0.0.3', { psk: Buffer.from(psk) });
    a.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => a.ups.length === 1 && b.ups.length === 1, { what: 'the link up on both sides' });
    await exchange(a, b, 'with a password');
  });

  it('refuses the node at an endpoint when it is not the node announced there, then backs off that endpoint', async () => {
    const a = await startNode('Alice', '127.0.0.2');
    const b = await startNode('Bob', '127.0.0.3');
    const announced = newNodeKey().nodeId;
    a.links.dial(b.endpoint, announced);
    await waitFor(() => a.impostors.length === 1, { what: 'the refusal' });
    const reason = `the node at 127.0.0.3 is ${b.nodeId}, not ${announced} as announced`;
    // not held against the address (the node there may be honest: the announcement lied)
    expect(a.badPeers).toEqual([]);
    // the announcement was false: the caller is told which, to forget it
    expect(a.impostors).toEqual([{ endpoint: b.endpoint, nodeId: announced }]);
    expect(logged(a, 'link handshake refused')).toMatchObject([{ level: 40, direction: 'outbound', reason }]);
    await waitFor(() => logged(a, 'link not made').length === 1, { what: 'the back-off' });
    expect(logged(a, 'link not made')).toMatchObject([{ nodeId: announced, reason, retryInMs: 200 }]);
    // backing off: this dial does not go out; the forced one does
    a.links.dial(b.endpoint, announced);
    a.links.dial(b.endpoint, announced, true);
    await waitFor(() => a.impostors.length === 2, { what: 'the second refusal' });
    expect(b.accepted).toHaveLength(2);
    expect(a.ups).toEqual([]);
    expect(b.ups).toEqual([]);
    // the node that is there, named rightly, is linked
    a.links.dial(b.endpoint, b.nodeId, true);
    await waitFor(() => a.ups.length === 1, { what: 'the link to the real node' });
  });

  it('logs a dial that finds nobody, and backs off', async () => {
    const a = await startNode('Alice', '127.0.0.2');
    const port = await freePort('127.0.0.3');
    const target = newNodeKey().nodeId;
    a.links.dial({ host: '127.0.0.3', port }, target);
    await waitFor(() => logged(a, 'link not made').length === 1, { what: 'the failure' });
    expect(logged(a, 'link not made')).toMatchObject([{ level: 30, endpoint: `127.0.0.3:${port}`, nodeId: target, reason: 'ECONNREFUSED', retryInMs: 200 }]);
    expect(a.badPeers).toEqual([]);
  });

  it('reports a link going down once on each side, with its reason, and links again', async () => {
    const a = await startNode('Alice', '127.0.0.2');
    const b = await startNode('Bob', '127.0.0.3');
    a.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => a.ups.length === 1 && b.ups.length === 1, { what: 'the link' });
    b.links.get(a.nodeId)!.close('testing');
    await waitFor(() => a.downs.length === 1 && b.downs.length === 1, { what: 'down on both sides' });
    expect(a.downs).toMatchObject([{ peer: { nodeId: b.nodeId }, reason: 'closed by the peer: testing' }]);
    expect(b.downs).toMatchObject([{ peer: { nodeId: a.nodeId }, reason: 'testing' }]);
    expect(logged(a, 'link down')).toMatchObject([{ peer: b.nodeId, reason: 'closed by the peer: testing' }]);
    expect(a.links.get(b.nodeId)).toBeUndefined();
    a.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => a.ups.length === 2 && b.ups.length === 2, { what: 'linked again' });
    await exchange(a, b, 'again');
    expect(a.downs).toHaveLength(1);
  });

  it('close() ends every link, telling the peers the node is stopping, and takes no more', async () => {
    const a = await startNode('Alice', '127.0.0.2');
    const b = await startNode('Bob', '127.0.0.3');
    b.links.dial(a.endpoint, a.nodeId);
    await waitFor(() => a.ups.length === 1 && b.ups.length === 1, { what: 'the link' });
    a.links.close();
    await waitFor(() => b.downs.length === 1, { what: 'the link down at the peer' });
    expect(b.downs[0]!.reason).toBe('closed by the peer: node stopping');
    b.links.dial(a.endpoint, a.nodeId);
    await waitFor(() => a.accepted.length === 2 && a.accepted[1]!.destroyed, { what: 'the new connection closed' });
    expect(a.links.list()).toEqual([]);
  });

  it('refuses inbound links past the limit per address, with a logged reason', async () => {
    const b = await startNode('Bob', '127.0.0.3', { maxLinksPerAddress: 1 });
    const a1 = await startNode('Alice', '127.0.0.2');
    const a2 = await startNode('Alice2', '127.0.0.2');
    a1.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => b.ups.length === 1, { what: 'the first link' });
    a2.links.dial(b.endpoint, b.nodeId);
    await waitFor(() => logged(b, 'refused link: too many links').length === 1, { what: 'the refusal' });
    expect(logged(b, 'refused link: too many links')).toMatchObject([{ level: 40, peer: '127.0.0.2', perAddress: 1 }]);
    await waitFor(() => logged(a2, 'link not made').length === 1, { what: 'the dialler giving up' });
    expect(b.links.list().map((l) => l.peer.nodeId)).toEqual([a1.nodeId]);
  });
});
