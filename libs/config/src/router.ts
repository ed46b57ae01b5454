// router: de-duplication, relaying, and the v1 network password.
import { z } from 'zod';
import { baseConfigSchema } from './base.ts';

export const routerConfigSchema = baseConfigSchema.extend({
  password: z.string().min(1).optional().describe('v1 network password: encrypts outgoing chat, decrypts incoming (never logged)'),
  seenCacheSize: z.number().int().min(100).default(50_000).describe('message ids remembered for de-duplication'),
  seenTtlMs: z.number().int().min(1000).default(15 * 60_000).describe('how long a message id is remembered'),
  sendTimeoutMs: z.number().int().min(100).default(60_000).describe('how long a send may take before it is failed'),
  peerResyncMs: z.number().int().min(100).default(10_000).describe('how often the neighbour table is re-read from transport'),
  admitTimeoutMs: z.number().int().min(100).default(5000).describe('how long filesvc may take to admit a new incoming file'),
});

export type RouterConfig = z.infer<typeof routerConfigSchema>;
