// Fields every service has. The launcher supplies nodeId and the bus; a person sets the rest.
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const baseConfigSchema = z.object({
  nodeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _ only').describe('this node\'s id'),
  name: z.string().min(1).max(256).default(`User-${hostname()}`).describe('display name of this node'),
  dataDir: z.string().min(1).default(join(homedir(), '.meshwork')).describe('folder for identity, downloads and state'),
  natsUrl: z.string().default('nats://127.0.0.1:4222').describe('the node\'s bus'),
  natsToken: z.string().optional().describe('the bus token'),
  debug: z.boolean().default(false).describe('log at debug level'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** What the launcher sets for every service itself: never a `mesh up` option. */
export const launcherSupplied = ['nodeId', 'natsUrl', 'natsToken'] as const;
