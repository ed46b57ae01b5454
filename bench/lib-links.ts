// What bench/links.ts measures with: a node's client API reached the way a UI reaches it
// (HTTP with keep-alive, WebSocket events), percentiles, CPU time of a process tree from
// /proc, a raw TCP echo for reference, and a firewall that keeps a line of nodes a line.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { api, type ClientEvent } from '@meshwork/protocol';
import { assertPrivateNetwork, processTree, type TestNode } from '@meshwork/testing';


const round3 = (x: number) => Number(x.toFixed(3));

export interface Percentiles {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles of samples in ms, rounded to the microsecond. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((x, y) => x - y);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const mean = sorted.reduce((t, x) => t + x, 0) / (sorted.length || NaN);
  return { n: sorted.length, p50: round3(at(0.5)), p99: round3(at(0.99)), mean: round3(mean), max: round3(sorted.at(-1) ?? NaN) };
}

/** A peer as GET /api/peers shows it, v1 (no dialect) or v2 (a v2 peer takes messages only while linked). */
export interface PeerEntry {
  nodeId: string;
  host: string;
  port: number;
  down: boolean;
  dialect?: string;
  linked?: boolean;
}

/** A node's client API: chats posted over keep-alive HTTP, events read from one WebSocket. */
export class NodeClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });
  private readonly url: URL;
  private readonly auth: string;
  private ws: WebSocket | undefined;
  private readonly listeners = new Set<(event: ClientEvent, at: number) => void>();

  constructor(readonly node: TestNode) {
    this.url = new URL(node.gateway);
    this.auth = `${api.auth.scheme} ${node.secret}`;
  }

  /** POSTs a chat; resolves with the HTTP status (201: the node took it). */
  postChat(text: string): Promise<number> {
    const body = JSON.stringify({ text });
    return new Promise((resolve, reject) => {
      const req = request({
        agent: this.agent, host: this.url.hostname, port: this.url.port, path: api.routes.messages, method: 'POST',
        headers: { authorization: this.auth, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
  }

  async peers(): Promise<PeerEntry[]> {
    const response = await fetch(`${this.node.gateway}${api.routes.peers}`, { headers: { authorization: this.auth } });
    if (!response.ok) throw new Error(`${this.node.name}: GET ${api.routes.peers} answered ${response.status}`);
    return (await response.json()) as PeerEntry[];
  }

  /** Whether this node lists `other` as a known peer (heard from, with an id) and not down. */
  async lists(other: TestNode): Promise<boolean> {
    return (await this.peers()).some((p) => isLive(p, other));
  }

  /** Opens the node's event stream; every listener gets each event with its arrival time (performance.now()). */
  async openEvents(): Promise<void> {
    const ws = new WebSocket(`${this.node.gateway.replace(/^http/, 'ws')}${api.routes.events}`, { headers: { authorization: this.auth } });
    ws.on('message', (data) => {
      const at = performance.now();
      const event = JSON.parse(String(data)) as ClientEvent;
      for (const listener of this.listeners) listener(event, at);
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.on('error', () => undefined);
    this.ws = ws;
  }

  onEvent(listener: (event: ClientEvent, at: number) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  close(): void {
    this.ws?.terminate();
    this.agent.destroy();
  }
}

/** The entry is a peer at `host` that can take a message now: heard from (it has an id), not down, and linked if it is v2. */
export const isLiveAt = (p: PeerEntry, host: string) => p.host === host && p.nodeId !== '' && !p.down && (p.dialect !== 'v2' || p.linked === true);

/** Matched by host: each bench node has its own. */
export const isLive = (p: PeerEntry, node: TestNode) => isLiveAt(p, node.host);

/** Polls every intervalMs until check is true: when (Date.now()) and at which poll it first was; undefined at the deadline. */
export async function firstTrue(check: () => Promise<boolean>, opts: { intervalMs: number; timeoutMs: number }): Promise<{ at: number; polls: number } | undefined> {
  const deadline = Date.now() + opts.timeoutMs;
  for (let polls = 1; Date.now() <= deadline; polls++) {
    const started = Date.now();
    if (await check().catch(() => false)) return { at: Date.now(), polls };
    await new Promise((r) => setTimeout(r, Math.max(0, opts.intervalMs - (Date.now() - started))));
  }
  return undefined;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface ProcessCpu {
  pid: number;
  command: string;
  /** user + system CPU seconds so far */
  seconds: number;
}

/** CPU seconds used so far by root and every process under it (a node: launcher, sh, nats-server, four services). */
export function treeCpu(root: number): ProcessCpu[] {
  return processTree(root).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[0] is field 3 (state): utime and stime are fields 14 and 15
      const ticks = Number(fields[11]) + Number(fields[12]);
      return [{ pid, command: processName(pid), seconds: ticks / CLOCK_TICKS }];
    } catch {
      return [];
    }
  });
}

/** A node's process by what it runs: launcher, transport, router, filesvc, gateway, nats-server, sh (nats-server's wrapper). */
function processName(pid: number): string {
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const service = argv.map((a) => /apps\/(\w+)\/src\/main\.ts$/.exec(a)?.[1]).find(Boolean);
  if (service) return service;
  if (argv.some((a) => a.endsWith('/mesh.js'))) return 'launcher';
  return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

/** A signal to a node's launcher and every process under it at once; resolves with their pids. */
export function signalNode(node: TestNode, signal: NodeJS.Signals): number[] {
  return signalPids(processTree(node.process.pid!), signal);
}

export function signalPids(pids: number[], signal: NodeJS.Signals): number[] {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone already
    }
  }
  return pids;
}

const ECHO_SERVER = `
const net = require('node:net');
const server = net.createServer((s) => { s.setNoDelay(true); s.on('data', (d) => s.write(d)); s.on('error', () => {}); });
server.listen(0, process.argv[1], () => console.log(server.address().port));
process.stdin.on('end', () => process.exit(0)); process.stdin.resume();
`;

/** Round trips of a 200-byte line to a TCP echo server in another Node process on host, in ms. */
export async function tcpEchoRoundTrips(host: string, rounds: number, warmup: number): Promise<number[]> {
  const server = spawn(process.execPath, ['-e', ECHO_SERVER, host], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout.setEncoding('utf8').once('data', (d: string) => resolve(Number(d.trim())));
      server.once('exit', (code) => reject(new Error(`echo server exited (${code})`)));
    });
    const socket = connect({ host, port, noDelay: true });
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const line = `${'x'.repeat(199)}\n`;
    const samples: number[] = [];
    let got = 0;
    let done: (() => void) | undefined;
    socket.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= line.length) {
        got -= line.length;
        done?.();
      }
    });
    for (let i = 0; i < warmup + rounds; i++) {
      const started = performance.now();
      await new Promise<void>((resolve) => {
        done = resolve;
        socket.write(line);
      });
      if (i >= warmup) samples.push(performance.now() - started);
    }
    socket.destroy();
    return samples;
  } finally {
    server.stdin.end();
    server.kill();
  }
}

const RULE_TAG = 'meshwork-bench-links';

/**
 * Refuses every packet between two hosts that are not next to each other in `line` (iptables
 * REJECT in this private network namespace), so that whatever a node learns (discovery,
 * gossip) it can only reach its neighbours. Resolves with what it did and how to undo it.
 */
export function isolateLine(line: string[]): { how: string; undo: () => void } {
  assertPrivateNetwork(...line);
  const rules: string[][] = [];
  for (let i = 0; i < line.length; i++) {
    for (let j = 0; j < line.length; j++) {
      if (Math.abs(i - j) >= 2) rules.push(['INPUT', '-s', line[i]!, '-d', line[j]!, '-m', 'comment', '--comment', RULE_TAG, '-j', 'REJECT']);
    }
  }
  const added: string[][] = [];
  const undo = () => {
    for (const rule of added.splice(0)) {
      try {
        execFileSync('iptables', ['-w', '-D', ...rule], { stdio: 'ignore' });
      } catch {
        // the namespace (and its rules) may be gone already
      }
    }
  };
  try {
    for (const rule of rules) {
      execFileSync('iptables', ['-w', '-I', ...rule], { stdio: ['ignore', 'ignore', 'pipe'] });
      added.push(rule);
    }
    return { how: `iptables REJECT between the ${rules.length / 2} pairs of non-adjacent hosts of the line (private namespace)`, undo };
  } catch (err) {
    undo();
    return { how: `no firewall (iptables failed: ${String((err as { stderr?: Buffer }).stderr ?? err).trim().split('\n')[0]}): the line rests on discovery settings only`, undo };
  }
}
