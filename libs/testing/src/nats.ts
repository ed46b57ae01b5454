import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBus, startNatsServer, type Bus, type NatsServer } from '@meshwork/bus';
import { captureLogger } from './logs.ts';

export interface TestNats extends AsyncDisposable {
  server: NatsServer;
  url: string;
  token: string;
  /** a bus client for the test itself */
  connect(name?: string): Promise<Bus>;
  stop(): Promise<void>;
}

/** A real nats-server on a free loopback port, removed with its folder on dispose. */
export async function startTestNats(): Promise<TestNats> {
  const dir = await mkdtemp(join(tmpdir(), 'mesh-nats-'));
  const server = await startNatsServer({ dir });
  const clients: Bus[] = [];
  const stop = async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => {})));
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    server,
    url: server.url,
    token: server.token,
    async connect(name = 'test') {
      const bus = await connectBus({ url: server.url, token: server.token, name, log: captureLogger('test').log });
      clients.push(bus);
      return bus;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
