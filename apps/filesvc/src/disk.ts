import { statfs } from 'node:fs/promises';

/** Bytes an unprivileged process may still write on the file system that holds dir. */
export async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}
