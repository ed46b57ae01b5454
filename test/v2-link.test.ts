// Two v2 nodes (static peers of each other): one persistent link carries everything both ways;
// a node killed with SIGKILL, or frozen, is noticed within the 3 s of the design; a node
// restarted with its data folder comes back with the same id and links again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, type ClientEvent, type MessageView, type PeerView } from '@meshwork/protocol';
import { freePort, isRunning, processesMentioning, startNode, tcpConnectionsBetween, waitFor, type NodeOptions, type TestNode } from '@meshwork/testing';
import { say } from './helpers.ts';

/** Chats each node sends in the first test (so 2 x CHATS cross the link). */
const CHATS = 5000;
/** Requests in flight per node while sending them. */
const CONCURRENCY = 16;
/** for the 10,000 chats: 100 to 250 msg/s were measured here, on 2 shared cores under load */
const BULK_TIMEOUT_MS = 600_000;
/** The design's bound for noticing a dead peer (issue 6, "Liveness") */
const DEAD_WITHIN_MS = 3000;
/**
 * Slack over that bound for this machine (2 shared cores, often loaded): the peer.left event
 * crosses transport -> bus -> gateway -> WebSocket, and timers fire late under load. The test
 * logs the time it measured.
 */
const LOADED_MACHINE_SLACK_MS = 1000;

const hostA = '127.0.0.2';
const hostB = '127.0.0.3';
let a: TestNode;
let b: TestNode | undefined;
let portB: number;
/** B's data folder, made here so that it outlives B's first run */
let dataB: string;
let optionsB: NodeOptions;

beforeAll(async () => {
  const portA = await freePort(hostA);
  portB = await freePort(hostB);
  dataB = await mkdtemp(join(tmpdir(), 'mesh-Bob-'));
  const args = ['--history-limit', String(4 * CHATS)];
  optionsB = { name: 'Bob', host: hostB, port: portB, dataDir: dataB, peers: [`${hostA}:${portA}`], args };
  const started = await Promise.allSettled([startNode({ name: 'Alice', host: hostA, port: portA, peers: [`${hostB}:${portB}`], args }), startNode(optionsB)]);
  if (started[0].status === 'fulfilled') a = started[0].value;
  if (started[1].status === 'fulfilled') b = started[1].value;
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  await waitFor(async () => (await linked(a, b!)) && (await linked(b!, a)), { what: 'Alice and Bob linked', timeoutMs: 30_000 });
});

afterAll(async () => {
  for (const pid of frozen) signal(pid, 'SIGCONT');
  await Promise.all([a?.stop(), b?.stop()]);
  await rm(dataB, { recursive: true, force: true });
});

const auth = (node: TestNode) => ({ authorization: `${api.auth.scheme} ${node.secret}` });

async function peerViews(node: TestNode): Promise<PeerView[]> {
  const response = await fetch(`${node.gateway}${api.routes.peers}`, { headers: auth(node) });
  if (!response.ok) throw new Error(`${node.name}: GET ${api.routes.peers} answered ${response.status}`);
  return (await response.json()) as PeerView[];
}

/** Whether x lists y as a v2 peer with its link up. */
async function linked(x: TestNode, y: TestNode): Promise<boolean> {
  return (await peerViews(x)).some((p) => p.nodeId === y.nodeId && p.dialect === 'v2' && p.linked);
}

async function history(node: TestNode): Promise<MessageView[]> {
  const response = await fetch(`${node.gateway}${api.routes.messages}`, { headers: auth(node) });
  if (!response.ok) throw new Error(`${node.name}: GET ${api.routes.messages} answered ${response.status}`);
  return (await response.json()) as MessageView[];
}

interface EventStream {
  events: Array<{ at: number; event: ClientEvent }>;
  /** set when the gateway closed the stream (a client that falls behind is dropped) */
  closedWith: () => string | undefined;
  close(): void;
}

async function openEvents(node: TestNode): Promise<EventStream> {
  const ws = new WebSocket(`${node.gateway.replace('http', 'ws')}${api.routes.events}`, { headers: auth(node) });
  const events: EventStream['events'] = [];
  let closedWith: string | undefined;
  ws.on('message', (data) => events.push({ at: performance.now(), event: JSON.parse(String(data)) as ClientEvent }));
  ws.on('close', (code, reason) => (closedWith ??= `${code} ${String(reason)}`));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { events, closedWith: () => closedWith, close: () => ws.close() };
}

/** Posts every text through the node's API, `concurrency` at a time; the message ids, in order. */
async function postChats(node: TestNode, texts: string[], concurrency: number): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < texts.length) {
        const i = next++;
        const response = await fetch(`${node.gateway}${api.routes.messages}`, {
          method: 'POST',
          headers: { ...auth(node), 'content-type': 'application/json' },
          body: JSON.stringify({ text: texts[i] }),
        });
        if (response.status !== 201) throw new Error(`${node.name}: chat ${i} answered ${response.status}: ${await response.text()}`);
        ids[i] = ((await response.json()) as { message: { id: string } }).message.id;
      }
    }),
  );
  return ids;
}

/**
 * The one connection between the two nodes, once there is one (the loser of two links dialled at
 * once lingers for up to a second); fails unless it is held by their transports.
 */
async function theLink(x: TestNode, y: TestNode): Promise<string> {
  const connections = await waitFor(() => {
    const now = tcpConnectionsBetween(x.host, y.host);
    return now.size === 1 && now;
  }, { what: `exactly one TCP connection between ${x.name} and ${y.name}`, timeoutMs: 10_000 });
  const [key, sockets] = [...connections][0]!;
  const transports = [(await x.state()).services.transport, (await y.state()).services.transport].sort();
  expect(sockets.map((s) => s.pid).sort(), 'the processes holding its two ends').toEqual(transports);
  // one end is a node's listening port: the connection is the link one of them accepted
  expect(sockets.some((s) => s.local === x.address || s.local === y.address), `${key} ends at a node's TCP port`).toBe(true);
  return key;
}

/** Every process of a node: the launcher, nats-server and its helpers, the four services. */
/** A signal to a process that may have ended meanwhile (a helper process listed a moment ago). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

async function processesOf(node: TestNode): Promise<number[]> {
  const { services } = await node.state();
  return [...new Set([node.process.pid!, ...Object.values(services).filter((p): p is number => !!p), ...processesMentioning(node.dataDir)])];
}

const frozen = new Set<number>();

describe('two v2 nodes', () => {
  it(`carry ${2 * CHATS} chats both ways over one TCP connection, each arriving exactly once`, async () => {
    const bob = b!;
    const before = await theLink(a, bob);
    const streams = { a: await openEvents(a), b: await openEvents(bob) };
    const seen = new Set<string>([before]);
    let most = 1;
    const watch = setInterval(() => {
      const now = tcpConnectionsBetween(hostA, hostB);
      most = Math.max(most, now.size);
      for (const key of now.keys()) seen.add(key);
    }, 250);
    try {
      const started = performance.now();
      const [fromA, fromB] = await Promise.all([
        postChats(a, Array.from({ length: CHATS }, (_, i) => `a2b ${i}`), CONCURRENCY),
        postChats(bob, Array.from({ length: CHATS }, (_, i) => `b2a ${i}`), CONCURRENCY),
      ]);
      const posted = performance.now();
      /** ids of chats that came in at node, with how often each came */
      const arrivals = (stream: EventStream) => {
        const counts = new Map<string, number>();
        for (const { event } of stream.events) if (event.type === 'chat' && event.message.direction === 'in') counts.set(event.message.id, (counts.get(event.message.id) ?? 0) + 1);
        return counts;
      };
      await waitFor(
        () => {
          for (const s of Object.values(streams)) if (s.closedWith()) throw new Error(`an event stream was closed: ${s.closedWith()}`);
          return arrivals(streams.b).size >= CHATS && arrivals(streams.a).size >= CHATS;
        },
        { what: `${CHATS} chats at each node`, timeoutMs: 120_000, intervalMs: 250 },
      );
      const done = performance.now();
      console.log(
        `${2 * CHATS} chats: posted in ${Math.round(posted - started)} ms, all arrived after ${Math.round(done - started)} ms (${Math.round((2 * CHATS * 1000) / (done - started))} msg/s both ways together)`,
      );

      for (const [stream, sent, from] of [[streams.b, fromA, a], [streams.a, fromB, bob]] as const) {
        const counts = arrivals(stream);
        expect([...counts.keys()].sort()).toEqual([...sent].sort());
        expect([...counts.values()].filter((n) => n !== 1), `chats from ${from.name} seen more than once`).toEqual([]);
      }
      // the history agrees, and says where they came from
      for (const [node, sent, from] of [[bob, fromA, a], [a, fromB, bob]] as const) {
        const came = (await history(node)).filter((m) => m.direction === 'in');
        expect(came.map((m) => m.id).sort()).toEqual([...sent].sort());
        expect(came.filter((m) => !m.authenticated || m.senderId !== from.nodeId || m.via !== from.nodeId)).toEqual([]);
      }
      clearInterval(watch);
      expect(await theLink(a, bob)).toBe(before);
      expect({ most, seen: [...seen] }, 'connections seen between the nodes while they chatted').toEqual({ most: 1, seen: [before] });
    } finally {
      clearInterval(watch);
      streams.a.close();
      streams.b.close();
    }
  }, BULK_TIMEOUT_MS);

  it(`notices a node killed with SIGKILL within ${DEAD_WITHIN_MS} ms (+ ${LOADED_MACHINE_SLACK_MS} ms slack)`, async () => {
    const bob = b!;
    const stream = await openEvents(a);
    try {
      const pids = await processesOf(bob);
      expect(pids.length).toBeGreaterThanOrEqual(6);
      const killedAt = performance.now();
      for (const pid of pids) signal(pid, 'SIGKILL');
      const left = await waitFor(
        () => stream.events.find((e) => e.event.type === 'peer.left' && e.event.peer.nodeId === bob.nodeId),
        { what: 'peer.left for Bob on Alice\'s event stream', timeoutMs: DEAD_WITHIN_MS + LOADED_MACHINE_SLACK_MS, intervalMs: 10 },
      );
      console.log(`a node killed with SIGKILL: peer.left after ${Math.round(left.at - killedAt)} ms`);
      expect(left.event.type === 'peer.left' && left.event.reason).toMatch(/^link down: /);
      expect(await linked(a, bob)).toBe(false);
      await waitFor(() => pids.every((pid) => !isRunning(pid)), { what: 'every process of Bob to end' });
      expect(a.logs.find((l) => l.msg === 'link down' && l.peer === bob.nodeId)?.reason).toEqual(expect.any(String));
    } finally {
      stream.close();
    }
  });

  it('links again with a node restarted from the same data folder: same id, chat crosses both ways', async () => {
    const before = b!.nodeId;
    b = undefined;
    const startedAt = performance.now();
    b = await startNode(optionsB);
    const bob = b;
    const readyAt = performance.now();
    expect(bob.nodeId).toBe(before);
    await waitFor(async () => (await linked(a, bob)) && (await linked(bob, a)), { what: 'Alice and the restarted Bob linked', timeoutMs: 30_000 });
    console.log(`restarted Bob: ready after ${Math.round(readyAt - startedAt)} ms, linked ${Math.round(performance.now() - readyAt)} ms later`);
    await theLink(a, bob);
    expect(await say(a, 'welcome back, Bob')).toMatch(/^delivered to 1 of 1 peer$/m);
    await say(bob, 'Bob is back');
    await waitFor(async () => (await history(bob)).some((m) => m.content === 'welcome back, Bob' && m.senderId === a.nodeId), { what: 'Alice\'s chat at the restarted Bob' });
    await waitFor(async () => (await history(a)).some((m) => m.content === 'Bob is back' && m.senderId === before && m.authenticated), { what: 'the restarted Bob\'s chat at Alice' });
  });

  it(`declares a frozen node (SIGSTOP: its link stays open but silent) dead within ${DEAD_WITHIN_MS} ms (+ ${LOADED_MACHINE_SLACK_MS} ms slack), and links again once it runs`, async () => {
    const bob = b!;
    const transport = (await bob.state()).services.transport!;
    const stream = await openEvents(a);
    try {
      const stoppedAt = performance.now();
      process.kill(transport, 'SIGSTOP');
      frozen.add(transport);
      const left = await waitFor(
        () => stream.events.find((e) => e.event.type === 'peer.left' && e.event.peer.nodeId === bob.nodeId),
        { what: 'peer.left for the frozen Bob', timeoutMs: DEAD_WITHIN_MS + LOADED_MACHINE_SLACK_MS, intervalMs: 10 },
      );
      console.log(`a frozen node: peer.left after ${Math.round(left.at - stoppedAt)} ms (${left.event.type === 'peer.left' ? left.event.reason : ''})`);
      expect(left.event.type === 'peer.left' && left.event.reason).toMatch(/^link down: no frame for \d+(\.\d)? s$/);
    } finally {
      process.kill(transport, 'SIGCONT');
      frozen.delete(transport);
      stream.close();
    }
    await waitFor(async () => (await linked(a, bob)) && (await linked(bob, a)), { what: 'Alice and the thawed Bob linked again', timeoutMs: 30_000 });
    await say(bob, 'Bob thawed');
    await waitFor(async () => (await history(a)).some((m) => m.content === 'Bob thawed'), { what: 'the thawed Bob\'s chat at Alice' });
  });
});
