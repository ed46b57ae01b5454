// router: de-duplication, relaying, signatures and hop limits, and the v1 network password.
import { z } from 'zod';
import { V2 } from '@meshwork/protocol';
import { baseConfigSchema } from './base.ts';
import { networkPassword } from './fields.ts';

export const routerConfigSchema = baseConfigSchema.extend({
  password: networkPassword,
  seenCacheSize: z.number().int().min(100).default(50_000).describe('message ids remembered for de-duplication'),
  seenTtlMs: z.number().int().min(1000).default(25 * 60_000).describe('how long a message id is remembered (longer than the time window either way, so a replay is refused by one or the other)'),
  sendTimeoutMs: z.number().int().min(100).default(60_000).describe('how long a send may take before it is failed'),
  peerResyncMs: z.number().int().min(100).default(10_000).describe('how often the neighbour table is re-read from transport'),
  hopLimit: z.number().int().min(1).max(V2.maxHopLimit).default(V2.defaultHopLimit).describe('most links a message of this node may travel'),
  messageWindowMs: z.number().int().min(1000).default(V2.messageWindowMs).describe('a signed message whose timestamp is further from this node\'s clock is dropped'),
  admitTimeoutMs: z.number().int().min(100).default(5000).describe('how long filesvc may take to admit a new incoming file'),
});

export type RouterConfig = z.infer<typeof routerConfigSchema>;
