import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, processesMentioning, runMesh, startNode, waitFor, type TestNode } from '@meshwork/testing';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mesh-launcher-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('mesh up refuses a bad value before it starts anything', () => {
  const cases: Array<[string, Record<string, string | null>, string]> = [
    ['a host name where an IPv4 address is needed', { '--host': 'localhost' }, '--host'],
    ['a gateway port out of range', { '--gateway': '127.0.0.1:70000' }, '--gateway'],
    ['a gateway off loopback without --gateway-public', { '--gateway': '0.0.0.0:0' }, '--gateway'],
  ];
  it.each(cases)('%s', async (_what, bad, flag) => {
    const dataDir = join(scratch, `refused-${flag}-${Object.values(bad)[0]}`.replace(/[^\w.-]/g, '_'));
    const options: Record<string, string | null> = {
      '--host': '127.0.0.30',
      '--broadcast': '127.255.255.255',
      '--gateway': '127.0.0.30:0',
      '--data-dir': dataDir,
      ...bad,
    };
    const r = await runMesh(['up', ...Object.entries(options).flatMap(([k, v]) => (v === null ? [k] : [k, v]))]);

    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^mesh: invalid configuration: ${flag} \\(MESH_[A-Z_]+\\): `));
    expect(r.stdout).toBe('');
    expect(existsSync(dataDir), 'no data folder made').toBe(false);
    expect(processesMentioning(dataDir), 'no nats-server or service started').toEqual([]);
  });
});

describe('a node started in a new data folder', () => {
  let node: TestNode;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(scratch, 'new-node');
    node = await startNode({ name: 'L', host: '127.0.0.31', dataDir });
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('makes the data and run folders 0700 and the client secret 0600', () => {
    expect(modeOf(dataDir)).toBe('700');
    expect(modeOf(join(dataDir, 'run'))).toBe('700');
    const folders = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.length).toBeGreaterThan(1);
    expect(folders.map((e) => `${join(e.parentPath, e.name)} ${modeOf(join(e.parentPath, e.name))}`).filter((l) => !l.endsWith(' 700'))).toEqual([]);
    expect(modeOf(join(dataDir, 'client-secret'))).toBe('600');
    expect(modeOf(join(dataDir, 'identity.key'))).toBe('600');
    expect(node.secret.length).toBeGreaterThanOrEqual(32);
    expect(node.stderr.some((l) => l.includes('open to other users'))).toBe(false);
  });

  it('prints a login URL with the secret on stderr, and never logs the secret', async () => {
    expect(node.loginUrl).toBe(`${node.gateway}/#secret=${node.secret}`);
    const identity = JSON.parse(readFileSync(join(dataDir, 'identity.json'), 'utf8')) as { nodeId: string; fingerprint: string };
    expect(identity.nodeId).toBe(node.nodeId);
    expect(node.stderr).toContain(`meshwork node "L" (id ${node.nodeId}, fingerprint ${identity.fingerprint}) is ready.`);
    const ready = node.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('node ready'));
    expect(ready?.msg).toBe(`node ready: UI at ${node.gateway}`);
    // every service's start line is in (the launcher may log "ready" before a service's line is read)
    for (const service of ['transport', 'router', 'filesvc', 'gateway']) await node.waitForLog((l) => l.msg === `${service} started`, `${service} started`);
    expect(node.logs.filter((l) => JSON.stringify(l).includes(node.secret))).toEqual([]);
  });

  it('records the real nats-server among its processes', async () => {
    const { services } = await node.state();
    const nats = services['nats-server']!;
    const cmdline = readFileSync(`/proc/${nats}/cmdline`, 'utf8').split('\0');
    expect(cmdline[0]).toMatch(/nats-server$/);
    expect(existsSync(join(dataDir, 'run', 'nats', `nats-server_${nats}.ports`))).toBe(true);
  });

  it('leaves no process behind when the launcher is killed with SIGKILL', async () => {
    const { services } = await node.state();
    const pids = [node.process.pid!, ...Object.values(services).filter((p): p is number => !!p)];
    expect(pids).toHaveLength(6);
    expect(pids.filter(isRunning)).toEqual(pids);
    const helpers = processesMentioning(dataDir);
    expect(helpers.length).toBeGreaterThan(0);

    process.kill(node.process.pid!, 'SIGKILL');
    await waitFor(() => [...pids, ...helpers].every((pid) => !isRunning(pid)), {
      what: 'every process of the node to end',
      timeoutMs: 5000,
    }).catch((err: Error) => {
      throw new Error(`${err.message}; still running: ${[...pids, ...helpers].filter(isRunning).join(', ')}`);
    });
    expect(processesMentioning(dataDir)).toEqual([]);
  });
});

describe('a node started in a data folder others can read', () => {
  let node: TestNode;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(scratch, 'open-node');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    node = await startNode({ name: 'O', host: '127.0.0.32', dataDir });
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('warns, in its log and on stderr, saying how to fix it', () => {
    const line = node.stderr.find((l) => l.startsWith('mesh: warning:'));
    expect(line).toBe(`mesh: warning: data folder ${dataDir} is open to other users (mode 0755); make it private with: chmod 700 ${dataDir}`);
    const logged = node.logs.find((l) => l.service === 'launcher' && l.level === 40 && typeof l.msg === 'string' && l.msg.includes('open to other users'));
    expect(logged).toMatchObject({ dataDir, mode: '0755' });
  });

  it('still keeps what it makes private', () => {
    expect(modeOf(join(dataDir, 'run'))).toBe('700');
    expect(modeOf(join(dataDir, 'client-secret'))).toBe('600');
  });
});
