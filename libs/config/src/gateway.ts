// gateway: where the client API listens, and the chat history it keeps.
import { z } from 'zod';
import { isLoopbackHost, parseHostPort } from '@meshwork/protocol';
import { baseConfigSchema } from './base.ts';
import { hostPort } from './fields.ts';

export const gatewayConfigSchema = baseConfigSchema
  .extend({
    // MESH_GATEWAY is also what the client commands read, as a URL: both forms are accepted
    gateway: z
      .string()
      .transform((s) => s.replace(/^https?:\/\//, '').replace(/\/$/, ''))
      .pipe(hostPort({ minPort: 0 }))
      .default('127.0.0.1:8080')
      .describe('HOST:PORT of the web UI and client API (port 0: any free port)'),
    gatewayPublic: z.boolean().default(false).describe('allow a gateway address other than loopback: the API is then reachable from the network'),
    historyLimit: z.number().int().min(1).default(1000).describe('chat messages kept in memory for clients'),
    historyMaxBytes: z.number().int().min(64 * 1024).default(8 * 1024 ** 2).describe('size of the history file before it is rotated'),
    requestTimeoutMs: z.number().int().min(100).default(10_000).describe('how long to wait for a service to answer a request'),
  })
  .superRefine((c, ctx) => {
    const at = parseHostPort(c.gateway, { minPort: 0 });
    if (typeof at !== 'string' && !isLoopbackHost(at.host) && !c.gatewayPublic) {
      ctx.addIssue({
        code: 'custom',
        path: ['gateway'],
        message: `${at.host} is not a loopback address: the API would be reachable from the network; add --gateway-public to allow it`,
      });
    }
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
