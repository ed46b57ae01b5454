import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newV1NodeId } from '@meshwork/protocol';

const identitySchema = z.object({ nodeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The node's identity, made once and kept in the data folder. */
export function loadIdentity(dataDir: string): z.infer<typeof identitySchema> {
  const file = join(dataDir, 'identity.json');
  if (existsSync(file)) return identitySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const identity = { nodeId: newV1NodeId() };
  writeFileSync(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  return identity;
}
