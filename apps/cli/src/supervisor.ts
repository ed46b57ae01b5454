// Keeps one child process running: restarts it when it dies, with a back-off that grows
// while it keeps dying young and resets once it has run for a while. An exit that says a
// restart cannot help (a bad configuration) ends the supervision instead.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@meshwork/service';

/** How a process ended: its exit code, or the signal that killed it. */
export interface Exit {
  code?: number;
  signal?: string;
}

export const describeExit = (exit: Exit): string => exit.signal ?? `code ${exit.code}`;

export interface Running {
  pid: number | undefined;
  exited: Promise<Exit>;
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  name: string;
  launch: () => Promise<Running>;
  log: Logger;
  /** called with each new process (or undefined while none runs) */
  onChange?: (pid: number | undefined) => void;
  /** exit codes after which restarting cannot help, each with what it means */
  fatalExitCodes?: Readonly<Record<number, string>>;
  /** called once the process ended with one of fatalExitCodes: it stays down */
  onFatal?: (why: string) => void;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** a process that ran this long is healthy: the back-off starts over */
  healthyAfterMs?: number;
}

export class Supervisor {
  readonly #opts: Required<SupervisorOptions>;
  readonly #abort = new AbortController();
  #current: Running | undefined;
  #loop: Promise<void> | undefined;

  constructor(opts: SupervisorOptions) {
    this.#opts = { onChange: () => {}, fatalExitCodes: {}, onFatal: () => {}, minDelayMs: 500, maxDelayMs: 30_000, healthyAfterMs: 30_000, ...opts };
  }

  /** Launches the first process; resolves once it launched (or failed to). */
  async start(): Promise<void> {
    const first = this.#launch();
    this.#loop = first.then((running) => this.#run(running));
    await first;
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#current?.stop();
    await this.#loop;
  }

  async #launch(): Promise<Running | undefined> {
    const { name, log } = this.#opts;
    try {
      const running = await this.#opts.launch();
      if (this.#abort.signal.aborted) {
        await running.stop();
        return undefined;
      }
      this.#current = running;
      this.#opts.onChange(running.pid);
      return running;
    } catch (err) {
      log.error({ err, child: name }, `${name} failed to launch: ${(err as Error).message}`);
      return undefined;
    }
  }

  async #run(first: Running | undefined): Promise<void> {
    const { name, log, minDelayMs, maxDelayMs, healthyAfterMs, fatalExitCodes } = this.#opts;
    let running = first;
    let failures = 0;
    let startedAt = Date.now();
    while (!this.#abort.signal.aborted) {
      const exit = running ? await running.exited : undefined;
      const how = exit ? describeExit(exit) : 'launch failed';
      this.#current = undefined;
      this.#opts.onChange(undefined);
      if (this.#abort.signal.aborted) return;
      const fatal = exit?.code === undefined ? undefined : fatalExitCodes[exit.code];
      if (fatal) {
        const why = `${name} exited (${how}: ${fatal}); not restarting`;
        log.fatal({ child: name, exit: how }, why);
        this.#opts.onFatal(why);
        return;
      }
      failures = Date.now() - startedAt > healthyAfterMs ? 0 : failures + 1;
      const delay = Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, failures - 1));
      log.warn({ child: name, exit: how, restartInMs: delay }, `${name} exited (${how}); restarting in ${delay} ms`);
      try {
        await sleep(delay, undefined, { signal: this.#abort.signal });
      } catch {
        return;
      }
      startedAt = Date.now();
      running = await this.#launch();
    }
  }
}
