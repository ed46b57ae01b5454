// Starts a node's private nats-server on loopback: a free port picked by the server itself
// (port -1 and a ports file, as nats.js's own test launcher does), and a token kept in a
// config file only its owner can read.
//
// nats-server runs under a small sh wrapper holding a lifeline: a pipe whose other end only
// the starting process holds. When that process dies, even by SIGKILL, the kernel closes its
// end, the wrapper reads EOF and stops nats-server: no orphan bus is left behind, with no
// native addon and no second Node process.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { constants as osConstants } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NatsServerMissingError, NatsServerStartError } from './errors.ts';

export interface NatsServerOptions {
  /** private folder for the config and ports files */
  dir: string;
  token?: string;
  host?: string;
  /** -1: let the server pick a free port */
  port?: number;
  /** its own process group, so a Ctrl-C in the terminal reaches only whoever manages it */
  detached?: boolean;
  /** called with each line the server logs */
  onLog?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface NatsServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** the nats-server process itself (not its wrapper) */
  readonly pid: number;
  /** resolves with the exit code (or signal name) when the server exits */
  readonly exited: Promise<number | string>;
  /** SIGTERM to nats-server (SIGKILL after 2 s); resolves once it is gone */
  stop(): Promise<void>;
}

export const newToken = (): string => randomBytes(24).toString('hex');

/**
 * `sh -c LIFELINE_WRAPPER nats-wrapper BIN ARGS...`, with the lifeline on fd 3: prints the
 * server's pid on stdout, TERMs the server when fd 3 reaches EOF or when the wrapper gets
 * TERM/INT, and exits with the server's status (128 + n for signal n).
 * A background job's stdin is /dev/null in a non-interactive sh, hence the explicit <&3.
 */
const LIFELINE_WRAPPER = `pid=
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null' TERM INT
"$@" </dev/null >/dev/null 3<&- &
pid=$!
echo "$pid"
exec >/dev/null
{ read -r _; kill -TERM "$pid" 2>/dev/null; } <&3 &
watcher=$!
exec 3<&-
wait "$pid"; status=$?
while [ "$status" -gt 128 ] && kill -0 "$pid" 2>/dev/null; do wait "$pid"; status=$?; done
kill "$watcher" 2>/dev/null
exit "$status"`;

export function findNatsServer(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MESH_NATS_SERVER) return env.MESH_NATS_SERVER;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'nats-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new NatsServerMissingError();
}

export async function startNatsServer(opts: NatsServerOptions): Promise<NatsServer> {
  const bin = findNatsServer();
  const token = opts.token ?? newToken();
  const host = opts.host ?? '127.0.0.1';
  const conf = join(opts.dir, 'nats.conf');
  await writeFile(
    conf,
    [`listen: "${host}:${opts.port ?? -1}"`, `ports_file_dir: "${opts.dir}"`, `authorization { token: "${token}" }`, ''].join('\n'),
    { mode: 0o600 },
  );
  const wrapper = spawn('/bin/sh', ['-c', LIFELINE_WRAPPER, 'nats-wrapper', bin, '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
  let errorText = '';
  let ended = false;
  const running = () => !ended;
  const exited = new Promise<number | string>((resolve) => {
    wrapper.once('exit', (code, signal) => {
      ended = true;
      resolve(code === null ? (signal ?? -1) : statusOf(code));
    });
    wrapper.on('error', (err) => {
      errorText += String(err);
      if (wrapper.pid !== undefined) return; // a signal not delivered: it still runs
      ended = true;
      resolve(-1);
    });
  });
  wrapper.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errorText = (errorText + chunk).slice(-2000);
    for (const line of chunk.split('\n')) if (line.trim()) opts.onLog?.(line);
  });
  let pidLine = '';
  wrapper.stdout!.setEncoding('utf8').on('data', (chunk: string) => { pidLine += chunk; });

  let pid: number | undefined;
  const portsFile = () => join(opts.dir, `${basename(bin)}_${pid}.ports`);
  const stop = async () => {
    if (pid !== undefined && running()) {
      signal(pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(2000).then(() => false)]);
      if (!done && running()) signal(pid, 'SIGKILL');
    } else if (running()) {
      wrapper.kill('SIGTERM');
    }
    await exited;
    if (pid !== undefined) await rm(portsFile(), { force: true });
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    if (!running()) throw new NatsServerStartError(`exited (${await exited}): ${errorText.trim()}`);
    if (pid === undefined && pidLine.includes('\n')) {
      pid = Number(pidLine.trim());
      if (!Number.isInteger(pid) || pid <= 0) {
        wrapper.kill('SIGTERM');
        throw new NatsServerStartError(`its wrapper printed no pid: ${JSON.stringify(pidLine)}`);
      }
    }
    if (pid !== undefined && existsSync(portsFile())) {
      const ports = JSON.parse(await readFile(portsFile(), 'utf8')) as { nats?: string[] };
      const url = ports.nats?.[0];
      if (url && (await probe(url))) {
        return { url, port: Number(new URL(url).port), token, pid, exited, stop };
      }
    }
    await sleep(50);
  }
  await stop();
  throw new NatsServerStartError(`no ports file after ${opts.startTimeoutMs ?? 10_000} ms: ${errorText.trim()}`);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // gone already: its wrapper is about to report how it ended
  }
}

/** The wrapper's exit status as the server's: 128 + n is signal n, as sh reports it. */
function statusOf(code: number): number | string {
  if (code <= 128) return code;
  const name = Object.entries(osConstants.signals).find(([, n]) => n === code - 128)?.[0];
  return name ?? code;
}

function probe(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: hostname, port: Number(port) }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
