// filesvc: where files live on disk, and the limits of a transfer.
import { z } from 'zod';
import { baseConfigSchema } from './base.ts';
import { positiveInt } from './fields.ts';

export const filesvcConfigSchema = baseConfigSchema.extend({
  downloadsDir: z.string().min(1).optional().describe('where received files are saved (default <dataDir>/downloads)'),
  maxFileBytes: positiveInt().default(4 * 1024 ** 3).describe('largest file sent or accepted, in bytes'),
  maxIncoming: positiveInt().default(32).describe('most incoming transfers at once'),
  maxIncomingPerPeer: positiveInt().default(4).describe('most incoming transfers at once sent by the node at one address'),
  maxIncomingRelayedPerPeer: positiveInt().default(8).describe('most incoming transfers at once relayed by the node at one address'),
  incompleteTimeoutMs: positiveInt().default(60_000).describe('give up an incoming transfer after this long without a new chunk'),
  evictGraceMs: positiveInt().default(5000).describe('when a limit is reached, a transfer older than this and slower than evictBelowBytesPerSecond gives way to a new one'),
  evictBelowBytesPerSecond: positiveInt().default(16 * 1024).describe('average speed under which a transfer may give way when a limit is reached'),
  diskReserveBytes: z.number().int().nonnegative().default(64 * 1024 ** 2).describe('disk space always left free by incoming files'),
  sendWindow: positiveInt().max(1024).default(16).describe('most chunk requests outstanding per outgoing file'),
  chunkRequestTimeoutMs: positiveInt().default(60_000).describe('how long one chunk may take to be delivered'),
  progressIntervalMs: z.number().int().nonnegative().default(250).describe('least time between two progress events of a transfer'),
});

export type FilesvcConfig = z.infer<typeof filesvcConfigSchema>;
