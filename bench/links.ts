// Issue 6, "Figures": what a link between nodes costs, on real nodes (`mesh up`) on loopback.
//   1. chat latency, from just before A's POST /api/messages to the 'chat' event on B's
//      WebSocket (one clock: this process), 1 hop (A-B) and through 3 relays (a line of 5);
//   2. sustained chat through one relay (A-R-B): offered, delivered, lost;
//   3. time for a new neighbour to be linked, and for a dead one to be noticed: frozen
//      (SIGSTOP, silent open sockets, as in a power cut), then back (SIGCONT), then killed
//      (kill -9 of the whole node: the kernel closes its sockets);
//   4. idle CPU of the middle node of a line (two idle links), all its processes;
//   5. for scale: the round trip of a 200-byte line through a Node TCP echo on loopback.
// Lines stay lines: static peers only along the line, discovery broadcast sent to an address
// no node uses, a v2 discovery port of its own per node (when `mesh up` has the option), and
// an iptables REJECT between non-adjacent hosts (in the private namespace) against anything
// else a node may learn (gossip).
// Run: npm run bench:links [-- --quick] [-- --label v1]; writes bench/results/links.json
// (--quick: links-quick.json; --label X: also links-X.json; --note TEXT: recorded with the figures).
import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { freePort, runMesh, startNode, type NodeOptions, type TestNode } from '@meshwork/testing';
import { firstTrue, isLive, isLiveAt, isolateLine, NodeClient, percentiles, signalNode, signalPids, tcpEchoRoundTrips, treeCpu, type Percentiles } from './lib-links.ts';
import { machine } from './machine.ts';

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false }, label: { type: 'string' }, note: { type: 'string' } } });
const quick = flags.quick;
const plan = {
  latencyChats: quick ? 200 : 500,
  latencyWarmup: quick ? 20 : 50,
  echoRounds: 2000,
  throughputSeconds: quick ? 5 : 10,
  window: 64,
  idleSeconds: quick ? 30 : 60,
  deadTimeoutMs: quick ? 12_000 : 45_000,
  silentTimeoutMs: quick ? 10_000 : 15_000,
  arrivalTimeoutMs: 5000,
};
const goals = {
  oneHop: { p50Ms: 0.5, p99Ms: 2 }, perRelayMs: 0.3, sustainedMsgPerSecond: 10_000, linkedMs: 1000, deadDetectedMs: 3000, idleCores: 0.01,
};

/** no node lives here: discovery broadcasts go nowhere, links come from static peers only */
const NOWHERE = '127.0.60.254';
const ECHO_HOST = '127.0.60.250';
const PAIR = ['127.0.60.1', '127.0.60.2'] as const;
const LINE = ['127.0.60.11', '127.0.60.12', '127.0.60.13', '127.0.60.14', '127.0.60.15'] as const;

const begun = performance.now();
const loadAtStart = loadavg().map((x) => Number(x.toFixed(2)));
const elapsed = () => `${((performance.now() - begun) / 1000).toFixed(0).padStart(3)} s`;
const say = (line: string) => console.log(`[${elapsed()}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const hasDiscoveryPort = (await runMesh(['up', '--help'])).stdout.includes('--discovery-port');
const udpTaken = new Set<number>();

/** A UDP port nobody uses, nor any node's TCP port + 1 so far. */
async function freeUdpPort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const s = createSocket('udp4');
      s.once('error', reject);
      s.bind(0, '0.0.0.0', () => {
        const p = s.address().port;
        s.close(() => resolve(p));
      });
    });
    if (!udpTaken.has(port)) return port;
  }
}

/** Options of a bench node: its own TCP port (port + 1 reserved) and, when the option exists, its own v2 discovery port. */
async function nodeOptions(name: string, host: string, peers: string[] = [], port?: number): Promise<NodeOptions & { port: number }> {
  let tcp = port ?? (await freePort(host));
  while (port === undefined && udpTaken.has(tcp + 1)) tcp = await freePort(host);
  udpTaken.add(tcp + 1);
  const args: string[] = [];
  if (hasDiscoveryPort) {
    const discovery = await freeUdpPort();
    udpTaken.add(discovery);
    args.push('--discovery-port', String(discovery));
  }
  return { name, host, port: tcp, peers, broadcast: NOWHERE, args };
}

// ---- 1, 2: chats -----------------------------------------------------------------------

interface LatencyResult extends Percentiles {
  /** chats that did not arrive within arrivalTimeoutMs (counted over warm-up too) */
  lost: number;
  refused: number;
  /** the POST's own round trip (the node's answer), for comparison */
  apiAnswer: Percentiles;
  /** the same chats at `from`'s neighbour (1 hop), when asked for */
  firstHop?: Percentiles;
  /** per chat, (arrival at `to` - arrival at the neighbour) / relays in between: both under the same load */
  perRelayPaired?: Percentiles;
}

/**
 * Sequential chats from one node's API to another's WebSocket; each waits for the last to
 * arrive. With `neighbour`, each chat's arrival there is timed too (the relays between it and
 * `to` are `relaysAfter`), so the cost of a relay comes from the same chats.
 */
async function latency(from: NodeClient, to: NodeClient, label: string, neighbour?: { client: NodeClient; relaysAfter: number }): Promise<LatencyResult> {
  const samples: number[] = [];
  const firstHop: number[] = [];
  const perRelay: number[] = [];
  const answers: number[] = [];
  let lost = 0;
  let refused = 0;
  const waiting = new Map<NodeClient, { text: string; arrived: (at: number) => void }>();
  const offs = [to, ...(neighbour ? [neighbour.client] : [])].map((c) => c.onEvent((e, at) => {
    const w = waiting.get(c);
    if (e.type === 'chat' && e.message.direction === 'in' && e.message.content === w?.text) w.arrived(at);
  }));
  const arrivalAt = (c: NodeClient, text: string) => new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), plan.arrivalTimeoutMs);
    waiting.set(c, { text, arrived: (at) => (clearTimeout(timer), resolve(at)) });
  });
  try {
    for (let i = 0; i < plan.latencyWarmup + plan.latencyChats; i++) {
      const text = `${label}-${i}`;
      const arrival = arrivalAt(to, text);
      const atNeighbour = neighbour ? arrivalAt(neighbour.client, text) : undefined;
      const started = performance.now();
      const status = await from.postChat(text);
      const answered = performance.now();
      if (status !== 201) refused++;
      const [at, near] = await Promise.all([arrival, atNeighbour]);
      if (status !== 201) continue;
      if (at === undefined) lost++;
      else if (i >= plan.latencyWarmup) {
        samples.push(at - started);
        answers.push(answered - started);
        if (neighbour && near !== undefined) {
          firstHop.push(near - started);
          perRelay.push((at - near) / neighbour.relaysAfter);
        }
      }
    }
  } finally {
    for (const off of offs) off();
  }
  return {
    ...percentiles(samples), lost, refused, apiAnswer: percentiles(answers),
    ...(neighbour ? { firstHop: percentiles(firstHop), perRelayPaired: percentiles(perRelay) } : {}),
  };
}

interface ThroughputResult {
  mode: string;
  window: number;
  sendSeconds: number;
  /** POSTs the node answered 201 */
  accepted: number;
  refused: number;
  delivered: number;
  lost: number;
  duplicates: number;
  offeredPerSecond: number;
  /** distinct chats at B per second, from the first POST to the last arrival */
  deliveredPerSecond: number;
  /** CPU (user + system) of every process of the nodes on the path, per chat delivered: less sensitive to a busy machine than the rate */
  cpuMsPerChat: number;
  /** what that CPU cost allows on one core */
  chatsPerCoreSecond: number;
}

/**
 * Chats from `from` to `to` for plan.throughputSeconds by `window` workers at once.
 * back-to-back: a worker posts again as soon as its POST is answered (at most `window` POSTs in flight);
 * windowed: a worker posts again once its chat has arrived at `to` (at most `window` chats on their way),
 * which finds the rate the path sustains without queueing.
 */
async function throughput(from: NodeClient, to: NodeClient, path: TestNode[], mode: 'back-to-back' | 'windowed', window: number): Promise<ThroughputResult> {
  const cpu = () => path.flatMap((n) => treeCpu(n.process.pid!)).reduce((t, p) => t + p.seconds, 0);
  const prefix = `tp-${mode}-`;
  const arrived = new Set<number>();
  const waiters = new Map<number, () => void>();
  let duplicates = 0;
  let lastArrival = 0;
  const off = to.onEvent((e, at) => {
    if (e.type !== 'chat' || e.message.direction !== 'in' || !e.message.content.startsWith(prefix)) return;
    const id = Number(e.message.content.slice(prefix.length));
    if (arrived.has(id)) return void duplicates++;
    arrived.add(id);
    lastArrival = at;
    waiters.get(id)?.();
  });
  let next = 0;
  let accepted = 0;
  let refused = 0;
  const cpuBefore = cpu();
  const start = performance.now();
  const until = start + plan.throughputSeconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const id = next++;
      const arrival = mode === 'windowed' ? new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, plan.arrivalTimeoutMs);
        waiters.set(id, () => (clearTimeout(timer), resolve()));
      }) : undefined;
      const status = await from.postChat(`${prefix}${id}`).catch(() => 0);
      if (status === 201) accepted++;
      else refused++;
      if (arrival && status === 201 && !arrived.has(id)) await arrival;
      waiters.delete(id);
    }
  };
  try {
    await Promise.all(Array.from({ length: window }, worker));
    const sendSeconds = (performance.now() - start) / 1000;
    // what is still on its way: until all arrived, or nothing new for 3 s (30 s at most)
    const settleUntil = performance.now() + 30_000;
    let seen = arrived.size;
    let quietSince = performance.now();
    while (arrived.size < accepted && performance.now() < settleUntil && performance.now() - quietSince < 3000) {
      await sleep(50);
      if (arrived.size !== seen) [seen, quietSince] = [arrived.size, performance.now()];
    }
    const delivered = arrived.size;
    const cpuMs = (cpu() - cpuBefore) * 1000;
    return {
      mode, window,
      sendSeconds: Number(sendSeconds.toFixed(2)),
      accepted, refused, delivered,
      lost: accepted - delivered,
      duplicates,
      offeredPerSecond: Math.round(accepted / sendSeconds),
      deliveredPerSecond: Math.round(delivered / ((Math.max(lastArrival, start + 1) - start) / 1000)),
      cpuMsPerChat: Number((cpuMs / delivered).toFixed(3)),
      chatsPerCoreSecond: Math.round((1000 * delivered) / cpuMs),
    };
  } finally {
    off();
  }
}

// ---- topology ---------------------------------------------------------------------------

/**
 * Each node of the line lists its neighbours as live peers and no other bench node as live
 * (with the firewall, one it heard of elsewhere cannot be linked: that is a note, not a problem).
 */
async function lineState(nodes: TestNode[], clients: NodeClient[]): Promise<{ ok: boolean; problems: string[]; notes: string[] }> {
  const problems: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const peers = await clients[i]!.peers();
    for (let j = 0; j < nodes.length; j++) {
      if (i === j) continue;
      const live = peers.some((p) => isLive(p, nodes[j]!));
      const adjacent = Math.abs(i - j) === 1;
      if (adjacent && !live) problems.push(`${nodes[i]!.name} does not list ${nodes[j]!.name} as live`);
      if (!adjacent && live) problems.push(`${nodes[i]!.name} lists ${nodes[j]!.name} as live (not a neighbour: a shortcut)`);
      else if (!adjacent && peers.some((p) => p.host === nodes[j]!.host)) notes.push(`${nodes[i]!.name} lists ${nodes[j]!.name}, not live`);
    }
  }
  return { ok: problems.length === 0, problems, notes };
}

async function waitForLine(nodes: TestNode[], clients: NodeClient[], what: string) {
  let state = await lineState(nodes, clients);
  const deadline = Date.now() + 30_000;
  while (!state.ok && Date.now() < deadline) {
    await sleep(100);
    state = await lineState(nodes, clients);
  }
  if (!state.ok) throw new Error(`${what}: the line did not form: ${state.problems.join('; ')}`);
}

const logTime = (node: TestNode, match: (msg: string) => boolean) => {
  const line = node.logs.find((l) => typeof l.msg === 'string' && match(l.msg));
  return typeof line?.time === 'number' ? line.time : undefined;
};

// ---- the run ----------------------------------------------------------------------------

const nodes: TestNode[] = [];
/** processes stopped with SIGSTOP: thawed whatever happens, so that stopping their node can work */
let frozen: number[] = [];
const clients: NodeClient[] = [];
const started = async (opts: NodeOptions) => {
  const node = await startNode(opts);
  nodes.push(node);
  return node;
};
const clientOf = (node: TestNode) => {
  const c = new NodeClient(node);
  clients.push(c);
  return c;
};
const isolation = isolateLine([...LINE]);

try {
  say(`machine: ${machine()}, load average ${loadAtStart.join(' ')}; ${quick ? 'quick' : 'full'} run; --discovery-port ${hasDiscoveryPort ? 'given to each node' : 'not an option of this mesh up: v1 discovery (TCP port + 1) only'}`);
  say(`line isolation: ${isolation.how}`);

  // 5. the reference
  const echo = percentiles(await tcpEchoRoundTrips(ECHO_HOST, plan.echoRounds, 200));
  say(`TCP echo round trip, 200 bytes, loopback: p50 ${echo.p50} ms, p99 ${echo.p99} ms`);

  // 3. a new neighbour: A alone, then B naming A as its static peer
  const a = await started(await nodeOptions('A', PAIR[0]));
  const ca = clientOf(a);
  const optsB = await nodeOptions('B', PAIR[1], [a.address]);
  const spawnedAt = Date.now();
  const bStarting = started(optsB);
  const aListsB = firstTrue(async () => (await ca.peers()).some((p) => isLiveAt(p, optsB.host) && p.port === optsB.port), { intervalMs: 10, timeoutMs: 60_000 });
  const b = await bStarting;
  const cb = clientOf(b);
  const firstPollOfB = Date.now();
  const bListsAPoll = await firstTrue(() => cb.lists(a), { intervalMs: 10, timeoutMs: 30_000 });
  const bListsA = bListsAPoll?.at;
  const aListedB = (await aListsB)?.at;
  const readyAt = logTime(b, (m) => m.startsWith('node ready'));
  const transportAt = logTime(b, (m) => m === 'transport started');
  if (aListedB === undefined || bListsA === undefined || readyAt === undefined) throw new Error(`A and B did not link (A lists B: ${aListedB}, B lists A: ${bListsA}, B ready: ${readyAt})`);
  const linkedAt = Math.max(aListedB, bListsA);
  const neighbour = {
    how: 'B started with A as its static peer (A does not name B); "linked" = both list the other with its id, not down, in GET /api/peers (polled every 10 ms)',
    linkedMsAfterReady: linkedAt - readyAt,
    aListsBMsAfterReady: aListedB - readyAt,
    bListsAMsAfterReady: bListsA - readyAt,
    /** B's API answers only once B is ready: a B-side time equal to this is "already at the first poll" */
    firstPollOfBMsAfterReady: firstPollOfB - readyAt,
    bListedAAtItsFirstPoll: bListsAPoll?.polls === 1,
    linkedMsAfterTransportStarted: transportAt === undefined ? null : linkedAt - transportAt,
    linkedMsAfterSpawn: linkedAt - spawnedAt,
    readyMsAfterSpawn: readyAt - spawnedAt,
  };
  say(`new neighbour linked ${neighbour.linkedMsAfterReady} ms after B's "node ready" (A lists B at ${neighbour.aListsBMsAfterReady} ms, B lists A at ${neighbour.bListsAMsAfterReady} ms, first poll of B at ${neighbour.firstPollOfBMsAfterReady} ms${neighbour.bListedAAtItsFirstPoll ? ', which already listed A' : ''}; ${neighbour.linkedMsAfterTransportStarted} ms after B's transport started)`);

  // 1. one hop
  await cb.openEvents();
  const oneHop = await latency(ca, cb, 'hop');
  say(`chat latency, 1 hop: p50 ${oneHop.p50} ms, p99 ${oneHop.p99} ms (n ${oneHop.n}, lost ${oneHop.lost}; API answer p50 ${oneHop.apiAnswer.p50} ms)`);

  // 3. a dead neighbour, twice: B frozen (SIGSTOP: its sockets stay open and silent, as in a power
  // cut or a pulled cable), then thawed (linked again?), then killed (kill -9: the kernel closes its
  // sockets, so A may hear of it at once)
  await ca.openEvents();
  let goneEvent: { at: number; what: string } | undefined;
  ca.onEvent((e) => {
    if (goneEvent || (e.type !== 'peer.left' && e.type !== 'peer.updated') || e.peer.host !== b.host) return;
    if (e.type === 'peer.left' || e.peer.down) goneEvent = { at: Date.now(), what: `${e.type}: ${e.reason}` };
  });
  const detection = async (how: string, cutAt: number, timeoutMs: number) => {
    const goneAt = (await firstTrue(async () => !(await ca.lists(b)), { intervalMs: 10, timeoutMs }))?.at;
    await sleep(50);
    const seen = {
      how,
      detectedMs: goneAt === undefined ? null : goneAt - cutAt,
      notDetectedWithinMs: goneAt === undefined ? timeoutMs : null,
      eventMs: goneEvent ? goneEvent.at - cutAt : null,
      event: goneEvent?.what ?? null,
    };
    goneEvent = undefined;
    return seen;
  };
  const told = (what: string, d: Awaited<ReturnType<typeof detection>>) => say(d.detectedMs === null
    ? `${what}: NOT noticed within ${d.notDetectedWithinMs} ms`
    : `${what}: noticed after ${d.detectedMs} ms (event: ${d.event ?? 'none'}${d.eventMs === null ? '' : ` at ${d.eventMs} ms`})`);
  const polled = 'A\'s GET /api/peers polled every 10 ms until B is gone, down or unlinked; A\'s WebSocket watched for peer.left / peer.updated (down)';

  goneEvent = undefined;
  const frozenAt = Date.now();
  frozen = signalNode(b, 'SIGSTOP');
  const silent = await detection(`SIGSTOP to B's ${frozen.length} processes; ${polled}`, frozenAt, plan.silentTimeoutMs);
  told('frozen neighbour', silent);
  const thawedAt = Date.now();
  signalPids(frozen, 'SIGCONT');
  frozen = [];
  const back = await firstTrue(async () => (await ca.lists(b)) && (await cb.lists(a)), { intervalMs: 10, timeoutMs: 20_000 });
  const relinked = { how: 'SIGCONT to the same processes; until both list the other again', linkedAgainMs: back ? back.at - thawedAt : null };
  say(back ? `thawed neighbour linked again after ${relinked.linkedAgainMs} ms` : 'thawed neighbour NOT linked again within 20 s');
  if (!back) throw new Error('B did not come back after SIGCONT');

  goneEvent = undefined;
  const killedAt = Date.now();
  const killed = signalNode(b, 'SIGKILL');
  const dead = await detection(`SIGKILL to B's ${killed.length} processes at once; ${polled}`, killedAt, plan.deadTimeoutMs);
  told('killed neighbour (kill -9)', dead);
  for (const n of [a, b]) {
    await n.stop();
    nodes.splice(nodes.indexOf(n), 1);
  }
  for (const c of [ca, cb]) c.close();

  // a line of three: L1 - L2 - L3
  const [h1, h2, h3, h4, h5] = LINE;
  const l2 = await started(await nodeOptions('L2', h2));
  const [l1, l3] = await Promise.all([started(await nodeOptions('L1', h1, [l2.address])), started(await nodeOptions('L3', h3, [l2.address]))]);
  const [c1, c2, c3] = [l1, l2, l3].map(clientOf) as [NodeClient, NodeClient, NodeClient];
  await waitForLine([l1, l2, l3], [c1, c2, c3], 'L1-L2-L3');
  say('line L1-L2-L3 formed');

  // 4. idle cost of L2 (two idle links)
  await sleep(3000);
  const before = treeCpu(l2.process.pid!);
  const idleStart = performance.now();
  await sleep(plan.idleSeconds * 1000);
  const after = treeCpu(l2.process.pid!);
  const wall = (performance.now() - idleStart) / 1000;
  const spent = after.map((p) => ({ ...p, seconds: p.seconds - (before.find((q) => q.pid === p.pid)?.seconds ?? 0) }));
  const total = spent.reduce((t, p) => t + p.seconds, 0);
  const idle = {
    how: `utime + stime of L2's launcher and every process under it (/proc/PID/stat), over ${plan.idleSeconds} s with no traffic, middle of L1-L2-L3`,
    seconds: Number(wall.toFixed(1)),
    cores: Number((total / wall).toFixed(4)),
    processes: spent.map((p) => ({ command: p.command, cores: Number((p.seconds / wall).toFixed(4)) })),
    processesChanged: before.length !== after.length || before.some((p) => !after.some((q) => q.pid === p.pid)),
  };
  say(`idle cost of a node with two links: ${idle.cores} cores (${idle.processes.map((p) => `${p.command} ${p.cores}`).join(', ')})`);

  // 2. sustained chat L1 -> L3 through L2
  await c3.openEvents();
  const backToBack = await throughput(c1, c3, [l1, l2, l3], 'back-to-back', plan.window);
  say(`through one relay, back to back (${plan.window} POSTs in flight): offered ${backToBack.offeredPerSecond}/s, delivered ${backToBack.deliveredPerSecond}/s, lost ${backToBack.lost} of ${backToBack.accepted}; ${backToBack.cpuMsPerChat} CPU ms per chat (3 nodes)`);
  const windowed = await throughput(c1, c3, [l1, l2, l3], 'windowed', plan.window);
  say(`through one relay, windowed (${plan.window} chats on their way): offered ${windowed.offeredPerSecond}/s, delivered ${windowed.deliveredPerSecond}/s, lost ${windowed.lost} of ${windowed.accepted}; ${windowed.cpuMsPerChat} CPU ms per chat (3 nodes)`);
  const zeroLoss = [backToBack, windowed].filter((r) => r.lost === 0 && r.accepted > 0).map((r) => r.deliveredPerSecond);

  // a line of five: L1 - L2 - L3 - L4 - L5
  const portL4 = await freePort(h4);
  const [l4, l5] = await Promise.all([
    started(await nodeOptions('L4', h4, [l3.address], portL4)),
    started(await nodeOptions('L5', h5, [`${h4}:${portL4}`])),
  ]);
  const [c4, c5] = [l4, l5].map(clientOf) as [NodeClient, NodeClient];
  await waitForLine([l1, l2, l3, l4, l5], [c1, c2, c3, c4, c5], 'L1-...-L5');
  say('line L1-L2-L3-L4-L5 formed');
  await Promise.all([c2.openEvents(), c5.openEvents()]);
  const threeRelays = await latency(c1, c5, 'relay3', { client: c2, relaysAfter: 3 });
  const perRelay = Number(((threeRelays.p50 - oneHop.p50) / 3).toFixed(3));
  say(`chat latency, 3 relays: p50 ${threeRelays.p50} ms, p99 ${threeRelays.p99} ms (n ${threeRelays.n}, lost ${threeRelays.lost}); per relay ${perRelay} ms; the same chats at L2 (1 hop): p50 ${threeRelays.firstHop?.p50} ms, so per relay p50 ${threeRelays.perRelayPaired?.p50} ms`);
  const lineAtEnd = await lineState([l1, l2, l3, l4, l5], [c1, c2, c3, c4, c5]);

  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const result = {
    bench: 'links: chat latency and throughput, linking and dead-peer detection, idle cost (issue 6)',
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => Number(x.toFixed(2))) },
    commit: git('rev-parse', 'HEAD'),
    uncommittedChangesInAppsAndLibs: ((status) => (status === null ? null : status !== ''))(git('status', '--porcelain', '--', 'apps', 'libs')),
    mode: quick ? 'quick' : 'full',
    note: flags.note ?? null,
    plan,
    setup: {
      discoveryBroadcast: NOWHERE,
      discoveryPortPerNode: hasDiscoveryPort,
      lineIsolation: isolation.how,
      lineKeptToTheEnd: lineAtEnd.ok,
      lineProblemsAtEnd: lineAtEnd.problems,
      lineNotesAtEnd: lineAtEnd.notes,
    },
    reference: { tcpEcho200BytesMs: echo },
    latency: {
      oneHopMs: oneHop,
      threeRelaysMs: threeRelays,
      /** (3-relay p50 - 1-hop p50) / 3, the two measured apart (A-B, then the line) */
      perRelayMs: perRelay,
      /** per chat of the line, (arrival at L5 - arrival at L2) / 3: one measurement, same load */
      perRelayPairedMs: threeRelays.perRelayPaired ?? null,
      p50OverTcpEcho: { oneHop: Number((oneHop.p50 / echo.p50).toFixed(1)), threeRelays: Number((threeRelays.p50 / echo.p50).toFixed(1)) },
    },
    throughputOneRelay: { backToBack, windowed, highestZeroLossPerSecond: zeroLoss.length ? Math.max(...zeroLoss) : null },
    newNeighbour: neighbour,
    frozenNeighbour: silent,
    frozenNeighbourBack: relinked,
    deadNeighbour: dead,
    idle,
    goals,
    totalSeconds: Math.round((performance.now() - begun) / 1000),
  };
  const out = JSON.stringify(result, null, 2) + '\n';
  const files = [quick ? 'links-quick.json' : 'links.json', ...(flags.label ? [`links-${flags.label}.json`] : [])];
  for (const f of files) await writeFile(new URL(`results/${f}`, import.meta.url), out);

  console.log(`\nlinks (${result.machine}), ${result.mode} run in ${result.totalSeconds} s; line kept to the end: ${lineAtEnd.ok}${lineAtEnd.ok ? '' : ` (${lineAtEnd.problems.join('; ')})`}`);
  const row = (cells: Array<string | number | null>) => console.log(cells.map((c, i) => String(c ?? '-').padEnd(i === 0 ? 46 : 22)).join(''));
  row(['', 'measured', 'goal']);
  row(['chat latency 1 hop p50 / p99, ms', `${oneHop.p50} / ${oneHop.p99}`, `${goals.oneHop.p50Ms} / ${goals.oneHop.p99Ms}`]);
  row(['chat latency 3 relays p50 / p99, ms', `${threeRelays.p50} / ${threeRelays.p99}`, '']);
  row(['added per relay (p50), ms', perRelay, goals.perRelayMs]);
  row(['  same chats at L2 and L5, per relay p50, ms', threeRelays.perRelayPaired?.p50 ?? null, goals.perRelayMs]);
  row(['TCP echo 200 B p50 / p99, ms (reference)', `${echo.p50} / ${echo.p99}`, '']);
  row(['through one relay, zero loss, msg/s', result.throughputOneRelay.highestZeroLossPerSecond, goals.sustainedMsgPerSecond]);
  row(['  back to back: offered / delivered / lost', `${backToBack.offeredPerSecond}/s ${backToBack.deliveredPerSecond}/s ${backToBack.lost}`, '']);
  row(['  windowed: offered / delivered / lost', `${windowed.offeredPerSecond}/s ${windowed.deliveredPerSecond}/s ${windowed.lost}`, '']);
  row(['  CPU of the 3 nodes per chat, ms (windowed)', windowed.cpuMsPerChat, `<= ${((1000 * cpus().length) / goals.sustainedMsgPerSecond).toFixed(2)} (goal rate, ${cpus().length} cores)`]);
  row(['new neighbour linked after ready, ms', neighbour.linkedMsAfterReady, `< ${goals.linkedMs}`]);
  row(['dead neighbour noticed: frozen, ms', silent.detectedMs ?? `> ${silent.notDetectedWithinMs}`, `<= ${goals.deadDetectedMs}`]);
  row(['  thawed, linked again after, ms', relinked.linkedAgainMs, '']);
  row(['  killed (kill -9), ms', dead.detectedMs ?? `> ${dead.notDetectedWithinMs}`, `<= ${goals.deadDetectedMs}`]);
  row(['idle, node with two links, cores', idle.cores, `< ${goals.idleCores}`]);
  console.log(`written: ${files.map((f) => `bench/results/${f}`).join(', ')}`);
} finally {
  signalPids(frozen, 'SIGCONT');
  for (const c of clients) c.close();
  await Promise.all(nodes.map((n) => n.stop()));
  isolation.undo();
}
