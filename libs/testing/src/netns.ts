// Nodes on a real multi-host LAN for tests, made of network namespaces: each host is a fresh
// namespace (`unshare -n`, held open by a `cat` reading a pipe from this process, so the
// namespace goes when this process does), joined by bridges that live in one more namespace
// (the switch). Nothing is added to this process's own namespace, which stays loopback-only;
// every address is in TEST_NET, and a node is started in a namespace only after checking that
// every address and route there is loopback or TEST_NET. Commands run there through `nsenter`.
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { assertPrivateNetwork } from './network.ts';
import { startNode, type NodeOptions, type NodePlace, type TestNode } from './node.ts';
import { waitFor } from './wait.ts';

/** The only non-loopback addresses a test namespace may hold. */
export const TEST_NET = '10.231.0.0/16';

/** The port every namespaced node listens on by default: each host has its own, as on a LAN. */
export const NAMESPACE_NODE_PORT = 9999;

export class UnsafeNamespaceError extends Error {
  constructor(where: string, message: string) {
    super(`refusing to start a node in namespace ${where}: ${message}`);
    this.name = 'UnsafeNamespaceError';
  }
}

/** One host: a network namespace held open by a process of this one. */
export interface NetNamespace {
  /** the label it was given (A, B...) */
  readonly name: string;
  /** the holder's pid (`nsenter -t pid -n` enters it) */
  readonly pid: number;
  /** runs a command in it; resolves with its stdout, rejects with its stderr */
  run(command: string, ...args: string[]): Promise<string>;
  /** A place for startNode: checks the namespace holds only loopback and addresses within allowedCidr. */
  place(allowedCidr?: string): NodePlace;
}

/** bridge name -> (namespace label -> its address there, as a.b.c.d/len) */
export type TopologySpec = Record<string, Record<string, string>>;

export interface Topology extends AsyncDisposable {
  ns(name: string): NetNamespace;
  /**
   * Waits for every process left in the namespaces (stop the nodes first) to end, kills what
   * remains after a while, then ends the holders: the namespaces go, and their veths and bridges
   * with them. Rejects, once all is gone, naming any process it had to kill.
   */
  close(): Promise<void>;
}

const IFNAME = /^[a-z][a-z0-9]{0,9}$/;
const LABEL = /^[A-Za-z0-9]{1,4}$/;

function exec(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(' ')}: ${String(stderr).trim() || err.message}`));
      else resolve(String(stdout));
    });
  });
}

const ipv4ToInt = (ip: string): number | undefined => {
  const octets = ip.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
};

/** Whether ip (a.b.c.d, or a route's a.b.c.d/len) lies within cidr. */
export function inCidr(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const [address, ownBits] = ip.split('/');
  const a = ipv4ToInt(address!);
  const n = ipv4ToInt(net!);
  const len = Number(bits);
  if (a === undefined || n === undefined || !(len >= 0 && len <= 32)) return false;
  if (ownBits !== undefined && !(Number(ownBits) >= len)) return false;
  const size = 2 ** (32 - len);
  return Math.floor(a / size) === Math.floor(n / size);
}

const netnsOf = (pid: number | 'self'): string => readlinkSync(`/proc/${pid}/ns/net`);

/** Pids of the processes in any of these network namespaces (by their net:[inode] link). */
function processesIn(namespaces: Set<string>): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (namespaces.has(readlinkSync(`/proc/${entry}/ns/net`))) found.push(Number(entry));
    } catch {
      // it ended meanwhile
    }
  }
  return found;
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim().slice(0, 200);
  } catch {
    return '(ended)';
  }
};

interface Holder {
  namespace: NetNamespace;
  /** net:[inode] */
  inode: string;
  child: ChildProcessByStdio<Writable, null, Readable>;
}

/** A new namespace with loopback up, held by `unshare -n cat` until its stdin closes. */
async function holdNamespace(name: string): Promise<Holder> {
  const child = spawn('unshare', ['-n', 'cat'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const ended = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`unshare -n exited (${code}): ${stderr.trim()}`)));
  });
  const own = netnsOf('self');
  // unshare execs cat only once it is in the new namespace: until then its pid is still in ours
  const inode = await Promise.race([
    ended,
    waitFor(() => readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim() === 'cat' && netnsOf(child.pid!) !== own && netnsOf(child.pid!), {
      what: `namespace ${name}`,
      timeoutMs: 10_000,
    }),
  ]);
  const pid = child.pid!;
  const held = () => {
    try {
      return child.exitCode === null && child.signalCode === null && netnsOf(pid) === inode;
    } catch {
      return false;
    }
  };
  const assertHeld = () => {
    if (!held()) throw new UnsafeNamespaceError(name, `its holder (pid ${pid}) is gone`);
  };
  const enter = (command: string, args: string[]): [string, string[]] => {
    assertHeld();
    return ['nsenter', ['-t', String(pid), '-n', command, ...args]];
  };
  const run = (command: string, ...args: string[]) => exec(...enter(command, args));
  const namespace: NetNamespace = {
    name,
    pid,
    run,
    place: (allowedCidr = TEST_NET) => ({
      assertSafe: async (addresses) => {
        assertPrivateNetwork();
        assertHeld();
        await assertOnly(name, run, allowedCidr, addresses);
      },
      wrap: enter,
    }),
  };
  await run('ip', 'link', 'set', 'dev', 'lo', 'up');
  return { namespace, inode, child };
}

/** Throws unless every address, route and given address in the namespace is loopback or within cidr. */
async function assertOnly(where: string, run: NetNamespace['run'], cidr: string, addresses: string[]): Promise<void> {
  for (const a of addresses) if (a !== '0.0.0.0' && !inCidr(a, cidr)) throw new UnsafeNamespaceError(where, `${a} is not within ${cidr}`);
  const links = JSON.parse(await run('ip', '-j', 'addr', 'show')) as Array<{ ifname: string; addr_info?: Array<{ family: string; local: string }> }>;
  for (const link of links) {
    for (const { family, local } of link.addr_info ?? []) {
      const ok = link.ifname === 'lo' ? (family === 'inet' && inCidr(local, '127.0.0.0/8')) || (family === 'inet6' && local === '::1') : family === 'inet' && inCidr(local, cidr);
      if (!ok) throw new UnsafeNamespaceError(where, `${link.ifname} has ${local}, outside loopback and ${cidr}`);
    }
  }
  const routes = JSON.parse(await run('ip', '-j', '-4', 'route', 'show')) as Array<{ dst: string }>;
  for (const { dst } of routes) if (!inCidr(dst, cidr)) throw new UnsafeNamespaceError(where, `it has a route to ${dst}, outside ${cidr}`);
}

/**
 * Builds the namespaces and bridges of spec, e.g.
 * `{ br1: { A: '10.231.1.1/24', B: '10.231.1.2/24' }, br2: { B: '10.231.2.2/24', C: '10.231.2.3/24' } }`:
 * a namespace per label, a bridge per key (in the switch namespace), and per membership a veth
 * from the bridge to the namespace (eth0, eth1... in the order of the bridges), with that address.
 * IPv6 addresses are not made (addrgenmode none). Must run in a loopback-only namespace itself.
 */
export async function createTopology(spec: TopologySpec, allowedCidr = TEST_NET): Promise<Topology> {
  assertPrivateNetwork();
  const labels = [...new Set(Object.values(spec).flatMap((members) => Object.keys(members)))];
  for (const [bridge, members] of Object.entries(spec)) {
    if (!IFNAME.test(bridge)) throw new Error(`bridge name ${bridge} must match ${IFNAME}`);
    for (const [label, address] of Object.entries(members)) {
      if (!LABEL.test(label)) throw new Error(`namespace label ${label} must match ${LABEL}`);
      if (!/\/\d+$/.test(address) || !inCidr(address, allowedCidr)) throw new Error(`${label} on ${bridge}: ${address} must be a.b.c.d/len within ${allowedCidr}`);
    }
  }

  const holders: Holder[] = [];
  const topology: Topology = {
    ns(name) {
      const found = holders.find((h) => h.namespace.name === name);
      if (!found) throw new Error(`no namespace ${name} in this topology`);
      return found.namespace;
    },
    close: () => closeHolders(holders),
    [Symbol.asyncDispose]: () => closeHolders(holders),
  };
  try {
    for (const name of ['switch', ...labels]) holders.push(await holdNamespace(name));
    const sw = holders[0]!.namespace;
    const interfaces = new Map<string, number>();
    for (const [bridge, members] of Object.entries(spec)) {
      await sw.run('ip', 'link', 'add', 'name', bridge, 'type', 'bridge');
      await sw.run('ip', 'link', 'set', 'dev', bridge, 'addrgenmode', 'none');
      await sw.run('ip', 'link', 'set', 'dev', bridge, 'up');
      for (const [label, address] of Object.entries(members)) {
        const ns = topology.ns(label);
        const inner = `eth${interfaces.get(label) ?? 0}`;
        interfaces.set(label, (interfaces.get(label) ?? 0) + 1);
        const outer = `${bridge}-${label}`;
        await sw.run('ip', 'link', 'add', 'name', outer, 'type', 'veth', 'peer', 'name', inner, 'netns', String(ns.pid));
        await sw.run('ip', 'link', 'set', 'dev', outer, 'addrgenmode', 'none');
        await sw.run('ip', 'link', 'set', 'dev', outer, 'master', bridge, 'up');
        await ns.run('ip', 'link', 'set', 'dev', inner, 'addrgenmode', 'none');
        await ns.run('ip', 'addr', 'add', address, 'dev', inner);
        await ns.run('ip', 'link', 'set', 'dev', inner, 'up');
      }
    }
    return topology;
  } catch (err) {
    await closeHolders(holders).catch(() => undefined);
    throw err;
  }
}

async function closeHolders(holders: Holder[]): Promise<void> {
  const namespaces = new Set(holders.map((h) => h.inode));
  const holderPids = new Set(holders.map((h) => h.child.pid));
  const strays = () => processesIn(namespaces).filter((pid) => !holderPids.has(pid));
  const killed: string[] = [];
  try {
    await waitFor(() => strays().length === 0, { what: 'the processes in the test namespaces to end', timeoutMs: 10_000 });
  } catch {
    for (const pid of strays()) {
      killed.push(`${pid} (${commandOf(pid)})`);
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // it ended meanwhile
      }
    }
  }
  for (const { child } of holders.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.stdin.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  }
  await waitFor(() => processesIn(namespaces).length === 0, { what: 'the test namespaces to empty', timeoutMs: 10_000 });
  if (killed.length > 0) throw new Error(`processes left in the test namespaces, killed: ${killed.join(', ')}`);
}

/** Why namespaces, bridges and veths cannot be made here (a reason to skip a test), or undefined when they can. */
export async function netnsUnavailable(): Promise<string | undefined> {
  if (process.platform !== 'linux') return `network namespaces are Linux only (this is ${process.platform})`;
  for (const [tool, args, from] of [['unshare', ['--version'], 'util-linux'], ['nsenter', ['--version'], 'util-linux'], ['ip', ['-V'], 'iproute2']] as const) {
    try {
      await exec(tool, [...args]);
    } catch (err) {
      return `${tool} is missing or broken (${from}): ${(err as Error).message}`;
    }
  }
  let holder: Holder | undefined;
  try {
    holder = await holdNamespace('probe');
    await holder.namespace.run('ip', 'link', 'add', 'name', 'probebr', 'type', 'bridge');
    await holder.namespace.run('ip', 'link', 'add', 'name', 'probe0', 'type', 'veth', 'peer', 'name', 'probe1');
    await holder.namespace.run('ip', 'link', 'set', 'dev', 'probe0', 'master', 'probebr');
    return undefined;
  } catch (err) {
    return `cannot make a network namespace with a bridge and a veth (uid ${process.getuid?.()}; this needs root, or the owner of this namespace): ${(err as Error).message}`;
  } finally {
    if (holder) await closeHolders([holder]).catch(() => undefined);
  }
}

/** startNode in namespace ns: listening on port 9999 unless told, gateway on the namespace's own 127.0.0.1. */
export function startNodeIn(ns: NetNamespace, opts: Omit<NodeOptions, 'place'>): Promise<TestNode> {
  return startNode({ ...opts, port: opts.port ?? NAMESPACE_NODE_PORT, place: ns.place() });
}
