import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { captureLogger, waitFor } from '@meshwork/testing';
import { Supervisor, type Exit, type Running } from './supervisor.ts';

/** A real child process: node exiting at once with the given code. */
function exitingChild(code: number): Promise<Running> {
  const child = spawn(process.execPath, ['-e', `process.exit(${code})`], { stdio: 'ignore' });
  const exited = new Promise<Exit>((done) => child.once('exit', (c, signal) => done(signal ? { signal } : { code: c ?? -1 })));
  return Promise.resolve({
    pid: child.pid,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  });
}

describe('the supervisor', () => {
  it('does not restart a child that exits with a fatal code, and says why', async () => {
    const { log, lines } = captureLogger('launcher');
    let launches = 0;
    const fatal: string[] = [];
    const supervisor = new Supervisor({
      name: 'gateway',
      log,
      launch: () => {
        launches++;
        return exitingChild(78);
      },
      fatalExitCodes: { 78: 'its configuration is invalid' },
      onFatal: (why) => fatal.push(why),
      minDelayMs: 1,
    });
    await supervisor.start();
    await waitFor(() => fatal.length > 0, { what: 'the supervisor to give up' });
    await supervisor.stop();

    expect(launches).toBe(1);
    expect(fatal).toEqual(['gateway exited (code 78: its configuration is invalid); not restarting']);
    expect(lines.filter((l) => l.level === 60).map((l) => l.msg)).toEqual([fatal[0]]);
    expect(lines.some((l) => typeof l.msg === 'string' && l.msg.includes('restarting in'))).toBe(false);
  });

  it('restarts a child that exits with any other code, with a back-off', async () => {
    const { log, lines } = captureLogger('launcher');
    let launches = 0;
    const fatal: string[] = [];
    const supervisor = new Supervisor({
      name: 'router',
      log,
      launch: () => {
        launches++;
        return exitingChild(1);
      },
      fatalExitCodes: { 78: 'its configuration is invalid' },
      onFatal: (why) => fatal.push(why),
      minDelayMs: 1,
      maxDelayMs: 20,
    });
    await supervisor.start();
    await waitFor(() => launches >= 3, { what: 'two restarts' });
    await supervisor.stop();

    expect(fatal).toEqual([]);
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toContain('router exited (code 1); restarting in 1 ms');
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toContain('router exited (code 1); restarting in 2 ms');
  });
});
