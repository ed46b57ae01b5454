// What tests and benches read of a node's processes: the tree under a pid, memory, the kernel's UDP counters.
import { readdirSync, readFileSync } from 'node:fs';

/** pid and every process descended from it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // it ended meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export interface ProcessMemory {
  pid: number;
  /** its command, from /proc/pid/comm (a node's processes: launcher, nats-server, transport...) */
  command: string;
  /** resident set now, bytes (VmRSS) */
  rss: number;
  /** peak resident set, bytes (VmHWM) */
  peak: number;
}

/** VmRSS and VmHWM of a running process (named, or by its command); undefined if it is gone. */
export function processMemory(pid: number, name?: string): ProcessMemory | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { pid, command: name ?? readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** The kernel's UDP counters of this network namespace (/proc/net/snmp): RcvbufErrors counts datagrams dropped for a full receive buffer. */
export function udpCounters(): Record<string, number> {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const names = lines[0]?.split(/\s+/).slice(1) ?? [];
  const values = lines[1]?.split(/\s+/).slice(1).map(Number) ?? [];
  return Object.fromEntries(names.map((n, i) => [n, values[i] ?? NaN]));
}
