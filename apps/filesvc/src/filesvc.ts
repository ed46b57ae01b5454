// The file service: serves file sends and the downloads list, takes chunks from the mesh.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { subjects } from '@meshwork/protocol';
import type { Logger, Service, ServiceContext } from '@meshwork/service';
import type { Config } from './config.ts';
import { listFolder } from './downloads.ts';
import { FileSender } from './file-sender.ts';
import { Receiver } from './receiver.ts';

/** Most files a files.list reply holds (newest first): a reply must fit in one bus message. */
const MAX_LISTED = 1000;

export interface FilesvcInfo extends Record<string, unknown> {
  /** the downloads folder */
  downloads: string;
}

export interface Filesvc extends Service {
  start(): Promise<FilesvcInfo>;
}

export function createFilesvc({ config, log, bus }: ServiceContext<Config>): Filesvc {
  const dataDir = resolve(config.dataDir);
  const downloadsDir = resolve(config.downloadsDir ?? join(dataDir, 'downloads'));
  const incomingDir = join(dataDir, 'incoming');
  const receiver = new Receiver({ bus, log: log.child({ component: 'receiver' }), config, incomingDir, downloadsDir });
  const sender = new FileSender({ bus, log: log.child({ component: 'sender' }), config });
  const subscriptions: Array<{ unsubscribe(): void }> = [];

  const listDownloads = async () => {
    try {
      return { files: await listFolder(downloadsDir, MAX_LISTED) };
    } catch (err) {
      log.warn({ err, downloadsDir }, 'cannot list the downloads folder');
      return { files: [] };
    }
  };

  return {
    async start() {
      await mkdir(downloadsDir, { recursive: true });
      await mkdir(incomingDir, { recursive: true });
      await removeStalePartials(incomingDir, log);
      subscriptions.push(
        bus.subscribe(subjects.fileChunkReceived, (event) => receiver.onChunk(event)),
        bus.serve(subjects.fileSend, (req) => sender.send(req.path)),
        bus.serve(subjects.filesList, listDownloads),
      );
      await bus.flush();
      return { downloads: downloadsDir };
    },
    async stop() {
      for (const s of subscriptions.splice(0)) s.unsubscribe();
      await Promise.all([receiver.stop(), sender.stop()]);
    },
  };
}

/** Partial files of a previous run cannot be resumed (the bitmap was in memory). */
async function removeStalePartials(dir: string, log: Logger): Promise<void> {
  const stale = (await readdir(dir)).filter((name) => name.endsWith('.part'));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  if (stale.length > 0) log.info({ count: stale.length, dir }, 'removed partial files of a previous run');
}
