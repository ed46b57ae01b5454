// For tests: the real service in-process on a real nats-server, in a temp data folder, and
// a test client that records the service's events.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectBus, newStreamId, StreamReader, StreamWriter, type Bus } from '@meshwork/bus';
import { mesh, subjects, type Endpoint, type FileChunk } from '@meshwork/protocol';
import { captureLogger, startTestNats, type CapturedLog } from '@meshwork/testing';
import { configSchema, type Config } from './config.ts';
import { createFilesvc } from './filesvc.ts';

export interface Fixture {
  config: Config;
  dataDir: string;
  downloads: string;
  incoming: string;
  outgoing: string;
  logs: CapturedLog['lines'];
  /** a bus client for the test (stands in for the router and the gateway) */
  client: Bus;
  received: mesh.v1.FileReceived[];
  failed: mesh.v1.FileFailed[];
  progress: mesh.v1.FileProgress[];
  sent: mesh.v1.FileSent[];
  /**
   * Hands chunks over as the router does: the first chunk of a file it has not decided on
   * as a file.admit question (resolves with the answers), the others as events.
   */
  offer(chunks: FileChunk[], opts?: { from?: Endpoint; direct?: boolean }): Promise<Array<{ fileId: string; accepted: boolean; reason: string }>>;
  /** Sends bytes to filesvc as the gateway uploads a file; resolves with its reply and the stream's end. */
  upload(name: string, data: Uint8Array, size?: number): Promise<{ reply: mesh.v1.FileSendReply; stored: Promise<void> }>;
  /** Asks for a received file as the gateway downloads one. */
  download(name: string): Promise<{ reply: mesh.v1.FileDownloadReply; data: Promise<Buffer> }>;
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
  const config = configSchema.parse({ nodeId: 'node1', name: 'Node One', natsUrl: nats.url, dataDir, ...overrides });
  const service = createFilesvc({ config, log: captured.log, bus });
  const { downloads } = await service.start();

  const client = await nats.connect('test-client');
  const received: mesh.v1.FileReceived[] = [];
  const failed: mesh.v1.FileFailed[] = [];
  const progress: mesh.v1.FileProgress[] = [];
  const sent: mesh.v1.FileSent[] = [];
  const admitted = new Set<string>();
  client.subscribe(subjects.fileSent, (m) => void sent.push(m));
  client.subscribe(subjects.fileReceived, (m) => void received.push(m));
  client.subscribe(subjects.fileFailed, (m) => void failed.push(m));
  client.subscribe(subjects.fileProgress, (m) => void progress.push(m));
  await client.request(subjects.filesList, {}); // the client's subscriptions are in place

  return {
    config,
    dataDir,
    downloads,
    incoming: join(dataDir, 'incoming'),
    outgoing: join(dataDir, 'outgoing'),
    logs: captured.lines,
    client,
    received,
    failed,
    progress,
    sent,
    async offer(chunks, { from = { host: '127.0.0.2', port: 9999 }, direct = true } = {}) {
      const answers = [];
      for (const chunk of chunks) {
        const fileId = chunk.fileId ?? '';
        if (admitted.has(fileId)) {
          client.publish(subjects.fileChunkReceived, { chunk, from });
          continue;
        }
        const reply = await client.request(subjects.fileAdmit, { chunk, from, direct });
        answers.push({ fileId, accepted: reply.accepted, reason: reply.reason });
        if (reply.accepted) admitted.add(fileId);
      }
      await client.flush();
      return answers;
    },
    async upload(name, data, size = data.byteLength) {
      const streamId = newStreamId();
      const writer = new StreamWriter(client, streamId);
      await writer.open();
      const reply = await client.request(subjects.fileUpload, { streamId, filename: name, size });
      if (reply.error) {
        writer.abort(reply.error);
        return { reply, stored: Promise.resolve() };
      }
      const stored = (async () => {
        for (let i = 0; i < data.byteLength; i += 65536) await writer.write(data.subarray(i, i + 65536));
        await writer.end();
      })();
      return { reply, stored };
    },
    async download(name) {
      const streamId = newStreamId();
      const reader = new StreamReader(client, streamId);
      const reply = await client.request(subjects.fileDownload, { streamId, filename: name });
      if (reply.error) {
        reader.cancel(reply.error);
        return { reply, data: Promise.resolve(Buffer.alloc(0)) };
      }
      reader.start();
      const data = (async () => {
        const parts: Buffer[] = [];
        for await (const d of reader) parts.push(Buffer.from(d));
        reader.done();
        return Buffer.concat(parts);
      })();
      return { reply, data };
    },
    ls: async (dir) => (await readdir(dir)).sort(),
    async stop() {
      await service.stop();
      await bus.close();
      await nats.stop();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
