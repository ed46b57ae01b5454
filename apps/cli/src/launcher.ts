// `mesh up`: one node = its own nats-server + the four services as child processes, each
// restarted when it dies (unless it refused its configuration); SIGINT/SIGTERM stop them all.
// Nothing outlives the launcher: services stop when their IPC channel closes, nats-server
// when its lifeline pipe does (see libs/bus nats-server.ts).
import { fork } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { findNatsServer, startNatsServer, type NatsServer } from '@meshwork/bus';
import { SERVICES, serviceEnv, type ServiceName, type UpConfig } from '@meshwork/config';
import { api, isLoopbackHost, parseHostPort } from '@meshwork/protocol';
import { CONFIG_EXIT_CODE, createLogger, ensureClientSecret, ensureIdentity, type Logger, type ReadyMessage } from '@meshwork/service';
import { isAlive } from './alive.ts';
import { LaunchError } from './errors.ts';
import { Supervisor, type Exit, type Running } from './supervisor.ts';

/** What a running node tells other local programs (tests, tools): no secrets. */
export interface NodeState {
  pid: number;
  nodeId: string;
  fingerprint: string;
  name: string;
  ui?: string;
  ready: boolean;
  services: Partial<Record<ServiceName | 'nats-server', number>>;
}

/** How `mesh up` ends when a service refused its configuration. */
export const SERVICE_CONFIG_EXIT = 2;

const serviceEntry = (name: ServiceName) => fileURLToPath(new URL(`../../${name}/src/main.ts`, import.meta.url));
const tsxLoader = import.meta.resolve('tsx');

export async function runNode(config: UpConfig): Promise<void> {
  findNatsServer(); // fails at once, with the command that installs it
  const dataDir = resolve(config.dataDir);
  const looseMode = openModeOf(dataDir);
  const runDir = join(dataDir, 'run');
  const natsDir = join(runDir, 'nats');
  for (const dir of [dataDir, runDir, natsDir]) makePrivateDir(dir, dir !== dataDir);
  const { nodeId, fingerprint } = identity(dataDir);
  const log = createLogger({ service: 'launcher', nodeId, debug: config.debug });
  if (looseMode !== undefined) warnOpenDataDir(log, dataDir, looseMode);
  const stateFile = join(runDir, 'node.json');
  claimDataDir(stateFile, runDir);
  const secret = clientSecret(dataDir);

  const state: NodeState = { pid: process.pid, nodeId, fingerprint, name: config.name, ready: false, services: {} };
  const saveState = () => writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  saveState();

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
      return { pid: server.pid, exited: server.exited.then(exitOf), stop: () => server.stop() };
    },
    onChange: (pid) => {
      state.services['nats-server'] = pid;
      saveState();
    },
  });

  const ready = new Set<ServiceName>();
  let announcedUi: string | undefined;
  const onReady = (msg: ReadyMessage) => {
    ready.add(msg.service as ServiceName);
    if (msg.service === 'gateway' && typeof msg.info.url === 'string') state.ui = msg.info.url;
    if (ready.size === SERVICES.length && state.ui !== announcedUi) {
      state.ready = true;
      announcedUi = state.ui;
      log.info({ ui: state.ui, nodeId, name: config.name }, `node ready: UI at ${state.ui}`);
      process.stderr.write(readyBanner(config, nodeId, fingerprint, state.ui, secret));
    }
    saveState();
  };

  let stopping: Promise<void> | undefined;
  const stop = (why: string, exitCode: number) => {
    stopping ??= (async () => {
      log.info({ why }, 'stopping node');
      await Promise.all(supervisors.map((s) => s.stop()));
      await natsSupervisor.stop();
      rmSync(runDir, { recursive: true, force: true });
      log.info('node stopped');
      process.exit(exitCode);
    })();
    return stopping;
  };

  const supervisors = SERVICES.map(
    (name) =>
      new Supervisor({
        name,
        log,
        launch: async () => {
          if (!nats) throw new LaunchError('no bus to connect the service to');
          const values = { ...config, dataDir, nodeId, natsUrl: nats.url, natsToken: nats.token };
          return launchService(name, { ...withoutMeshVariables(process.env), ...serviceEnv(name, values) }, onReady);
        },
        onChange: (pid) => {
          state.services[name] = pid;
          saveState();
        },
        fatalExitCodes: { [CONFIG_EXIT_CODE]: 'invalid configuration, see its log' },
        onFatal: (why) => {
          process.stderr.write(`mesh: ${why}; stopping the node\n`);
          void stop(why, SERVICE_CONFIG_EXIT);
        },
      }),
  );
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  await natsSupervisor.start();
  if (!nats) {
    await natsSupervisor.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw new LaunchError('nats-server did not start (see the log above)');
  }
  await Promise.all(supervisors.map((s) => s.start()));
}

function launchService(name: ServiceName, env: NodeJS.ProcessEnv, onReady: (m: ReadyMessage) => void): Promise<Running> {
  const child = fork(serviceEntry(name), [], {
    execArgv: ['--import', tsxLoader],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // its own process group: a Ctrl-C reaches the launcher alone, which stops everything in order
    detached: true,
  });
  const exited = new Promise<Exit>((done) => child.once('exit', (code, signal) => done(signal ? { signal } : { code: code ?? -1 })));
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

const exitOf = (how: number | string): Exit => (typeof how === 'number' ? { code: how } : { signal: how });

/** The launcher's environment without any MESH_* variable: each service gets only its own. */
function withoutMeshVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('MESH_')));
}

/** Creates dir with mode 0700; a folder the launcher owns outright (run/) is made 0700 if it was not. */
function makePrivateDir(dir: string, ours: boolean): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (ours) chmodSync(dir, 0o700);
  } catch (err) {
    throw new LaunchError(`cannot use the data folder: ${(err as Error).message}`, err);
  }
}

/** The mode of an existing folder that other users may enter or read; undefined if private or absent. */
function openModeOf(dir: string): number | undefined {
  try {
    const mode = statSync(dir).mode & 0o777;
    return mode & 0o077 ? mode : undefined;
  } catch {
    return undefined;
  }
}

function warnOpenDataDir(log: Logger, dir: string, mode: number): void {
  const octal = `0${mode.toString(8)}`;
  const text = `data folder ${dir} is open to other users (mode ${octal}); make it private with: chmod 700 ${shellQuote(dir)}`;
  log.warn({ dataDir: dir, mode: octal }, text);
  process.stderr.write(`mesh: warning: ${text}\n`);
}

const shellQuote = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

function clientSecret(dataDir: string): string {
  try {
    return ensureClientSecret(dataDir);
  } catch (err) {
    throw new LaunchError(`cannot make or read the client secret in ${dataDir}: ${(err as Error).message}`, err);
  }
}

function identity(dataDir: string) {
  try {
    return ensureIdentity(dataDir);
  } catch (err) {
    throw new LaunchError(`cannot make or read the node identity in ${dataDir}: ${(err as Error).message}`, err);
  }
}

/** For the terminal only (stderr): it carries the client secret, which no log line may. */
function readyBanner(config: UpConfig, nodeId: string, fingerprint: string, ui: string | undefined, secret: string): string {
  const lines = ['', `meshwork node "${config.name}" (id ${nodeId}, fingerprint ${fingerprint}) is ready.`];
  if (ui) lines.push(`Open in a browser: ${ui}/#${api.auth.fragment}=${secret}`);
  const at = parseHostPort(config.gateway, { minPort: 0 });
  if (typeof at !== 'string' && !isLoopbackHost(at.host)) {
    lines.push(`Warning: the client API listens on ${config.gateway}: it is reachable from the network (--gateway-public).`);
  }
  return `${lines.join('\n')}\n\n`;
}

/**
 * One launcher per data folder: two nodes sharing downloads and identity would be one node
 * twice. The previous launcher's node.json says who ran here; whatever of its processes is
 * still running in this run folder (a launcher killed with SIGKILL) is removed here.
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
