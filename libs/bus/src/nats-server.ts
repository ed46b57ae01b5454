// Starts a node's private nats-server on loopback: a free port picked by the server itself
// (port -1 and a ports file, as nats.js's own test launcher does), and a token kept in a
// config file only its owner can read.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
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
  readonly process: ChildProcess;
  /** resolves with the exit code (or signal name) when the server exits */
  readonly exited: Promise<number | string>;
  stop(): Promise<void>;
}

export const newToken = (): string => randomBytes(24).toString('hex');

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
  const child = spawn(bin, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'], detached: opts.detached ?? false });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let errorText = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errorText = (errorText + chunk).slice(-2000);
    for (const line of chunk.split('\n')) if (line.trim()) opts.onLog?.(line);
  });
  child.once('error', (err) => { errorText += String(err); });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(2000).then(() => false)]);
      if (!done) child.kill('SIGKILL');
      await exited;
    }
    await rm(portsFile, { force: true });
  };
  const portsFile = join(opts.dir, `${basename(bin)}_${child.pid}.ports`);
  const deadline = Date.now() + (opts.startTimeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new NatsServerStartError(`exited: ${errorText.trim()}`);
    if (existsSync(portsFile)) {
      const ports = JSON.parse(await readFile(portsFile, 'utf8')) as { nats?: string[] };
      const url = ports.nats?.[0];
      if (url && (await probe(url))) {
        return { url, port: Number(new URL(url).port), token, process: child, exited, stop };
      }
    }
    await sleep(50);
  }
  await stop();
  throw new NatsServerStartError(`no ports file after ${opts.startTimeoutMs ?? 10_000} ms: ${errorText.trim()}`);
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
