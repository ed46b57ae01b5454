import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected HOST:PORT');

/** `mesh up`: what a node is started with. */
export const upConfigSchema = z.object({
  name: z.string().min(1).max(256).default(`User-${hostname()}`).describe('display name of this node'),
  host: z.string().default('0.0.0.0').describe('address to bind TCP/UDP to (and to announce, when specific)'),
  port: z.number().int().min(1).max(65534).default(9999).describe('TCP port for peers (discovery uses port + 1)'),
  peer: z.array(hostPort).default([]).describe('a static peer, for networks without broadcast (repeatable)'),
  broadcast: z.string().default('255.255.255.255').describe('discovery broadcast address'),
  advertise: z.string().optional().describe('address announced to peers (default: host, or this machine\'s LAN address)'),
  // MESH_GATEWAY is also what the client commands read, as a URL: both forms are accepted
  gateway: z
    .string()
    .transform((s) => s.replace(/^https?:\/\//, '').replace(/\/$/, ''))
    .pipe(hostPort)
    .default('127.0.0.1:8080')
    .describe('HOST:PORT of the web UI and client API (port 0: any free port)'),
  dataDir: z.string().default(join(homedir(), '.meshwork')).describe('folder for identity, downloads and state'),
  debug: z.boolean().default(false).describe('log at debug level'),
});

export type UpConfig = z.infer<typeof upConfigSchema>;
