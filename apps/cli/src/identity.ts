import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newV1NodeId } from '@meshwork/protocol';
import { LaunchError } from './errors.ts';

const identitySchema = z.object({ nodeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The node's identity, made once (exclusively, mode 0600) and kept in the data folder. */
export function loadIdentity(dataDir: string): z.infer<typeof identitySchema> {
  const file = join(dataDir, 'identity.json');
  const made = { nodeId: newV1NodeId() };
  try {
    writeFileSync(file, `${JSON.stringify(made, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new LaunchError(`cannot write ${file}: ${(err as Error).message}`, err);
  }
  try {
    return identitySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new LaunchError(`${file} holds no valid node identity (${(err as Error).name}); remove it to make a new one`, err);
  }
}
