import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startNatsServer } from './nats-server.ts';

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nats-server-test-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

describe('a private nats-server', () => {
  it('reports the pid of nats-server itself, whose ports file is named after it', async () => {
    const dir = await folder();
    const server = await startNatsServer({ dir });
    cleanup.push(() => server.stop());
    const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline[0]).toMatch(/nats-server$/);
    expect(cmdline).toContain(join(dir, 'nats.conf'));
    expect(existsSync(join(dir, `nats-server_${server.pid}.ports`))).toBe(true);
  });

  it('stops nats-server on stop() and removes its ports file', async () => {
    const dir = await folder();
    const server = await startNatsServer({ dir });
    await server.stop();
    expect(isAlive(server.pid)).toBe(false);
    expect(existsSync(join(dir, `nats-server_${server.pid}.ports`))).toBe(false);
  });

  it('says how nats-server ended when it is killed', async () => {
    const server = await startNatsServer({ dir: await folder() });
    process.kill(server.pid, 'SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
  });

  it('restarts on the same port and token', async () => {
    const dir = await folder();
    const first = await startNatsServer({ dir });
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    const second = await startNatsServer({ dir, port: first.port, token: first.token });
    cleanup.push(() => second.stop());
    expect(second.url).toBe(first.url);
    expect(second.pid).not.toBe(first.pid);
  });

  it('stops nats-server when the process that started it dies by SIGKILL', { timeout: 30_000 }, async () => {
    const dir = await folder();
    const module = fileURLToPath(new URL('./nats-server.ts', import.meta.url));
    const script = `const { startNatsServer } = await import(${JSON.stringify(module)});
const s = await startNatsServer({ dir: ${JSON.stringify(dir)}, detached: true });
process.stdout.write(s.pid + '\\n');
setInterval(() => {}, 60_000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanup.push(async () => parent.kill('SIGKILL'));
    let out = '';
    parent.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    await until(() => out.includes('\n'), 'the parent to start nats-server', 20_000);
    const pid = Number(out.trim());
    expect(isAlive(pid)).toBe(true);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain(dir);

    parent.kill('SIGKILL');
    await until(() => !isAlive(pid), 'nats-server to stop after its parent died');
    expect(isAlive(pid)).toBe(false);
  });
});
