// The file service: admits and takes incoming files, takes uploads from the gateway and sends
// them, streams received files back to the gateway, and lists the downloads folder.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { subjects } from '@meshwork/protocol';
import type { Logger, Service, ServiceContext } from '@meshwork/service';
import type { Config } from './config.ts';
import { listFolder } from './downloads.ts';
import { FileSender } from './file-sender.ts';
import { Receiver } from './receiver.ts';
import { createTransfers } from './transfers.ts';

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
  const outgoingDir = join(dataDir, 'outgoing');
  const receiver = new Receiver({ bus, log: log.child({ component: 'receiver' }), config, incomingDir, downloadsDir });
  const sender = new FileSender({ bus, log: log.child({ component: 'sender' }), config });
  const transfers = createTransfers({ bus, log: log.child({ component: 'streams' }), config, sender, outgoingDir, downloadsDir });
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
      for (const dir of [downloadsDir, incomingDir, outgoingDir]) await mkdir(dir, { recursive: true, mode: 0o700 });
      await removeLeftovers(log, incomingDir, outgoingDir);
      subscriptions.push(
        bus.serve(subjects.fileAdmit, (req) => receiver.admit(req)),
        bus.subscribe(subjects.fileChunkReceived, (event) => receiver.onChunk(event)),
        bus.serve(subjects.fileUpload, (req) => transfers.upload(req)),
        bus.serve(subjects.fileDownload, (req) => transfers.download(req)),
        bus.serve(subjects.filesList, listDownloads),
      );
      await bus.flush();
      return { downloads: downloadsDir };
    },
    async stop() {
      for (const s of subscriptions.splice(0)) s.unsubscribe();
      await Promise.all([receiver.stop(), sender.stop(), transfers.stop()]);
    },
  };
}

/** Partial files and uploads of a previous run cannot be resumed (their state was in memory). */
async function removeLeftovers(log: Logger, ...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    const stale = (await readdir(dir)).filter((name) => name.endsWith('.part') || name.endsWith('.upload'));
    await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
    if (stale.length > 0) log.info({ count: stale.length, dir }, 'removed partial files of a previous run');
  }
}
