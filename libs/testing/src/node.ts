// A real meshwork node for tests: `mesh up` as a child process (its own nats-server and
// four services), its JSON logs and stderr kept, and the `mesh` CLI pointed at its gateway
// and data folder (where the client secret is).
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { api } from '@meshwork/protocol';
import { assertPrivateNetwork, LOOPBACK_BROADCAST } from './network.ts';
import { freePort } from './ports.ts';
import { waitFor } from './wait.ts';

const MESH_BIN = fileURLToPath(new URL('../../../apps/cli/bin/mesh.js', import.meta.url));
const LOGIN_URL = /Open in a browser: (\S+)/;

export interface NodeOptions {
  name: string;
  /** loopback address the node binds and announces, e.g. 127.0.0.2 */
  host: string;
  port?: number;
  /** static peers, "host:port" */
  peers?: string[];
  /** discovery broadcast address; null: the node's default (with a place only: each interface's directed broadcast there) */
  broadcast?: string | null;
  debug?: boolean;
  /** more `mesh up` options, as flags */
  args?: string[];
  /** more environment for `mesh up` (MESH_PASSWORD, say: never on a command line) */
  env?: Record<string, string>;
  /** the node's data folder (default: a new temporary one); removed when the node stops */
  dataDir?: string;
  /** run the node somewhere other than this process's loopback-only namespace (netns.ts makes such places) */
  place?: NodePlace;
}

/** Where a node runs instead of this process's own namespace; its gateway listens on that place's 127.0.0.1. */
export interface NodePlace {
  /** throws (UnsafeNetworkError) unless the network the node would see there, and every address given, is the test's own */
  assertSafe(addresses: string[]): Promise<void>;
  /** the command line that runs `command args` there */
  wrap(command: string, args: string[]): [string, string[]];
}

export type LogLine = Record<string, unknown> & { msg?: string; level?: number; service?: string };

export interface NodeState {
  pid: number;
  nodeId: string;
  ready: boolean;
  ui?: string;
  services: Record<string, number | undefined>;
}

export interface MeshResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface TestNode extends AsyncDisposable {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly address: string;
  readonly dataDir: string;
  readonly downloads: string;
  readonly gateway: string;
  readonly nodeId: string;
  /** the node's client secret (the client-secret file of its data folder) */
  readonly secret: string;
  /** what `mesh up` printed for the browser: the UI address carrying the secret in its fragment */
  readonly loginUrl: string;
  readonly process: ChildProcess;
  /** its JSON log lines (stdout) */
  readonly logs: LogLine[];
  /** its stderr, line by line (the most recent 1000) */
  readonly stderr: string[];
  state(): Promise<NodeState>;
  /** runs the `mesh` CLI against this node (MESH_GATEWAY and MESH_DATA_DIR set) */
  mesh(...args: string[]): Promise<MeshResult>;
  /** runs it and parses its --json output */
  meshJson<T>(...args: string[]): Promise<T>;
  waitForLog(match: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<void>;
}

export function runMesh(args: string[], env: NodeJS.ProcessEnv = {}, place?: NodePlace): Promise<MeshResult> {
  return new Promise((resolve, reject) => {
    const child = spawnIn(place, [MESH_BIN, ...args], { ...process.env, ...env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** node (this one) with args, in place when given: its stdout and stderr are pipes */
function spawnIn(place: NodePlace | undefined, args: string[], env: NodeJS.ProcessEnv): ChildProcessByStdio<null, Readable, Readable> {
  const [command, argv] = place ? place.wrap(process.execPath, args) : [process.execPath, args];
  return spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startNode(opts: NodeOptions): Promise<TestNode> {
  if (opts.broadcast === null && !opts.place) throw new Error(`node ${opts.name}: only a node started elsewhere (place) may use the default broadcast`);
  const broadcast = opts.broadcast === null ? undefined : (opts.broadcast ?? LOOPBACK_BROADCAST);
  const addresses = [opts.host, ...(broadcast ? [broadcast] : []), ...(opts.peers ?? []).map((p) => p.split(':')[0]!)];
  if (opts.place) await opts.place.assertSafe(addresses);
  else assertPrivateNetwork(...addresses);
  if (opts.place && opts.port === undefined) throw new Error(`node ${opts.name}: a node started elsewhere (place) needs its port given`);
  const port = opts.port ?? (await freePort(opts.host));
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), `mesh-${opts.name}-`)));
  const gatewayHost = opts.place ? '127.0.0.1' : opts.host;
  const args = ['up', '--name', opts.name, '--host', opts.host, '--port', String(port), ...(broadcast ? ['--broadcast', broadcast] : []), '--gateway', `${gatewayHost}:0`, '--data-dir', dataDir];
  for (const p of opts.peers ?? []) args.push('--peers', p);
  if (opts.debug) args.push('--debug');
  args.push(...(opts.args ?? []));

  const child = spawnIn(opts.place, [MESH_BIN, ...args], { ...process.env, ...opts.env });
  const logs: LogLine[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (data: string) => {
    const lines = (partial + data).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ msg: line });
      }
    }
  });
  const stderr: string[] = [];
  let partialErr = '';
  child.stderr!.setEncoding('utf8').on('data', (data: string) => {
    const lines = (partialErr + data).split('\n');
    partialErr = lines.pop()!;
    stderr.push(...lines);
    if (stderr.length > 1000) stderr.splice(0, stderr.length - 1000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const died = () => new Error(`node ${opts.name} exited: ${stderr.slice(-20).join('\n')}`);

  const waitForLog = (match: (line: LogLine) => boolean, what: string, timeoutMs = 20_000) =>
    waitFor(() => {
      if (child.exitCode !== null) throw died();
      return logs.find(match);
    }, { what: `${opts.name}: ${what}`, timeoutMs });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };

  let ready: LogLine;
  let loginUrl: string;
  let secret: string;
  try {
    ready = await waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('node ready'), 'node ready', 60_000);
    // printed on stderr just after the log line on stdout
    loginUrl = await waitFor(() => {
      if (child.exitCode !== null) throw died();
      return stderr.map((l) => LOGIN_URL.exec(l)?.[1]).find(Boolean);
    }, { what: `${opts.name}: the login URL on stderr`, timeoutMs: 10_000 });
    secret = (await readFile(join(dataDir, api.auth.secretFile), 'utf8')).trim();
  } catch (err) {
    await stop();
    throw err;
  }
  const gateway = String(ready.ui);
  const env = { MESH_GATEWAY: gateway, MESH_DATA_DIR: dataDir };
  const mesh = (...a: string[]) => runMesh(a, env, opts.place);
  return {
    name: opts.name,
    host: opts.host,
    port,
    address: `${opts.host}:${port}`,
    dataDir,
    downloads: join(dataDir, 'downloads'),
    gateway,
    nodeId: String(ready.nodeId),
    secret,
    loginUrl,
    process: child,
    logs,
    stderr,
    state: async () => JSON.parse(await readFile(join(dataDir, 'run', 'node.json'), 'utf8')) as NodeState,
    mesh,
    async meshJson<T>(...a: string[]) {
      const r = await mesh(...a, '--json');
      if (r.code !== 0) throw new Error(`mesh ${a.join(' ')} failed: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    waitForLog,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/** Whether node x has y in its peer table (asked over x's client API, with x's secret; not for a node with a place). */
export async function knows(x: TestNode, y: TestNode): Promise<boolean> {
  const response = await fetch(`${x.gateway}${api.routes.peers}`, { headers: { authorization: `${api.auth.scheme} ${x.secret}` } });
  if (!response.ok) throw new Error(`${x.name}: GET ${api.routes.peers} answered ${response.status}`);
  const peers = (await response.json()) as Array<{ nodeId: string }>;
  return peers.some((p) => p.nodeId === y.nodeId);
}

/** Two nodes naming each other as static peers; resolves once each knows the other. */
export async function startPair(a: NodeOptions, b: NodeOptions): Promise<[TestNode, TestNode]> {
  const portA = a.port ?? (await freePort(a.host));
  const portB = b.port ?? (await freePort(b.host));
  const started = await Promise.allSettled([
    startNode({ ...a, port: portA, peers: [...(a.peers ?? []), `${b.host}:${portB}`] }),
    startNode({ ...b, port: portB, peers: [...(b.peers ?? []), `${a.host}:${portA}`] }),
  ]);
  const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [x, y] = nodes as [TestNode, TestNode];
    await waitFor(async () => (await knows(x, y)) && (await knows(y, x)), { what: `${a.name} and ${b.name} know each other`, timeoutMs: 20_000 });
    return [x, y];
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
}

/** Whether pid runs (a zombie has ended: only its parent has not collected it yet). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** Pids of the running processes whose command line mentions text (a data folder, say). */
export function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number)
    .filter(isRunning);
}
