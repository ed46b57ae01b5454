// filesvc configuration: where files live on disk, and the limits of a transfer.
import { z } from 'zod';
import { baseConfigSchema } from '@meshwork/service';

const positiveInt = () => z.number().int().positive();

export const configSchema = baseConfigSchema.extend({
  dataDir: z.string().min(1).describe('the node\'s data folder (partial files go to <dataDir>/incoming)'),
  downloadsDir: z.string().min(1).optional().describe('where received files are saved (default <dataDir>/downloads)'),
  maxFileBytes: positiveInt().default(4 * 1024 ** 3).describe('largest file sent or accepted, in bytes'),
  maxIncoming: positiveInt().default(32).describe('most incoming transfers at once'),
  incompleteTimeoutMs: positiveInt().default(10 * 60_000).describe('give up an incoming transfer after this long without a new chunk'),
  sendWindow: positiveInt().max(1024).default(16).describe('most chunk requests outstanding per outgoing file'),
  chunkRequestTimeoutMs: positiveInt().default(60_000).describe('how long one chunk may take to be delivered'),
  progressIntervalMs: z.number().int().nonnegative().default(250).describe('least time between two progress events of a transfer'),
});

export type Config = z.infer<typeof configSchema>;
