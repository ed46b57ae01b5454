// For tests: the real service in-process on a real nats-server, in a temp data folder, and
// a test client that records the service's events.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBus, type Bus } from '@meshwork/bus';
import { mesh, subjects } from '@meshwork/protocol';
import { captureLogger, startTestNats, type CapturedLog } from '@meshwork/testing';
import { configSchema, type Config } from './config.ts';
import { createFilesvc } from './filesvc.ts';

export interface Fixture {
  config: Config;
  dataDir: string;
  downloads: string;
  incoming: string;
  logs: CapturedLog['lines'];
  /** a bus client for the test (stands in for the router and the gateway) */
  client: Bus;
  received: mesh.v1.FileReceived[];
  failed: mesh.v1.FileFailed[];
  progress: mesh.v1.FileProgress[];
  /** the names in a folder, sorted */
  ls(dir: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts the service (in a new temp data folder, removed on stop, unless dataDir is given). */
export async function startFilesvc(overrides: Partial<Config> = {}): Promise<Fixture> {
  const nats = await startTestNats();
  const ownDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? (await mkdtemp(join(tmpdir(), 'filesvc-test-')));
  const captured = captureLogger('filesvc');
  const bus = await connectBus({ url: nats.url, token: nats.token, name: 'filesvc', log: captured.log });
  const config = configSchema.parse({ nodeId: 'node1', nodeName: 'Node One', natsUrl: nats.url, dataDir, ...overrides });
  const service = createFilesvc({ config, log: captured.log, bus });
  const { downloads } = await service.start();

  const client = await nats.connect('test-client');
  const received: mesh.v1.FileReceived[] = [];
  const failed: mesh.v1.FileFailed[] = [];
  const progress: mesh.v1.FileProgress[] = [];
  client.subscribe(subjects.fileReceived, (m) => void received.push(m));
  client.subscribe(subjects.fileFailed, (m) => void failed.push(m));
  client.subscribe(subjects.fileProgress, (m) => void progress.push(m));
  await client.request(subjects.filesList, {}); // the client's subscriptions are in place

  return {
    config,
    dataDir,
    downloads,
    incoming: join(dataDir, 'incoming'),
    logs: captured.lines,
    client,
    received,
    failed,
    progress,
    ls: async (dir) => (await readdir(dir)).sort(),
    async stop() {
      await service.stop();
      await bus.close();
      await nats.stop();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
