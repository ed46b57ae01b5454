import { z } from 'zod';
import { baseConfigSchema } from '@meshwork/service';

export const configSchema = baseConfigSchema.extend({
  seenCacheSize: z.number().int().min(100).default(50_000).describe('message ids remembered for de-duplication'),
  seenTtlMs: z.number().int().min(1000).default(15 * 60_000).describe('how long a message id is remembered'),
  sendTimeoutMs: z.number().int().min(100).default(60_000).describe('how long a send may take before it is failed'),
  peerResyncMs: z.number().int().min(100).default(10_000).describe('how often the neighbour table is re-read from transport'),
});

export type Config = z.infer<typeof configSchema>;
