// Node identities against a hostile v2 peer (libs/testing V2Peer: real handshakes with a key of
// its own): a peer claiming another node's id, replaying or forging signed messages, or altering
// a sealed frame is refused with a logged reason, and the real nodes' links go on.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MessageView, type PeerView } from '@meshwork/protocol';
import { presetNodeIdentity, routerCounters, startNode, startPair, tcpConnectionsBetween, V2Peer, waitFor, type LogLine, type TestNode, type V2TestLink } from '@meshwork/testing';
import { say } from './helpers.ts';

let a: TestNode;
let b: TestNode;
/** claims other nodes' ids in discovery */
let impostor: V2Peer;
/** links honestly, then misbehaves */
let tester: V2Peer;
/** Alice's link to Bob as the start left it: its TCP connection, and the "link up" lines Alice had logged for Bob */
let bobsLink: { connection: string; ups: number };

beforeAll(async () => {
  [a, b] = await startPair({ name: 'Alice', host: '127.0.0.10' }, { name: 'Bob', host: '127.0.0.11' });
  await waitFor(async () => (await linked(a, b.nodeId)) && (await linked(b, a.nodeId)), { what: 'Alice and Bob linked', timeoutMs: 30_000 });
  // (when both dialled at once, the losing link lingers for up to a second)
  const connection = await waitFor(() => {
    const now = tcpConnectionsBetween(a.host, b.host);
    return now.size === 1 && [...now.keys()][0];
  }, { what: 'one TCP connection between Alice and Bob' });
  bobsLink = { connection, ups: linkLogs(a, 'link up', b.nodeId).length };
  impostor = new V2Peer({ host: '127.0.0.12', name: 'Impostor' });
  tester = new V2Peer({ host: '127.0.0.13', name: 'Tester' });
  await Promise.all([impostor.start(), tester.start()]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), impostor?.stop(), tester?.stop()]);
});

const auth = (node: TestNode) => ({ authorization: `${api.auth.scheme} ${node.secret}` });

async function getJson<T>(node: TestNode, route: string): Promise<T> {
  const response = await fetch(`${node.gateway}${route}`, { headers: auth(node) });
  if (!response.ok) throw new Error(`${node.name}: GET ${route} answered ${response.status}`);
  return (await response.json()) as T;
}

const history = (node: TestNode) => getJson<MessageView[]>(node, api.routes.messages);

async function linked(node: TestNode, nodeId: string): Promise<boolean> {
  return (await getJson<PeerView[]>(node, api.routes.peers)).some((p) => p.nodeId === nodeId && p.linked);
}

const linkLogs = (node: TestNode, msg: 'link up' | 'link down', peer: string) => node.logs.filter((l) => l.service === 'transport' && l.msg === msg && l.peer === peer);

/** Alice's link to Bob is the one made at the start: it never went down, nor came up again, and it is the same TCP connection. */
async function bobsLinkUnaffected(): Promise<void> {
  expect(linkLogs(a, 'link down', b.nodeId)).toEqual([]);
  expect(linkLogs(a, 'link up', b.nodeId)).toHaveLength(bobsLink.ups);
  expect([...tcpConnectionsBetween(a.host, b.host).keys()]).toEqual([bobsLink.connection]);
  expect(await linked(a, b.nodeId)).toBe(true);
}

/** Links the tester to Alice and waits until Alice lists it as linked. */
async function testerLink(): Promise<V2TestLink> {
  const link = await tester.dial(a.host, a.port);
  expect(link.peer.nodeId).toBe(a.nodeId);
  await waitFor(() => linked(a, tester.nodeId), { what: 'Alice lists the tester as linked' });
  return link;
}

const droppedLog = (reason: string | RegExp) => (l: LogLine) => l.service === 'router' && l.msg === 'message dropped' && l.peer === tester.nodeId && (typeof reason === 'string' ? l.reason === reason : reason.test(String(l.reason)));

describe('a peer that claims another node\'s id', () => {
  it('is refused at discovery while the real node is heard, and the real link goes on', async () => {
    const inboundBefore = impostor.inbound;
    impostor.announce(a.host, undefined, { nodeId: b.nodeId, publicKey: Buffer.from(await bobsKey(), 'base64'), name: 'Bob' });
    const refused = await a.waitForLog(
      (l) => l.msg === 'refused discovery announcement' && l.nodeId === b.nodeId && String(l.peer).startsWith(`${impostor.host}:`),
      'the impostor\'s announcement refused',
    );
    expect(refused.reason).toBe(`node ${b.nodeId} is still heard at ${b.address}`);
    // it was not dialled: traffic for Bob cannot be redirected to it
    expect(impostor.inbound).toBe(inboundBefore);
    await bobsLinkUnaffected();
    await say(a, 'still Bob\'s');
    await waitFor(async () => (await history(b)).some((m) => m.content === 'still Bob\'s' && m.senderId === a.nodeId && m.authenticated), { what: 'Alice\'s chat at Bob' });
  });

  it('is dialled where it claims an id not heard yet, refused when its handshake proves its own key; the real node links after', async () => {
    const dataC = await mkdtemp(join(tmpdir(), 'mesh-Carol-'));
    const carol = presetNodeIdentity(dataC);
    impostor.announce(a.host, undefined, { nodeId: carol.nodeId, publicKey: carol.publicKey, name: 'Carol' });
    const refused = await a.waitForLog((l) => l.msg === 'link handshake refused' && String(l.peer).startsWith(`${impostor.host}:`), 'the impostor\'s handshake refused');
    expect(refused).toMatchObject({ service: 'transport', direction: 'outbound', reason: `the node at ${impostor.host} is ${impostor.nodeId}, not ${carol.nodeId} as announced` });
    expect(impostor.inbound).toBeGreaterThanOrEqual(1);
    // Alice ended the handshake before the impostor's identity counted for anything
    expect(impostor.links).toEqual([]);
    expect(await waitFor(() => impostor.refused[0], { what: 'the impostor\'s side of the handshake to end' })).toMatch(/closed the connection during the handshake/);
    expect(await linked(a, carol.nodeId)).toBe(false);
    expect(await linked(a, impostor.nodeId)).toBe(false);

    // the real Carol, started now, links with Alice (the impostor's claim does not lock her out)
    const c = await startNode({ name: 'Carol', host: '127.0.0.14', dataDir: dataC, peers: [a.address] });
    try {
      expect(c.nodeId).toBe(carol.nodeId);
      await waitFor(async () => (await linked(a, carol.nodeId)) && (await linked(c, a.nodeId)), { what: 'Alice and the real Carol linked', timeoutMs: 30_000 });
      await say(c, 'the real Carol');
      await waitFor(async () => (await history(a)).some((m) => m.content === 'the real Carol' && m.senderId === carol.nodeId && m.authenticated), { what: 'Carol\'s chat at Alice' });
    } finally {
      await c.stop();
    }
    await bobsLinkUnaffected();
  });
});

describe('a peer that links honestly, then misbehaves', () => {
  let link: V2TestLink;

  beforeAll(async () => {
    link = await testerLink();
  });

  it('has its own signed chat shown, authenticated (the control for what follows)', async () => {
    const chat = tester.chat('hello from the tester');
    link.send(chat);
    const shown = await waitFor(async () => (await history(a)).find((m) => m.id === chat.message_id), { what: 'the tester\'s chat at Alice' });
    expect(shown).toMatchObject({ senderId: tester.nodeId, content: 'hello from the tester', authenticated: true, via: tester.nodeId, direction: 'in' });
  });

  it('replays a captured signed message of Bob\'s: dropped as a duplicate, counted, shown once', async () => {
    await say(b, 'replay me');
    const captured = await waitFor(() => link.chats().find((m) => m.content === 'replay me' && m.sender_id === b.nodeId), { what: 'Bob\'s chat at the tester', timeoutMs: 20_000 });
    expect(captured.signature).toEqual(expect.any(String));
    const before = (await routerCounters(a)).dropped.duplicate ?? 0;
    link.send(captured);
    // hops is not signed: a replay with it reset is the same message
    link.send({ ...captured, hops: 0 });
    const after = await waitFor(async () => {
      const n = (await routerCounters(a)).dropped.duplicate ?? 0;
      return n >= before + 2 && n;
    }, { what: 'two more duplicates counted at Alice' });
    console.log(`Alice's duplicates: ${before} before the replays, ${after} after`);
    const shown = (await history(a)).filter((m) => m.id === captured.message_id);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ senderId: b.nodeId, authenticated: true });
    expect(link.closed).toBe(false);
  });

  it('forges messages in another node\'s name: dropped, logged and counted, never shown or relayed', async () => {
    const claimingBob = tester.forgedChat('forged: I am Bob', { nodeId: b.nodeId, name: 'Bob' });
    const withBobsKey = tester.forgedChat('forged: with Bob\'s key', { nodeId: b.nodeId, name: 'Bob' }, Buffer.from(await bobsKey(), 'base64'));
    const claimingAlice = tester.forgedChat('forged: I am Alice', { nodeId: a.nodeId, name: 'Alice' });
    const before = await routerCounters(a);
    for (const m of [claimingBob, withBobsKey, claimingAlice]) link.send(m);

    const mismatch = await a.waitForLog(droppedLog('sender_id does not match origin_key'), 'the forgery with the tester\'s key dropped');
    expect(mismatch).toMatchObject({ id: claimingBob.message_id, senderId: b.nodeId });
    const badSignature = await a.waitForLog(droppedLog('bad signature'), 'the forgery with Bob\'s key dropped');
    expect(badSignature).toMatchObject({ id: withBobsKey.message_id, senderId: b.nodeId });
    const after = await waitFor(async () => {
      const counters = await routerCounters(a);
      const more = (reason: string) => (counters.dropped[reason] ?? 0) - (before.dropped[reason] ?? 0);
      return more('sender_id does not match origin_key') >= 2 && more('bad signature') >= 1 && counters;
    }, { what: 'the forgeries counted at Alice' });
    console.log(`Alice's drops after the forgeries: ${JSON.stringify(after.dropped)}`);

    // a chat sent after them arrives, so the forgeries had their chance to show up and to be relayed
    const later = tester.chat('after the forgeries');
    link.send(later);
    await waitFor(async () => (await history(b)).some((m) => m.id === later.message_id), { what: 'the tester\'s next chat relayed to Bob' });
    const forgedIds = new Set([claimingBob, withBobsKey, claimingAlice].map((m) => m.message_id));
    expect((await history(a)).filter((m) => forgedIds.has(m.id))).toEqual([]);
    expect((await history(b)).filter((m) => forgedIds.has(m.id))).toEqual([]);
  });

  it('alters one byte of a sealed frame: the link is closed with a logged reason, the node goes on, and a fresh link works', async () => {
    const transport = (await a.state()).services.transport;
    link.writeRaw(link.sealAltered(tester.chat('altered in flight')));
    const down = await a.waitForLog((l) => l.msg === 'link down' && l.peer === tester.nodeId, 'the altered frame closing the link');
    expect(down.reason).toBe('a frame failed authentication (altered, replayed or out of order)');
    await link.waitClosed();
    await waitFor(async () => !(await linked(a, tester.nodeId)), { what: 'Alice no longer lists the tester as linked' });

    const fresh = await testerLink();
    const chat = tester.chat('on a fresh link');
    fresh.send(chat);
    await waitFor(async () => (await history(a)).some((m) => m.id === chat.message_id && m.authenticated), { what: 'a chat on the fresh link at Alice' });
    expect((await history(a)).some((m) => m.content === 'altered in flight')).toBe(false);
    expect((await a.state()).services.transport).toBe(transport);
    await bobsLinkUnaffected();
    link = fresh;
  });

  it('sends a sealed frame a second time: the copy closes the link, the original counts once', async () => {
    const downs = () => linkLogs(a, 'link down', tester.nodeId);
    const before = downs().length;
    const chat = tester.chat('sent twice');
    const line = link.seal(chat);
    link.writeRaw(line);
    link.writeRaw(line);
    await waitFor(() => downs().length > before, { what: 'the replayed frame closing the link' });
    expect(downs().at(-1)?.reason).toBe('a frame failed authentication (altered, replayed or out of order)');
    await waitFor(async () => (await history(a)).some((m) => m.id === chat.message_id), { what: 'the original frame\'s chat at Alice' });
    expect((await history(a)).filter((m) => m.id === chat.message_id)).toHaveLength(1);
    await link.waitClosed();
    await bobsLinkUnaffected();
  });
});

/** Bob's public key (base64), as his identity.json says. */
async function bobsKey(): Promise<string> {
  return (JSON.parse(await readFile(join(b.dataDir, 'identity.json'), 'utf8')) as { publicKey: string }).publicKey;
}
