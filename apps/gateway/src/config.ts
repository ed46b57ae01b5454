import { z } from 'zod';
import { baseConfigSchema } from '@meshwork/service';

export const configSchema = baseConfigSchema.extend({
  dataDir: z.string().min(1).describe('the node\'s data folder (chat history goes to <dataDir>/gateway)'),
  gatewayHost: z.string().min(1).default('127.0.0.1').describe('address the HTTP + WebSocket API listens on'),
  gatewayPort: z.number().int().min(0).max(65535).default(8080).describe('port of the HTTP + WebSocket API (0: any free port)'),
  historyLimit: z.number().int().min(1).default(1000).describe('chat messages kept in the history'),
  requestTimeoutMs: z.number().int().min(100).default(10_000).describe('how long to wait for a service to answer a request'),
});

export type Config = z.infer<typeof configSchema>;
