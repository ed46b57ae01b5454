// `mesh up`: one node = its own nats-server + the four services as child processes, each
// restarted when it dies; SIGINT/SIGTERM stop them all.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findNatsServer, startNatsServer, type NatsServer } from '@meshwork/bus';
import { createLogger, type ReadyMessage } from '@meshwork/service';
import { LaunchError } from './errors.ts';
import { loadIdentity } from './identity.ts';
import { Supervisor, type Running } from './supervisor.ts';
import type { UpConfig } from './up-config.ts';

export const SERVICES = ['transport', 'router', 'filesvc', 'gateway'] as const;
type ServiceName = (typeof SERVICES)[number];

/** What a running node tells other local programs (tests, tools): no secrets. */
export interface NodeState {
  pid: number;
  nodeId: string;
  name: string;
  ui?: string;
  ready: boolean;
  services: Partial<Record<ServiceName | 'nats-server', number>>;
}

const serviceEntry = (name: ServiceName) => fileURLToPath(new URL(`../../${name}/src/main.ts`, import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

export async function runNode(config: UpConfig): Promise<void> {
  findNatsServer(); // fails at once, with the command that installs it
  const dataDir = resolve(config.dataDir);
  const runDir = join(dataDir, 'run');
  mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const { nodeId } = loadIdentity(dataDir);
  const log = createLogger({ service: 'launcher', nodeId, debug: config.debug });
  const stateFile = join(runDir, 'node.json');
  claimDataDir(stateFile, runDir);

  const state: NodeState = { pid: process.pid, nodeId, name: config.name, ready: false, services: {} };
  const saveState = () => writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  saveState();

  const natsDir = join(runDir, 'nats');
  mkdirSync(natsDir, { recursive: true, mode: 0o700 });
  let nats: NatsServer | undefined;
  const natsSupervisor = new Supervisor({
    name: 'nats-server',
    log,
    // after the first start, the same port and token, so services reconnect where they were
    launch: async () => {
      nats = await startNatsServer({
        dir: natsDir,
        port: nats?.port,
        token: nats?.token,
        detached: true,
        onLog: (line) => log.debug({ child: 'nats-server' }, line),
      });
      const server = nats;
      return { pid: server.process.pid, exited: server.exited.then((how) => `exit ${how}`), stop: () => server.stop() };
    },
    onChange: (pid) => {
      state.services['nats-server'] = pid;
      saveState();
    },
  });
  await natsSupervisor.start();
  if (!nats) throw new LaunchError('nats-server did not start (see the log above)');
  const bus = nats;

  const [gatewayHost, gatewayPort] = splitHostPort(config.gateway);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MESH_NODE_ID: nodeId,
    MESH_NODE_NAME: config.name,
    MESH_NATS_URL: bus.url,
    MESH_NATS_TOKEN: bus.token,
    MESH_DEBUG: String(config.debug),
    MESH_DATA_DIR: dataDir,
    MESH_HOST: config.host,
    MESH_PORT: String(config.port),
    MESH_PEERS: config.peer.join(','),
    MESH_BROADCAST: config.broadcast,
    MESH_ADVERTISE: config.advertise,
    MESH_GATEWAY_HOST: gatewayHost,
    MESH_GATEWAY_PORT: gatewayPort,
  };
  if (!config.advertise) delete env.MESH_ADVERTISE;
  delete env.MESH_CONFIG;

  const ready = new Set<ServiceName>();
  const onReady = (msg: ReadyMessage) => {
    ready.add(msg.service as ServiceName);
    if (msg.service === 'gateway' && typeof msg.info.url === 'string') state.ui = msg.info.url;
    if (!state.ready && ready.size === SERVICES.length) {
      state.ready = true;
      log.info({ ui: state.ui, nodeId, name: config.name }, `node ready: UI at ${state.ui}`);
      if (process.stderr.isTTY) process.stderr.write(`\nmeshwork node "${config.name}" (${nodeId}) is up: open ${state.ui}\n\n`);
    }
    saveState();
  };

  const supervisors = SERVICES.map(
    (name) =>
      new Supervisor({
        name,
        log,
        launch: async () => launchService(name, env, onReady),
        onChange: (pid) => {
          state.services[name] = pid;
          saveState();
        },
      }),
  );
  await Promise.all(supervisors.map((s) => s.start()));

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, 'stopping node');
    await Promise.all(supervisors.map((s) => s.stop()));
    await natsSupervisor.stop();
    rmSync(runDir, { recursive: true, force: true });
    log.info('node stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function launchService(name: ServiceName, env: NodeJS.ProcessEnv, onReady: (m: ReadyMessage) => void): Promise<Running> {
  const child = fork(serviceEntry(name), [], {
    execArgv: ['--import', tsxLoader],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // its own process group: a Ctrl-C reaches the launcher alone, which stops everything in order
    detached: true,
  });
  const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(signal ?? `code ${code}`)));
  child.on('message', (msg: ReadyMessage) => {
    if (msg?.type === 'ready') onReady(msg);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(6000).then(() => false)]);
    if (!done) child.kill('SIGKILL');
    await exited;
  };
  return Promise.resolve({ pid: child.pid, exited, stop });
}

/**
 * One launcher per data folder: two nodes sharing downloads and identity would be one node
 * twice. The previous launcher's node.json says who ran here; a launcher killed with SIGKILL
 * leaves its nats-server behind (its services stop by themselves), which is removed here.
 */
function claimDataDir(stateFile: string, runDir: string): void {
  let previous: NodeState;
  try {
    previous = JSON.parse(readFileSync(stateFile, 'utf8')) as NodeState;
  } catch {
    return;
  }
  if (previous.pid !== process.pid && isAlive(previous.pid)) {
    throw new LaunchError(`a node already runs with this data folder (launcher pid ${previous.pid}); use another --data-dir`);
  }
  for (const pid of Object.values(previous.services ?? {})) {
    try {
      if (pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(runDir)) process.kill(pid, 'SIGKILL');
    } catch {
      // gone already, or not ours
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function splitHostPort(value: string): [string, string] {
  const at = value.lastIndexOf(':');
  return [value.slice(0, at), value.slice(at + 1)];
}
